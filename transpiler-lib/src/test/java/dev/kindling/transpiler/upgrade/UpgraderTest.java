/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgraderTest {
    private static final Upgrader UPGRADER = Upgrader.create();

    private static UpgradeResult upgrade(String config, String to) {
        return UPGRADER.upgrade(config.getBytes(StandardCharsets.UTF_8),
                UpgradeOptions.builder().targetVersion(to).build());
    }

    @Test
    void rewritesOnlyTheVersionScalarKeepingCommentsQuotesAndBlocks() {
        String config = "# top comment\r\nvariant: fcos   # the variant\r\nversion: \"1.2.0\" # pinned\r\n"
                + "storage:\r\n  files:\r\n    - path: '/etc/motd'\r\n      contents:\r\n        inline: >-\r\n"
                + "          folded\r\n          text\r\n";
        UpgradeResult r = upgrade(config, null);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.success()).isTrue();
        assertThat(r.changed()).isTrue();
        assertThat(r.text().orElseThrow()).isEqualTo(config.replace("\"1.2.0\"", "\"1.7.0\""));
        assertThat(r.lineChanges()).containsExactly(new UpgradeResult.LineChange(3, "version: \"1.2.0\" # pinned",
                "version: \"1.7.0\" # pinned"));
        assertThat(r.fromVersion()).isEqualTo("1.2.0");
        assertThat(r.toVersion()).isEqualTo("1.7.0");
        assertThat(r.steps()).hasSize(5);
    }

    @Test
    void keepsATagAndTheEncoding() {
        String config = "variant: fcos\nversion: !!str 1.5.0\n";
        assertThat(upgrade(config, "1.6.0").text().orElseThrow()).isEqualTo("variant: fcos\nversion: !!str 1.6.0\n");

        byte[] utf16 = ("\uFEFFvariant: fcos\nversion: 1.5.0\n").getBytes(StandardCharsets.UTF_16LE);
        UpgradeResult r = UPGRADER.upgrade(utf16, UpgradeOptions.defaults());
        assertThat(new String(r.output().orElseThrow(), StandardCharsets.UTF_16LE))
                .isEqualTo("\uFEFFvariant: fcos\nversion: 1.7.0\n");
    }

    @Test
    void unusedKeysThatLookLikeIndicesOrPathsAreNotTakenForFields() {
        // "" and "0" under ignition, "config.merge" as one key: none is a field in any version,
        // so the upgrade keeps them unused and goes ahead
        String config = "variant: fcos\nversion: 1.5.0\nignition:\n  \"\": 1\n  \"0\": 2\n  config.merge: 3\n";
        UpgradeResult r = upgrade(config, "1.6.0");
        assertThat(r.success()).as("%s", r.diagnostics()).isTrue();
        assertThat(r.text().orElseThrow()).isEqualTo(config.replace("1.5.0", "1.6.0"));
        // a real field of the target that the source ignores is still caught (and commented out)
        UpgradeResult caught = upgrade("variant: fcos\nversion: 1.0.0\nstorage:\n  luks: []\n", "1.2.0");
        assertThat(caught.diagnostics()).extracting(d -> d.code()).contains("upgrade-ignored-field-commented");
        assertThat(caught.text().orElseThrow()).contains("# luks: []");
    }

    @Test
    void theSameVersionChangesNothing() {
        UpgradeResult r = upgrade("variant: fcos\nversion: 1.7.0\n", null);
        assertThat(r.success()).isTrue();
        assertThat(r.changed()).isFalse();
        assertThat(r.steps()).isEmpty();
    }

    @Test
    void aDowngradeIsRefusedAtEachNewerField() {
        String config = """
                variant: fcos
                version: 1.6.0
                storage:
                  luks:
                    - name: data
                      device: /dev/vdb
                      discard: true
                      cex:
                        enabled: true
                """;
        UpgradeResult r = upgrade(config, "1.4.0");
        assertThat(r.success()).isFalse();
        assertThat(r.output()).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path, Diagnostic::line,
                Diagnostic::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("upgrade-field-unavailable", "$.storage.luks.0.discard", 7,
                                7),
                        org.assertj.core.groups.Tuple.tuple("upgrade-field-unavailable", "$.storage.luks.0.cex", 8, 7));
        assertThat(r.diagnostics().get(0).message()).isEqualTo("fcos 1.4.0 has no field storage.luks.discard"
                + " (added in fcos 1.5.0); remove it or choose another version");
        assertThat(r.diagnostics().get(1).message()).contains("(added in fcos 1.6.0)");
        // the same config without the newer fields goes down
        assertThat(upgrade(config.replace("      discard: true\n", "").replace("      cex:\n        enabled: true\n",
                ""), "1.2.0").success()).isTrue();
    }

    @Test
    void aValueTheOlderVersionRefusesIsShownWithItsStep() {
        String config = """
                variant: fcos
                version: 1.4.0
                storage:
                  filesystems:
                    - device: /dev/vdb1
                      wipe_filesystem: true
                      format: none
                """;
        UpgradeResult r = upgrade(config, "1.3.0");
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("upgrade-target-error");
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.message()).startsWith("in fcos 1.3.0: ").contains("(fcos 1.4.0: storage.filesystems.format"
                + " accepts none");
    }

    @Test
    void aWarningOfTheTargetIsReportedButDoesNotStopTheRewrite() {
        String config = """
                variant: fcos
                version: 1.7.0
                storage:
                  files:
                    - path: /usr/local/bin/tool
                      mode: 04755
                """;
        UpgradeResult r = upgrade(config, "1.6.0");
        assertThat(r.success()).isTrue();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo("upgrade-target-warning");
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.message()).contains("setuid");
        });
    }

    @Test
    void aKeyTheOldVersionIgnoredIsCommentedOutNotSilentlyActivated() {
        String config = """
                variant: fcos
                version: 1.4.0
                storage:
                  luks:
                    - name: data
                      device: /dev/vdb
                      discard: true   # wanted, but 1.4.0 ignores it
                      open_options:
                        # a comment inside stays as it is
                        - --allow-discards
                    - name: other
                      device: /dev/vdc
                """;
        UpgradeResult r = upgrade(config, "1.5.0");
        assertThat(r.success()).isTrue();
        assertThat(r.text().orElseThrow()).isEqualTo("""
                variant: fcos
                version: 1.5.0
                storage:
                  luks:
                    - name: data
                      device: /dev/vdb
                      # discard: true   # wanted, but 1.4.0 ignores it
                      # open_options:
                        # a comment inside stays as it is
                      #   - --allow-discards
                    - name: other
                      device: /dev/vdc
                """);
        assertThat(r.diagnostics()).hasSize(2).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo("upgrade-ignored-field-commented");
            assertThat(d.message()).contains("fcos 1.4.0 ignores this key").contains("(added in fcos 1.5.0)")
                    .contains("commented out");
        });
        assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(7, 8);
    }

    @Test
    void anIgnoredKeyThatCannotBeCommentedOutIsRefused() {
        String config = """
                variant: fcos
                version: 1.4.0
                storage:
                  luks:
                    - discard: true
                      name: data
                      device: /dev/vdb
                """;
        UpgradeResult r = upgrade(config, "1.5.0");
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("upgrade-ignored-field");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.message()).contains("fcos 1.4.0 ignores this key").contains("(added in fcos 1.5.0)");
        });
    }

    @Test
    void aChangeOfMeaningIsRefusedAtTheKeyItIsAbout() {
        String config = """
                variant: openshift
                version: 4.19.0
                metadata:
                  name: 99-worker-luks
                  labels:
                    machineconfiguration.openshift.io/role: worker
                openshift:
                  fips: true
                storage:
                  luks:
                    - name: data
                      device: /dev/vdb
                      clevis:
                        tpm2: true
                """;
        assertThat(upgrade(config, "4.19.0").success()).isTrue();
        UpgradeResult r = upgrade(config, "4.20.0");
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("upgrade-output-differs");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.message()).contains("openshift 4.20.0").contains("FIPS");
        });
    }

    @Test
    void automaticCompressionDoesNotCountAsAChange() {
        String big = "x".repeat(4000) + "\n";
        String config = "variant: openshift\nversion: 4.9.0\nmetadata:\n  name: 99-big\n  labels:\n"
                + "    machineconfiguration.openshift.io/role: worker\nstorage:\n  files:\n    - path: /etc/big\n"
                + "      contents:\n        inline: " + big.strip() + "\n";
        UpgradeResult r = upgrade(config, "4.10.0");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.success()).isTrue();
    }

    @Test
    void unknownTargetAndBrokenConfigs() {
        UpgradeResult unknown = upgrade("variant: flatcar\nversion: 1.0.0\n", "1.7.0");
        assertThat(unknown.success()).isFalse();
        assertThat(unknown.diagnostics().get(0).message())
                .isEqualTo("variant flatcar has no version 1.7.0; its versions are 1.0.0, 1.1.0, 1.2.0-experimental");

        UpgradeResult broken = upgrade("variant: fcos\nversion: 1.4.0\nstorage:\n  files:\n    - path: etc/x\n", null);
        assertThat(broken.success()).isFalse();
        assertThat(broken.diagnostics()).extracting(Diagnostic::code).contains("upgrade-source-invalid");
        assertThat(broken.diagnostics().get(0).line()).isEqualTo(5);

        UpgradeResult yaml = upgrade("variant: fcos\nversion: [1.4.0\n", null);
        assertThat(yaml.success()).isFalse();
    }

    @Test
    void aVersionWrittenAsABlockScalarIsNotRewritten() {
        UpgradeResult r = upgrade("variant: fcos\nversion: |-\n  1.4.0\n", null);
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("upgrade-version-not-editable");
            assertThat(d.line()).isEqualTo(2);
        });
    }

    @Test
    void keyRenamesAreEditsOfTheKeyScalarsAlongThePath() throws Exception {
        // no upstream step renames a key; the mechanism is checked on a made-up step
        String text = "storage:\n  files:\n    - path: /a\n      overwrite: true   # keep\n    - path: /b\n"
                + "      \"overwrite\": false\n";
        YNode root = new YamlLoader(YamlLimits.DEFAULT).load(text.getBytes(StandardCharsets.UTF_8));
        YamlText yaml = YamlText.of(text.getBytes(StandardCharsets.UTF_8), text);
        VersionStep made = new VersionStep("fcos", "1.0.0", "1.1.0",
                List.of(new Change.KeyRenamed("storage.files.overwrite", "replace")));
        List<YamlText.Edit> edits = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Upgrader.renames(root, yaml, List.of(made), true, edits, problems);
        assertThat(problems).isEmpty();
        String renamed = yaml.apply(edits);
        assertThat(renamed).isEqualTo(text.replace("overwrite", "replace"));

        YNode back = new YamlLoader(YamlLimits.DEFAULT).load(renamed.getBytes(StandardCharsets.UTF_8));
        List<YamlText.Edit> down = new ArrayList<>();
        YamlText renamedText = YamlText.of(renamed.getBytes(StandardCharsets.UTF_8), renamed);
        Upgrader.renames(back, renamedText, List.of(made), false, down, problems);
        assertThat(renamedText.apply(down)).isEqualTo(text);
    }
}
