/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in hostile situations, each in a real process: a closed stderr, a huge
 * standard input in a small heap, a config that needs more memory than there is among others
 * that do not, a FIFO in the files directory, and a process killed while writing {@code -o}.
 */
class HostileCliProcessTest {
    private static final String WARNS = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/x\n"
            + "      mode: 644\n";
    private static final String WARNS_OUT =
            "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/etc/x\",\"mode\":644}]}}\n";

    @TempDir
    Path dir;

    record Run(int status, String stdout, String stderr) {
    }

    private List<String> java(String heap, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        if (heap != null) {
            cmd.add("-Xmx" + heap);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Run run(List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("NO_COLOR", "1");
        Path out = dir.resolve(".stdout");
        Path err = dir.resolve(".stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the process stopped reading: that is the point of some tests
            }
        });
        feeder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        feeder.join(10_000);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void closedStderrStillWritesTheConfigOfAConfigWithWarnings() throws Exception {
        Files.writeString(dir.resolve("w.bu"), WARNS);
        StringBuilder sh = new StringBuilder("exec");
        for (String a : java(null, "w.bu")) {
            sh.append(' ').append(shellQuote(a));
        }
        sh.append(" 2>&-");
        Run r = run(List.of("bash", "-c", sh.toString()), null);
        assertThat(r.stdout()).isEqualTo(WARNS_OUT);
        assertThat(r.status()).isZero();

        // and an error still fails
        Files.writeString(dir.resolve("bad.bu"), "variant: fcos\nversion: 9.9.9\n");
        Run bad = run(List.of("bash", "-c", sh.toString().replace("'w.bu'", "'bad.bu'")), null);
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.stdout()).isEmpty();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void hugeStandardInputIsRefusedWithoutReadingItAll() throws Exception {
        // 200 MB of comments into a 128 MB heap: reading it all would run out of memory
        byte[] huge = new byte[200 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) '#');
        for (int i = 1023; i < huge.length; i += 1024) {
            huge[i] = '\n';
        }
        Run r = run(java("128m"), huge);
        assertThat(r.stderr()).contains("input is larger than the limit of 33554432 bytes")
                .doesNotContain("OutOfMemoryError").doesNotContain("memory");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();

        // a file given by name: the same
        Path big = dir.resolve("big.bu");
        Files.write(big, huge);
        Run f = run(java("128m", "big.bu"), null);
        assertThat(f.stderr()).contains("input is larger than the limit of 33554432 bytes");
        assertThat(f.status()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void configThatNeedsTooMuchMemoryFailsAloneAndTheOthersAreWritten() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        byte[] noise = new byte[40 * 1024 * 1024];
        new Random(13).nextBytes(noise);
        Files.write(files.resolve("noise"), noise);
        Files.writeString(dir.resolve("a-big.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
                + "    - path: /opt/noise\n      contents:\n        local: noise\n");
        Files.writeString(dir.resolve("b-small.bu"), "variant: fcos\nversion: 1.5.0\n");
        Files.writeString(dir.resolve("c-small.bu"), "variant: fcos\nversion: 1.6.0\n");
        Run r = run(java("96m", "-d", "files", "-o", "out/", "a-big.bu", "b-small.bu", "c-small.bu"), null);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("not enough memory").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("out/b-small.ign"))).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"}}\n");
        assertThat(Files.readString(dir.resolve("out/c-small.ign"))).isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"}}\n");
        assertThat(dir.resolve("out/a-big.ign")).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fifoInTheFilesDirDoesNotHangTheCommand() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Process mk = new ProcessBuilder("mkfifo", files.resolve("pipe").toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        Files.writeString(dir.resolve("p.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
                + "    - path: /etc/x\n      contents:\n        local: pipe\n");
        Run r = run(java(null, "-d", "files", "--raw-errors", "p.bu"), null);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("error at $.storage.files.0.contents.local, line 7 col 16: read ")
                .contains("a named pipe (FIFO), not a regular file");
    }

    /** Kills the command while it writes a large {@code -o} file, then runs it again. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void temporaryFilesOfAKilledRunAreCleanedByTheNextRun() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        byte[] noise = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(files.resolve("noise"), noise);
        Files.writeString(dir.resolve("n.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
                + "    - path: /opt/noise\n      contents:\n        local: noise\n");
        Path outDir = Files.createDirectories(dir.resolve("o"));
        List<Path> left = List.of();
        for (int attempt = 0; attempt < 20 && left.isEmpty(); attempt++) {
            Process p = new ProcessBuilder(java(null, "-d", "files", "-o", "o/n.ign", "n.bu")).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            while (p.isAlive() && (left = temporaries(outDir)).isEmpty()) {
                Thread.onSpinWait();
            }
            p.destroyForcibly().waitFor();
            left = temporaries(outDir);
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(left.isEmpty(), "caught a run while it was writing");

        // things that only look alike are left alone
        Path otherTarget = Files.writeString(outDir.resolve(".m.ign.1.2.tmp"), "x");
        Path notOurs = Files.writeString(outDir.resolve(".n.ign.backup"), "x");
        Path alive = Files.writeString(outDir.resolve(".n.ign." + ProcessHandle.current().pid() + ".5.tmp"), "x");
        Path ancient = Files.writeString(outDir.resolve(".n.ign." + ProcessHandle.current().pid() + ".6.tmp"), "x");
        Files.setLastModifiedTime(ancient, FileTime.from(Instant.now().minusSeconds(2 * 3600)));

        Files.writeString(dir.resolve("n.bu"), "variant: fcos\nversion: 1.5.0\n");
        Run r = run(java(null, "-o", "o/n.ign", "n.bu"), null);
        assertThat(r.status()).isZero();
        assertThat(Files.readString(outDir.resolve("n.ign"))).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"}}\n");
        for (Path p : left) {
            assertThat(p).as("left by the killed run").doesNotExist();
        }
        assertThat(ancient).doesNotExist();
        assertThat(otherTarget).exists();
        assertThat(notOurs).exists();
        assertThat(alive).exists();
    }

    private static List<Path> temporaries(Path outDir) throws IOException {
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> p.getFileName().toString().matches("\\.n\\.ign\\.[0-9]+\\.-?[0-9]+\\.tmp")).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
