/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.Path;

/** A report entry before it is positioned: the path is in Butane (input) space. */
record Entry(Severity severity, Path path, String code, String message) {
}
