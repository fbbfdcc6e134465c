/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.Path;
import java.util.ArrayList;
import java.util.List;

/** The report entries of one run, in the order the stages produce them. */
public final class Report {
    private final List<Entry> entries = new ArrayList<>();

    public void error(Path path, String code, String message) {
        entries.add(new Entry(Severity.ERROR, path, code, message));
    }

    public void warning(Path path, String code, String message) {
        entries.add(new Entry(Severity.WARNING, path, code, message));
    }

    public void add(Severity severity, Path path, String code, String message) {
        entries.add(new Entry(severity, path, code, message));
    }

    /** An entry at Butane's path for a value, naming the value's real place when that differs. */
    void add(Severity severity, OutputPaths.Located at, String code, String message) {
        add(severity, at.butane(), code, message, at.real().equals(at.butane()) ? null : at.real());
    }

    /** An entry Butane reports at {@code path} about a value that came from {@code real}. */
    void add(Severity severity, Path path, String code, String message, Path real) {
        entries.add(new Entry(severity, path, code, message, real));
    }

    public boolean hasErrors() {
        for (Entry e : entries) {
            if (e.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    List<Entry> entries() {
        return entries;
    }

    /** Appends another report's entries. */
    public void addAll(Report other) {
        entries.addAll(other.entries);
    }
}
