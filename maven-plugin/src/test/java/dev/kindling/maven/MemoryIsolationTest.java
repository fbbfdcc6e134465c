/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build where one config needs more memory than the JVM has: that config fails with a clear
 * error and the others are written, with their state. Runs the build in a JVM with a small heap.
 */
class MemoryIsolationTest {
    @TempDir
    Path base;

    /** Runs one build over {@code args[0]}/src/main/butane and prints each outcome. */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path src = base.resolve("src/main/butane");
        KindlingBuild.Settings settings = new KindlingBuild.Settings(base, src.resolve("files"), false, false,
                base.resolve("target/ignition"), base.resolve("target/kindling/state.json"), 2);
        List<SourceFile> sources = SourceScanner.scan(base, src, PathPattern.list(null, List.of("**/*.bu")), List.of());
        KindlingBuild.Result r = new KindlingBuild(settings).run(sources);
        for (FileOutcome o : r.files()) {
            System.out.println(o.source().relative() + " " + o.status() + " "
                    + o.diagnostics().stream().map(d -> d.code() + ": " + d.message()).toList());
        }
    }

    private void write(String rel, byte[] data) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }

    @Test
    void configThatRunsOutOfMemoryFailsAloneAndTheRestIsWritten() throws Exception {
        byte[] noise = new byte[40 * 1024 * 1024];
        new Random(5).nextBytes(noise);
        write("src/main/butane/files/noise", noise);
        write("src/main/butane/a-big.bu", ("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
                + "    - path: /opt/noise\n      contents:\n        local: noise\n").getBytes(StandardCharsets.UTF_8));
        write("src/main/butane/b.bu", "variant: fcos\nversion: 1.5.0\n".getBytes(StandardCharsets.UTF_8));
        write("src/main/butane/c.bu", "variant: fcos\nversion: 1.6.0\n".getBytes(StandardCharsets.UTF_8));

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MemoryIsolationTest.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("a-big.bu FAILED [out-of-memory: not enough memory")
                .contains("b.bu TRANSPILED").contains("c.bu TRANSPILED").doesNotContain("Exception");
        assertThat(Files.readString(base.resolve("target/ignition/b.ign"))).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"}}\n");
        assertThat(Files.readString(base.resolve("target/ignition/c.ign"))).isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"}}\n");
        assertThat(base.resolve("target/ignition/a-big.ign")).doesNotExist();
        assertThat(Files.readString(base.resolve("target/kindling/state.json"))).contains("b.bu").contains("c.bu");
    }
}
