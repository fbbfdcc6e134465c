package dev.kindling.transpiler;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a config.
 *
 * @param severity error or warning
 * @param code a stable machine-readable identifier such as {@code path-not-absolute}
 * @param path the JSON path in the Butane config, e.g. {@code $.storage.files.0.path}, or null
 *     for problems that are not about one field (YAML syntax, unknown variant)
 * @param line 1-based line in the source, or 0 when unknown
 * @param column 1-based column (in characters), or 0 when unknown
 * @param message a human-readable explanation
 * @param source the name of the config the diagnostic is about: the {@link Source#name()} of a
 *     {@link Transpiler#compose composed} config, or {@link TranspileOptions#sourceName()} for a
 *     plain transpile; null when not known
 */
public record Diagnostic(Severity severity, String code, String path, int line, int column, String message,
        String source) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A diagnostic without a source name. */
    public Diagnostic(Severity severity, String code, String path, int line, int column, String message) {
        this(severity, code, path, line, column, message, null);
    }

    /** The same diagnostic about the named source config. */
    public Diagnostic withSource(String sourceName) {
        return new Diagnostic(severity, code, path, line, column, message, sourceName);
    }

    public Optional<String> pathIfKnown() {
        return Optional.ofNullable(path);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** Butane's one-line form: {@code error at $.a.b, line 5 col 13: message}. */
    public String toRawString() {
        StringBuilder sb = new StringBuilder(severity.word());
        boolean hasPath = path != null && !path.isEmpty();
        if (hasPath || hasPosition()) {
            sb.append(" at ");
        }
        if (hasPath) {
            sb.append(path);
        }
        if (hasPosition()) {
            sb.append(hasPath ? ", " : "").append("line ").append(line).append(" col ").append(column);
        }
        return sb.append(": ").append(message).toString();
    }
}
