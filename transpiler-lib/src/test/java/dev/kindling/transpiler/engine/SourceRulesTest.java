/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static dev.kindling.transpiler.engine.EngineTestSupport.codes;
import static dev.kindling.transpiler.engine.EngineTestSupport.run;
import static dev.kindling.transpiler.engine.EngineTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.TranspileResult;
import org.junit.jupiter.api.Test;

/** Source validation rules, unused keys and decoding problems, with their positions. */
class SourceRulesTest {
    @Test
    void unusedKeysPointAtTheKey() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.1.0
                storage:
                  luks: []
                  files:
                    - path: /x
                      typo: 1
                """);
        assertThat(where(r)).containsExactlyInAnyOrder("warning $.storage.luks 4:3", "warning $.storage.files.0.typo 7:7");
        assertThat(r.success()).isTrue();
    }

    @Test
    void aliasOfAnObjectIsAContextMismatch() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.6.0
                x: &f {path: /a}
                storage:
                  files: [*f]
                """);
        assertThat(where(r)).containsExactly("warning $.x 3:1", "warning $.storage.files.0 5:11");
        assertThat(codes(r)).isEqualTo("unused-key,context-mismatch");
    }

    @Test
    void nullItemsVanishFromLists() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.6.0
                passwd:
                  users:
                    - ~
                    - name: core
                """);
        assertThat(new String(r.output().orElseThrow())).contains("\"users\":[{\"name\":\"core\"}]");
    }

    @Test
    void tooManySourcesIsReportedAtTheLastOne() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.2.0
                storage:
                  files:
                    - path: /x
                      contents:
                        inline: a
                        source: https://example.com/a
                """);
        assertThat(where(r)).containsExactly("error $.storage.files.0.contents.source 8:17");
    }

    @Test
    void fcos10InlineAndSource() {
        assertThat(codes(run("""
                variant: fcos
                version: 1.0.0
                storage:
                  files:
                    - path: /x
                      contents:
                        inline: a
                        source: https://example.com/a
                """))).isEqualTo("too-many-sources");
    }

    @Test
    void decimalModeWarning() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.7.0
                storage:
                  files:
                    - path: /x
                      mode: 644
                """);
        assertThat(codes(r)).isEqualTo("decimal-mode");
        assertThat(where(r)).containsExactly("warning $.storage.files.0.mode 6:13");
    }

    @Test
    void treeNeedsLocalAndUnitsOneSource() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.5.0
                storage:
                  trees:
                    - path: /x
                systemd:
                  units:
                    - name: a.service
                      contents: x
                      contents_local: y
                """);
        assertThat(codes(r)).isEqualTo("tree-no-local,too-many-systemd-sources");
    }

    @Test
    void bootDeviceRules() {
        assertThat(codes(run("""
                variant: fcos
                version: 1.5.0
                boot_device:
                  layout: s390x-eckd
                  mirror:
                    devices: [/dev/sda]
                """))).isEqualTo("unknown-boot-layout,too-few-mirror-devices,too-few-mirror-devices");
        assertThat(codes(run("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  mirror:
                    devices: [/dev/sda, /dev/sdb]
                """))).isEqualTo("mirror-needs-layout");
        TranspileResult r = run("""
                variant: fcos
                version: 1.7.0
                boot_device:
                  layout: s390x-zfcp
                  luks:
                    device: /dev/dasda
                """);
        assertThat(codes(r)).isEqualTo("luks-boot-device-bad-name,luks-no-method");
        assertThat(where(r).get(1)).isEqualTo("error $.boot_device.luks.luks 6:5");
        assertThat(codes(run("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  luks:
                    tpm2: true
                    cex:
                      enabled: true
                """))).isEqualTo("cex-architecture,cex-with-clevis");
    }

    @Test
    void grubUsersNeedNameAndPassword() {
        assertThat(codes(run("""
                variant: fcos
                version: 1.5.0
                grub:
                  users:
                    - name: ""
                """))).isEqualTo("grub-user-no-name,grub-user-no-password");
    }

    @Test
    void quadletNames() {
        assertThat(codes(run("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: web.service
                    - name: web@a.container
                      contents: x
                """))).isEqualTo("quadlet-bad-extension,template-instance-contents");
    }

    @Test
    void reuseByLabelWarningFrom16() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.6.0
                storage:
                  disks:
                    - device: /dev/vdb
                      partitions:
                        - label: data
                """);
        assertThat(where(r)).containsExactly("warning $.storage.disks.0.partitions.0.number 7:11");
    }

    @Test
    void typeErrorsAreFatalWithTheirLine() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.6.0
                storage:
                  files:
                    - path: /a
                      mode: "0644"
                """);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.fatal()).hasValueSatisfying(d -> {
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.message()).contains("cannot unmarshal !!str `0644` into int");
        });
    }

    @Test
    void duplicateKeysAreFatal() {
        assertThat(run("variant: fcos\nversion: 1.6.0\nvariant: fcos\n").fatal()).isPresent();
    }

    @Test
    void yamlBooleansOfTheOldKindAreAcceptedForBooleanFields() {
        assertThat(new String(run("""
                variant: fcos
                version: 1.6.0
                systemd:
                  units:
                    - name: a.service
                      enabled: yes
                      mask: off
                """).output().orElseThrow())).contains("\"enabled\":true,\"mask\":false");
    }

    @Test
    void dispatchErrors() {
        assertThat(run("").fatal().orElseThrow().code()).isEqualTo("no-variant");
        assertThat(run("variant: fcos\nversion: 1.6\n").fatal().orElseThrow().code()).isEqualTo("invalid-version");
        assertThat(run("variant: fcos\nversion: 9.0.0\n").fatal().orElseThrow().code()).isEqualTo("unknown-version");
        assertThat(run("variant: rhcos\nversion: 0.1.0\n").fatal().orElseThrow().code()).isEqualTo("rhcos-removed");
        assertThat(run("- a\n").fatal().orElseThrow().code()).isEqualTo("yaml-type");
        assertThat(run("a: [\n").fatal().orElseThrow().code()).isEqualTo("yaml-syntax");
    }

    @Test
    void excessiveAliasingIsRefused() {
        StringBuilder sb = new StringBuilder("variant: fcos\nversion: 1.6.0\nx:\n  u: &u {name: a, gecos: b, home_dir: c}\n"
                + "  all: &all\n");
        for (int i = 0; i < 300; i++) {
            sb.append("    - *u\n");
        }
        sb.append("passwd:\n  users: *all\n");
        assertThat(run(sb.toString()).fatal().orElseThrow().message()).contains("excessive aliasing");
    }

    @Test
    void mergeKeysApplyAndAreReportedAsUnused() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.6.0
                storage:
                  files:
                    - &a
                      path: /a
                      mode: 0600
                    - <<: *a
                      path: /b
                """);
        assertThat(new String(r.output().orElseThrow())).contains("{\"path\":\"/b\",\"mode\":384}");
        assertThat(where(r)).containsExactly("warning $.storage.files.1.<< 8:7");
    }
}
