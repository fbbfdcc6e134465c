/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

/** A boolean scalar. */
public final class BoolValue extends Value {
    private final boolean value;

    public BoolValue(boolean value) {
        this.value = value;
    }

    public boolean value() {
        return value;
    }

    @Override
    public BoolValue copy() {
        return new BoolValue(value).withOrigin(origin());
    }

    @Override
    public boolean isZeroScalar() {
        return !value;
    }

    @Override
    public boolean isZero() {
        return false; // present scalars are Go's non-nil pointers
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
