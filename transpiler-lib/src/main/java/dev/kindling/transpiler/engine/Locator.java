/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the YAML position of a Butane path in the source as written. A path that does not
 * exist in the source is shortened until it does, so a problem about a missing field points at
 * the object that lacks it. Aliases are leaves here, as in Butane.
 */
final class Locator {
    private final YNode root;
    /** Each mapping's last entry per key, built on first use: lookups stay O(1) per path step. */
    private final Map<YMap, Map<String, YNode.Entry>> lastEntries = new IdentityHashMap<>();

    Locator(YNode root) {
        this.root = root;
    }

    private YNode.Entry last(YMap m, String key) {
        Map<String, YNode.Entry> byKey = lastEntries.get(m);
        if (byKey == null) {
            byKey = new HashMap<>();
            for (YNode.Entry en : m.entries()) {
                byKey.put(en.keyText(), en);
            }
            lastEntries.put(m, byKey);
        }
        return byKey.get(key);
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
                YNode.Entry en = last(m, k.name());
                return en == null ? null : en.key();
            } else if (e instanceof String s) {
                if (!(cur instanceof YMap m)) {
                    return null;
                }
                YNode.Entry en = last(m, s);
                if (en == null || en.value() == null) {
                    return null;
                }
                cur = en.value();
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
