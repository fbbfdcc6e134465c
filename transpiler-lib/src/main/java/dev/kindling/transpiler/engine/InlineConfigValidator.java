/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.Path;

/** Validates an Ignition config given inline in ignition.config.merge/replace. */
interface InlineConfigValidator {
    void validate(String json, Path resourcePath, Report report);
}
