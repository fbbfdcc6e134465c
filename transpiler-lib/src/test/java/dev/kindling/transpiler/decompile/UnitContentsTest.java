/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.ignition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnitContentsTest {
    private static String butane(String version) {
        return "variant: fcos\nversion: " + version + "\nsystemd:\n  units:\n    - name: a.service\n"
                + "      contents: |\n        [Service]\n        ExecStart=/bin/true\n      dropins:\n"
                + "        - name: b.conf\n          contents: |\n            [Service]\n            Nice=5\n";
    }

    @Test
    void largeUnitsAndDropinsBecomeContentsLocal() {
        String json = ignition(butane("1.5.0"));
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8),
                DecompileOptions.builder().localFiles(true).localThreshold(10).build());
        assertThat(r.butane().orElseThrow()).contains("contents_local: systemd/a.service",
                "contents_local: systemd/a.service.d/b.conf");
        assertThat(new String(r.localFiles().get("systemd/a.service.d/b.conf"), StandardCharsets.UTF_8))
                .isEqualTo("[Service]\nNice=5\n");
    }

    @Test
    void smallUnitsStayLiteralBlocks() {
        String text = Fixtures.decompile(ignition(butane("1.5.0")), DecompileOptions.builder().localFiles(true).build());
        assertThat(text).contains("    - contents: |\n        [Service]\n        ExecStart=/bin/true\n");
    }

    @Test
    void specsWithoutContentsLocalKeepTheText() {
        String text = Fixtures.decompile(ignition(butane("1.3.0")),
                DecompileOptions.builder().localFiles(true).localThreshold(10).build());
        assertThat(text).doesNotContain("contents_local").contains("ExecStart=/bin/true");
    }
}
