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

    TranspileResult(byte[] output, List<Diagnostic> diagnostics, Diagnostic fatal, String failure, OutputInfo info) {
        this.output = output;
        this.diagnostics = List.copyOf(diagnostics);
        this.fatal = fatal;
        this.failure = failure;
        this.info = info;
    }

    /** True when an output was produced. */
    public boolean success() {
        return output != null;
    }

    /** The output document without a trailing newline; absent when the config has errors. */
    public Optional<byte[]> output() {
        return output == null ? Optional.empty() : Optional.of(output.clone());
    }

    /** The report entries (warnings and errors about the config's content), in report order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * A problem that stopped processing before any report could be made (YAML syntax, wrong
     * types, unknown variant or version, input limits). Its path is null; its position is set
     * when known.
     */
    public Optional<Diagnostic> fatal() {
        return Optional.ofNullable(fatal);
    }

    /**
     * The one-line reason for a failure in Butane's words after {@code Error translating
     * config: }, e.g. {@code source config is invalid}; absent on success.
     */
    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    /** The output's variant, versions and format; absent when the variant/version is unknown. */
    public Optional<OutputInfo> info() {
        return Optional.ofNullable(info);
    }

    /**
     * Advice for a person reading {@code d}, beyond Butane's message: for an unused key, from
     * which version of the variant the field exists ({@code `file_mode` is available from fcos
     * 1.7.0}) or a known field of the same object with a close name ({@code did you mean
     * `contents`?}). Worked out from the spec declarations of this result's variant and version;
     * empty for other diagnostics. The diagnostic itself stays as Butane reports it.
     */
    public Optional<String> hint(Diagnostic d) {
        if (info == null || d == null || !"unused-key".equals(d.code())) {
            return Optional.empty();
        }
        return dev.kindling.transpiler.spec.Specs.find(info.variant(), info.version())
                .flatMap(spec -> dev.kindling.transpiler.spec.KeyHints.forUnknownKeyAt(d.path(), spec));
    }

    /** Every diagnostic including the fatal one, for tools that list all problems. */
    public List<Diagnostic> allDiagnostics() {
        if (fatal == null) {
            return diagnostics;
        }
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.add(fatal);
        return List.copyOf(all);
    }

    public long errorCount() {
        return allDiagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }
}
