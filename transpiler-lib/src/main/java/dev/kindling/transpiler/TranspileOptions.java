/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to transpile one config.
 *
 * @param filesDir the directory that {@code local} references are resolved in; local files are
 *     only read when this is set
 * @param strict treat warnings as failures
 * @param pretty indent JSON output by two spaces
 * @param raw for variants that wrap their output (openshift), emit the bare Ignition config
 * @param sourceName the name shown in reports, e.g. the input file name or {@code <stdin>}
 * @param variables the values of {@code $[[NAME]]} references (never null; empty by default),
 *     applied to every source of a transpile or compose
 * @param trackLocalFiles whether the result lists the local files the run read, each with the
 *     SHA-256 of its bytes ({@link TranspileResult#localFiles()}); on by default. Off, that list
 *     is empty and no digest is computed: a caller that does not fingerprint runs (the command
 *     line) saves hashing every local file, which for large files in a short-lived JVM costs
 *     more than compressing them. The output is the same either way.
 */
public record TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName,
        Variables variables, boolean trackLocalFiles) {

    /**
     * Fills in the default source name.
     *
     * @param filesDir the files directory, or null for none
     * @param strict treat warnings as failures
     * @param pretty indent JSON output
     * @param raw emit the bare Ignition config for openshift
     * @param sourceName the name in reports; null means {@code <stdin>}
     * @param variables the variables; null means none
     * @param trackLocalFiles whether the result lists (and digests) the local files read
     */
    public TranspileOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
        variables = variables == null ? Variables.empty() : variables;
    }

    /**
     * Options that track local files (the form before {@code trackLocalFiles} existed).
     *
     * @param filesDir the files directory, or null for none
     * @param strict treat warnings as failures
     * @param pretty indent JSON output
     * @param raw emit the bare Ignition config for openshift
     * @param sourceName the name in reports; null means {@code <stdin>}
     * @param variables the variables; null means none
     */
    public TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName,
            Variables variables) {
        this(filesDir, strict, pretty, raw, sourceName, variables, true);
    }

    /**
     * Options without variables (the form before variables existed).
     *
     * @param filesDir the files directory, or null for none
     * @param strict treat warnings as failures
     * @param pretty indent JSON output
     * @param raw emit the bare Ignition config for openshift
     * @param sourceName the name in reports; null means {@code <stdin>}
     */
    public TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName) {
        this(filesDir, strict, pretty, raw, sourceName, Variables.empty());
    }

    /**
     * No files directory, not strict, not pretty, not raw, source {@code <stdin>}, local files
     * tracked.
     *
     * @return the default options
     */
    public static TranspileOptions defaults() {
        return builder().build();
    }

    /**
     * The files directory, when one is set.
     *
     * @return the directory, if any
     */
    public Optional<Path> filesDirIfSet() {
        return Optional.ofNullable(filesDir);
    }

    /**
     * A builder with everything off but {@code trackLocalFiles}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().filesDir(filesDir).strict(strict).pretty(pretty).raw(raw).sourceName(sourceName)
                .variables(variables).trackLocalFiles(trackLocalFiles);
    }

    /** Builds {@link TranspileOptions}; everything but {@code trackLocalFiles} is off by default. */
    public static final class Builder {
        private Path filesDir;
        private boolean strict;
        private boolean pretty;
        private boolean raw;
        private String sourceName = "<stdin>";
        private Variables variables = Variables.empty();
        private boolean trackLocalFiles = true;

        private Builder() {
        }

        /**
         * Where local files are read from; null (the default) for nowhere.
         *
         * @param dir the files directory
         * @return this builder
         */
        public Builder filesDir(Path dir) {
            this.filesDir = dir;
            return this;
        }

        /**
         * Whether warnings fail the transpilation (Butane's {@code --strict}).
         *
         * @param v true to fail on warnings
         * @return this builder
         */
        public Builder strict(boolean v) {
            this.strict = v;
            return this;
        }

        /**
         * Whether JSON output is indented (Butane's {@code --pretty}).
         *
         * @param v true to indent
         * @return this builder
         */
        public Builder pretty(boolean v) {
            this.pretty = v;
            return this;
        }

        /**
         * Whether openshift configs give the bare Ignition config (Butane's {@code --raw}).
         *
         * @param v true for the bare config
         * @return this builder
         */
        public Builder raw(boolean v) {
            this.raw = v;
            return this;
        }

        /**
         * The name diagnostics and reports give the config.
         *
         * @param name e.g. a file name; null means {@code <stdin>}
         * @return this builder
         */
        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        /**
         * The values of {@code $[[NAME]]} references.
         *
         * @param v the variables; null means none
         * @return this builder
         */
        public Builder variables(Variables v) {
            this.variables = v == null ? Variables.empty() : v;
            return this;
        }

        /**
         * Whether the result lists the local files read, each with a SHA-256 of its bytes
         * ({@link TranspileResult#localFiles()}); on by default. Turn it off when nothing uses
         * that list: the digests are then never computed and the list is empty.
         *
         * @param v false to skip the list and its digests
         * @return this builder
         */
        public Builder trackLocalFiles(boolean v) {
            this.trackLocalFiles = v;
            return this;
        }

        /**
         * The options set so far.
         *
         * @return immutable options
         */
        public TranspileOptions build() {
            return new TranspileOptions(filesDir, strict, pretty, raw, sourceName, variables, trackLocalFiles);
        }
    }
}
