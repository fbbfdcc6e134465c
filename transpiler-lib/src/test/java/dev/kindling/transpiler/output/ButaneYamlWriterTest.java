/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.output.ButaneYamlWriter.Commented;
import dev.kindling.transpiler.output.ButaneYamlWriter.Octal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ButaneYamlWriterTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void layoutKeysInGivenOrderCommentsAndOctal() {
        String yaml = ButaneYamlWriter.write(List.of("top"), map(
                "variant", "fcos",
                "version", "1.5.0",
                "storage", map("files", List.of(
                        map("path", "/etc/a", "mode", new Octal(0644)),
                        new Commented(List.of("second file"), map("path", "/etc/b",
                                "contents", map("inline", "two\nlines\n")))))),
                true);
        assertThat(yaml).isEqualTo("""
                # top
                variant: fcos
                version: 1.5.0
                storage:
                  files:
                    - path: /etc/a
                      mode: 0644
                    # second file
                    - path: /etc/b
                      contents:
                        inline: |
                          two
                          lines
                """);
    }

    @Test
    void quotesWhatWouldReadAsAnotherType() {
        String yaml = ButaneYamlWriter.write(List.of(), map("a", "yes", "b", "0644", "c", "1.5", "d", "",
                "e", "null", "f", "- x", "g", "a: b", "h", "plain text"), true);
        assertThat(yaml).isEqualTo("""
                a: "yes"
                b: "0644"
                c: "1.5"
                d: ""
                e: "null"
                f: '- x'
                g: 'a: b'
                h: plain text
                """);
    }

    @Test
    void chompingIndicators() {
        String yaml = ButaneYamlWriter.write(List.of(), map("a", "x\ny", "b", "x\n", "c", "x\n\n", "d", " lead\n"),
                true);
        assertThat(yaml).isEqualTo("a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\nd: |2\n   lead\n");
    }

    @Test
    void aCommentOnTheFirstKeyOfAListItemGoesAboveTheDash() {
        String yaml = ButaneYamlWriter.write(List.of(), map("l", List.of(
                map("source", new Commented(List.of("why"), "data:,x"), "more", "z"))), true);
        assertThat(yaml).isEqualTo("l:\n  # why\n  - source: data:,x\n    more: z\n");
    }

    /**
     * Property: any text written as a file's inline contents reads back as the same bytes when
     * the transpiler reads the YAML (checked through the data URL it makes), in both styles.
     */
    @Test
    void everyTextReadsBackUnchanged() {
        Random random = new Random(11);
        String alphabet = "ab :#-'\"\\\t\n\r{}[]|>*&!%@`,?0.1~\u00e9\u2028\u0085\u00a0\uFEFF\u0007";
        List<String> samples = new ArrayList<>(List.of("yes", "no", "~", "0x1F", "1e3", "- a", "#x", "a #b",
                "trailing \nspace", "\n\nlead", "tab\tin\nblock", "only\n\n\n", " ", "\t", "---", "...", "x:"));
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        for (boolean literal : new boolean[] {true, false}) {
            for (String s : samples) {
                Map<String, Object> doc = map("variant", "fcos", "version", "1.5.0", "storage", map("files",
                        List.of(map("path", "/x", "contents", map("inline", s)))));
                String yaml = ButaneYamlWriter.write(List.of(), doc, literal);
                TranspileResult r = Transpiler.create().transpile(yaml, TranspileOptions.defaults());
                if (!r.success()) {
                    // a style that cannot hold the text is only acceptable in the idiomatic mode, where
                    // the decompiler falls back to the conservative one
                    assertThat(literal).as("conservative style fails for %s:\n%s", escape(s), yaml).isTrue();
                    continue;
                }
                String json = new String(r.output().orElseThrow(), StandardCharsets.UTF_8);
                assertThat(decoded(json)).as("text %s written as\n%s", escape(s), yaml).isEqualTo(s);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return sb.toString();
    }

    private static final Pattern SOURCE = Pattern.compile("\"source\":\"(data:[^\"]*)\"");

    private static String decoded(String json) {
        Matcher m = SOURCE.matcher(json);
        assertThat(m.find()).isTrue();
        String url = m.group(1);
        int comma = url.indexOf(',');
        String data = url.substring(comma + 1);
        byte[] bytes = url.substring(0, comma).endsWith(";base64") ? Base64.getDecoder().decode(data)
                : URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
