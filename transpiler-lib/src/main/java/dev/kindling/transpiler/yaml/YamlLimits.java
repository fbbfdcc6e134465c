/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

/**
 * Bounds that keep hostile input from exhausting memory or time.
 *
 * @param maxInputBytes largest accepted document, in bytes
 * @param maxDepth most levels of flow collections, and separately most levels of block
 *     indentation, that a document may open (as Butane's YAML library counts them: a block
 *     sequence at its mapping's own column opens no indentation level)
 * @param maxNodes most nodes a document may contain (before alias expansion)
 */
public record YamlLimits(int maxInputBytes, int maxDepth, int maxNodes) {
    /** 32 MiB, depth 10,000 (Butane's YAML library's bounds), one million nodes. */
    public static final YamlLimits DEFAULT = new YamlLimits(32 * 1024 * 1024, 10_000, 1_000_000);
}
