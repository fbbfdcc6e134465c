/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import java.util.List;

/**
 * What changes between two consecutive spec versions of one variant.
 *
 * @param variant e.g. {@code fcos}
 * @param from the older version, e.g. {@code 1.4.0}
 * @param to the next version of the variant, e.g. {@code 1.5.0}
 * @param changes in a stable order: renames first, then fields, values, semantics and checks
 */
public record VersionStep(String variant, String from, String to, List<Change> changes) {
    public VersionStep {
        changes = List.copyOf(changes);
    }

    /** The changes of one kind. */
    public <T extends Change> List<T> changes(Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public String toString() {
        return variant + " " + from + " -> " + to;
    }
}
