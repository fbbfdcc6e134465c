/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ObjValue;

/**
 * One piece of Butane sugar: reads the decoded Butane config and returns the Ignition output
 * with its expansion applied. Passes are independent and run in {@link Pipeline}'s fixed order.
 */
interface SugarPass {
    /**
     * @param input the decoded Butane config (snake_case keys)
     * @param output the Ignition config built so far (camelCase keys, with origins)
     * @return the new output (may be {@code output} itself, modified)
     */
    ObjValue apply(ObjValue input, ObjValue output, Context ctx);
}
