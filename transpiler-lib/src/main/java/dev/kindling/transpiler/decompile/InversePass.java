/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

/**
 * The inverse of one of Butane's sugar passes: finds the Ignition form a sugar produces and
 * writes the sugar instead. A pass may be optimistic; the decompiler keeps its change only when
 * transpiling the result still gives the input document.
 */
interface InversePass {
    /** A short name for messages, e.g. {@code with_mount_unit}. */
    String name();

    /** Rewrites the draft in place; returns whether anything changed. */
    boolean apply(Draft draft, PassContext ctx);
}
