/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

/**
 * A node of the typed config tree used both for the decoded Butane input (snake_case keys) and
 * for the Ignition output (camelCase keys). Output nodes remember the input path they came from
 * ({@link #origin()}), so that problems found in the output are reported where the user wrote
 * the value.
 */
public abstract sealed class Value permits ObjValue, ListValue, StrValue, IntValue, BoolValue, NullValue {
    private Path origin;

    public Path origin() {
        return origin;
    }

    @SuppressWarnings("unchecked")
    public <T extends Value> T withOrigin(Path origin) {
        this.origin = origin;
        return (T) this;
    }

    /** Sets the origin of this node and every node below it (for generated content). */
    public void setOriginDeep(Path origin) {
        this.origin = origin;
        if (this instanceof ObjValue o) {
            for (Value v : o.fields().values()) {
                v.setOriginDeep(origin);
            }
        } else if (this instanceof ListValue l) {
            for (Value v : l.items()) {
                v.setOriginDeep(origin);
            }
        }
    }

    /** Whether this is a scalar holding Go's zero value ("", 0 or false). */
    public boolean isZeroScalar() {
        return false;
    }

    /** A deep copy that keeps origins. */
    public abstract Value copy();

    /**
     * Whether the value counts as empty for output omission: an empty list, or an object whose
     * fields are all empty. A present scalar is never empty (it stands for a non-nil pointer;
     * zero values of non-pointer fields are not stored at all).
     */
    public abstract boolean isZero();
}
