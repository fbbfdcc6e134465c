/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependencies come from what the library read; each later change to them is noticed. */
class FingerprintsTest {
    @TempDir
    Path files;

    private static final byte[] CONFIG = """
            variant: fcos
            version: 1.6.0
            storage:
              files:
                - path: /etc/motd
                  contents:
                    local: motd
              trees:
                - local: rootfs
            """.getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void files() throws IOException {
        Files.writeString(files.resolve("motd"), "hello");
        Files.createDirectories(files.resolve("rootfs/etc"));
        Files.writeString(files.resolve("rootfs/etc/a.conf"), "a");
        Files.writeString(files.resolve("unrelated.txt"), "x");
    }

    /** What a build records after transpiling the config now. */
    private List<Fingerprints.Dependency> record() throws IOException {
        TranspileResult r = Transpiler.create().transpile(CONFIG, TranspileOptions.builder().filesDir(files).build());
        assertThat(r.success()).as("%s", r.allDiagnostics()).isTrue();
        return new Fingerprints(files).dependencies(r.localFiles());
    }

    /** A fresh instance per question, as each build has. */
    private boolean unchanged(List<Fingerprints.Dependency> deps) {
        return new Fingerprints(files).unchanged(deps);
    }

    @Test
    void inputKeyIsStableAndChangesWithTheConfigAndTheSettings() {
        Fingerprints f = new Fingerprints(files);
        String before = f.inputKey("strict=false", CONFIG);
        assertThat(new Fingerprints(files).inputKey("strict=false", CONFIG)).isEqualTo(before).hasSize(64);
        byte[] edited = (new String(CONFIG, StandardCharsets.UTF_8) + "# comment\n").getBytes(StandardCharsets.UTF_8);
        assertThat(f.inputKey("strict=false", edited)).isNotEqualTo(before);
        assertThat(f.inputKey("strict=true", CONFIG)).isNotEqualTo(before);
    }

    @Test
    void dependenciesAreWhatTheLibraryRead() throws IOException {
        Path root = files.toAbsolutePath().normalize();
        assertThat(record()).extracting(Fingerprints.Dependency::path).containsExactlyInAnyOrder(
                root.resolve("motd").toString(), root.resolve("rootfs").toString(),
                root.resolve("rootfs/etc").toString(), root.resolve("rootfs/etc/a.conf").toString());
        assertThat(unchanged(record())).isTrue();
    }

    @Test
    void noticesAChangedOrDeletedFile() throws IOException {
        List<Fingerprints.Dependency> deps = record();
        Files.writeString(files.resolve("motd"), "hellO"); // same size
        assertThat(unchanged(deps)).isFalse();
        Files.delete(files.resolve("motd"));
        assertThat(unchanged(deps)).isFalse();
    }

    @Test
    void noticesATreeAddedFileRemovedFileOrModeChange() throws IOException {
        List<Fingerprints.Dependency> deps = record();
        Path added = files.resolve("rootfs/etc/b.conf");
        Files.writeString(added, "");
        assertThat(unchanged(deps)).isFalse();
        Files.delete(added);
        assertThat(unchanged(deps)).isTrue();
        Files.setPosixFilePermissions(files.resolve("rootfs/etc/a.conf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(unchanged(deps)).isFalse();
    }

    @Test
    void noticesALinkInATreeOrTheTargetOfANamedLink() throws IOException {
        Files.createSymbolicLink(files.resolve("rootfs/etc/link"), Path.of("a.conf"));
        List<Fingerprints.Dependency> withLink = record();
        Files.delete(files.resolve("rootfs/etc/link"));
        Files.createSymbolicLink(files.resolve("rootfs/etc/link"), Path.of("other.conf"));
        assertThat(unchanged(withLink)).isFalse();

        Files.writeString(files.resolve("real-motd"), "one");
        Files.delete(files.resolve("motd"));
        Files.createSymbolicLink(files.resolve("motd"), Path.of("real-motd"));
        List<Fingerprints.Dependency> linked = record();
        Files.writeString(files.resolve("real-motd"), "two");
        assertThat(unchanged(linked)).isFalse();
    }

    @Test
    void ignoresFilesTheConfigDoesNotRead() throws IOException {
        List<Fingerprints.Dependency> deps = record();
        Files.writeString(files.resolve("unrelated.txt"), "changed");
        Files.writeString(files.resolve("other.bu"), "variant: fcos\n");
        assertThat(unchanged(deps)).isTrue();
    }
}
