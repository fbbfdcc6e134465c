/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Main} in a fresh JVM with the test class path (the packaged jar does not exist yet at
 * test time), in a given working folder, with {@code NO_COLOR=1}.
 */
final class CliProcess {
    record Run(int status, String stdout, String stderr) {
    }

    private CliProcess() {
    }

    /** Runs in {@code dir}; see {@link #run(Path, String, Map, String...)}. */
    static Run run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        return run(dir, stdin, Map.of(), args);
    }

    /**
     * Runs in {@code dir} with {@code env} added to the environment, writes {@code stdin} (none if
     * null) and closes it, and waits up to 60 seconds. Standard output and error go to
     * {@code dir/.stdout} and {@code dir/.stderr}.
     */
    static Run run(Path dir, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return run(dir, stdin, env, dir.resolve(".stdout"), dir.resolve(".stderr"), 60, args);
    }

    /**
     * Runs in {@code dir} with no standard input and waits up to 120 seconds; standard output and
     * error go to temporary files outside {@code dir}, so that the folder holds only what the command
     * itself wrote.
     */
    static Run runCapturedOutside(Path dir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kindling", ".stdout");
        Path err = Files.createTempFile("kindling", ".stderr");
        try {
            return run(dir, null, Map.of(), out, err, 120, args);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Run run(Path dir, String stdin, Map<String, String> env, Path out, Path err, long timeoutSeconds,
            String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
