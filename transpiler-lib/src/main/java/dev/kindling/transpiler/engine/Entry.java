/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.Path;

/**
 * A report entry before it is positioned: the path is in Butane (input) space, where Butane
 * reports the problem. {@code real} (may be null) is the input path of the value the problem is
 * about when Butane's rules put the report elsewhere; the report's text then names it too.
 */
record Entry(Severity severity, Path path, String code, String message, Path real) {
    Entry(Severity severity, Path path, String code, String message) {
        this(severity, path, code, message, null);
    }
}
