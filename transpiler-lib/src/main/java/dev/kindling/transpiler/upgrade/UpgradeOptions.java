/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to rewrite one config.
 *
 * @param targetVersion the spec version to rewrite to, of the config's own variant; null for the
 *     newest stable version of the variant
 * @param filesDir where the config's {@code local} references are read (as for transpiling):
 *     the rewritten config is checked by transpiling both versions, which needs them
 * @param raw openshift: check the bare Ignition config instead of the MachineConfig
 * @param sourceName the name shown in reports
 */
public record UpgradeOptions(String targetVersion, Path filesDir, boolean raw, String sourceName) {
    public UpgradeOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
    }

    public static UpgradeOptions defaults() {
        return builder().build();
    }

    public Optional<String> targetVersionIfSet() {
        return Optional.ofNullable(targetVersion);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UpgradeOptions}: newest stable version, no files directory, MachineConfig output. */
    public static final class Builder {
        private String targetVersion;
        private Path filesDir;
        private boolean raw;
        private String sourceName = "<stdin>";

        private Builder() {
        }

        public Builder targetVersion(String version) {
            this.targetVersion = version;
            return this;
        }

        public Builder filesDir(Path dir) {
            this.filesDir = dir;
            return this;
        }

        public Builder raw(boolean v) {
            this.raw = v;
            return this;
        }

        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        public UpgradeOptions build() {
            return new UpgradeOptions(targetVersion, filesDir, raw, sourceName);
        }
    }
}
