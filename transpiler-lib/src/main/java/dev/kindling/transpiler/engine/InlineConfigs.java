package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.tree.Path;

/**
 * Validates an Ignition config written inline in ignition.config.merge/replace against the
 * Ignition spec this Butane version emits.
 */
final class InlineConfigs implements InlineConfigValidator {
    private final SpecVersion spec;

    InlineConfigs(SpecVersion spec) {
        this.spec = spec;
    }

    @Override
    public void validate(String json, Path resourcePath, Report report) {
        // completed together with the Ignition validator
    }
}
