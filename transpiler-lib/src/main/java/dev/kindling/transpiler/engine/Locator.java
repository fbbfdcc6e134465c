/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YSeq;

/**
 * Finds the YAML position of a Butane path in the source as written. A path that does not
 * exist in the source is shortened until it does, so a problem about a missing field points at
 * the object that lacks it. Aliases are leaves here, as in Butane.
 */
final class Locator {
    private final YNode root;

    Locator(YNode root) {
        this.root = root;
    }

    /** {line, column}, or null when the document is empty. */
    int[] locate(Path path) {
        if (root == null) {
            return null;
        }
        Path p = path;
        while (true) {
            YNode n = find(p);
            if (n != null) {
                return new int[] {n.line(), n.column()};
            }
            if (p.size() == 0) {
                return new int[] {root.line(), root.column()};
            }
            p = p.parent();
        }
    }

    /** The node at the path (a key token for a trailing {@link Path.Key}), or null. */
    YNode find(Path p) {
        YNode cur = root;
        for (int i = 0; i < p.size(); i++) {
            Object e = p.get(i);
            if (e instanceof Path.Key k) {
                if (!(cur instanceof YMap m) || i != p.size() - 1) {
                    return null;
                }
                YNode key = null;
                for (YNode.Entry en : m.entries()) {
                    if (en.keyText().equals(k.name())) {
                        key = en.key();
                    }
                }
                return key;
            } else if (e instanceof String s) {
                if (!(cur instanceof YMap m)) {
                    return null;
                }
                YNode next = null;
                for (YNode.Entry en : m.entries()) {
                    if (en.keyText().equals(s)) {
                        next = en.value();
                    }
                }
                if (next == null) {
                    return null;
                }
                cur = next;
            } else {
                int idx = (Integer) e;
                if (!(cur instanceof YSeq seq) || idx < 0 || idx >= seq.items().size()) {
                    return null;
                }
                cur = seq.items().get(idx);
            }
        }
        return cur;
    }
}
