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

    public DecompileOptions {
        if (localThreshold < 0) {
            throw new IllegalArgumentException("localThreshold must not be negative");
        }
        sourceName = sourceName == null ? "<stdin>" : sourceName;
    }

    public static DecompileOptions defaults() {
        return builder().build();
    }

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

        public Builder variant(String v) {
            this.variant = v;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public Builder localFiles(boolean v) {
            this.localFiles = v;
            return this;
        }

        public Builder localThreshold(int bytes) {
            this.localThreshold = bytes;
            return this;
        }

        public Builder trees(boolean v) {
            this.trees = v;
            return this;
        }

        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        public DecompileOptions build() {
            return new DecompileOptions(variant, version, localFiles, localThreshold, trees, sourceName);
        }
    }
}
