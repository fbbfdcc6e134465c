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
    /**
     * Fills in the default source name.
     *
     * @param targetVersion the spec version to rewrite to, or null for the newest stable one
     * @param filesDir the files directory, or null for none
     * @param raw openshift: check the bare Ignition config
     * @param sourceName the name in reports; null means {@code <stdin>}
     */
    public UpgradeOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
    }

    /**
     * Newest stable version, no files directory, not raw, source {@code <stdin>}.
     *
     * @return the default options
     */
    public static UpgradeOptions defaults() {
        return builder().build();
    }

    /**
     * The target version, when one is set.
     *
     * @return the version, if any
     */
    public Optional<String> targetVersionIfSet() {
        return Optional.ofNullable(targetVersion);
    }

    /**
     * A builder with the default options.
     *
     * @return a new builder
     */
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

        /**
         * The spec version to rewrite to; null (the default) for the newest stable version.
         *
         * @param version the version, e.g. {@code 1.6.0}
         * @return this builder
         */
        public Builder targetVersion(String version) {
            this.targetVersion = version;
            return this;
        }

        /**
         * Where local files are read from when checking the rewritten config; null (the
         * default) for nowhere.
         *
         * @param dir the files directory
         * @return this builder
         */
        public Builder filesDir(Path dir) {
            this.filesDir = dir;
            return this;
        }

        /**
         * Whether openshift configs are checked as the bare Ignition config (Butane's
         * {@code --raw}).
         *
         * @param v true for the bare config
         * @return this builder
         */
        public Builder raw(boolean v) {
            this.raw = v;
            return this;
        }

        /**
         * The name reports give the config.
         *
         * @param name e.g. a file name; null means {@code <stdin>}
         * @return this builder
         */
        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        /**
         * The options set so far.
         *
         * @return immutable options
         */
        public UpgradeOptions build() {
            return new UpgradeOptions(targetVersion, filesDir, raw, sourceName);
        }
    }
}
