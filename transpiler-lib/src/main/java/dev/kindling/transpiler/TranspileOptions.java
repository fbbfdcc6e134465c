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

    public TranspileOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
        variables = variables == null ? Variables.empty() : variables;
    }

    /** Options without variables (the form before variables existed). */
    public TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName) {
        this(filesDir, strict, pretty, raw, sourceName, Variables.empty());
    }

    public static TranspileOptions defaults() {
        return builder().build();
    }

    public Optional<Path> filesDirIfSet() {
        return Optional.ofNullable(filesDir);
    }

    public static Builder builder() {
        return new Builder();
    }

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

        public Builder filesDir(Path dir) {
            this.filesDir = dir;
            return this;
        }

        public Builder strict(boolean v) {
            this.strict = v;
            return this;
        }

        public Builder pretty(boolean v) {
            this.pretty = v;
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

        /** The values of {@code $[[NAME]]} references; null means none. */
        public Builder variables(Variables v) {
            this.variables = v == null ? Variables.empty() : v;
            return this;
        }

        public TranspileOptions build() {
            return new TranspileOptions(filesDir, strict, pretty, raw, sourceName, variables);
        }
    }
}
