/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One test per version step: what upstream's upgrade guides and spec changelogs say each step
 * brings, checked against the step table (derived from the spec declarations plus the declared
 * changes).
 */
class VersionStepsTest {
    private static VersionStep step(String variant, String from, String to) {
        return VersionSteps.step(variant, from, to).orElseThrow(() -> new AssertionError("no step " + from));
    }

    private static List<String> added(VersionStep s) {
        return s.changes(Change.FieldAdded.class).stream().map(Change::path).toList();
    }

    private static List<String> values(VersionStep s) {
        return s.changes(Change.ValueAdded.class).stream().map(c -> c.path() + " " + c.value()).toList();
    }

    private static List<String> checks(VersionStep s) {
        return s.changes(Change.RestrictionChanged.class).stream()
                .map(c -> (c.added() ? "+" : "-") + c.path()).toList();
    }

    @Test
    void everyPairOfConsecutiveVersionsIsAStep() {
        for (String variant : List.of("fcos", "flatcar", "r4e", "fiot", "openshift")) {
            List<SpecVersion> line = VersionSteps.line(variant);
            List<VersionStep> steps = VersionSteps.all().stream().filter(s -> s.variant().equals(variant)).toList();
            assertThat(steps).hasSize(line.size() - 1);
            for (int i = 0; i < steps.size(); i++) {
                assertThat(steps.get(i).from()).isEqualTo(line.get(i).version());
                assertThat(steps.get(i).to()).isEqualTo(line.get(i + 1).version());
            }
        }
    }

    @Test
    void upstreamRenamedNoKeyInAnySupportedVersionLine() {
        // every upgrade guide of v0.29.0 says "no breaking changes"; a rename would be declared here
        assertThat(VersionSteps.all()).allSatisfy(s -> assertThat(s.changes(Change.KeyRenamed.class)).isEmpty());
    }

    @Test
    void declaredPathsNameFieldsOfTheNewerVersion() {
        for (VersionStep s : VersionSteps.all()) {
            Set<String> fields = VersionSteps.fields(Specs.find(s.variant(), s.to()).orElseThrow());
            for (Change c : s.changes()) {
                if (!c.path().startsWith("*.") && !(c instanceof Change.FieldRemoved)
                        && !(c instanceof Change.RestrictionChanged r && !r.added())) {
                    assertThat(fields).as("%s: %s", s, c.describe()).contains(c.path());
                }
            }
        }
    }

    @Test
    void fcos10To11() {
        VersionStep s = step("fcos", "1.0.0", "1.1.0");
        assertThat(added(s)).contains("ignition.proxy", "storage.trees", "storage.files.contents.local",
                "storage.files.contents.http_headers", "storage.files.append.local", "ignition.config.merge.inline",
                "ignition.config.merge.compression", "ignition.security.tls.certificate_authorities.inline",
                "storage.filesystems.with_mount_unit", "storage.filesystems.mount_options");
        assertThat(values(s)).containsExactly("*.verification.hash sha256 hashes (sha256-...)");
    }

    @Test
    void fcos11To12() {
        VersionStep s = step("fcos", "1.1.0", "1.2.0");
        assertThat(added(s)).containsExactlyInAnyOrder("passwd.groups.should_exist", "passwd.users.should_exist",
                "storage.disks.partitions.resize", "storage.luks");
        assertThat(values(s)).containsExactly("*.source gs:// URLs (Google Cloud Storage)");
    }

    @Test
    void fcos12To13() {
        VersionStep s = step("fcos", "1.2.0", "1.3.0");
        assertThat(added(s)).containsExactly("boot_device");
        assertThat(checks(s)).containsExactly("+storage.disks.partitions.size_mib");
    }

    @Test
    void fcos13To14() {
        VersionStep s = step("fcos", "1.3.0", "1.4.0");
        assertThat(added(s)).containsExactly("kernel_arguments");
        assertThat(values(s)).hasSize(2).anyMatch(v -> v.startsWith("storage.filesystems.format none"))
                .anyMatch(v -> v.startsWith("storage.filesystems.with_mount_unit true with format swap"));
    }

    @Test
    void fcos14To15() {
        VersionStep s = step("fcos", "1.4.0", "1.5.0");
        assertThat(added(s)).containsExactlyInAnyOrder("grub", "passwd.users.ssh_authorized_keys_local",
                "storage.luks.discard", "storage.luks.open_options", "storage.luks.clevis.tang.advertisement",
                "systemd.units.contents_local", "systemd.units.dropins.contents_local", "boot_device.luks.discard",
                "boot_device.luks.tang.advertisement");
        assertThat(values(s)).containsExactly("*.source s3 access point ARNs (arn:aws:s3:...)");
    }

