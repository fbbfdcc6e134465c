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
 */
public record TranspileOptions(Path filesDir, boolean strict, boolean pretty, boolean raw, String sourceName) {

    public TranspileOptions {
        sourceName = sourceName == null ? "<stdin>" : sourceName;
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
        return new Builder().filesDir(filesDir).strict(strict).pretty(pretty).raw(raw).sourceName(sourceName);
    }

    /** Builds {@link TranspileOptions}; everything is off by default. */
    public static final class Builder {
        private Path filesDir;
        private boolean strict;
        private boolean pretty;
        private boolean raw;
        private String sourceName = "<stdin>";

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

        public TranspileOptions build() {
            return new TranspileOptions(filesDir, strict, pretty, raw, sourceName);
        }
    }
}
