/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one transpilation: the output (absent on failure), every diagnostic in
 * Butane's report order, and, on failure, why.
 */
public final class TranspileResult {
    private final byte[] output;
    private final List<Diagnostic> diagnostics;
    private final Diagnostic fatal;
    private final String failure;
    private final OutputInfo info;
    private final List<LocalFileRead> localFiles;

    TranspileResult(byte[] output, List<Diagnostic> diagnostics, Diagnostic fatal, String failure, OutputInfo info) {
        this(output, diagnostics, fatal, failure, info, List.of());
    }

    TranspileResult(byte[] output, List<Diagnostic> diagnostics, Diagnostic fatal, String failure, OutputInfo info,
            List<LocalFileRead> localFiles) {
        this.localFiles = List.copyOf(localFiles);
        this.output = output;
        this.diagnostics = List.copyOf(diagnostics);
        this.fatal = fatal;
        this.failure = failure;
        this.info = info;
    }

    /**
     * Every local file and every folder of a tree that this run read below the files
     * directory, each once, in the order first read; empty when nothing was read. The same
     * config with the same files gives the same list, so callers can fingerprint a run (the
     * Maven plugin decides with it whether an output is up to date). A run that failed lists
     * what it read before it stopped. Always empty when the options turned
     * {@link TranspileOptions#trackLocalFiles() trackLocalFiles} off (the command line does, as
     * it has no use for the digests).
     *
     * @return the local reads, immutable
     */
    public List<LocalFileRead> localFiles() {
        return localFiles;
    }

    /**
     * True when an output was produced.
     *
     * @return whether {@link #output()} is present
     */
    public boolean success() {
        return output != null;
    }

    /**
     * The output document without a trailing newline; absent when the config has errors.
     *
     * @return a copy of the output bytes, if any
     */
    public Optional<byte[]> output() {
        return output == null ? Optional.empty() : Optional.of(output.clone());
    }

    /**
     * The report entries (warnings and errors about the config's content), in report order.
     *
     * @return the diagnostics, immutable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * A problem that stopped processing before any report could be made (YAML syntax, wrong
     * types, unknown variant or version, input limits). Its path is null; its position is set
     * when known.
     *
     * @return the fatal diagnostic, if any
     */
    public Optional<Diagnostic> fatal() {
        return Optional.ofNullable(fatal);
    }

    /**
     * The one-line reason for a failure in Butane's words after {@code Error translating
     * config: }, e.g. {@code source config is invalid}; absent on success.
     *
     * @return the reason, if the run failed
     */
    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    /**
     * The output's variant, versions and format; absent when the variant/version is unknown.
     *
     * @return what the output is
     */
    public Optional<OutputInfo> info() {
        return Optional.ofNullable(info);
    }

    /**
     * Advice for a person reading {@code d}, beyond Butane's message: for an unused key, from
     * which version of the variant the field exists ({@code `file_mode` is available from fcos
     * 1.7.0}) or a known field of the same object with a close name ({@code did you mean
     * `contents`?}). Worked out from the spec declarations of this result's variant and version;
     * empty for other diagnostics. The diagnostic itself stays as Butane reports it.
     *
     * @param d a diagnostic of this result; null gives no hint
     * @return the hint, if there is one
     */
    public Optional<String> hint(Diagnostic d) {
        if (info == null || d == null || !"unused-key".equals(d.code())) {
            return Optional.empty();
        }
        Optional<dev.kindling.transpiler.spec.SpecVersion> spec =
                dev.kindling.transpiler.spec.Specs.find(info.variant(), info.version());
        return spec.isEmpty() ? Optional.empty()
                : dev.kindling.transpiler.spec.KeyHints.forUnknownKeyAt(d.path(), spec.get());
    }

    /**
     * Every diagnostic including the fatal one, for tools that list all problems.
     *
     * @return the diagnostics followed by the fatal one, immutable
     */
    public List<Diagnostic> allDiagnostics() {
        if (fatal == null) {
            return diagnostics;
        }
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.add(fatal);
        return List.copyOf(all);
    }

    /**
     * How many errors there are, the fatal one included.
     *
     * @return the number of errors
     */
    public long errorCount() {
        return count(allDiagnostics(), Severity.ERROR);
    }

    /**
     * How many warnings there are.
     *
     * @return the number of warnings
     */
    public long warningCount() {
        return count(diagnostics, Severity.WARNING);
    }

    // loops, not streams: the CLI counts on every run, and a cold JVM pays about a millisecond
    // for each lambda it links
    private static long count(List<Diagnostic> list, Severity severity) {
        long n = 0;
        for (Diagnostic d : list) {
            if (d.severity() == severity) {
                n++;
            }
        }
        return n;
    }
}
