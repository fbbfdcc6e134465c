/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds generated and mutated inputs ({@link FuzzInputs}) to the library and asserts that each
 * one ends in a result (output or diagnostics) within a generous time bound: never an exception,
 * never an "internal error" diagnostic, never a hang. This is not a benchmark: the bound only
 * catches runaway (quadratic or endless) cases.
 *
 * <p>The build runs a short, fixed-seed pass. A longer one: {@code mvn -B -o -pl transpiler-lib
 * test -Pfuzz} (or {@code -Dtest=FuzzTest -Dfuzz.inputs=100000 -Dfuzz.seed=7}). A failing input
 * is written to {@code target/fuzz-failures/} so that it can be replayed with the CLI.
 */
class FuzzTest {
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path CORPUS = BASE.resolve("src/test/resources/conformance/cases");

    @Test
    void noInputEndsInAnInternalErrorOrRunsAway() throws Exception {
        int inputs = Integer.getInteger("fuzz.inputs", 2_000);
        long seed = Long.getLong("fuzz.seed", 20261202L);
        int perInputSeconds = Integer.getInteger("fuzz.timeoutSeconds", 30);
        int stressScale = Integer.getInteger("fuzz.stressBytes", 512 << 10);

        FuzzInputs gen = new FuzzInputs(seed, corpus(), stressScale);
        Transpiler transpiler = Transpiler.create();
        List<String> failures = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < inputs && failures.size() < 5; i++) {
                FuzzInputs.Input in = gen.next();
                TranspileOptions options = TranspileOptions.builder().strict(i % 10 == 0).pretty(i % 3 == 0).build();
                Future<TranspileResult> f = runner.submit(() -> transpiler.transpile(in.bytes(), options));
                String problem;
                try {
                    TranspileResult r = f.get(perInputSeconds, TimeUnit.SECONDS);
                    problem = internalError(r);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    problem = "no result within " + perInputSeconds + " s";
                    // the runaway thread cannot be stopped; give the remaining inputs a new one
                    runner.shutdownNow();
                    runner = Executors.newSingleThreadExecutor();
                } catch (java.util.concurrent.ExecutionException e) {
                    problem = "threw " + e.getCause();
                }
                if (problem != null) {
                    failures.add("input " + i + " (" + in.kind() + ", seed " + seed + "): " + problem
                            + " -> " + save(seed, i, in.bytes()));
                }
            }
        } finally {
            runner.shutdownNow();
        }
        assertThat(failures).as("fuzz failures").isEmpty();
    }

    private static String internalError(TranspileResult r) {
        if (r == null) {
            return "null result";
        }
        for (Diagnostic d : r.allDiagnostics()) {
            if ("internal-error".equals(d.code()) || d.message().contains("internal error")) {
                return d.message();
            }
        }
        if (r.output().isEmpty() && r.allDiagnostics().isEmpty() && r.failureMessage().isEmpty()) {
            return "neither output nor a reason";
        }
        return null;
    }

    private static String save(long seed, int index, byte[] bytes) {
        try {
            Path dir = BASE.resolve("target/fuzz-failures");
            Files.createDirectories(dir);
            Path p = dir.resolve("seed" + seed + "-input" + index + ".bu");
            Files.write(p, bytes);
            return p.toString();
        } catch (IOException e) {
            return "(not saved: " + e.getMessage() + ")";
        }
    }

    private static List<String> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<String> seeds = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".bu") && Files.isRegularFile(p)).sorted().toList()) {
                seeds.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
            return seeds;
        }
    }
}
