/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileResult;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to report about one config, for a report over many.
 *
 * @param file the config's name as the user gave it, relative to the working folder where
 *     possible, with {@code /} separators (e.g. {@code hosts/web.bu})
 * @param entries everything to report, in report order (see {@link #entriesOf(TranspileResult)})
 * @param source the config's bytes, or null; when given, reports can tell where the token at a
 *     problem's position ends (SARIF {@code endColumn}). Compared by identity in
 *     {@link #equals}, like any array component of a record.
 */
public record FileReport(String file, List<Diagnostic> entries, byte[] source) {
    /** The code of the entry added for a failure that no error explains (strict mode). */
    public static final String STRICT_WARNINGS = "strict-warnings";

    public FileReport {
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
        if (File.separatorChar != '/') {
            file = file.replace(File.separatorChar, '/');
        }
    }

    /** A report entry for a transpilation result, with the config's bytes (or null). */
    public FileReport(String file, TranspileResult result, byte[] source) {
        this(file, entriesOf(result), source);
    }

    /** A report entry for a transpilation result, without the source (no end columns). */
    public FileReport(String file, TranspileResult result) {
        this(file, result, null);
    }

    /**
     * Everything to report for a result, in report order: the report entries, the fatal
     * problem if there was one, and, when the result failed without any error (warnings in
     * strict mode), an error entry with the failure's reason.
     */
    public static List<Diagnostic> entriesOf(TranspileResult result) {
        List<Diagnostic> all = result.allDiagnostics();
        if (result.success() || result.errorCount() > 0) {
            return all;
        }
        String why = result.failureMessage().orElse("the config produced no output");
        String code = result.warningCount() > 0 ? STRICT_WARNINGS : "internal-error";
        List<Diagnostic> out = new ArrayList<>(all);
        out.add(new Diagnostic(Severity.ERROR, code, null, 0, 0, why));
        return List.copyOf(out);
    }

    /** True when an entry is an error. */
    public boolean hasErrors() {
        return entries.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