    @Test
    void fcos15To16() {
        VersionStep s = step("fcos", "1.5.0", "1.6.0");
        assertThat(added(s)).containsExactlyInAnyOrder("storage.luks.cex", "boot_device.luks.cex",
                "boot_device.luks.device");
        assertThat(values(s)).containsExactly("boot_device.layout s390x-eckd, s390x-virt and s390x-zfcp");
        assertThat(checks(s)).containsExactlyInAnyOrder("+storage.filesystems.path", "+storage.disks.partitions.label");
    }

    @Test
    void fcos16To17() {
        VersionStep s = step("fcos", "1.6.0", "1.7.0");
        assertThat(added(s)).containsExactlyInAnyOrder("storage.trees.user", "storage.trees.group",
                "storage.trees.file_mode", "storage.trees.dir_mode");
        assertThat(values(s)).containsExactly("*.mode setuid, setgid and sticky bits (Ignition 3.6.0)");
        assertThat(checks(s)).containsExactlyInAnyOrder("+boot_device.mirror", "+boot_device.luks.device");
    }

    @Test
    void fcos17To18Experimental() {
        VersionStep s = step("fcos", "1.7.0", "1.8.0-experimental");
        assertThat(added(s)).containsExactly("systemd.quadlets");
        assertThat(s.changes()).hasSize(1);
    }

    @Test
    void flatcarSteps() {
        VersionStep s = step("flatcar", "1.0.0", "1.1.0");
        assertThat(added(s)).contains("storage.luks.discard", "storage.luks.open_options",
                "passwd.users.ssh_authorized_keys_local", "systemd.units.contents_local");
        assertThat(added(s)).doesNotContain("grub", "boot_device");
        assertThat(values(s)).containsExactly("*.source s3 access point ARNs (arn:aws:s3:...)");
        VersionStep exp = step("flatcar", "1.1.0", "1.2.0-experimental");
        assertThat(checks(exp)).containsExactlyInAnyOrder("-storage.luks.clevis", "+storage.luks.cex");
    }

    @Test
    void r4eAndFiotSteps() {
        VersionStep r4e = step("r4e", "1.0.0", "1.1.0");
        assertThat(added(r4e)).contains("passwd.users.ssh_authorized_keys_local", "systemd.units.contents_local");
        assertThat(checks(r4e)).isEmpty(); // no storage setup in either version
        VersionStep fiot = step("fiot", "1.0.0", "1.1.0-experimental");
        assertThat(added(fiot)).contains("systemd.quadlets", "storage.trees.file_mode");
    }

    @Test
    void openshiftSteps() {
        VersionStep compression = step("openshift", "4.9.0", "4.10.0");
        assertThat(checks(compression)).containsExactlyInAnyOrder("-storage.files.contents.compression",
                "-storage.files.contents", "+*.mode");
        assertThat(compression.changes(Change.SemanticsChanged.class)).hasSize(1);

        assertThat(checks(step("openshift", "4.12.0", "4.13.0"))).containsExactly("-passwd.users.password_hash");

        VersionStep ign34 = step("openshift", "4.13.0", "4.14.0");
        assertThat(added(ign34)).contains("kernel_arguments", "grub", "storage.luks.discard");
        assertThat(checks(ign34)).contains("+kernel_arguments", "+storage.filesystems.format");

        assertThat(added(step("openshift", "4.18.0", "4.19.0"))).contains("storage.luks.cex");
        assertThat(checks(step("openshift", "4.19.0", "4.20.0"))).containsExactly("-openshift.fips");
        assertThat(step("openshift", "4.21.0", "4.22.0").changes()).as("4.22.0 went back to Ignition 3.5.0")
                .isEmpty();
        assertThat(added(step("openshift", "4.22.0", "4.23.0-experimental"))).contains("storage.trees.user",
                "systemd.quadlets");
    }

    @Test
    void newestStableAndBetween() {
        assertThat(VersionSteps.newestStable("fcos").orElseThrow().version()).isEqualTo("1.7.0");
        assertThat(VersionSteps.newestStable("flatcar").orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(VersionSteps.newestStable("fiot").orElseThrow().version()).isEqualTo("1.0.0");
        assertThat(VersionSteps.newestStable("openshift").orElseThrow().version()).isEqualTo("4.22.0");
        SpecVersion a = Specs.find("fcos", "1.2.0").orElseThrow();
        SpecVersion b = Specs.find("fcos", "1.5.0").orElseThrow();
        assertThat(VersionSteps.between(a, b)).map(VersionStep::toString)
                .containsExactly("fcos 1.2.0 -> 1.3.0", "fcos 1.3.0 -> 1.4.0", "fcos 1.4.0 -> 1.5.0");
        assertThat(VersionSteps.between(b, a)).isEqualTo(VersionSteps.between(a, b));
        assertThat(VersionSteps.between(a, a)).isEmpty();
    }
}
