/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Source;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ignition's merge rules, one keyed list or rule at a time, as documented in Ignition's
 * operator notes ("Config merging") and in the rules at the top of its config/merge package:
 * a child's scalar replaces the parent's; objects merge field by field; lists of keyed items
 * merge item by item (parent order first, the child's new items appended); files, directories
 * and links share one key space, so an entry that changes kind replaces the parent's entry;
 * {@code append}, filesystem, LUKS and RAID {@code options} are concatenated. The expected
 * documents are written by hand from those rules (not recorded from any tool).
 */
class MergeRulesTest {
    private static final Transpiler T = Transpiler.create();

    /** Composes {@code fcos VERSION} configs with the given bodies; the output as text. */
    static String merge(String version, String... bodies) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            sources.add(Source.of("c" + i + ".bu", "variant: fcos\nversion: " + version + "\n" + bodies[i]));
        }
        TranspileResult r = T.compose(sources, TranspileOptions.defaults());
        assertThat(r.allDiagnostics()).as("diagnostics").isEmpty();
        return new String(r.output().orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void filesAreKeyedByPathAndTheChildsScalarsWin() {
        assertThat(merge("1.5.0", """
                storage:
                  files:
                    - path: /etc/a
                      mode: 0644
                      overwrite: true
                      user: {name: core}
                      contents: {inline: one}
                    - path: /etc/b
                """, """
                storage:
                  files:
                    - path: /etc/c
                    - path: /etc/a
                      mode: 0600
                      group: {name: wheel}
                      contents: {inline: two}
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":["
                + "{\"group\":{\"name\":\"wheel\"},\"overwrite\":true,\"path\":\"/etc/a\",\"user\":{\"name\":\"core\"},"
                + "\"contents\":{\"compression\":\"\",\"source\":\"data:,two\"},\"mode\":384},"
                + "{\"path\":\"/etc/b\"},{\"path\":\"/etc/c\"}]}}");
    }

    @Test
    void appendIsConcatenated() {
        assertThat(merge("1.5.0", """
                storage:
                  files:
                    - path: /etc/a
                      append: [{inline: x}]
                """, """
                storage:
                  files:
                    - path: /etc/a
                      append: [{inline: x}, {inline: y}]
                """)).contains("\"append\":[{\"compression\":\"\",\"source\":\"data:,x\"},"
                + "{\"compression\":\"\",\"source\":\"data:,x\"},{\"compression\":\"\",\"source\":\"data:,y\"}]");
    }

    @Test
    void anEntryThatChangesKindReplacesTheParentsEntry() {
        // a file becomes a link, a link a directory, a directory a file: the parent's entry is
        // dropped and the child's is appended to its own list
        assertThat(merge("1.5.0", """
                storage:
                  files:
                    - path: /f
                      mode: 0644
                    - path: /keep
                  links:
                    - path: /l
                      target: /t
                  directories:
                    - path: /d
                      mode: 0700
                """, """
                storage:
                  links:
                    - path: /f
                      target: /elsewhere
                  directories:
                    - path: /l
                  files:
                    - path: /d
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{"
                + "\"directories\":[{\"path\":\"/l\"}],"
                + "\"files\":[{\"path\":\"/keep\"},{\"path\":\"/d\"}],"
                + "\"links\":[{\"path\":\"/f\",\"target\":\"/elsewhere\"}]}}");
    }

    @Test
    void unitsAndTheirDropinsAreKeyedByName() {
        assertThat(merge("1.5.0", """
                systemd:
                  units:
                    - name: a.service
                      enabled: true
                      contents: "[Service]\\nExecStart=/bin/a\\n[Install]\\nWantedBy=multi-user.target\\n"
                      dropins:
                        - name: 10-x.conf
                          contents: "[Service]\\nNice=1\\n"
                        - name: 20-y.conf
                          contents: "[Service]\\nNice=2\\n"
                    - name: b.service
                      mask: true
                """, """
                systemd:
                  units:
                    - name: a.service
                      enabled: false
                      dropins:
                        - name: 20-y.conf
                          contents: "[Service]\\nNice=3\\n"
                        - name: 30-z.conf
                          contents: "[Service]\\nNice=4\\n"
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"systemd\":{\"units\":[{"
                + "\"contents\":\"[Service]\\nExecStart=/bin/a\\n[Install]\\nWantedBy=multi-user.target\\n\","
                + "\"dropins\":[{\"contents\":\"[Service]\\nNice=1\\n\",\"name\":\"10-x.conf\"},"
                + "{\"contents\":\"[Service]\\nNice=3\\n\",\"name\":\"20-y.conf\"},"
                + "{\"contents\":\"[Service]\\nNice=4\\n\",\"name\":\"30-z.conf\"}],"
                + "\"enabled\":false,\"name\":\"a.service\"},{\"mask\":true,\"name\":\"b.service\"}]}}");
    }

    @Test
    void usersAndGroupsAreKeyedByNameAndTheirStringListsByValue() {
        assertThat(merge("1.5.0", """
                passwd:
                  users:
                    - name: core
                      ssh_authorized_keys: [key-a, key-b]
                      groups: [wheel]
                      shell: /bin/bash
                  groups:
                    - name: ops
                      gid: 1000
                """, """
                passwd:
                  users:
                    - name: core
                      ssh_authorized_keys: [key-b, key-c]
                      groups: [docker]
                    - name: admin
                  groups:
                    - name: ops
                      gid: 1001
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"passwd\":{"
                + "\"groups\":[{\"gid\":1001,\"name\":\"ops\"}],"
                + "\"users\":[{\"groups\":[\"wheel\",\"docker\"],\"name\":\"core\","
                + "\"sshAuthorizedKeys\":[\"key-a\",\"key-b\",\"key-c\"],\"shell\":\"/bin/bash\"},"
                + "{\"name\":\"admin\"}]}}");
    }

    @Test
    void disksByDevicePartitionsByNumberOrLabel() {
        assertThat(merge("1.5.0", """
                storage:
                  disks:
                    - device: /dev/vda
                      wipe_table: false
                      partitions:
                        - number: 1
                          label: one
                          size_mib: 100
                        - label: data
                          size_mib: 200
                """, """
                storage:
                  disks:
                    - device: /dev/vda
                      wipe_table: true
                      partitions:
                        - number: 1
                          size_mib: 150
                        - label: data
                          size_mib: 0
                        - number: 3
                          label: extra
                    - device: /dev/vdb
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"disks\":["
                + "{\"device\":\"/dev/vda\",\"partitions\":["
                + "{\"label\":\"one\",\"number\":1,\"sizeMiB\":150},"
                + "{\"label\":\"data\",\"sizeMiB\":0},"
                + "{\"label\":\"extra\",\"number\":3}],\"wipeTable\":true},"
                + "{\"device\":\"/dev/vdb\"}]}}");
    }

    @Test
    void filesystemsByDeviceWithOptionsConcatenated() {
        assertThat(merge("1.5.0", """
                storage:
                  filesystems:
                    - device: /dev/vdb1
                      format: ext4
                      path: /var/a
                      options: [-E, lazy_itable_init=0]
                      mount_options: [noatime]
                """, """
                storage:
                  filesystems:
                    - device: /dev/vdb1
                      format: xfs
                      options: [-f]
                      mount_options: [noatime]
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"filesystems\":[{"
                + "\"device\":\"/dev/vdb1\",\"format\":\"xfs\",\"mountOptions\":[\"noatime\",\"noatime\"],"
                + "\"options\":[\"-E\",\"lazy_itable_init=0\",\"-f\"],\"path\":\"/var/a\"}]}}");
    }

    @Test
    void raidAndLuksByNameWithTheirLists() {
        String out = merge("1.5.0", """
                storage:
                  raid:
                    - name: md0
                      level: raid1
                      devices: [/dev/vda, /dev/vdb]
                      options: [--foo]
                  luks:
                    - name: secret
                      device: /dev/vdc
                      options: [--a]
                      open_options: [--allow-discards]
                      clevis:
                        tang:
                          - url: http://t1
                            thumbprint: x
                """, """
                storage:
                  raid:
                    - name: md0
                      level: raid1
                      devices: [/dev/vdb, /dev/vdc]
                      options: [--bar]
                  luks:
                    - name: secret
                      device: /dev/vdc
                      options: [--b]
                      open_options: [--allow-discards, --perf]
                      clevis:
                        tang:
                          - url: http://t1
                            thumbprint: y
                          - url: http://t2
                            thumbprint: z
                """);
        assertThat(out).contains("\"raid\":[{\"devices\":[\"/dev/vda\",\"/dev/vdb\",\"/dev/vdc\"],\"level\":\"raid1\","
                + "\"name\":\"md0\",\"options\":[\"--foo\",\"--bar\"]}]");
        assertThat(out).contains("\"luks\":[{\"clevis\":{\"tang\":[{\"thumbprint\":\"y\",\"url\":\"http://t1\"},"
                + "{\"thumbprint\":\"z\",\"url\":\"http://t2\"}]},\"device\":\"/dev/vdc\",\"name\":\"secret\","
                + "\"openOptions\":[\"--allow-discards\",\"--perf\"],\"options\":[\"--a\",\"--b\"]}]");
    }

    @Test
    void kernelArgumentListsShareOneKeySpace() {
        // the child's shouldNotExist "quiet" removes the parent's shouldExist "quiet"
        assertThat(merge("1.5.0", """
                kernel_arguments:
                  should_exist: [quiet, console=ttyS0]
                  should_not_exist: [debug]
                """, """
                kernel_arguments:
                  should_exist: [debug, mitigations=off]
                  should_not_exist: [quiet]
                """)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"kernelArguments\":{"
                + "\"shouldExist\":[\"console=ttyS0\",\"debug\",\"mitigations=off\"],"
                + "\"shouldNotExist\":[\"quiet\"]}}");
    }

    @Test
    void ignitionSectionMergeByTlsCaAndProxy() {
        assertThat(merge("1.5.0", """
                ignition:
                  config:
                    merge:
                      - source: https://a.example/a.ign
                  security:
                    tls:
                      certificate_authorities:
                        - source: https://a.example/ca.pem
                  proxy:
                    http_proxy: http://p1:3128
                    no_proxy: [a.example]
                  timeouts:
                    http_total: 10
                """, """
                ignition:
                  config:
                    merge:
                      - source: https://b.example/b.ign
                      - source: https://a.example/a.ign
                        verification:
                          hash: sha512-00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
                  proxy:
                    https_proxy: https://p2:3128
                    no_proxy: [b.example, a.example]
                """)).isEqualTo("{\"ignition\":{\"config\":{\"merge\":["
                + "{\"source\":\"https://a.example/a.ign\",\"verification\":{\"hash\":\"sha512-"
                + "0".repeat(128) + "\"}},{\"source\":\"https://b.example/b.ign\"}]},"
                + "\"proxy\":{\"httpProxy\":\"http://p1:3128\",\"httpsProxy\":\"https://p2:3128\","
                + "\"noProxy\":[\"a.example\",\"b.example\"]},"
                + "\"security\":{\"tls\":{\"certificateAuthorities\":[{\"source\":\"https://a.example/ca.pem\"}]}},"
                + "\"timeouts\":{\"httpTotal\":10},\"version\":\"3.4.0\"}}");
    }

    @Test
    void snippetsMergeInOrderAcrossVersions() {
        // a 3.0.0 snippet and a 3.2.0 snippet onto a 3.4.0 base; the last writer of a scalar wins
        List<Source> sources = List.of(
                Source.of("base.bu", "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      mode: 0600\n"),
                Source.of("old.bu", "variant: fcos\nversion: 1.0.0\nstorage:\n  files:\n    - path: /a\n      mode: 0640\n"
                        + "      contents: {inline: old}\n"),
                Source.of("mid.bu", "variant: fcos\nversion: 1.2.0\nstorage:\n  files:\n    - path: /a\n      mode: 0644\n"));
        TranspileResult r = T.compose(sources, TranspileOptions.defaults());
        assertThat(new String(r.output().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/a\","
                        + "\"contents\":{\"source\":\"data:,old\"},\"mode\":420}]}}");
    }

    @Test
    void specialModeBitsOfAnOlderSnippetAreClearedInANewerBase() {
        // Ignition only applies setuid/setgid/sticky bits for configs of spec 3.6.0 and later
        List<Source> sources = List.of(
                Source.of("base.bu", "variant: fcos\nversion: 1.7.0\n"),
                Source.of("old.bu", "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      mode: 04755\n"));
        TranspileResult r = T.compose(sources, TranspileOptions.defaults());
        assertThat(new String(r.output().orElseThrow(), StandardCharsets.UTF_8)).contains("\"mode\":493");
    }

    @Test
    void aTangAdvertisementOfA34SnippetIsDroppedInANewerBase() {
        // Ignition's 3.4-to-3.5 translation copies only a tang server's URL and thumbprint
        String luks = """
                storage:
                  luks:
                    - name: data
                      device: /dev/vdb
                      clevis:
                        tang:
                          - url: http://tang.example
                            thumbprint: abc
                            advertisement: '{"payload": "eyJrZXlzIjpbXX0", "protected": "eyJhbGciOiJFUzUxMiJ9", "signature": "AA"}'
                """;
        List<Source> newer = List.of(
                Source.of("base.bu", "variant: fcos\nversion: 1.6.0\n"),
                Source.of("old.bu", "variant: fcos\nversion: 1.5.0\n" + luks));
        String out = new String(T.compose(newer, TranspileOptions.defaults()).output().orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(out).contains("\"tang\":[{\"thumbprint\":\"abc\",\"url\":\"http://tang.example\"}]");
        // at the same version nothing is translated
        assertThat(merge("1.5.0", "", luks)).contains("\"advertisement\"");
    }
}
