/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IgnitionEquivalenceTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String file(String contents) {
        return "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/x\",\"contents\":"
                + contents + "}]}}";
    }

    @Test
    void theVersionDoesNotCount() {
        assertThat(IgnitionEquivalence.same(b("{\"ignition\":{\"version\":\"3.2.0\"}}"),
                b("{\"ignition\":{\"version\":\"3.6.0\"}}"), false)).isTrue();
        assertThat(IgnitionEquivalence.same(b("{\"ignition\":{\"version\":\"3.2.0\"}}"),
                b("{\"ignition\":{\"version\":\"3.6.0\",\"timeouts\":{\"httpTotal\":5}}}"), false)).isFalse();
    }

    @Test
    void dataUrlsCountByTheirBytes() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(b("hello world"));
        }
        String plain = file("{\"source\":\"data:,hello%20world\"}");
        String base64 = file("{\"source\":\"data:;base64," + Base64.getEncoder().encodeToString(b("hello world"))
                + "\"}");
        String gzipped = file("{\"compression\":\"gzip\",\"source\":\"data:;base64,"
                + Base64.getEncoder().encodeToString(gz.toByteArray()) + "\"}");
        assertThat(IgnitionEquivalence.same(b(plain), b(base64), false)).isTrue();
        assertThat(IgnitionEquivalence.same(b(plain), b(gzipped), false)).isTrue();
        assertThat(IgnitionEquivalence.same(b(plain), b(file("{\"source\":\"data:,hello%20World\"}")), false))
                .isFalse();
        // a remote resource with compression is compared as written
        assertThat(IgnitionEquivalence.same(b(file("{\"compression\":\"gzip\",\"source\":\"https://a/b\"}")),
                b(file("{\"source\":\"https://a/b\"}")), false)).isFalse();
    }

    @Test
    void machineConfigsAreComparedAsData() {
        String a = "apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nspec:\n  config:\n"
                + "    ignition:\n      version: 3.2.0\n";
        String b = "apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nspec:\n  config:\n"
                + "    ignition:\n      version: 3.5.0\n";
        assertThat(IgnitionEquivalence.same(b(a), b(b), true)).isTrue();
        assertThat(IgnitionEquivalence.same(b(a), b(b.replace("MachineConfig", "Other")), true)).isFalse();
    }
}
