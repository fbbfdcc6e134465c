/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.ignition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decompiler as a whole: hand-written inputs, choices of variant and version, errors. */
class DecompilerTest {
    private static DecompileResult run(String input, DecompileOptions options) {
        return Decompiler.create().decompile(input.getBytes(StandardCharsets.UTF_8), options);
    }

    @Test
    void handWrittenIgnitionComesBackExactly() {
        String json = """
                {
                  "ignition": {"version": "3.3.0", "config": {}, "timeouts": {}},
                  "passwd": {"users": [{"name": "core", "sshAuthorizedKeys": ["ssh-ed25519 AAAA me"]}]},
                  "storage": {
                    "files": [{"path": "/etc/motd", "overwrite": true, "mode": 420,
                               "contents": {"source": "data:text/plain;charset=utf-8,Welcome%21%0A"}}],
                    "directories": [],
                    "links": [{"path": "/usr/local/bin/tool", "target": "/opt/tool/bin/tool", "hard": false}]
                  },
                  "systemd": {"units": [{"name": "tool.service", "enabled": true,
                                         "contents": "[Service]\\nExecStart=/usr/local/bin/tool\\n\\n[Install]\\nWantedBy=multi-user.target\\n"}]}
                }
                """;
        DecompileResult r = run(json, DecompileOptions.defaults());
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.butane().orElseThrow()).isEqualTo("""
                variant: fcos
                version: 1.4.0
                passwd:
                  users:
                    - name: core
                      ssh_authorized_keys:
                        - ssh-ed25519 AAAA me
                storage:
                  files:
                    - overwrite: true
                      path: /etc/motd
                      contents:
                        inline: |
                          Welcome!
                      mode: 0644
                  links:
                    - path: /usr/local/bin/tool
                      hard: false
                      target: /opt/tool/bin/tool
                systemd:
                  units:
                    - contents: |
                        [Service]
                        ExecStart=/usr/local/bin/tool

                        [Install]
                        WantedBy=multi-user.target
                      enabled: true
                      name: tool.service
                """);
        Fixtures.assertRoundTrip(json, r.butane().orElseThrow());
    }

    @Test
    void deterministic() {
        String json = ignition("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      contents:\n"
                + "        inline: x\n");
        assertThat(Fixtures.decompile(json, DecompileOptions.defaults()))
                .isEqualTo(Fixtures.decompile(json, DecompileOptions.defaults()));
    }

    @Test
    void unknownFieldsAndWrongTypesAreErrorsAtTheirPosition() {
        DecompileResult r = run("{\"ignition\":{\"version\":\"3.4.0\"},\n\"storage\":{\"files\":[{\"path\":1,"
                + "\"colour\":\"red\"}]}}", DecompileOptions.defaults());
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path, Diagnostic::line,
                Diagnostic::column).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("decompile-wrong-type", "$.storage.files.0.path", 2, 29),
                        org.assertj.core.groups.Tuple.tuple("decompile-unknown-field", "$.storage.files.0.colour", 2,
                                40));
    }

    @Test
    void versionsAreChosenFromTheSpecTable() {
        String v32 = "{\"ignition\":{\"version\":\"3.2.0\"}}";
        assertThat(run(v32, DecompileOptions.defaults()).version()).contains("1.2.0");
        assertThat(run(v32, DecompileOptions.builder().variant("openshift").build()).version()).contains("4.8.0");
        assertThat(run(v32, DecompileOptions.builder().version("1.3.0").build()).version()).contains("1.3.0");
        DecompileResult flatcar = run(v32, DecompileOptions.builder().variant("flatcar").build());
        assertThat(flatcar.success()).isFalse();
        assertThat(flatcar.diagnostics().get(0).message()).isEqualTo(
                "no flatcar spec version emits Ignition 3.2.0; flatcar emits 3.3.0, 3.4.0, 3.7.0-experimental");
        DecompileResult none = run("{\"ignition\":{\"version\":\"2.2.0\"}}", DecompileOptions.defaults());
        assertThat(none.diagnostics().get(0).message()).isEqualTo("no Butane spec emits Ignition version 2.2.0");
        assertThat(none.diagnostics().get(0).line()).isEqualTo(1);
    }

    @Test
    void whatButaneCannotWriteIsStillWrittenWithANote() {
        // from openshift 4.14, Butane refuses Ignition kernelArguments inside the MachineConfig
        String mc = """
                apiVersion: machineconfiguration.openshift.io/v1
                kind: MachineConfig
                metadata:
                  name: 99-worker-kargs
                  labels:
                    machineconfiguration.openshift.io/role: worker
                spec:
                  config:
                    ignition:
                      version: 3.4.0
                    kernelArguments:
                      shouldExist:
                        - nosmt
                """;
        DecompileResult r = run(mc, DecompileOptions.defaults());
        assertThat(r.success()).isTrue();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("decompile-not-exact");
        assertThat(r.butane().orElseThrow()).startsWith(
                "# NOTE: transpiling this config does not give exactly the input document:\n# the result does not"
                        + " transpile: error at $.kernel_arguments");
    }

    @Test
    void aBareOpenshiftConfigGetsANameAndARole() {
        DecompileResult r = run("{\"ignition\":{\"version\":\"3.4.0\"}}", DecompileOptions.builder()
                .variant("openshift").sourceName("configs/99-Worker_Chrony.ign").build());
        assertThat(r.butane().orElseThrow()).isEqualTo("""
                variant: openshift
                version: 4.14.0
                # not in the input, which is a bare Ignition config: check the name and the role
                metadata:
                  name: 99-worker-chrony
                  labels:
                    machineconfiguration.openshift.io/role: worker
                """);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("decompile-invented-metadata");
    }

    @Test
    void badInput() {
        assertThat(run("", DecompileOptions.defaults()).diagnostics().get(0).message()).isEqualTo("the input is empty");
        assertThat(run("[1]", DecompileOptions.defaults()).diagnostics().get(0).code()).isEqualTo("decompile-bad-input");
        assertThat(run("a: b\n", DecompileOptions.defaults()).diagnostics().get(0).message())
                .contains("must be an OpenShift MachineConfig");
        assertThat(run("{\"ignition\":{}}", DecompileOptions.defaults()).diagnostics().get(0).message())
                .isEqualTo("the config has no ignition.version");
    }

    @Test
    void bombsAndDeepNestingAreRefusedCleanly() throws Exception {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bos)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                gz.write(zeros);
            }
        }
        String json = "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/z\",\"contents\":"
                + "{\"compression\":\"gzip\",\"source\":\"data:;base64,"
                + java.util.Base64.getEncoder().encodeToString(bos.toByteArray()) + "\"}}]}}";
        DecompileResult bomb = run(json, DecompileOptions.defaults());
        assertThat(bomb.diagnostics()).extracting(Diagnostic::code).containsExactly("decompile-kept-data-url");
        assertThat(bomb.butane().orElseThrow()).contains("# kept as a data URL");

        String deep = "[".repeat(5000) + "]".repeat(5000);
        DecompileResult nested = run("{\"ignition\":{\"version\":\"3.4.0\"},\"x\":" + deep + "}",
                DecompileOptions.defaults());
        assertThat(nested.success()).isFalse();
        assertThat(nested.diagnostics().get(0).code()).isEqualTo("decompile-bad-input");
    }
}
