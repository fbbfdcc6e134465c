/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import dev.kindling.transpiler.Diagnostic;

/**
 * The one-line form of a diagnostic in the build log, in the shape compilers use so that IDEs
 * and terminals link it to the source: {@code FILE:LINE:COL: error: MESSAGE [$.json.path]}.
 * Without a known position it is {@code FILE: error: MESSAGE}; the JSON path is left out when
 * the problem is not about one field.
 */
final class DiagnosticFormat {
    private DiagnosticFormat() {
    }

    static String line(String file, Diagnostic d) {
        StringBuilder sb = new StringBuilder(file);
        if (d.line() > 0) {
            sb.append(':').append(d.line());
            if (d.column() > 0) {
                sb.append(':').append(d.column());
            }
        }
        sb.append(": ").append(d.severity().word()).append(": ").append(oneLine(d.message()));
        if (d.path() != null && !d.path().isEmpty()) {
            sb.append(" [").append(d.path()).append(']');
        }
        return sb.toString();
    }

    /** A message on one line: line breaks become spaces. */
    static String oneLine(String message) {
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0 ? message
                : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
