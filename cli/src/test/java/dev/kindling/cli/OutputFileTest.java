/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -o writer: modes, links and folders as open(2) would treat them, and the clean-up of temporaries. */
class OutputFileTest {
    /** Above Linux's largest pid: no process has it, so its temporaries are stale. */
    private static final long GONE = 9_999_999_999L;

    @TempDir
    Path dir;

    private Path temporary(String target, long pid) throws Exception {
        Path p = dir.resolve("." + target + "." + pid + ".12345.tmp");
        Files.writeString(p, "partial");
        return p;
    }

    @Test
    void removesOnlyTheStaleTemporariesOfTheTargetWritten() throws Exception {
        Path deadA = temporary("a.ign", GONE);
        Path deadB = temporary("b.ign", GONE);
        Path liveA = temporary("a.ign", ProcessHandle.current().pid()); // ours and recent: kept
        Path foreign = dir.resolve(".a.ign.notours.tmp");
        Files.writeString(foreign, "x");

        OutputFile.write(dir.resolve("a.ign").toString(), "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(deadA).doesNotExist();
        assertThat(liveA).exists();
        assertThat(foreign).exists();
        assertThat(deadB).exists(); // another target's: left until that target is written

        // the folder was listed once, at the first write; later targets still find theirs
        OutputFile.write(dir.resolve("b.ign").toString(), "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(deadB).doesNotExist();
        assertThat(Files.readString(dir.resolve("a.ign"))).isEqualTo("{}\n");
        assertThat(Files.readString(dir.resolve("b.ign"))).isEqualTo("{}\n");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(liveA.getFileName().toString(), ".a.ign.notours.tmp", "a.ign",
                            "b.ign");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private void assertNoTemporaries() throws Exception {
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aNewFileGetsButanesModeMinusTheUmask() throws Exception {
        // what this process's umask leaves of 0666, found by creating a file the plain way
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        expected.remove(PosixFilePermission.GROUP_WRITE);
        expected.remove(PosixFilePermission.OTHERS_WRITE);

        Path out = dir.resolve("new.ign");
        OutputFile.write(out.toString(), bytes("{}\n"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(expected);
        assertThat(out).hasContent("{}");
        assertNoTemporaries();
    }

    @Test
    void anExistingFileKeepsItsModeWhole() throws Exception {
        Path secret = dir.resolve("secret.ign");
        Files.writeString(secret, "old");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path tool = dir.resolve("tool.ign");
        Files.writeString(tool, "old");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxrwxr-x")); // wider than any umask leaves

        OutputFile.write(secret.toString(), bytes("new\n"));
        OutputFile.write(tool.toString(), bytes("new\n"));
        assertThat(mode(secret)).isEqualTo("rw-------");
        assertThat(mode(tool)).isEqualTo("rwxrwxr-x");
        assertThat(secret).hasContent("new");
        assertThat(tool).hasContent("new");
        assertNoTemporaries();
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path target = real.resolve("out.ign");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.ign"), target);

        OutputFile.write(link.toString(), bytes("new\n"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.ign"), real.resolve("made.ign"));
        OutputFile.write(dangling.toString(), bytes("made\n"));
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(real.resolve("made.ign")).hasContent("made");
        assertNoTemporaries();
    }

    @Test
    void aFolderIsRefusedInButanesWords() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.ign"));
        Path linkToFolder = Files.createSymbolicLink(dir.resolve("to-folder.ign"), folder);
        for (Path p : new Path[] {folder, linkToFolder}) {
            assertThatThrownBy(() -> OutputFile.write(p.toString(), bytes("{}")))
                    .isInstanceOf(OutputFile.OpenException.class)
                    .hasMessage("open " + p + ": is a directory");
        }
        assertNoTemporaries();
    }
}
