/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static dev.kindling.transpiler.engine.EngineTestSupport.run;
import static dev.kindling.transpiler.engine.EngineTestSupport.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import org.junit.jupiter.api.Test;

/**
 * Where problems found in the generated config are reported: Butane's position (the contract of
 * the raw, JSON and SARIF reports) and, in the text, the real one where they differ.
 */
class ReportPositionsTest {
    private static final String OPENSHIFT = """
            variant: openshift
            version: %s
            metadata:
              name: m
              labels:
                machineconfiguration.openshift.io/role: worker
            """;

    @Test
    void aFieldThatButaneCannotMapInAMachineConfigIsReportedAtItsOutputPathOnLineOne() {
        TranspileResult r = run(OPENSHIFT.formatted("4.17.0") + """
                passwd:
                  users:
                    - {}
                """);
        assertThat(where(r)).containsExactly("error $.spec.config.passwd.users.0.name 1:1");
        assertThat(r.diagnostics().get(0).message()).endsWith("(Butane's position; the field is at line 9, column 7)");
    }

    @Test
    void aNamedUserKeepsItsOwnPosition() {
        TranspileResult r = run(OPENSHIFT.formatted("4.17.0") + """
                passwd:
                  users:
                    - name: bob
                """);
        assertThat(where(r)).containsExactly("error $.passwd.users.0.name 9:13");
        assertThat(r.diagnostics().get(0).message()).doesNotContain("Butane's position");
    }

    @Test
    void entriesAfterGrubSugarAreReportedAtTheShiftedIndexAsButaneDoes() {
        TranspileResult r = run("""
                variant: fcos
                version: 1.5.0
                grub:
                  users:
                    - name: root
                      password_hash: grub.pbkdf2.sha512.10000.AA
                storage:
                  files:
                    - path: /etc/a
                    - {}
                """);
        Diagnostic d = r.diagnostics().get(0);
        assertThat(where(d)).isEqualTo("error $.storage.files.2.path 9:5");
        assertThat(d.message()).endsWith("(Butane's position; the field is at line 10, column 7)");
    }

    @Test
    void withoutMergingSugarAZeroPlainValueKeepsItsTranslation() {
        // openshift 4.8 without filesystems or boot_device: Butane merges nothing
        TranspileResult r = run(OPENSHIFT.formatted("4.8.0") + """
                storage:
                  luks:
                    - name: data
                      device: /dev/sdb
                      clevis:
                        tang: [{thumbprint: "t", url: ""}]
                """);
        assertThat(where(r)).containsExactly("error $.storage.luks.0.clevis.tang.0.url 12:39");
    }

    @Test
    void theMergeRuleRecordsOnlyPopulatedValues() {
        ObjValue config = new ObjValue("Config");
        ObjValue passwd = new ObjValue("Passwd").withOrigin(Path.of("passwd"));
        ListValue users = new ListValue().withOrigin(Path.of("passwd", "users"));
        ObjValue empty = new ObjValue("PasswdUser").withOrigin(Path.of("passwd", "users", 0));
        empty.put("name", new StrValue("").withOrigin(Path.of("passwd", "users", 0, "name")));
        ObjValue named = new ObjValue("PasswdUser").withOrigin(Path.of("passwd", "users", 1));
        named.put("name", new StrValue("core").withOrigin(Path.of("passwd", "users", 1, "name")));
        users.add(empty);
        users.add(named);
        passwd.put("users", users);
        config.put("passwd", passwd);

        OutputPaths merged = new OutputPaths(config, 4, true, java.util.Set.of());
        assertThat(merged.toInput(Path.of("passwd", "users", 0, "name")))
                .isEqualTo(Path.of("passwd", "users", 0, "name"));
        assertThat(merged.locate(Path.of("passwd", "users", 0, "name")).real())
                .isEqualTo(Path.of("passwd", "users", 0, "name"));
        assertThat(merged.toInput(Path.of("passwd", "users", 1, "name")))
                .isEqualTo(Path.of("passwd", "users", 1, "name"));
        // the plain empty name is not recorded, nor the user holding only it: both fall back
        assertThat(merged.locate(Path.of("passwd", "users", 0)).butane()).isEqualTo(Path.of("passwd", "users", 0));
        assertThat(merged.locate(Path.of("passwd", "users", 0)).real()).isEqualTo(Path.of("passwd", "users", 0));

        ObjValue mc = new ObjValue("MachineConfig");
        ObjValue spec = new ObjValue("MachineConfigSpec");
        spec.put("config", config);
        mc.put("spec", spec);
        OutputPaths inMachineConfig = new OutputPaths(mc, 4, true, java.util.Set.of());
        assertThat(inMachineConfig.toInput(Path.of("spec", "config", "passwd", "users", 0, "name")))
                .isEqualTo(Path.of("spec", "config", "passwd", "users", 0, "name"));
        assertThat(inMachineConfig.toInput(Path.of("spec", "config", "passwd", "users", 1, "name")))
                .isEqualTo(Path.of("passwd", "users", 1, "name"));
    }

