/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.ignition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineContentsTest {
    @TempDir
    Path dir;

    private static String fileJson(String version, String contents) {
        return "{\"ignition\":{\"version\":\"" + version + "\"},\"storage\":{\"files\":[{\"path\":\"/etc/x\","
                + "\"contents\":" + contents + "}]}}";
    }

    @Test
    void gzippedTextBecomesInlineText() {
        String text = "line\n".repeat(200);
        String json = ignition("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n"
                + "      contents:\n        inline: |\n" + "          line\n".repeat(200));
        assertThat(json).contains("\"compression\":\"gzip\"");
        String butane = Fixtures.decompile(json, DecompileOptions.defaults());
        assertThat(butane).contains("inline: |\n          line\n").doesNotContain("data:", "compression");
        Fixtures.assertRoundTrip(json, butane);
        assertThat(text).hasSize(1000);
    }

    @Test
    void percentEncodedTextInIgnition30() {
        String json = fileJson("3.0.0", "{\"source\":\"data:,hello%20world%0A\"}");
        String butane = Fixtures.decompile(json, DecompileOptions.defaults());
        assertThat(butane).startsWith("variant: fcos\nversion: 1.0.0\n").contains("inline: |\n          hello world\n");
        Fixtures.assertRoundTrip(json, butane);
    }

    @Test
    void binaryBecomesALocalFile() throws Exception {
        byte[] binary = {0, 1, 2, (byte) 0xff, 10};
        Files.write(dir.resolve("x"), binary);
        String json = ignition("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/app/blob.bin\n"
                + "      contents:\n        local: x\n", dir, false);
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.builder().localFiles(true).build());
        assertThat(r.butane().orElseThrow()).contains("local: etc/app/blob.bin").doesNotContain("data:");
        assertThat(r.localFiles()).containsOnlyKeys("etc/app/blob.bin");
        assertThat(r.localFiles().get("etc/app/blob.bin")).isEqualTo(binary);
    }

    @Test
    void binaryWithoutLocalFilesIsAnErrorAtTheSource() {
        String json = "{\n  \"ignition\": {\"version\": \"3.4.0\"},\n  \"storage\": {\"files\": [{\"path\": \"/b\",\n"
                + "    \"contents\": {\"source\": \"data:;base64," + Base64.getEncoder().encodeToString(new byte[] {0, 1})
                + "\"}}]}\n}\n";
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.defaults());
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.code()).isEqualTo("decompile-binary-needs-files-dir");
        assertThat(d.path()).isEqualTo("$.storage.files.0.contents.source");
        assertThat(d.line()).isEqualTo(4);
        assertThat(d.column()).isEqualTo(28);
    }

    @Test
    void largeTextIsLocalOnlyWhenLocalFilesAreAllowed() {
        String big = "x".repeat(100) + "\n";
        String json = ignition("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/big\n"
                + "      contents:\n        inline: " + "x".repeat(100) + "\n");
        DecompileResult local = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.builder().localFiles(true).localThreshold(50).build());
        assertThat(local.butane().orElseThrow()).contains("local: etc/big");
        assertThat(new String(local.localFiles().get("etc/big"), StandardCharsets.UTF_8)).isEqualTo(big.strip());
        String inline = Fixtures.decompile(json, DecompileOptions.builder().localThreshold(50).build());
        assertThat(inline).contains("inline: xxxx");
    }

    @Test
    void binaryInFcos10StaysADataUrlWithAComment() {
        String json = fileJson("3.0.0", "{\"source\":\"data:,%00%01\"}");
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.builder().localFiles(true).build());
        String butane = r.butane().orElseThrow();
        assertThat(butane).contains("# binary contents; fcos 1.0.0 has no \"local\"").contains("source: data:,%00%01");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("decompile-kept-data-url");
    }

    @Test
    void anUndecodableDataUrlIsKeptWithAComment() {
        String json = fileJson("3.4.0", "{\"compression\":\"gzip\",\"source\":\"data:;base64,aGVsbG8=\"}");
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.defaults());
        assertThat(r.butane().orElseThrow()).contains("# kept as a data URL: its contents could not be decoded")
                .contains("compression: gzip");
    }

    @Test
    void appendsAndKeyFilesAndMergedConfigsToo() {
        String json = ignition("""
                variant: fcos
                version: 1.5.0
                ignition:
                  config:
                    merge:
                      - inline: '{"ignition":{"version":"3.4.0"}}'
                storage:
                  files:
                    - path: /etc/y
                      append:
                        - inline: more
                  luks:
                    - name: data
                      device: /dev/sdb
                      key_file:
                        inline: secret
                """);
        String butane = Fixtures.decompile(json, DecompileOptions.defaults());
        assertThat(butane).doesNotContain("data:").contains("inline: more", "inline: secret",
                "inline: '{\"ignition\":{\"version\":\"3.4.0\"}}'");
        Fixtures.assertRoundTrip(json, butane);
    }
}
