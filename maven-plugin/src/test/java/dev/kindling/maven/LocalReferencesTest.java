package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalReferencesTest {
    private static Optional<Set<String>> find(String yaml) {
        return LocalReferences.find(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfLocalReference() {
        String yaml = """
                variant: fcos
                version: 1.6.0
                ignition:
                  config:
                    merge:
                      - local: base.ign
                  security:
                    tls:
                      certificate_authorities:
                        - local: ca.pem
                passwd:
                  users:
                    - name: core
                      ssh_authorized_keys_local: [keys/a.pub, keys/b.pub]
                    - name: ops
                      ssh_authorized_keys_local: keys/single.pub
                storage:
                  files:
                    - path: /etc/motd
                      contents:
                        local: motd
                      append:
                        - local: "motd.extra"
                  luks:
                    - name: data
                      key_file:
                        local: keys/luks.key
                  trees:
                    - local: rootfs
                      path: /
                systemd:
                  units:
                    - name: a.service
                      contents_local: units/a.service
                      dropins:
                        - name: x.conf
                          contents_local: 'units/x.conf'
                """;
        assertThat(find(yaml)).contains(Set.of("base.ign", "ca.pem", "keys/a.pub", "keys/b.pub", "keys/single.pub",
                "motd", "motd.extra", "keys/luks.key", "rootfs", "units/a.service", "units/x.conf"));
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        String yaml = """
                x-common: &common
                  contents:
                    local: shared/common.conf
                storage:
                  files:
                    - <<: *common
                      path: /etc/a.conf
                    - path: /etc/b.conf
                      contents: *ref
                y: &ref
                  local: shared/b.conf
                """;
        // an alias before its anchor is a YAML error: nothing can be told
        assertThat(find(yaml)).isEmpty();
        String ok = yaml.replace("contents: *ref\n", "contents: {local: direct.conf}\n");
        assertThat(find(ok)).contains(Set.of("shared/common.conf", "direct.conf", "shared/b.conf"));
    }

    @Test
    void noReferencesAndNoDocument() {
        assertThat(find("variant: fcos\nversion: 1.6.0\n")).contains(Set.of());
        assertThat(find("")).contains(Set.of());
    }

    @Test
    void unreadableYamlMeansUnknown() {
        assertThat(find("a: [\n")).isEmpty();
        assertThat(find("storage:\n  files:\n    - contents:\n        local: !!binary aGVsbG8=\n")).isEmpty();
    }

    @Test
    void utf16WithByteOrderMark() {
        byte[] text = "storage:\n  files:\n    - contents:\n        local: ü.txt\n".getBytes(StandardCharsets.UTF_16);
        assertThat(LocalReferences.find(text)).contains(Set.of("ü.txt"));
    }

    @Test
    void recursiveStructuresEnd() {
        assertThat(find("a: &a\n  b: *a\n  local: x\n")).contains(Set.of("x"));
    }
}
