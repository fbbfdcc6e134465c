/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.context;
import static dev.kindling.transpiler.decompile.Fixtures.draft;
import static dev.kindling.transpiler.decompile.Fixtures.ignition;
import static dev.kindling.transpiler.decompile.Fixtures.spec;
import static dev.kindling.transpiler.decompile.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.spec.SpecVersion;
import org.junit.jupiter.api.Test;

class BootDeviceLayoutTest {
    @Test
    void tpm2RootWithoutMirror() throws Exception {
        SpecVersion spec = spec("fcos", "1.5.0");
        Draft d = draft(ignition("""
                variant: fcos
                version: 1.5.0
                boot_device:
                  luks:
                    tpm2: true
                """), spec);
        assertThat(new BootDeviceLayout().apply(d, context(spec))).isTrue();
        assertThat(yaml(d)).isEqualTo("""
                variant: fcos
                version: 1.5.0
                boot_device:
                  luks:
                    tpm2: true
                """);
    }

    @Test
    void mirroredAarch64WithTang() throws Exception {
        String butane = """
                variant: fcos
                version: 1.5.0
                boot_device:
                  layout: aarch64
                  luks:
                    tang:
                      - url: https://tang.example.com
                        thumbprint: abc
                    threshold: 1
                  mirror:
                    devices: [/dev/vda, /dev/vdb]
                """;
        SpecVersion spec = spec("fcos", "1.5.0");
        String json = ignition(butane);
        Draft d = draft(json, spec);
        assertThat(new BootDeviceLayout().apply(d, context(spec))).isTrue();
        String yaml = yaml(d);
        assertThat(yaml).contains("layout: aarch64").contains("""
                  mirror:
                    devices:
                      - /dev/vda
                      - /dev/vdb
                """).doesNotContain("storage:");
        Fixtures.assertRoundTrip(json, yaml);
    }

    @Test
    void s390xEckdNamesTheDisk() throws Exception {
        SpecVersion spec = spec("fcos", "1.6.0");
        String json = ignition("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: s390x-eckd
                  luks:
                    device: /dev/dasda
                    tpm2: true
                """);
        Draft d = draft(json, spec);
        assertThat(new BootDeviceLayout().apply(d, context(spec))).isTrue();
        assertThat(yaml(d)).contains("layout: s390x-eckd").contains("device: /dev/dasda\n");
        Fixtures.assertRoundTrip(json, yaml(d));
    }

    @Test
    void aRootFilesystemWithUserFieldsIsNotTheGeneratedOne() throws Exception {
        SpecVersion spec = spec("fcos", "1.5.0");
        String json = ignition("""
                variant: fcos
                version: 1.5.0
                boot_device:
                  luks:
                    tpm2: true
                storage:
                  filesystems:
                    - device: /dev/mapper/root
                      mount_options: [noatime]
                """);
        assertThat(new BootDeviceLayout().apply(draft(json, spec), context(spec))).isFalse();
        String text = Fixtures.decompile(json, DecompileOptions.defaults());
        assertThat(text).doesNotContain("boot_device:");
        Fixtures.assertRoundTrip(json, text);
    }

    @Test
    void specsWithoutBootDeviceAreLeftAlone() throws Exception {
        SpecVersion spec = spec("fcos", "1.2.0");
        String json = ignition("""
                variant: fcos
                version: 1.3.0
                boot_device:
                  luks:
                    tpm2: true
                """);
        assertThat(new BootDeviceLayout().apply(draft(json, spec), context(spec))).isFalse();
        // the decompiler picks 1.3.0, the oldest version that has boot_device, for this Ignition 3.2.0 config
        String text = Fixtures.decompile(json, DecompileOptions.defaults());
        assertThat(text).startsWith("variant: fcos\nversion: 1.3.0\nboot_device:\n");
    }
}
