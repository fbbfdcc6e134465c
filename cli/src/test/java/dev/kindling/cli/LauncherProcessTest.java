/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./kindling} launcher with the packaged jar (so it runs after
 * {@code package}, see the cli pom) in JVM situations that used to put the JVM's class-data
 * sharing messages on stdout: a moved checkout, another {@code java} on PATH, a damaged archive.
 * Whatever happens to the archive, stdout is exactly the config and stderr stays empty.
 */
class LauncherProcessTest {
    private static final String CONFIG = "variant: fcos\nversion: 1.5.0\n";
    private static final String EXPECTED = "{\"ignition\":{\"version\":\"3.4.0\"}}\n";

    @TempDir
    Path tmp;

    private Path checkout;

    record Run(int status, String stdout, String stderr) {
    }

    /** A checkout holding just what the launcher needs: itself, the jar and the training sample. */
    @BeforeEach
    void layOutCheckout() throws IOException {
        Path moduleDir = Path.of("").toAbsolutePath();
        Path jar = moduleDir.resolve("target/kindling.jar");
        assumeTrue(Files.isRegularFile(jar), "the packaged jar exists (run after package)");
        checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("cli/target"));
        Files.createDirectories(checkout.resolve("examples"));
        Files.copy(moduleDir.resolveSibling("kindling"), checkout.resolve("kindling"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, checkout.resolve("cli/target/kindling.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(moduleDir.resolveSibling("examples/hello.bu"), checkout.resolve("examples/hello.bu"));
        Files.writeString(tmp.resolve("in.bu"), CONFIG);
    }

    private Run launch(Path root, String pathPrefix) throws IOException, InterruptedException {
        return launchWithPath(root, pathPrefix == null ? System.getenv("PATH") : pathPrefix + ":" + System.getenv("PATH"));
    }

    private Run launchWithPath(Path root, String path) throws IOException, InterruptedException {
        return launchWith(root, path, null);
    }

    /** Runs the launcher with this PATH and JAVA_HOME (none when null). */
    private Run launchWith(Path root, String path, String javaHome) throws IOException, InterruptedException {
        List<String> cmd = List.of(bash(), root.resolve("kindling").toString(), tmp.resolve("in.bu").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("NO_COLOR", "1");
        env.put("PATH", path);
        env.remove("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        Path out = tmp.resolve(".stdout");
        Path err = tmp.resolve(".stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void assertClean(Run r) {
        assertThat(r.stdout()).isEqualTo(EXPECTED);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
    }

    /**
     * The archives, one per JDK: cli/target/cds/JDK/archive.jsa (a dynamic CDS archive), or
     * archive.aot (an AOT cache, from JDK 25 on).
     */
    private static List<Path> archives(Path root) throws IOException {
        Path dir = root.resolve("cli/target/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.flatMap(d -> Stream.of(d.resolve("archive.jsa"), d.resolve("archive.aot")))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void javaHomeWinsOverThePathAsForMaven() throws Exception {
        // a PATH whose java is not a JVM at all: only JAVA_HOME's can have run the config
        Path fakeBin = tmp.resolve("fake-bin");
        Files.createDirectories(fakeBin);
        Path fake = fakeBin.resolve("java");
        Files.writeString(fake, "#!/bin/sh\necho not a jvm >&2\nexit 3\n");
        fake.toFile().setExecutable(true);
        assertClean(launchWith(checkout, fakeBin + ":" + System.getenv("PATH"), System.getProperty("java.home")));
    }

    @Test
    void aJavaHomeWithoutJavaIsAClearError() throws Exception {
        Path empty = tmp.resolve("no-jdk");
        Files.createDirectories(empty);
        Run r = launchWith(checkout, System.getenv("PATH"), empty.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("kindling: JAVA_HOME is set to \"" + empty
                + "\", which has no bin/java (Java 17 or later is needed)\n");
    }

    @Test
    void trainsOnceAndThenUsesTheArchive() throws Exception {
        assertClean(launch(checkout, null));
        List<Path> first = archives(checkout);
        assertThat(first).hasSize(1);
        FileTime trained = Files.getLastModifiedTime(first.get(0));
        assertClean(launch(checkout, null));
        assertThat(archives(checkout)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first.get(0))).isEqualTo(trained);
    }

    @Test
    void movedCheckoutKeepsStdoutCleanAndRetrains() throws Exception {
        assertClean(launch(checkout, null));
        Path moved = tmp.resolve("moved");
        copyTree(checkout, moved); // an archive made for the old path comes along
        Path jsa = archives(moved).get(0);
        assertThat(Files.readString(jsa.resolveSibling("jar-path")).strip())
                .isEqualTo(checkout.resolve("cli/target/kindling.jar").toString());
        assertClean(launch(moved, null));
        List<Path> archives = archives(moved);
        assertThat(archives).hasSize(1); // made anew for the new place
        assertThat(Files.readString(archives.get(0).resolveSibling("jar-path")).strip())
                .isEqualTo(moved.resolve("cli/target/kindling.jar").toString());
    }

    /**
     * Once the jar is built and the archive trained, the launcher runs nothing but the JVM: with a
     * PATH that holds only {@code java}, any other program it started would fail the run.
     */
    @Test
    void theUsualRunStartsNoProgramButJava() throws Exception {
        Path onlyJava = tmp.resolve("only-java");
        Files.createDirectories(onlyJava);
        Files.createSymbolicLink(onlyJava.resolve("java"), Path.of(realJava()));
        // the first run trains (with the usual tools on PATH), the second must not need them
        assertClean(launchWithPath(checkout, onlyJava + ":" + System.getenv("PATH")));
        assertClean(launchWithPath(checkout, onlyJava.toString()));
        // nor through a symbolic link to the checkout (its physical path is found by cd -P,
        // a builtin) or from another folder
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, checkout);
        assertClean(launchWithPath(link, onlyJava.toString()));
        assertThat(archives(checkout)).hasSize(1);
    }

    @Test
    void anotherJavaOnPathKeepsStdoutCleanAndGetsItsOwnArchive() throws Exception {
        Optional<Path> other = otherJdk();
        assumeTrue(other.isPresent(), "a second JDK is installed under /usr/lib/jvm");
        assertClean(launch(checkout, null));
        assertClean(launch(checkout, other.get().resolve("bin").toString()));
        assertThat(archives(checkout)).hasSize(2);
        // and back: the first JVM's archive is still there and still fits
        assertClean(launch(checkout, null));
        assertThat(archives(checkout)).hasSize(2);
    }

    /** From JDK 25 on the archive is an AOT cache: made once, then used. */
    @Test
    void aNewerJdkGetsAnAotCacheOnce() throws Exception {
        Optional<Path> jdk25 = jdks().stream().filter(d -> featureVersion(d) >= 25).findFirst();
        assumeTrue(jdk25.isPresent(), "a JDK 25 or later is installed under /usr/lib/jvm");
        String bin = jdk25.get().resolve("bin").toString();
        assertClean(launch(checkout, bin));
        List<Path> made = archives(checkout);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getFileName()).hasToString("archive.aot");
        FileTime trained = Files.getLastModifiedTime(made.get(0));
        assertClean(launch(checkout, bin));
        assertThat(Files.getLastModifiedTime(archives(checkout).get(0))).isEqualTo(trained);
    }

    private static List<Path> jdks() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(jvms)) {
            return s.filter(d -> Files.isExecutable(d.resolve("bin/java"))).sorted().toList();
        }
    }

    /** JAVA_VERSION="25.0.3" in the JDK's release file gives 25; 0 when unknown. */
    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int end = 0;
                    while (end < v.length() && Character.isDigit(v.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    @Test
    void damagedArchiveIsNeitherFatalNorNoisy() throws Exception {
        assertClean(launch(checkout, null));
        Path jsa = archives(checkout).get(0);
        // damage the middle of the archive in place and keep its date: it still looks like the
        // file its training left, so only the JVM's own checksum test can notice
        FileTime time = Files.getLastModifiedTime(jsa);
        jsa.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(jsa.toFile(), "rw")) {
            f.seek(f.length() / 2);
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5a);
            f.write(junk);
            f.seek(200);
            f.write(junk, 0, 64);
        }
        Files.setLastModifiedTime(jsa, time);
        assertClean(launch(checkout, null));

        // damaged visibly (a new date, or truncated): the launcher trains a new archive
        Files.write(jsa, "not an archive".getBytes(StandardCharsets.US_ASCII));
        assertClean(launch(checkout, null));
        assertThat(Files.size(archives(checkout).get(0))).isGreaterThan(1000);
        assertClean(launch(checkout, null));
    }

    @Test
    void archiveOfAnotherJdkUnderTheRightNameIsIgnoredQuietly() throws Exception {
        Optional<Path> other = otherJdk();
        assumeTrue(other.isPresent(), "a second JDK is installed under /usr/lib/jvm");
        assertClean(launch(checkout, other.get().resolve("bin").toString()));
        Path foreign = archives(checkout).get(0);
        assertClean(launch(checkout, null));
        List<Path> both = new ArrayList<>(archives(checkout));
        both.remove(foreign);
        Path mine = both.get(0);
        // swap the other JDK's archive in under this JDK's name, with a matching stamp
        Files.copy(foreign, mine, StandardCopyOption.REPLACE_EXISTING);
        Process touch = new ProcessBuilder("touch", "-r", mine.toString(), mine.resolveSibling("archive.stamp")
                .toString()).start();
        assertThat(touch.waitFor()).isZero();
        assertClean(launch(checkout, null));
    }

    private static String bash() throws IOException, InterruptedException {
        return which("bash");
    }

    private static String realJava() throws IOException, InterruptedException {
        return which("java");
    }

    /** The physical path of a program on this process's PATH. */
    private static String which(String program) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("bash", "-c", "readlink -f \"$(command -v " + program + ")\"").start();
        String found = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        which.waitFor();
        return found;
    }

    /** A JDK other than the one that `java` on PATH belongs to. */
    private static Optional<Path> otherJdk() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("bash", "-c", "readlink -f \"$(command -v java)\"").start();
        String current = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        which.waitFor();
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(jvms)) {
            return s.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> {
                        try {
                            return !current.startsWith(d.toRealPath().toString() + "/");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .sorted()
                    .findFirst();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
