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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Warm transpilation time: a small config, a large generated one, and every input of the
 * conformance corpus. Run from the repository root (the corpus is read from the source tree):
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranspileBenchmark {
    private static final String SMALL = """
            variant: fcos
            version: 1.6.0
            passwd:
              users:
                - name: core
                  ssh_authorized_keys:
                    - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGwq0F7sa9a1vbq8Q3a7KXfR0vC2Y5U0x3WlEo0xW3xK admin
            storage:
              files:
                - path: /etc/hostname
                  mode: 0644
                  contents:
                    inline: web-1
            systemd:
              units:
                - name: hello.service
                  enabled: true
                  contents: |
                    [Unit]
                    Description=Hello

                    [Service]
                    ExecStart=/usr/bin/echo hello

                    [Install]
                    WantedBy=multi-user.target
            """;

    private final Transpiler transpiler = Transpiler.create();
    private final TranspileOptions options = TranspileOptions.defaults();
    private byte[] small;
    private byte[] large;
    private final List<byte[]> corpus = new ArrayList<>();

    @Setup
    public void setUp() {
        small = SMALL.getBytes(StandardCharsets.UTF_8);
        large = largeConfig(1000, 200).getBytes(StandardCharsets.UTF_8);
        Path cases = Path.of(System.getProperty("kindling.corpus", "transpiler-lib/src/test/resources/conformance/cases"));
        if (Files.isDirectory(cases)) {
            try (Stream<Path> s = Files.walk(cases)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".bu")).sorted().toList()) {
                    corpus.add(Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A config with many files and units, the size of a busy host's config. */
    static String largeConfig(int files, int units) {
        StringBuilder sb = new StringBuilder("variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n");
        for (int i = 0; i < files; i++) {
            sb.append("    - path: /etc/app/conf.d/").append(i).append(".conf\n")
                    .append("      mode: 0644\n      contents:\n        inline: |\n")
                    .append("          setting-").append(i).append(" = value ").append(i * 31).append('\n')
                    .append("          enabled = true\n");
        }
        sb.append("systemd:\n  units:\n");
        for (int i = 0; i < units; i++) {
            sb.append("    - name: worker-").append(i).append(".service\n      enabled: true\n      contents: |\n")
                    .append("        [Service]\n        ExecStart=/usr/bin/worker --id ").append(i).append('\n')
                    .append("        [Install]\n        WantedBy=multi-user.target\n");
        }
        return sb.toString();
    }

    @Benchmark
    public TranspileResult smallConfig() {
        return transpiler.transpile(small, options);
    }

    @Benchmark
    public TranspileResult largeConfig() {
        return transpiler.transpile(large, options);
    }

    /** Every corpus input once (errors included: reporting is part of the work). */
    @Benchmark
    public void corpus(Blackhole bh) {
        for (byte[] input : corpus) {
            bh.consume(transpiler.transpile(input, options));
        }
    }
}
