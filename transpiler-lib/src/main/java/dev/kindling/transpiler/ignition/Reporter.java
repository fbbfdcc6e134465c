/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.Path;

/**
 * Receives problems found in a generated Ignition config. Paths are output paths
 * ({@code $.storage.files.0.path}, camelCase names); the engine maps them back to the Butane
 * field that produced them and to its YAML position.
 */
@FunctionalInterface
public interface Reporter {
    void report(Severity severity, Path outputPath, String code, String message);

    default void error(Path outputPath, String code, String message) {
        report(Severity.ERROR, outputPath, code, message);
    }

    default void warning(Path outputPath, String code, String message) {
        report(Severity.WARNING, outputPath, code, message);
    }
}
