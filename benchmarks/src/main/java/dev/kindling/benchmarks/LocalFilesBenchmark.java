/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.benchmarks;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A config with two large local files (32 MiB and 8 MiB of mixed text, gzip chosen), the
 * {@code bigfiles} workload of {@code side_by_side.py} in-process: the time of reading, gzip
 * and data URLs, with and without the local-file digests ({@code track}). The files' two
 * deflates run in parallel on a machine with two cores or more.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LocalFilesBenchmark
 * java -jar benchmarks/target/benchmarks.jar LocalFilesBenchmark -jvmArgsAppend -XX:TieredStopAtLevel=1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LocalFilesBenchmark {
    private static final String CONFIG = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
            + "    - path: /opt/big.bin\n      contents:\n        local: big.bin\n"
            + "    - path: /opt/medium.txt\n      contents:\n        local: medium.txt\n";

    @Param({"false", "true"})
    public boolean track;

    private Path dir;
    private TranspileOptions options;
    private final Transpiler transpiler = Transpiler.create();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("kindling-local-files-");
        Random random = new Random(3);
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "server", "config", "value", "enable", "path",
            "=", "#", "\n", "  ", "1024", "true", "false", "/var/lib", "--flag", "x86_64"};
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            words.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        byte[] chunk = words.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        byte[] noise = new byte[64 << 10];
        random.nextBytes(noise);
        write(dir.resolve("big.bin"), 32 << 20, chunk, noise);
        write(dir.resolve("medium.txt"), 8 << 20, chunk, noise);
        options = TranspileOptions.builder().filesDir(dir).trackLocalFiles(track).build();
    }

    /** Text chunks, with a block of noise every 3 MiB, up to {@code size} bytes. */
    private static void write(Path file, int size, byte[] chunk, byte[] noise) throws IOException {
        byte[] data = new byte[size];
        int at = 0;
        while (at < size) {
            byte[] part = at % (3 << 20) == 0 ? noise : chunk;
            int n = Math.min(part.length, size - at);
            System.arraycopy(part, 0, data, at, n);
            at += n;
        }
        Files.write(file, data);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public TranspileResult transpile() {
        TranspileResult r = transpiler.transpile(CONFIG, options);
        if (!r.success()) {
            throw new IllegalStateException(r.allDiagnostics().toString());
        }
        return r;
    }
}
