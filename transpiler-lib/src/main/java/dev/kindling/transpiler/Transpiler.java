package dev.kindling.transpiler;

import dev.kindling.transpiler.engine.Pipeline;
import dev.kindling.transpiler.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;

/**
 * Turns Butane configs into Ignition configs. Instances hold no mutable state: one instance can
 * serve any number of threads and calls.
 *
 * <pre>{@code
 * TranspileResult r = Transpiler.create().transpile(bytes,
 *         TranspileOptions.builder().filesDir(Path.of("files")).pretty(true).build());
 * r.diagnostics().forEach(d -> System.err.println(d.toRawString()));
 * r.output().ifPresent(out -> Files.write(Path.of("config.ign"), out));
 * }</pre>
 */
public final class Transpiler {
    private final YamlLimits limits;

    private Transpiler(YamlLimits limits) {
        this.limits = limits;
    }

    /** A transpiler with the default input limits (see the README). */
    public static Transpiler create() {
        return new Transpiler(YamlLimits.DEFAULT);
    }

    /**
     * Transpiles one config given as bytes (UTF-8, or UTF-16 with a byte-order mark). Problems
     * with the config come back as diagnostics; only a programming error throws.
     *
     * @throws NullPointerException if {@code input} or {@code options} is null
     */
    public TranspileResult transpile(byte[] input, TranspileOptions options) {
        java.util.Objects.requireNonNull(input, "input");
        java.util.Objects.requireNonNull(options, "options");
        Pipeline.Outcome o = new Pipeline(limits, options).run(input);
        return new TranspileResult(o.output(), o.diagnostics(), o.fatal(), o.failure(), o.info());
    }

    /**
     * Transpiles a config given as text.
     *
     * @throws NullPointerException if {@code input} or {@code options} is null
     */
    public TranspileResult transpile(String input, TranspileOptions options) {
        java.util.Objects.requireNonNull(input, "input");
        return transpile(input.getBytes(StandardCharsets.UTF_8), options);
    }
}
