/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one upgrade: the rewritten config (absent when the target version cannot
 * express it, or the config has errors of its own), every diagnostic, and what was done.
 */
public final class UpgradeResult {
    /** One line that the rewrite changed, 1-based, without its line break. */
    public record LineChange(int line, String before, String after) {
    }

    private final byte[] output;
    private final String before;
    private final String after;
    private final List<Diagnostic> diagnostics;
    private final String variant;
    private final String fromVersion;
    private final String toVersion;
    private final List<VersionStep> steps;

    UpgradeResult(byte[] output, String before, String after, List<Diagnostic> diagnostics, String variant,
            String fromVersion, String toVersion, List<VersionStep> steps) {
        this.output = output;
        this.before = before;
        this.after = after;
        this.diagnostics = List.copyOf(diagnostics);
        this.variant = variant;
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
        this.steps = List.copyOf(steps);
    }

    /**
     * True when there is a rewritten config (possibly identical to the input).
     *
     * @return true when {@link #output()} is present
     */
    public boolean success() {
        return output != null;
    }

    /**
     * The rewritten config, in the input's encoding; absent on failure.
     *
     * @return a copy of the rewritten bytes, if any
     */
    public Optional<byte[]> output() {
        return output == null ? Optional.empty() : Optional.of(output.clone());
    }

    /**
     * The rewritten config as text; absent on failure.
     *
     * @return the rewritten text, if any
     */
    public Optional<String> text() {
        return output == null ? Optional.empty() : Optional.of(after);
    }

    /**
     * True when the rewritten config differs from the input.
     *
     * @return true when the rewrite changed the text
     */
    public boolean changed() {
        return output != null && !after.equals(before);
    }

    /**
     * Errors (each field or value the target cannot express, at its line and column; or the
     * config's own errors) and warnings the target version adds.
     *
     * @return the diagnostics, immutable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The number of error diagnostics.
     *
     * @return how many diagnostics are errors
     */
    public long errorCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    /**
     * The config's variant; empty when it could not be read.
     *
     * @return the variant, or an empty string
     */
    public String variant() {
        return variant;
    }

    /**
     * The version the config declared; empty when it could not be read.
     *
     * @return the original version, or an empty string
     */
    public String fromVersion() {
        return fromVersion;
    }

    /**
     * The version asked for; empty when it could not be decided.
     *
     * @return the target version, or an empty string
     */
    public String toVersion() {
        return toVersion;
    }

    /**
     * The version steps between the two versions, in ascending order (also when going down).
     *
     * @return the steps, immutable
     */
    public List<VersionStep> steps() {
        return steps;
    }

    /**
     * The lines the rewrite changed (the rewrite never adds or removes lines).
     *
     * @return the changed lines in order; empty on failure
     */
    public List<LineChange> lineChanges() {
        if (output == null) {
            return List.of();
        }
        String[] a = before.split("\r\n|\r|\n", -1);
        String[] b = after.split("\r\n|\r|\n", -1);
        List<LineChange> changes = new ArrayList<>();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                changes.add(new LineChange(i + 1, x, y));
            }
        }
        return List.copyOf(changes);
    }
}
