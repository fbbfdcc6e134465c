/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.ignition.IgnitionValidator;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;

/**
 * Validates an Ignition config given inline in ignition.config.merge/replace against the
 * Ignition spec this Butane version emits. As in Butane, problems inside the embedded config
 * are reported with the embedded config's own paths (they are located in the Butane file only
 * where such a path happens to exist there too).
 */
final class InlineConfigs implements InlineConfigValidator {
    private final SpecVersion spec;

    InlineConfigs(SpecVersion spec) {
        this.spec = spec;
    }

    @Override
    public void validate(String json, Path resourcePath, Report report) {
        Report inner = new Report();
        ObjValue config;
        try {
            config = IgnitionJson.read(json, spec.ignitionMinor(), new IgnitionJson.UnusedKeySink() {
                @Override
                public void unused(Path at, String key) {
                    inner.warning(at, "unused-key", "unused key " + key);
                }

                @Override
                public void notAnObject(Path at) {
                    inner.warning(at, "context-mismatch", "the value at " + at + " in the inline config is null"
                            + " where Ignition expects an object; positions may be inexact and unknown keys below"
                            + " it are not reported");
                }
            });
        } catch (IgnitionJson.BadJson e) {
            report.error(Path.ROOT, "inline-config-unparsable", e.getMessage());
            report.error(resourcePath.append("inline"), "inline-config-invalid", "the inline config is not valid");
            return;
        }
        ObjValue ignition = config.obj("ignition");
        String version = ignition == null ? null : ignition.str("version");
        String want = spec.ignitionVersion();
        if (version != null && isSemver(version) && !version.equals(want)) {
            report.warning(resourcePath.append("version"), "inline-config-other-version",
                    "the inline config's Ignition version is not " + want + ", so it was not validated");
            return;
        }
        IgnitionValidator.validateStandalone(config, spec.ignitionMinor(), report::add);
        report.addAll(inner);
    }

    private static boolean isSemver(String v) {
        return SemVer.normalize(v) != null;
    }
}
