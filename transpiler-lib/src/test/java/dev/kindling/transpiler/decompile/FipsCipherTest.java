/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.ignition;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FipsCipherTest {
    private static final String BUTANE = """
            variant: openshift
            version: 4.14.0
            metadata:
              name: 99-worker-luks
              labels:
                machineconfiguration.openshift.io/role: worker
            openshift:
              fips: true
            storage:
              luks:
                - name: data
                  device: /dev/sdb
                  clevis:
                    tpm2: true
            """;

    @Test
    void theCipherButaneAddsIsRemoved() {
        String mc = ignition(BUTANE);
        assertThat(mc).contains("aes-cbc-essiv:sha256");
        String text = Fixtures.decompile(mc, DecompileOptions.defaults());
        assertThat(text).doesNotContain("cipher").contains("fips: true");
        assertThat(Documents.difference(mc.getBytes(), ignition(text).getBytes())).isEmpty();
    }

    @Test
    void aCipherOfTheUsersOwnStays() {
        String mc = ignition(BUTANE.replace("    tpm2: true", "    tpm2: true\n      options: [--cipher, aes-xts-plain64]"));
        String text = Fixtures.decompile(mc, DecompileOptions.defaults());
        assertThat(text).contains("aes-xts-plain64").doesNotContain("essiv");
    }
}
