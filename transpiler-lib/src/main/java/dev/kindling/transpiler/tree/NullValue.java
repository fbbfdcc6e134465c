/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

/**
 * An explicit JSON {@code null}: what Go writes for a nil pointer or slice in a field without
 * omitempty (Ignition 3.0's merge source, raid devices up to 3.2).
 */
public final class NullValue extends Value {
    @Override
    public NullValue copy() {
        return new NullValue().withOrigin(origin());
    }

    @Override
    public boolean isZero() {
        return false;
    }

    @Override
    public String toString() {
        return "null";
    }
}
