/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.cli.CliProcess.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --fleet}, run as a separate process. */
class FleetCliProcessTest {
    private static final String SECRET = "K10-very-secret-token";

    @TempDir
    Path dir;

    private Run kindling(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return CliProcess.run(dir, null, env, args);
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    @BeforeEach
    void fleet() throws IOException {
        write("fleet/base.bu", """
                variant: fcos
                version: 1.6.0
                passwd:
                  users:
                    - name: core
                      ssh_authorized_keys_local: [admin.pub]
                storage:
                  files:
                    - path: /etc/hostname
                      contents:
                        inline: $[[hostname]]
                """);
        write("fleet/roles/web.bu", """
                variant: fcos
                version: 1.5.0
                storage:
                  files:
                    - path: /etc/web.env
                      contents:
                        inline: "PORT=$[[port]] NAME=$[[hostname]]"
                """);
        write("fleet/roles/k3s.bu", """
                variant: fcos
                version: 1.6.0
                storage:
                  files:
                    - path: /etc/rancher/k3s/config.yaml
                      mode: 0600
                      contents:
                        inline: |
                          token: $[[k3s_token]]
                          node-ip: $[[address]]
                """);
        write("fleet/openshift/chrony.bu", """
                variant: openshift
                version: 4.18.0
                metadata:
                  name: 99-worker-chrony
                  labels:
                    machineconfiguration.openshift.io/role: worker
                storage:
                  files:
                    - path: /etc/chrony.conf
                      contents:
                        inline: server $[[ntp]] iburst
                """);
        write("fleet/files/admin.pub", "ssh-ed25519 AAAAadmin admin\n");
        write("fleet/fleet.yaml", """
                files_dir: files
                defaults:
                  base: base.bu
                roles:
                  web:
                    snippets: [roles/web.bu]
                    variables: {port: "8080"}
                  k3s:
                    snippets: [roles/k3s.bu]
                    variables:
                      k3s_token: {env: K3S_TOKEN}
                hosts:
                  web-1:
                    roles: [web]
                    variables: {hostname: web-1}
                    output: web/web-1
                  web-2:
                    roles: [web]
                    variables: {hostname: web-2, port: "9090"}
                    output: web/web-2
                  k3s-1:
                    roles: [k3s]
                    variables: {hostname: k3s-1, address: "10.0.0.21"}
                  chrony:
                    base: openshift/chrony.bu
                    variables: {ntp: ntp.example.org}
                    output: openshift/99-worker-chrony
                """);
    }

    @Test
    void buildsOneOutputPerHost() throws Exception {
        Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        String web1 = read("out/web/web-1.ign");
        assertThat(web1).startsWith("{\"ignition\":{\"version\":\"3.5.0\"}").endsWith("}\n")
                .contains("\"source\":\"data:,web-1\"", "data:,PORT%3D8080%20NAME%3Dweb-1",
                        "\"sshAuthorizedKeys\":[\"ssh-ed25519 AAAAadmin admin\"]");
        assertThat(read("out/web/web-2.ign")).contains("data:,PORT%3D9090%20NAME%3Dweb-2");
        String k3s = read("out/k3s-1.ign");
        assertThat(k3s).contains("\"path\":\"/etc/rancher/k3s/config.yaml\"").doesNotContain("/etc/web.env");
        assertThat(k3s).contains("token%3A%20" + SECRET); // the secret is in the output itself
        assertThat(read("out/openshift/99-worker-chrony.yaml"))
                .startsWith("# Generated by Butane; do not edit\napiVersion: machineconfiguration.openshift.io/v1\n")
                .contains("server%20ntp.example.org%20iburst");
        try (var files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(4);
        }
    }

    @Test
    void theSameAsComposingEachHostBySnippets() throws Exception {
        kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/");
        Run bySnippets = kindling(Map.of(), "--var", "hostname=web-2", "--var", "port=9090", "--snippet",
                "fleet/roles/web.bu", "-d", "fleet/files", "fleet/base.bu");
        assertThat(bySnippets.status()).isZero();
        assertThat(bySnippets.stdout()).isEqualTo(read("out/web/web-2.ign"));
    }

    @Test
    void commandLineVariablesWinOverTheInventory() throws Exception {
        Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/", "--var",
                "port=1234", "--var", "ntp=10.0.0.1");
        // port is not used by the k3s host and ntp only by chrony: a warning per host that does not use it
        assertThat(r.status()).isZero();
        assertThat(read("out/web/web-1.ign")).contains("PORT%3D1234");
        assertThat(read("out/openshift/99-worker-chrony.yaml")).contains("server%2010.0.0.1%20iburst");
        assertThat(r.stderr()).contains("host k3s-1:\nwarning: variable ntp is defined but not used\n\n"
                + "warning: variable port is defined but not used\n");
        assertThat(r.stderr()).endsWith("4 hosts built: 0 failed, 4 with warnings\n");
    }

