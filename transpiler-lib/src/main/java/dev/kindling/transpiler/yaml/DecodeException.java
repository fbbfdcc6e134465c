/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

/** The YAML is well formed but cannot be read into the config types; processing stops. */
public final class DecodeException extends Exception {
    private final int line;
    private final int column;

    public DecodeException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the first offending node, or 0. */
    public int line() {
        return line;
    }

    /** 1-based column of the first offending node, or 0. */
    public int column() {
        return column;
    }
}
