/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

import java.util.ArrayList;
import java.util.List;

/** A list; its items keep their own origins. */
public final class ListValue extends Value {
    private final List<Value> items = new ArrayList<>();

    public List<Value> items() {
        return items;
    }

    public ListValue add(Value v) {
        items.add(v);
        return this;
    }

    public int size() {
        return items.size();
    }

    @Override
    public ListValue copy() {
        ListValue c = new ListValue();
        for (Value v : items) {
            c.items.add(v.copy());
        }
        return c.withOrigin(origin());
    }

    @Override
    public boolean isZero() {
        return items.isEmpty();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
