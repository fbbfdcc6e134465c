/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

/**
 * How to decompile one Ignition config.
 *
 * @param variant the Butane variant to write ({@code fcos}, {@code flatcar}, ...), or null:
 *     {@code openshift} for a MachineConfig, {@code fcos} otherwise
 * @param version the spec version to write, or null: the oldest version of the variant that
 *     emits the input's Ignition version and expresses the most of it as Butane sugar
 * @param localFiles whether contents may become {@code local} files (returned in the result,
 *     for the caller to write below its files directory); without, binary contents are an error
 *     and large text stays inline
 * @param localThreshold contents larger than this many bytes become local files (when allowed)
 * @param trees gather the files at the end of {@code storage.files} below a common folder into a
 *     {@code trees} entry with a local folder (needs {@code localFiles})
 * @param sourceName the input's name in messages
 */
public record DecompileOptions(String variant, String version, boolean localFiles, int localThreshold,
        boolean trees, String sourceName) {
    /** The default {@link #localThreshold}: 64 KiB. */
    public static final int DEFAULT_LOCAL_THRESHOLD = 64 * 1024;

    /**
     * Checks the threshold and fills in the default source name.
     *
     * @param variant the Butane variant, or null to choose it from the input
     * @param version the spec version, or null to choose it from the input
     * @param localFiles whether contents may become local files
     * @param localThreshold the size in bytes above which contents become local files
     * @param trees whether to gather files below a common folder into a {@code trees} entry
     * @param sourceName the input's name in messages; null means {@code <stdin>}
     * @throws IllegalArgumentException if {@code localThreshold} is negative
     */
    public DecompileOptions {
        if (localThreshold < 0) {
            throw new IllegalArgumentException("localThreshold must not be negative");
        }
        sourceName = sourceName == null ? "<stdin>" : sourceName;
    }

    /**
     * Variant and version chosen from the input, no local files, a 64 KiB threshold, no trees,
     * source {@code <stdin>}.
     *
     * @return the default options
     */
    public static DecompileOptions defaults() {
        return builder().build();
    }

    /**
     * A builder with the default options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DecompileOptions}; by default no local files, a 64 KiB threshold. */
    public static final class Builder {
        private String variant;
        private String version;
        private boolean localFiles;
        private int localThreshold = DEFAULT_LOCAL_THRESHOLD;
        private boolean trees;
        private String sourceName = "<stdin>";

        private Builder() {
        }

        /**
         * The Butane variant to write; null (the default) chooses it from the input.
         *
         * @param v the variant, e.g. {@code fcos}
         * @return this builder
         */
        public Builder variant(String v) {
            this.variant = v;
            return this;
        }

        /**
         * The spec version to write; null (the default) chooses it from the input.
         *
         * @param v the version, e.g. {@code 1.5.0}
         * @return this builder
         */
        public Builder version(String v) {
            this.version = v;
            return this;
        }

        /**
         * Whether contents may become {@code local} files, returned in the result.
         *
         * @param v true to allow local files
         * @return this builder
         */
        public Builder localFiles(boolean v) {
            this.localFiles = v;
            return this;
        }

        /**
         * The size above which contents become local files, when those are allowed.
         *
         * @param bytes the threshold in bytes; must not be negative
         * @return this builder
         */
        public Builder localThreshold(int bytes) {
            this.localThreshold = bytes;
            return this;
        }

        /**
         * Whether files below a common folder are gathered into a {@code trees} entry (needs
         * local files).
         *
         * @param v true to gather trees
         * @return this builder
         */
        public Builder trees(boolean v) {
            this.trees = v;
            return this;
        }

        /**
         * The name messages give the input.
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
         * @throws IllegalArgumentException if the local threshold is negative
         */
        public DecompileOptions build() {
            return new DecompileOptions(variant, version, localFiles, localThreshold, trees, sourceName);
        }
    }
}
