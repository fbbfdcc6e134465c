/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import dev.kindling.transpiler.engine.Composer;
import dev.kindling.transpiler.engine.Pipeline;
import dev.kindling.transpiler.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns Butane configs into Ignition configs. Instances hold no mutable state: one instance can
 * serve any number of threads and calls.
 *
 * <pre>{@code
 * TranspileResult r = Transpiler.create().transpile(Path.of("config.bu"),
 *         TranspileOptions.builder().filesDir(Path.of("files")).pretty(true).build());
 * r.allDiagnostics().forEach(d -> System.err.println(d.toRawString()));
 * if (r.success()) {
 *     Files.write(Path.of("config.ign"), r.output().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Bad input never throws: every problem, including a config file that cannot be read, comes
 * back as a {@link Diagnostic}. A null argument throws {@link NullPointerException}.
 */
public final class Transpiler {
    private final YamlLimits limits;

    private Transpiler(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * A transpiler with the default input limits (see the README).
     *
     * @return a transpiler that may be shared between threads
     */
    public static Transpiler create() {
        return new Transpiler(YamlLimits.DEFAULT);
    }

    /**
     * Transpiles one config given as bytes (UTF-8, or UTF-16 with a byte-order mark).
     *
     * @param input the Butane config
     * @param options how to transpile it
     * @return the output and every diagnostic
     */
    public TranspileResult transpile(byte[] input, TranspileOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        Pipeline.Outcome o = new Pipeline(limits, options).run(input);
        String name = options.sourceName();
        List<Diagnostic> named = new ArrayList<>(o.diagnostics().size());
        for (Diagnostic d : o.diagnostics()) {
            named.add(d.withSource(name));
        }
        Diagnostic fatal = o.fatal() == null ? null : o.fatal().withSource(name);
        return new TranspileResult(o.output(), named, fatal, o.failure(), o.info(), o.localFiles());
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
     * @param sources the base config, then the snippets
     * @param options how to transpile them
     * @return the merged output and every diagnostic
     * @throws IllegalArgumentException when {@code sources} is empty
     */
    public TranspileResult compose(List<Source> sources, TranspileOptions options) {
        List<Source> copy = List.copyOf(sources);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("compose needs at least one source (the base config)");
        }
        Pipeline.Outcome o = new Composer(limits, options).compose(copy);
        return new TranspileResult(o.output(), o.diagnostics(), o.fatal(), o.failure(), o.info(), o.localFiles());
    }

    /**
     * Transpiles a config given as text.
     *
     * @param input the Butane config
     * @param options how to transpile it
     * @return the output and every diagnostic
     */
    public TranspileResult transpile(String input, TranspileOptions options) {
        Objects.requireNonNull(input, "input");
        return transpile(input.getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Reads and transpiles a config file with the default options: no files directory (so
     * local files are not read), not strict, not pretty, the file's name in diagnostics.
     *
     * @param config the Butane config file
     * @return the output and every diagnostic; a file that cannot be read is a fatal diagnostic
     */
    public TranspileResult transpile(Path config) {
        Objects.requireNonNull(config, "config");
        return transpile(config, TranspileOptions.builder().sourceName(config.toString()).build());
    }

    /**
     * Reads and transpiles a config file.
     *
     * @param config the Butane config file
     * @param options how to transpile it (its {@code sourceName} is what diagnostics name)
     * @return the output and every diagnostic; a file that cannot be read is a fatal diagnostic
     */
    public TranspileResult transpile(Path config, TranspileOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        byte[] input;
        try (InputStream in = Files.newInputStream(config)) {
            // one byte over the limit is enough for the engine to refuse it; never read more
            input = in.readNBytes(limits.maxInputBytes() + 1);
        } catch (NoSuchFileException e) {
            return unreadable(config, "no such file or directory");
        } catch (AccessDeniedException e) {
            return unreadable(config, "permission denied");
        } catch (IOException e) {
            return unreadable(config, Files.isDirectory(config) ? "is a directory"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return transpile(input, options);
    }

    private static TranspileResult unreadable(Path config, String why) {
        String message = "cannot read " + config + ": " + why;
        Diagnostic d = new Diagnostic(Severity.ERROR, "input-unreadable", null, 0, 0, message);
        return new TranspileResult(null, List.of(), d, message, null, List.of());
    }
}
