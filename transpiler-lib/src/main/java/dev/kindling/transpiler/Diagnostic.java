/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
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
    /**
     * Checks that severity, code and message are present.
     *
     * @param severity error or warning
     * @param code the stable identifier
     * @param path the JSON path, or null
     * @param line 1-based line, or 0
     * @param column 1-based column, or 0
     * @param message the explanation
     * @param source the source config's name, or null
     */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A diagnostic without a source name.
     *
     * @param severity error or warning
     * @param code the stable identifier
     * @param path the JSON path, or null
     * @param line 1-based line, or 0
     * @param column 1-based column, or 0
     * @param message the explanation
     */
    public Diagnostic(Severity severity, String code, String path, int line, int column, String message) {
        this(severity, code, path, line, column, message, null);
    }

    /**
     * The same diagnostic about the named source config.
     *
     * @param sourceName the source's name, or null
     * @return the diagnostic with that source
     */
    public Diagnostic withSource(String sourceName) {
        return new Diagnostic(severity, code, path, line, column, message, sourceName);
    }

    /**
     * The JSON path, when the problem is about one field.
     *
     * @return the path, if any
     */
    public Optional<String> pathIfKnown() {
        return Optional.ofNullable(path);
    }

    /**
     * Whether the line (and column) are known.
     *
     * @return true when {@code line > 0}
     */
    public boolean hasPosition() {
        return line > 0;
    }

    /**
     * Butane's one-line form: {@code error at $.a.b, line 5 col 13: message}.
     *
     * @return the line, without a line break
     */
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
