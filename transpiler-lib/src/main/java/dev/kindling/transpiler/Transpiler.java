package dev.kindling.transpiler;

import dev.kindling.transpiler.engine.Composer;
import dev.kindling.transpiler.engine.Pipeline;
import dev.kindling.transpiler.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    /** Transpiles one config given as bytes (UTF-8, or UTF-16 with a byte-order mark). */
    public TranspileResult transpile(byte[] input, TranspileOptions options) {
        Pipeline.Outcome o = new Pipeline(limits, options).run(input);
        String name = options.sourceName();
        List<Diagnostic> named = new ArrayList<>(o.diagnostics().size());
        o.diagnostics().forEach(d -> named.add(d.withSource(name)));
        Diagnostic fatal = o.fatal() == null ? null : o.fatal().withSource(name);
        return new TranspileResult(o.output(), named, fatal, o.failure(), o.info());
    }

    /**
     * Composes several configs into one: {@code sources.get(0)} is the base config, and every
     * further source is a snippet merged, in order, on top of it with Ignition's merge rules (as
     * if each were a child config in {@code ignition.config.merge}). Every source must have the
     * base's variant, and none may have a newer Ignition spec than the base, whose version the
     * output is written at. Each source is checked on its own first, then the merged config as a
     * whole; every diagnostic names its source ({@link Diagnostic#source()}). Local files of every
     * source are read from {@code options.filesDir()}; {@code options.sourceName()} is not used.
     * One source gives the same result as {@link #transpile(byte[], TranspileOptions)}.
     *
     * @throws IllegalArgumentException when {@code sources} is empty
     */
    public TranspileResult compose(List<Source> sources, TranspileOptions options) {
        List<Source> copy = List.copyOf(sources);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("compose needs at least one source (the base config)");
        }
        Pipeline.Outcome o = new Composer(limits, options).compose(copy);
        return new TranspileResult(o.output(), o.diagnostics(), o.fatal(), o.failure(), o.info());
    }

    /** Transpiles a config given as text. */
    public TranspileResult transpile(String input, TranspileOptions options) {
        return transpile(input.getBytes(StandardCharsets.UTF_8), options);
    }
}
