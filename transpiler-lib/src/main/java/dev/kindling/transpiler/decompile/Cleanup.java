/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import java.util.List;

/** Removing what a pass emptied, so that no {@code files: []} or {@code storage: {}} is left behind. */
final class Cleanup {
    private Cleanup() {
    }

    static void dropEmpty(BMap m, String... keys) {
        if (m == null) {
            return;
        }
        for (String k : keys) {
            Object v = m.get(k);
            if ((v instanceof List<?> l && l.isEmpty()) || (v instanceof BMap b && b.fields.isEmpty())) {
                m.remove(k);
            }
        }
    }
}
