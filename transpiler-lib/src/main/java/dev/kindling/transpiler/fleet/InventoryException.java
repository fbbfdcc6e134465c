/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fleet;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;

/** A fleet inventory or variables file that cannot be used, with the position of the problem. */
public final class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The code of the diagnostic for such a problem. */
    public static final String CODE = "fleet-invalid";

    private final String file;
    private final int line;
    private final int column;

    public InventoryException(String file, int line, int column, String message) {
        super(message, null, false, false);
        this.file = file;
        this.line = Math.max(line, 0);
        this.column = line > 0 ? Math.max(column, 0) : 0;
    }

    /** The file's name as given. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem as a diagnostic (for reports). */
    public Diagnostic toDiagnostic() {
        return new Diagnostic(Severity.ERROR, CODE, null, line, column, getMessage());
    }

    /** {@code FILE:LINE:COL: error: MESSAGE} (without a position when there is none). */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": error: " + getMessage();
    }
}
