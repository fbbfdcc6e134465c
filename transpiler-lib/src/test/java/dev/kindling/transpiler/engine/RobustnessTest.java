/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Any input ends as output or diagnostics: random mutations of the corpus inputs never make
 * the engine fail internally, and results do not depend on threads or on repetition.
 */
class RobustnessTest {
    private static final Path CASES = Path.of("src/test/resources/conformance/cases");

    private static List<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.walk(CASES)) {
            return s.filter(p -> p.toString().endsWith(".bu")).sorted().toList();
        }
    }

    @Test
    void randomMutationsNeverCauseInternalErrors() throws Exception {
        Transpiler t = Transpiler.create();
        Random random = new Random(20261126L);
        byte[] alphabet = ":-[]{}&*!|>'\"#%@`,?\n\t 0123456789abcxyz~\\".getBytes();
        int runs = 0;
        for (Path input : inputs()) {
            byte[] original = Files.readAllBytes(input);
            Path filesDir = Path.of(input.toString().replaceAll("\\.bu$", ".d"));
            TranspileOptions options = TranspileOptions.builder()
                    .filesDir(Files.isDirectory(filesDir) ? filesDir : null).build();
            for (int i = 0; i < 12; i++) {
                byte[] mutated = mutate(original, random, alphabet);
                TranspileResult r = t.transpile(mutated, options);
                runs++;
                for (Diagnostic d : r.allDiagnostics()) {
                    assertThat(d.code()).as("%s mutation %d: %s", input, i, d.message()).isNotEqualTo("internal-error");
                }
                assertThat(r.success() || r.errorCount() > 0 || options.strict()).isTrue();
            }
        }
        assertThat(runs).isGreaterThan(1000);
    }

    private static byte[] mutate(byte[] in, Random random, byte[] alphabet) {
        byte[] b = Arrays.copyOf(in, in.length);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = alphabet[random.nextInt(alphabet.length)];
                case 1 -> { // delete a byte
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                case 2 -> { // duplicate a line
                    int start = at;
                    while (start > 0 && b[start - 1] != '\n') {
                        start--;
                    }
                    int end = at;
                    while (end < b.length && b[end] != '\n') {
                        end++;
                    }
                    byte[] line = Arrays.copyOfRange(b, start, Math.min(end + 1, b.length));
                    byte[] c = new byte[b.length + line.length];
                    System.arraycopy(b, 0, c, 0, start);
                    System.arraycopy(line, 0, c, start, line.length);
                    System.arraycopy(b, start, c, start + line.length, b.length - start);
                    b = c;
                }
                default -> b[at] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    @Test
    void concurrentCallsGiveTheSameBytesAsSequentialOnes() throws Exception {
        Transpiler t = Transpiler.create();
        List<Path> inputs = inputs();
        List<String> sequential = new ArrayList<>();
        for (Path p : inputs) {
            sequential.add(describe(t, p));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Path p : inputs) {
                futures.add(pool.submit(() -> describe(t, p)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(futures.get(i).get()).as(inputs.get(i).toString()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(Transpiler t, Path input) throws IOException {
        Path filesDir = Path.of(input.toString().replaceAll("\\.bu$", ".d"));
        TranspileResult r = t.transpile(Files.readAllBytes(input), TranspileOptions.builder()
                .filesDir(Files.isDirectory(filesDir) ? filesDir : null).build());
        return r.output().map(String::new).orElse("-") + r.allDiagnostics();
    }
}
