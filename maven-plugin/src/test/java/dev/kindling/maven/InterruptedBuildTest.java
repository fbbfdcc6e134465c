/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 6: a build killed midway (SIGKILL, in a real process) never saves its state;
 * the journal it leaves lets the next build delete the output of a config deleted meanwhile,
 * and skip the outputs the killed build finished.
 */
class InterruptedBuildTest {
    private static final int CONFIGS = 400;

    @TempDir
    Path base;

    @Test
    void aKilledBuildLeavesNoStaleOutputBehind() throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/butane"));
        Path out = base.resolve("target/ignition");
        Path state = base.resolve("target/kindling/transpile-default.json");
        Files.writeString(src.resolve("motd"), "hello\n");
        for (int i = 0; i < CONFIGS; i++) {
            Files.writeString(src.resolve(String.format("host-%03d.bu", i)), "variant: fcos\nversion: 1.6.0\n"
                    + "storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n"
                    + "    - path: /etc/hostname\n      contents:\n        inline: host-" + i + "\n");
        }

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BuildProcess.class.getName(), base.toString(), src.toString(),
                out.toString(), state.toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("process.log").toFile()).start();
        // kill it once some outputs are written, well before all are
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (outputs(out).size() < 10 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed, not finished: %s", Files.readString(base.resolve("process.log")))
                .isNotZero();
        List<String> written = outputs(out);
        assertThat(written).hasSizeBetween(10, CONFIGS - 1).contains("host-000.ign");
        assertThat(state).doesNotExist(); // the state is only saved at the end...
        assertThat(BuildState.Journal.fileFor(state)).exists(); // ...the journal as it goes

        // the first config (its output was written) is deleted, then the project is rebuilt
        Files.delete(src.resolve("host-000.bu"));
        List<SourceFile> sources = SourceScanner.scan(base, src, PathPattern.list(List.of("**/*.bu"), List.of()),
                List.of());
        KindlingBuild.Result r = new KindlingBuild(new KindlingBuild.Settings(base, src, false, false, out, state, 2))
                .run(sources);

        assertThat(r.pruned()).containsExactly("target/ignition/host-000.ign");
        assertThat(out.resolve("host-000.ign")).doesNotExist();
        assertThat(outputs(out)).hasSize(CONFIGS - 1);
        long upToDate = r.files().stream().filter(f -> f.status() == FileOutcome.Status.UP_TO_DATE).count();
        // what the killed build finished (all but, perhaps, the one it was writing) is reused
        assertThat(upToDate).isGreaterThanOrEqualTo(written.size() - 2L).isLessThan(CONFIGS - 1L);
        assertThat(state).exists();
        assertThat(BuildState.Journal.fileFor(state)).doesNotExist();
    }

    private static List<String> outputs(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ign")).sorted().toList();
        }
    }
}
