/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;

/**
 * Maps a path in the generated Ignition config back to the Butane field that produced it: the
 * origin of the value at that path, or, when nothing is there, the same path in snake_case
 * (which is what Butane does too).
 */
final class OutputPaths {
    private final ObjValue root;

    OutputPaths(ObjValue root) {
        this.root = root;
    }

    Path toInput(Path outputPath) {
        Value v = find(outputPath);
        if (v != null && v.origin() != null) {
            return v.origin();
        }
        return outputPath.toSnakeCase();
    }

    private Value find(Path p) {
        Value cur = root;
        for (int i = 0; i < p.size(); i++) {
            Object e = p.get(i);
            if (e instanceof String s && cur instanceof ObjValue o) {
                cur = o.get(s);
            } else if (e instanceof Integer idx && cur instanceof ListValue l && idx >= 0 && idx < l.size()) {
                cur = l.items().get(idx);
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }
}
