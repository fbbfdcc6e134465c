/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

/** How bad a diagnostic is. Errors stop the output; warnings do so only in strict mode. */
public enum Severity {
    /** The config gets no output. */
    ERROR,
    /** Reported; the config still gets an output, except in strict mode. */
    WARNING;

    /**
     * The word Butane prints: {@code error} or {@code warning}.
     *
     * @return the lower-case word
     */
    public String word() {
        return this == ERROR ? "error" : "warning";
    }
}
