/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transpile(Path)} and {@code TranspileResult.localFiles()}. */
class ConveniencesTest {
    private static final Transpiler T = Transpiler.create();

    @TempDir
    Path dir;

    private static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void transpilesAFileWithTheDefaultsAndItsNameInDiagnostics() throws Exception {
        Path config = Files.writeString(dir.resolve("web.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n"
                + "  files:\n    - path: etc/motd\n");
        TranspileResult r = T.transpile(config);
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::line, Diagnostic::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, 13));

        Files.writeString(config, "variant: fcos\nversion: 1.5.0\n");
        assertThat(new String(T.transpile(config).output().orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"}}");
    }

    @Test
    void theFilesDirectoryDefaultsToNone() throws Exception {
        Files.writeString(dir.resolve("motd"), "hi\n");
        Path config = Files.writeString(dir.resolve("c.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n"
                + "  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n");
        TranspileResult r = T.transpile(config);
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("no-files-dir");
        assertThat(r.localFiles()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsAFatalDiagnostic() {
        TranspileResult missing = T.transpile(dir.resolve("nope.bu"));
        assertThat(missing.success()).isFalse();
        assertThat(missing.fatal()).get().extracting(Diagnostic::code).isEqualTo("input-unreadable");
        assertThat(missing.fatal().get().message()).endsWith("nope.bu: no such file or directory");

        TranspileResult folder = T.transpile(dir);
        assertThat(folder.fatal()).get().extracting(Diagnostic::message).asString().endsWith(": is a directory");
    }

    @Test
    void nullArgumentsThrowAtTheCall() {
        assertThatThrownBy(() -> T.transpile((Path) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> T.transpile(dir, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> T.transpile((byte[]) null, TranspileOptions.defaults()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void reportsEveryLocalFileAndTreeFolderReadWithItsDigest() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("motd"), "hello\n");
        Files.writeString(files.resolve("key.pub"), "ssh-ed25519 AAAA x\n");
        Path tree = Files.createDirectories(files.resolve("tree/etc"));
        Files.writeString(tree.resolve("b.conf"), "b\n");
        Files.writeString(tree.resolve("a.conf"), "a\n");
        String config = "variant: fcos\nversion: 1.5.0\n"
                + "passwd:\n  users:\n    - name: core\n      ssh_authorized_keys_local: [key.pub]\n"
                + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n"
                + "    - path: /etc/motd2\n      contents:\n        local: /motd\n"
                + "  trees:\n    - local: tree\n      path: /opt\n";
        TranspileResult r = T.transpile(config, TranspileOptions.builder().filesDir(files).build());
        assertThat(r.success()).as("%s", r.allDiagnostics()).isTrue();
        Path f = files.toAbsolutePath().normalize();
        assertThat(r.localFiles()).containsExactlyInAnyOrder(
                new LocalFileRead(f.resolve("key.pub"), sha("ssh-ed25519 AAAA x\n")),
                new LocalFileRead(f.resolve("motd"), sha("hello\n")),
                new LocalFileRead(f.resolve("tree"), sha("etc\n")),
                new LocalFileRead(f.resolve("tree/etc"), sha("a.conf\nb.conf\n")),
                new LocalFileRead(f.resolve("tree/etc/a.conf"), sha("a\n")),
                new LocalFileRead(f.resolve("tree/etc/b.conf"), sha("b\n")));
        assertThat(r.localFiles()).isUnmodifiable();
    }

    @Test
    void withoutTrackingTheOutputIsTheSameAndNothingIsListed() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("motd"), "hello\n".repeat(200));
        Path tree = Files.createDirectories(files.resolve("tree/etc"));
        Files.writeString(tree.resolve("a.conf"), "a\n");
        String config = "variant: fcos\nversion: 1.5.0\n"
                + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n"
                + "  trees:\n    - local: tree\n      path: /opt\n";
        TranspileOptions tracked = TranspileOptions.builder().filesDir(files).build();
        assertThat(tracked.trackLocalFiles()).isTrue();
        TranspileOptions untracked = tracked.toBuilder().trackLocalFiles(false).build();
        assertThat(untracked.toBuilder().build()).isEqualTo(untracked);

        TranspileResult on = T.transpile(config, tracked);
        TranspileResult off = T.transpile(config, untracked);
        assertThat(on.localFiles()).hasSize(4);
        assertThat(off.localFiles()).isEmpty();
        assertThat(off.output()).get().isEqualTo(on.output().orElseThrow());
        // compose, too (each source is its own run)
        TranspileResult composed = T.compose(List.of(new Source("a.bu", config.getBytes(StandardCharsets.UTF_8))),
                untracked);
        assertThat(composed.success()).as("%s", composed.allDiagnostics()).isTrue();
        assertThat(composed.localFiles()).isEmpty();
    }

    @Test
    void aRunThatReadsNothingReportsNothing() {
        TranspileResult r = T.transpile("variant: fcos\nversion: 1.5.0\n", TranspileOptions.defaults());
        assertThat(r.localFiles()).isEqualTo(List.of());
    }
}
