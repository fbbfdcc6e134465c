package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.Path;

/** Validates an Ignition config given inline in ignition.config.merge/replace. */
interface InlineConfigValidator {
    void validate(String json, Path resourcePath, Report report);
}
