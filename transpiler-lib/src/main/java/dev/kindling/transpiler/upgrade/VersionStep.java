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
    /**
     * Copies the changes, so that the step is immutable.
     *
     * @param variant the variant
     * @param from the older version
     * @param to the next version
     * @param changes the changes, in their stable order
     */
    public VersionStep {
        changes = List.copyOf(changes);
    }

    /**
     * The changes of one kind, in their stable order.
     *
     * @param <T> the kind of change
     * @param kind the class of the changes wanted, e.g. {@code Change.FieldAdded.class}
     * @return the changes that are of that kind, immutable
     */
    public <T extends Change> List<T> changes(Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public String toString() {
        return variant + " " + from + " -> " + to;
    }
}
