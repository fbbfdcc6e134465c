/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local files that attack the reader: special files, links to devices, a writer racing the
 * reader, NUL bytes, unreadable and huge files. Every case ends in bounded time with an error
 * at the config path, and nothing outside the files directory is ever read.
 */
class HostileLocalFilesTest {
    private static final String HEAD = "variant: fcos\nversion: 1.5.0\n";
    private static final String SECRET = "outside secret";

    @TempDir
    Path tmp;

    private Path files() throws IOException {
        return Files.createDirectories(tmp.resolve("files"));
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo").isTrue();
    }

    private static String fileLocal(String local) {
        return HEAD + "storage:\n  files:\n    - path: /etc/x\n      contents:\n        local: " + local + "\n";
    }

    private static String errors(TranspileResult r) {
        return r.allDiagnostics().stream().map(d -> d.code() + " " + d.path() + " " + d.line() + ":" + d.column()
                + " " + d.message()).collect(Collectors.joining("\n"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fifoIsRefusedForEveryKindOfLocalReference() throws Exception {
        Path files = files();
        mkfifo(files.resolve("pipe"));
        TranspileResult local = EngineTestSupport.run(fileLocal("pipe"), files);
        assertThat(local.success()).isFalse();
        assertThat(errors(local)).startsWith("local-file-not-regular $.storage.files.0.contents.local 7:16 read "
                + files.toAbsolutePath().normalize().resolve("pipe") + ": a named pipe (FIFO), not a regular file");

        TranspileResult unit = EngineTestSupport.run(HEAD + "systemd:\n  units:\n    - name: a.service\n"
                + "      contents_local: pipe\n", files);
        assertThat(errors(unit)).startsWith("local-file-not-regular $.systemd.units.0.contents_local 6:23 ");

        TranspileResult keys = EngineTestSupport.run(HEAD + "passwd:\n  users:\n    - name: core\n"
                + "      ssh_authorized_keys_local:\n        - pipe\n", files);
        assertThat(errors(keys)).startsWith("local-file-not-regular $.passwd.users.0.ssh_authorized_keys_local.0 ");

        // through a link inside the files directory, too
        Files.createSymbolicLink(files.resolve("to-pipe"), Path.of("pipe"));
        assertThat(errors(EngineTestSupport.run(fileLocal("to-pipe"), files))).startsWith("local-file-not-regular ");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void specialFilesInTreesAreRefusedWithoutBlocking() throws Exception {
        Path files = files();
        Files.createDirectories(files.resolve("tree/etc"));
        Files.writeString(files.resolve("tree/etc/ok.conf"), "fine\n");
        mkfifo(files.resolve("tree/etc/pipe"));
        mkfifo(files.resolve("rootpipe"));
        String tree = HEAD + "storage:\n  trees:\n    - local: tree\n";
        TranspileResult r = EngineTestSupport.run(tree, files);
        assertThat(r.success()).isFalse();
        assertThat(errors(r)).contains("tree-file-type $.storage.trees.0 ");

        TranspileResult root = EngineTestSupport.run(HEAD + "storage:\n  trees:\n    - local: rootpipe\n", files);
        assertThat(errors(root)).startsWith("tree-not-directory $.storage.trees.0 ");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void deviceThroughALinkInsideTheFilesDirIsNeverRead() throws Exception {
        Path files = files();
        Files.createSymbolicLink(files.resolve("zero"), Path.of("/dev/zero"));
        Files.createSymbolicLink(files.resolve("zero-rel"), Path.of("../../../../../../../../../dev/zero"));
        for (String name : new String[] {"zero", "zero-rel"}) {
            TranspileResult r = EngineTestSupport.run(fileLocal(name), files);
            assertThat(r.success()).isFalse();
            assertThat(errors(r)).startsWith("files-dir-escape $.storage.files.0.contents.local 7:16 ");
        }
        // a device node inside the files directory (making one needs root)
        Path dev = files.resolve("zero-node");
        Process mk = new ProcessBuilder("mknod", dev.toString(), "c", "1", "5").start();
        if (mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0) {
            TranspileResult r = EngineTestSupport.run(fileLocal("zero-node"), files);
            assertThat(errors(r)).startsWith("local-file-not-regular $.storage.files.0.contents.local 7:16 ")
                    .contains("a character device");
        }
    }

    @Test
    void linksThatStayInsideStillWork() throws Exception {
        Path files = files();
        Files.createDirectories(files.resolve("a/b"));
        Files.writeString(files.resolve("data.txt"), "hello");
        Files.createSymbolicLink(files.resolve("a/b/up"), Path.of("../../data.txt"));
        Files.createSymbolicLink(files.resolve("a/dir"), Path.of("b"));
        Files.createSymbolicLink(files.resolve("abs"), files.toRealPath().resolve("a/dir/up"));
        Files.createSymbolicLink(files.resolve("self"), Path.of("."));
        LocalFiles lf = new LocalFiles(files);
        for (String p : new String[] {"data.txt", "a/b/up", "a/dir/up", "abs", "self/abs", "/self/self/data.txt"}) {
            assertThat(new String(lf.read(p), StandardCharsets.UTF_8)).as(p).isEqualTo("hello");
        }
        assertThatThrownBy(() -> lf.read("self")).hasMessageEndingWith(": is a directory");
        Files.createSymbolicLink(files.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(files.resolve("loop2"), Path.of("loop1"));
        assertThatThrownBy(() -> lf.read("loop1")).hasMessageEndingWith(": too many levels of symbolic links");
        Files.createSymbolicLink(files.resolve("dangling"), Path.of("nowhere"));
        assertThatThrownBy(() -> lf.read("dangling")).hasMessageEndingWith(": no such file or directory");
        assertThatThrownBy(() -> lf.read("data.txt/x")).hasMessageEndingWith(": not a directory");
    }

    /**
     * A writer swaps a link between a file inside and a secret outside the files directory as
     * fast as it can while the reader reads it. Every read returns the inside data or an
     * error; none returns the secret.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void racingWriterNeverGetsOutsideDataRead() throws Exception {
        Path files = files();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), SECRET);
        Files.writeString(files.resolve("inside"), "inside data");
        Files.createDirectories(files.resolve("d"));
        Files.writeString(files.resolve("d/inside"), "inside data");
        Path link = files.resolve("swap");
        Path dirLink = files.resolve("dswap");
        Files.createSymbolicLink(link, Path.of("inside"));
        Files.createSymbolicLink(dirLink, Path.of("d"));
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Path tmpLink = files.resolve(".swap.tmp");
            Path tmpDirLink = files.resolve(".dswap.tmp");
            boolean out = false;
            while (!stop.get()) {
                out = !out;
                try {
                    Files.deleteIfExists(tmpLink);
                    Files.createSymbolicLink(tmpLink, out ? outside.resolve("secret") : Path.of("inside"));
                    Files.move(tmpLink, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.deleteIfExists(tmpDirLink);
                    Files.createSymbolicLink(tmpDirLink, out ? outside : Path.of("d"));
                    Files.move(tmpDirLink, dirLink, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // keep racing
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        LocalFiles lf = new LocalFiles(files);
        int inside = 0;
        int refused = 0;
        int outsideReads = 0;
        int attempts = 20_000;
        try {
            for (int i = 0; i < attempts; i++) {
                for (String p : new String[] {"swap", "dswap/inside", "dswap/secret"}) {
                    try {
                        String got = new String(lf.read(p), StandardCharsets.UTF_8);
                        if (got.equals(SECRET)) {
                            outsideReads++;
                        } else {
                            inside++;
                        }
                    } catch (LocalFiles.LocalFileException e) {
                        refused++;
                    }
                }
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        assertThat(outsideReads).as("reads of the outside secret (inside %d, refused %d)", inside, refused).isZero();
        assertThat(inside).as("the race let some reads through").isPositive();
        assertThat(refused).as("the writer really raced").isPositive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void racingWriterNeverGetsOutsideDataIntoATree() throws Exception {
        Path files = files();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), SECRET);
        Path tree = Files.createDirectories(files.resolve("tree"));
        Files.createDirectories(files.resolve("real"));
        Files.writeString(files.resolve("real/secret"), "inside data");
        Path sub = tree.resolve("sub");
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Path t = tree.resolve(".tmp");
            boolean out = false;
            while (!stop.get()) {
                out = !out;
                try {
                    // sub flips between a real directory and a link to the outside directory
                    if (out) {
                        Files.deleteIfExists(t);
                        Files.createSymbolicLink(t, outside);
                        deleteTree(sub);
                        Files.move(t, sub, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.deleteIfExists(sub);
                        Files.createDirectories(sub);
                        Files.writeString(sub.resolve("secret"), "inside data");
                    }
                } catch (IOException e) {
                    // keep racing
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        String config = HEAD + "storage:\n  trees:\n    - local: tree\n";
        String secretB64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        int outsideReads = 0;
        try {
            for (int i = 0; i < 2_000; i++) {
                TranspileResult r = EngineTestSupport.run(config, files);
                String out = r.output().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
                String diags = r.allDiagnostics().stream().map(Diagnostic::message).collect(Collectors.joining());
                if (out.contains("outside%20secret") || out.contains(secretB64) || diags.contains(SECRET)) {
                    outsideReads++;
                }
                assertThat(r.allDiagnostics()).noneMatch(d -> d.code().equals("internal-error"));
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        assertThat(outsideReads).isZero();
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isSymbolicLink(p) || Files.isRegularFile(p)) {
            Files.deleteIfExists(p);
        } else if (Files.isDirectory(p)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteTree(c);
                }
            }
            Files.deleteIfExists(p);
        }
    }

    @Test
    void nulByteInALocalPathIsAnErrorAtThePath() throws Exception {
        Path files = files();
        TranspileResult r = EngineTestSupport.run(fileLocal("\"a\\0b\""), files);
        assertThat(r.success()).isFalse();
        assertThat(errors(r)).startsWith("local-file-unreadable $.storage.files.0.contents.local 7:16 open ")
                .contains("a\\x00b: invalid argument");
        TranspileResult tree = EngineTestSupport.run(HEAD + "storage:\n  trees:\n    - local: \"t\\0\"\n", files);
        assertThat(errors(tree)).startsWith("local-file-unreadable $.storage.trees.0 ");
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        Path dir;
        String name;
        if ("root".equals(System.getProperty("user.name"))) {
            // root reads any file; a sysctl file without read permission refuses root too
            dir = Path.of("/proc/sys/vm");
            name = "drop_caches";
            boolean denied;
            try (var in = Files.newInputStream(dir.resolve(name))) {
                denied = false;
            } catch (java.nio.file.AccessDeniedException e) {
                denied = true;
            } catch (IOException e) {
                denied = false;
            }
            assumeTrue(denied, "this system has a file that even root cannot open for reading");
        } else {
            dir = files();
            name = "secret";
            Files.writeString(dir.resolve(name), "x");
            Files.setPosixFilePermissions(dir.resolve(name), java.util.Set.of());
        }
        TranspileResult r = EngineTestSupport.run(fileLocal(name), dir);
        assertThat(errors(r)).isEqualTo("local-file-unreadable $.storage.files.0.contents.local 7:16 open "
                + dir.resolve(name) + ": permission denied");
    }

    @Test
    void fileLargerThanTheBoundIsRefusedBeforeItIsRead() throws Exception {
        Path files = files();
        try (RandomAccessFile f = new RandomAccessFile(files.resolve("huge").toFile(), "rw")) {
            f.setLength(LocalFiles.MAX_FILE_BYTES + 1); // sparse: costs no disk space
        }
        TranspileResult r = EngineTestSupport.run(fileLocal("huge"), files);
        assertThat(errors(r)).startsWith("local-file-too-large $.storage.files.0.contents.local 7:16 read ")
                .endsWith("larger than 1024 MiB, the most that can be embedded in a config");
    }
}