    @Test
    void aSectionTheSugarAlsoFillsKeepsItsNonEmptyLists() {
        // Ignition's merge walks a section that both configs fill field by field and records each
        // non-empty keyed list whatever its items hold; the items keep the populated-values rule
        ObjValue config = new ObjValue("Config");
        ObjValue storage = new ObjValue("Storage").withOrigin(Path.of("storage"));
        ListValue dirs = new ListValue().withOrigin(Path.of("storage", "directories"));
        dirs.add(new ObjValue("Directory").withOrigin(Path.of("storage", "directories", 0)));
        storage.put("directories", dirs);
        config.put("storage", storage);
        Path list = Path.of("storage", "directories");
        assertThat(new OutputPaths(config, 4, true, java.util.Set.of()).toInput(list)).isEqualTo(list.toSnakeCase());
        OutputPaths walked = new OutputPaths(config, 4, true, java.util.Set.of("storage"));
        assertThat(walked.locate(list).butane()).isEqualTo(Path.of("storage", "directories"));
        assertThat(walked.locate(Path.of("storage", "directories", 0)).butane())
                .isEqualTo(Path.of("storage", "directories", 0)); // (the fallback: same text, no entry)
    }

    @Test
    void anEmptyFileEntryIsRecordedButAnEmptyDirectoryIsNot() {
        ObjValue mc = new ObjValue("MachineConfig");
        ObjValue spec = new ObjValue("MachineConfigSpec");
        ObjValue config = new ObjValue("Config");
        ObjValue storage = new ObjValue("Storage").withOrigin(Path.of("storage"));
        ListValue files = new ListValue().withOrigin(Path.of("storage", "files"));
        files.add(new ObjValue("File").withOrigin(Path.of("storage", "files", 0)));
        ListValue dirs = new ListValue().withOrigin(Path.of("storage", "directories"));
        dirs.add(new ObjValue("Directory").withOrigin(Path.of("storage", "directories", 0)));
        storage.put("files", files);
        storage.put("directories", dirs);
        config.put("storage", storage);
        spec.put("config", config);
        mc.put("spec", spec);
        OutputPaths paths = new OutputPaths(mc, 4, false, java.util.Set.of());
        assertThat(paths.toInput(Path.of("spec", "config", "storage", "files", 0)))
                .isEqualTo(Path.of("storage", "files", 0));
        assertThat(paths.toInput(Path.of("spec", "config", "storage", "directories", 0)))
                .isEqualTo(Path.of("spec", "config", "storage", "directories", 0));
    }

    @Test
    void butaneMergesWithGrubSugarFilesystemsOrABootDevice() throws Exception {
        assertThat(merges("variant: fcos\nversion: 1.5.0\n", "fcos", "1.5.0")).isTrue();
        assertThat(merges("variant: fcos\nversion: 1.4.0\n", "fcos", "1.4.0")).isFalse();
        assertThat(merges("variant: fcos\nversion: 1.4.0\nstorage:\n  filesystems:\n    - device: /dev/x\n",
                "fcos", "1.4.0")).isTrue();
        assertThat(merges("variant: fcos\nversion: 1.0.0\nstorage:\n  filesystems:\n    - device: /dev/x\n",
                "fcos", "1.0.0")).isFalse();
        assertThat(merges("variant: fcos\nversion: 1.4.0\nboot_device:\n  mirror:\n    devices: [/dev/a, /dev/b]\n",
                "fcos", "1.4.0")).isTrue();
        assertThat(merges("variant: fcos\nversion: 1.4.0\nboot_device:\n  mirror: {}\n", "fcos", "1.4.0")).isFalse();
    }

    private static boolean merges(String yaml, String variant, String version) throws Exception {
        var spec = dev.kindling.transpiler.spec.Specs.find(variant, version).orElseThrow();
        var root = new dev.kindling.transpiler.yaml.YamlLoader(dev.kindling.transpiler.yaml.YamlLimits.DEFAULT)
                .load(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return OutputPaths.butaneMerges(dev.kindling.transpiler.yaml.Decoder.decode(root, spec), spec);
    }
}
