/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.benchmarks;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse time against input size, up to the 32 MiB input limit: it must grow linearly (a long
 * line or scalar once made it quadratic). Each input is one large value filling the given size:
 * a plain scalar on one line, a double-quoted scalar with escapes, or a literal block of short
 * lines. {@code parse} reads the YAML only; {@code transpile} is the whole library call.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LargeInputBenchmark
 * java -jar benchmarks/target/benchmarks.jar LargeInputBenchmark.parse -p shape=plain
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LargeInputBenchmark {
    private static final String HEAD = "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/big\n"
            + "      contents:\n        inline: ";

    @Param({"1", "4", "16", "32"})
    public int mebibytes;

    @Param({"plain", "quoted", "literal"})
    public String shape;

    private byte[] input;
    private final YamlLoader loader = new YamlLoader(YamlLimits.DEFAULT);
    private final Transpiler transpiler = Transpiler.create();

    @Setup
    public void setUp() {
        // stay just under the 32 MiB input limit
        int size = mebibytes * 1024 * 1024 - 1024;
        StringBuilder b = new StringBuilder(size + 64).append(HEAD);
        switch (shape) {
            case "plain" -> b.append("a".repeat(size - b.length() - 1)).append('\n');
            case "quoted" -> {
                b.append('"');
                String unit = "abc\\n\\t\\u00e9 ";
                while (b.length() + unit.length() + 2 < size) {
                    b.append(unit);
                }
                b.append("\"\n");
            }
            default -> {
                b.append("|\n");
                String line = "          a line of text in a literal block\n";
                while (b.length() + line.length() < size) {
                    b.append(line);
                }
            }
        }
        input = b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public YNode parse() throws YamlException {
        return loader.load(input);
    }

    @Benchmark
    public Object transpile() {
        return transpiler.transpile(input, TranspileOptions.defaults());
    }
}