    @Test
    void checkWritesNothingAndReportsEveryHost() throws Exception {
        write("fleet/roles/web.bu", read("fleet/roles/web.bu").replace("$[[port]]", "$[[prot]]"));
        Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "--check", "--format", "raw");
        assertThat(r.status()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
        assertThat(r.stderr()).isEqualTo("""
                web-1: fleet/roles/web.bu: error at $.storage.files.0.contents.inline, line 7 col 23: variable prot is not defined
                web-1: Error translating config: source config is invalid
                web-2: fleet/roles/web.bu: error at $.storage.files.0.contents.inline, line 7 col 23: variable prot is not defined
                web-2: Error translating config: source config is invalid
                """);
    }

    @Test
    void aFailedHostLosesItsEarlierOutputOthersAreStillWritten() throws Exception {
        assertThat(kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/").status())
                .isZero();
        write("fleet/fleet.yaml", read("fleet/fleet.yaml").replace("{hostname: web-2, port: \"9090\"}",
                "{port: \"9090\"}"));
        Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(dir.resolve("out/web/web-2.ign")).doesNotExist();
        assertThat(dir.resolve("out/web/web-1.ign")).exists();
        assertThat(r.stderr()).contains("host web-2:\nerror[$.storage.files.0.contents.inline]:\n"
                + "  --> fleet/base.bu:11:17\n");
    }

    @Test
    void secretsNeverReachAnyReport() throws Exception {
        // the secret lands where an error quotes it
        write("fleet/roles/k3s.bu", read("fleet/roles/k3s.bu").replace("- path: /etc/rancher/k3s/config.yaml",
                "- path: $[[k3s_token]]"));
        for (String format : List.of("human", "raw", "json", "sarif", "github")) {
            Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "-o", "out/", "--format",
                    format);
            assertThat(r.status()).as(format).isEqualTo(1);
            assertThat(r.stdout() + r.stderr()).as(format).contains("[secret k3s_token]").doesNotContain("K10-very");
        }
    }

    @Test
    void inventoryProblemsArePositioned() throws Exception {
        write("fleet/fleet.yaml", read("fleet/fleet.yaml").replace("roles: [k3s]", "roles: [k8s]"));
        Run r = kindling(Map.of("K3S_TOKEN", SECRET), "--fleet", "fleet/fleet.yaml", "--check", "--format", "raw");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("fleet/fleet.yaml: error at line 22 col 13: host k3s-1 has the role k8s,"
                + " which the inventory does not define\n");
        Run missingSecret = kindling(Map.of(), "--fleet", "fleet/fleet.yaml", "--check", "--format", "raw");
        assertThat(missingSecret.stderr()).contains("the environment variable K3S_TOKEN is not set");
    }

    @Test
    void pathsMayNotLeaveTheInventorysFolder() throws Exception {
        write("outside.bu", "variant: fcos\nversion: 1.6.0\n");
        write("fleet/fleet.yaml", "hosts:\n  a:\n    base: ../outside.bu\n");
        Run r = kindling(Map.of(), "--fleet", "fleet/fleet.yaml", "--check", "--format", "raw");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("line 3 col 11: the path \"../outside.bu\" leaves the inventory's folder");
        Files.createSymbolicLink(dir.resolve("fleet/link.bu"), dir.resolve("outside.bu"));
        write("fleet/fleet.yaml", "hosts:\n  a:\n    base: link.bu\n");
        Run link = kindling(Map.of(), "--fleet", "fleet/fleet.yaml", "--check", "--format", "raw");
        assertThat(link.status()).isEqualTo(1);
        assertThat(link.stderr()).contains("leads out of the inventory's folder through a symbolic link");
    }

    @Test
    void fleetNeedsAnOutputFolderOrCheck() throws Exception {
        Run r = kindling(Map.of(), "--fleet", "fleet/fleet.yaml");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).endsWith("--fleet needs -o OUTDIR/ (a folder) or --check\n");
        assertThat(kindling(Map.of(), "--fleet", "fleet/fleet.yaml", "--check", "x.bu").status()).isEqualTo(2);
        assertThat(new String(Files.readAllBytes(dir.resolve("fleet/fleet.yaml")), StandardCharsets.UTF_8))
                .contains("hosts:");
    }
}
