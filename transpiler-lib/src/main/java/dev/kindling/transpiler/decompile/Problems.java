/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.util.ArrayList;
import java.util.List;

/** The diagnostics of one decompilation, at the JSON path and position of the input. */
final class Problems {
    private final List<Diagnostic> entries = new ArrayList<>();

    void error(String code, String path, JNode at, String message) {
        add(Severity.ERROR, code, path, at, message);
    }

    void warning(String code, String path, JNode at, String message) {
        add(Severity.WARNING, code, path, at, message);
    }

    void add(Severity severity, String code, String path, JNode at, String message) {
        Diagnostic d = new Diagnostic(severity, code, path, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                message);
        if (!entries.contains(d)) {
            entries.add(d);
        }
    }

    void addAll(Problems other) {
        for (Diagnostic d : other.entries) {
            if (!entries.contains(d)) {
                entries.add(d);
            }
        }
    }

    boolean hasErrors() {
        return entries.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    List<Diagnostic> list() {
        return List.copyOf(entries);
    }
}
