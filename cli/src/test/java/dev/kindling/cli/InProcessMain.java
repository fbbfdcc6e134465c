/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs {@link Main} in the test's JVM with a given standard input, terminal and environment, and
 * collects what it writes: for tests of the command line's logic that need no real process
 * ({@link CliProcess} starts one).
 */
final class InProcessMain {
    /** The exit status and everything written to standard output and standard error. */
    record Result(int status, String stdout, String stderr) {
    }

    private InProcessMain() {
    }

    /** Runs without a terminal and with an empty environment. */
    static Result run(String stdin, String... args) throws IOException {
        return run(stdin, false, Map.of(), args);
    }

    /**
     * @param tty whether standard error is to look like a terminal
     * @param env the environment variables Main may read
     */
    static Result run(String stdin, boolean tty, Map<String, String> env, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Terminal terminal = new Main.Terminal() {
            @Override
            public boolean stderrIsTerminal() {
                return tty;
            }

            @Override
            public String env(String name) {
                return env.get(name);
            }
        };
        int status = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, terminal)
                .run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
