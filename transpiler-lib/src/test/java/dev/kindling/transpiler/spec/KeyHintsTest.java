/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyHintsTest {
    private static SpecVersion spec(String variant, String version) {
        return Specs.find(variant, version).orElseThrow();
    }

    private static Optional<String> at(String path, String variant, String version) {
        return KeyHints.forUnknownKeyAt(path, spec(variant, version));
    }

    @Test
    void fieldsOfOtherVersionsSayWhereTheyExist() {
        assertThat(at("$.storage.trees.0.file_mode", "fcos", "1.6.0"))
                .hasValue("`file_mode` is available from fcos 1.7.0");
        // boot_device arrives with fcos 1.3.0, which emits the same Ignition version as 1.2.0
        assertThat(at("$.boot_device", "fcos", "1.2.0")).hasValue("`boot_device` is available from fcos 1.3.0");
        assertThat(at("$.metadata", "fcos", "1.6.0")).hasValue("`metadata` is only available in the openshift variant");
        assertThat(at("$.systemd.units.0.contents_local", "fcos", "1.3.0"))
                .hasValue("`contents_local` is available from fcos 1.5.0");
    }

    @Test
    void fieldsOnlyInEarlierVersionsSaySo() {
        // Butane has not dropped a field yet; a declared range that ends shows how it would read
        TypeDef t = new TypeDef("T", List.of(new FieldDef("old", Kind.STRING, null, false, 0, 2, null, false, false)),
                false);
        assertThat(KeyHints.availability(t, "old", spec("fcos", "1.6.0")))
                .hasValue("`old` is only available up to fcos 1.3.0");
        assertThat(KeyHints.availability(t, "old", spec("fcos", "1.2.0"))).isEmpty();
        assertThat(KeyHints.ignitionAvailability(t.allFields().get(0), "old", 5))
                .hasValue("`old` is only available up to Ignition 3.2.0");
    }

    @Test
    void closeNamesOfThisVersionAreSuggested() {
        assertThat(at("$.storage.files.0.contnets", "fcos", "1.6.0")).hasValue("did you mean `contents`?");
        assertThat(at("$.storage.filez", "fcos", "1.6.0")).hasValue("did you mean `files`?");
        assertThat(at("$.storage.files.0.Mode", "fcos", "1.6.0")).hasValue("did you mean `mode`?");
        assertThat(at("$.passwd.users.0.sshAuthorizedKeys", "fcos", "1.6.0"))
                .hasValue("did you mean `ssh_authorized_keys`?");
        assertThat(at("$.storage.files.0.bogus", "fcos", "1.6.0")).isEmpty();
        assertThat(at("$.xyz", "fcos", "1.6.0")).isEmpty();
        // a key with a dot is one key of the object, not a path below it
        assertThat(at("$.storage.files.0.con.tents", "fcos", "1.6.0")).hasValue("did you mean `contents`?");
    }

    @Test
    void editDistanceCountsSwapsAsOne() {
        assertThat(KeyHints.distance("contnets", "contents")).isEqualTo(1);
        assertThat(KeyHints.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KeyHints.closest("ab", List.of("id", "name"))).isEmpty();
        assertThat(KeyHints.closest("nmae", List.of("id", "name"))).hasValue("name");
        // a hostile key costs nothing: lengths too far apart are never compared
        assertThat(KeyHints.closest("x".repeat(5_000_000), List.of("id", "name"))).isEmpty();
    }

    @Test
    void resultsOfferTheHintOnlyForUnusedKeys() {
        byte[] config = "variant: fcos\nversion: 1.6.0\nstorage:\n  filez: []\n".getBytes(StandardCharsets.UTF_8);
        TranspileResult r = Transpiler.create().transpile(config, TranspileOptions.builder().build());
        Diagnostic unused = r.diagnostics().get(0);
        assertThat(unused.message()).isEqualTo("unused key filez");
        assertThat(r.hint(unused)).hasValue("did you mean `files`?");
        Diagnostic other = new Diagnostic(unused.severity(), "duplicate", unused.path(), 4, 3, "m");
        assertThat(r.hint(other)).isEmpty();
    }
}
