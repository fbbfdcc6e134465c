/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.ignition.ConfigMerge;
import dev.kindling.transpiler.tree.ObjValue;

/**
 * Puts generated sugar (the parent) under the user's translated config (the child) with
 * Ignition's merge, as Butane does: the one merge engine, {@link ConfigMerge}, also composes
 * snippets.
 */
final class Merger {
    private Merger() {
    }

    static ObjValue merge(ObjValue generated, ObjValue user, int ignitionMinor) {
        return ConfigMerge.merge(generated, user, ignitionMinor);
    }
}
