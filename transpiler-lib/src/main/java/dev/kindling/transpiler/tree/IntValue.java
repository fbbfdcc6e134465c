/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

/** An integer scalar (Go's int, 64 bits). */
public final class IntValue extends Value {
    private final long value;

    public IntValue(long value) {
        this.value = value;
    }

    public long value() {
        return value;
    }

    @Override
    public IntValue copy() {
        return new IntValue(value).withOrigin(origin());
    }

    @Override
    public boolean isZeroScalar() {
        return value == 0;
    }

    @Override
    public boolean isZero() {
        return false; // present scalars are Go's non-nil pointers
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
