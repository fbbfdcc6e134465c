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
 */
public record TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName,
        Variables variables) {

    /**
     * Fills in the default source name.
     *
     * @param filesDir the files directory, or null for none
     * @param strict treat warnings as failures
     * @param pretty indent JSON output
     * @param raw emit the bare Ignition config for openshift
     * @param sourceName the name in reports; null means {@code <stdin>}
     * @param variables the variables; null means none
     */
    public TranspileOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
        variables = variables == null ? Variables.empty() : variables;
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
     * No files directory, not strict, not pretty, not raw, source {@code <stdin>}.
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
     * A builder with everything off.
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
                .variables(variables);
    }

    /** Builds {@link TranspileOptions}; everything is off by default. */
    public static final class Builder {
        private Path filesDir;
        private boolean strict;
        private boolean pretty;
        private boolean raw;
        private String sourceName = "<stdin>";
        private Variables variables = Variables.empty();

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
         * The options set so far.
         *
         * @return immutable options
         */
        public TranspileOptions build() {
            return new TranspileOptions(filesDir, strict, pretty, raw, sourceName, variables);
        }
    }
}
