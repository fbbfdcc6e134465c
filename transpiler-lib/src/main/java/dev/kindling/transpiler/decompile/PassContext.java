/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.SpecVersion;
import java.util.function.IntPredicate;

/**
 * What a pass may look at: the spec being written, the options, where to report, and which of
 * its sites (the places it could rewrite, numbered in the order the pass meets them) it may
 * rewrite this time. The decompiler first lets a pass rewrite everything; when the result does
 * not transpile back to the input, it tries the sites one by one and keeps those that do.
 */
final class PassContext {
    private final SpecVersion spec;
    private final DecompileOptions options;
    private final Problems problems;
    private final IntPredicate selected;
    private final boolean notes;
    private int sites;

    PassContext(SpecVersion spec, DecompileOptions options, Problems problems, IntPredicate selected,
            boolean notes) {
        this.spec = spec;
        this.options = options;
        this.problems = problems;
        this.selected = selected;
        this.notes = notes;
    }

    PassContext(SpecVersion spec, DecompileOptions options, Problems problems, IntPredicate selected) {
        this(spec, options, problems, selected, false);
    }

    PassContext(SpecVersion spec, DecompileOptions options, Problems problems) {
        this(spec, options, problems, i -> true, false);
    }

    /**
     * Whether the pass should leave a comment at the sites it may not rewrite: they look like
     * the sugar's output, but transpiling the sugar did not give the input back.
     */
    boolean notes() {
        return notes;
    }

    SpecVersion spec() {
        return spec;
    }

    DecompileOptions options() {
        return options;
    }

    Problems problems() {
        return problems;
    }

    /** Counts a site the pass could rewrite; returns whether it may rewrite it now. */
    boolean site() {
        return selected.test(sites++);
    }

    /** How many sites the pass met. */
    int sites() {
        return sites;
    }
}
