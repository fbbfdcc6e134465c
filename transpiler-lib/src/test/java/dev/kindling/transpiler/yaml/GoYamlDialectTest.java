/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The YAML rules of Butane's reader (go-yaml v3) that the scanner and loader reproduce; the
 * golden cases in conformance/cases/yaml-dialect check the same against recorded Butane runs.
 */
class GoYamlDialectTest {
    private static final String HEAD = "variant: fcos\nversion: 1.6.0\n";
    private final YamlLoader loader = new YamlLoader(YamlLimits.DEFAULT);

    private YNode load(String s) throws YamlException {
        return loader.load(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(YNode map, int entry) {
        return ((YScalar) ((YMap) map).entries().get(entry).value()).value();
    }

    @Test
    void surrogatePairsAnywhereInALongLineAreRead() throws Exception {
        // the library's own reader once failed on a pair split by its 1 KiB read buffer
        for (int pad = 980; pad < 1060; pad++) {
            String v = "a".repeat(pad) + "\uD83D\uDE00b";
            assertThat(value(load("x: " + v + "\n"), 0)).isEqualTo(v);
        }
    }

    @Test
    void tabsSeparateTokensButDoNotIndent() throws Exception {
        assertThat(value(load("a:\t1\t# c\nb: !!str\t2\n"), 1)).isEqualTo("2");
        assertThatThrownBy(() -> load("a: 1\n\tb: 2\n")).isInstanceOf(YamlException.class);
        assertThatThrownBy(() -> load("a:\n  -\tb\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void nelLsAndPsEndLines() throws Exception {
        YMap m = (YMap) load("a: 1\u0085b: 2\u2028c: 3\u2029d: 4\n");
        assertThat(m.entries()).hasSize(4);
        assertThat(m.entries().get(3).key().line()).isEqualTo(4);
        assertThat(value(load("a: \"x\u0085y\"\n"), 0)).isEqualTo("x y");
        assertThat(value(load("a: \"x\u2028y\"\n"), 0)).isEqualTo("x\u2028y");
    }

    @Test
    void lineAndParagraphSeparatorEscapesKeepColumns() throws Exception {
        YMap m = (YMap) load("{a: \"\\L\\P\", b: 1}\n");
        assertThat(value(m, 0)).isEqualTo("\u2028\u2029");
        assertThat(m.entries().get(1).key().column()).isEqualTo(13);
        // many of them in a long document: read in one pass
        String many = "\\L".repeat(50_000);
        assertThat(value(load("# " + "p".repeat(5000) + "\na: \"" + many + "\"\n"), 0)).hasSize(50_000);
    }

    @Test
    void escapesOutsideGoYamlsSetAreRefused() {
        assertThatThrownBy(() -> load("a: \"\\/\"\n")).isInstanceOf(YamlException.class);
        assertThatThrownBy(() -> load("a: \"\\ud800\"\n")).isInstanceOf(YamlException.class);
        assertThatThrownBy(() -> load("a: \"\\UFFFFFFFF\"\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void anchorNamesAreAlphanumeric() {
        assertThatThrownBy(() -> load("a: &x.y 1\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void anAliasInsideItsOwnAnchorMakesARecursiveValue() throws Exception {
        YMap root = (YMap) load("a: &r [1, *r]\n");
        YSeq seq = (YSeq) root.entries().get(0).value();
        assertThat(((YAlias) seq.items().get(1)).target()).isSameAs(seq);
    }

    @Test
    void unknownDirectivesAndSecondDocumentScanErrorsFail() throws Exception {
        assertThatThrownBy(() -> load("%FOO x\n---\na: 1\n")).isInstanceOf(YamlException.class);
        assertThatThrownBy(() -> load("a: 1\n---\n\tb: 2\n")).isInstanceOf(YamlException.class);
        // beyond the look-ahead the rest is never read
        assertThat(((YMap) load("a: 1\n---\nb: [\n")).entries()).hasSize(1);
    }

    @Test
    void duplicateKeysAreReportedPairwiseInButanesOrder() {
        // recorded from butane v0.29.0
        TranspileResult r = Transpiler.create().transpile(
                (HEAD + "storage:\n  files:\n    - path: /a\n      k: 1\n      k: 2\n      j: 0\n      k: 3\n      j: 1\n")
                        .getBytes(StandardCharsets.UTF_8), TranspileOptions.defaults());
        assertThat(r.fatal()).isPresent();
        assertThat(r.fatal().get().message()).contains(
                "line 7: mapping key \"k\" already defined at line 6\n"
                        + "  line 9: mapping key \"k\" already defined at line 6\n"
                        + "  line 9: mapping key \"k\" already defined at line 7\n"
                        + "  line 10: mapping key \"j\" already defined at line 8");
    }

    @Test
    void aLongMergeKeyChainDecodes() {
        StringBuilder b = new StringBuilder(HEAD).append("x-m0: &m0 {k0: 0}\n");
        int n = 5000;
        for (int i = 1; i < n; i++) {
            b.append("x-m").append(i).append(": &m").append(i).append(" {<<: *m").append(i - 1).append("}\n");
        }
        b.append("storage:\n  files:\n    - path: /etc/x\n      <<: *m").append(n - 1).append('\n');
        TranspileResult r = Transpiler.create().transpile(b.toString().getBytes(StandardCharsets.UTF_8),
                TranspileOptions.defaults());
        assertThat(r.output()).isPresent();
        assertThat(new String(r.output().get(), StandardCharsets.UTF_8)).contains("\"path\":\"/etc/x\"");
    }
}
