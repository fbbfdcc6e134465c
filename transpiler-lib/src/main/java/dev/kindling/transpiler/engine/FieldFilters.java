/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.ignition.Reporter;
import dev.kindling.transpiler.spec.FieldFilter;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a variant's bans on output fields: a banned field with a non-empty value is an error
 * at its path, and nothing below it is looked at.
 */
final class FieldFilters {
    private FieldFilters() {
    }

    /**
     * @param config the Ignition config
     * @param at the output path of {@code config} ({@code $} or {@code $.spec.config})
     */
    static void verify(ObjValue config, List<FieldFilter> filters, boolean machineConfig, Path at, Reporter out) {
        List<FieldFilter> active = new ArrayList<>(filters.size());
        for (FieldFilter f : filters) {
            if (machineConfig || !f.machineConfigOnly()) {
                active.add(f);
            }
        }
        if (!active.isEmpty()) {
            walk(config, "", at, active, out);
        }
    }

    private static void walk(Value v, String filter, Path at, List<FieldFilter> filters, Reporter out) {
        FieldFilter f = find(filters, filter);
        if (f != null) {
            if (!isEmpty(v, f)) {
                out.error(at, f.code(), f.message());
            }
            return;
        }
        if (v instanceof ObjValue o) {
            if ("StringMap".equals(o.type())) {
                return;
            }
            for (var e : o.fields().entrySet()) {
                String child = filter.isEmpty() ? e.getKey() : filter + "." + e.getKey();
                walk(e.getValue(), child, at.append(e.getKey()), filters, out);
            }
        } else if (v instanceof ListValue l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.items().get(i), filter, at.append(i), filters, out);
            }
        }
    }

    private static FieldFilter find(List<FieldFilter> filters, String path) {
        for (FieldFilter f : filters) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    private static boolean isEmpty(Value v, FieldFilter f) {
        if (v instanceof ObjValue o) {
            for (Value c : o.fields().values()) {
                if (!isEmpty(c, f)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof ListValue l) {
            return l.size() == 0;
        }
        // a present scalar is a set pointer; only a filter marked ignore-zero forgives a zero one
        return f.ignoreZero() && v.isZeroScalar();
    }
}
