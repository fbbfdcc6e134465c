/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.Rule;
import java.util.List;

/**
 * openshift with {@code fips: true}: Butane adds {@code --cipher aes-cbc-essiv:sha256} to every
 * LUKS volume without a cipher of its own (up to 4.19). Those two options are removed again, as
 * the config's author did not write them.
 */
final class FipsCipher implements InversePass {
    @Override
    public String name() {
        return "openshift.fips cipher";
    }

    @Override
    public boolean apply(Draft draft, PassContext ctx) {
        BMap os = draft.config.map("openshift");
        BMap storage = draft.config.map("storage");
        if (!ctx.spec().has(Rule.FIPS_LUKS_CIPHER) || os == null || !os.isTrue("fips") || storage == null) {
            return false;
        }
        boolean changed = false;
        for (BMap luks : storage.maps("luks")) {
            List<Object> options = luks.list("options");
            int n = options == null ? 0 : options.size();
            if (n >= 2 && "--cipher".equals(options.get(n - 2)) && "aes-cbc-essiv:sha256".equals(options.get(n - 1))
                    && ctx.site()) {
                options.remove(n - 1);
                options.remove(n - 2);
                Cleanup.dropEmpty(luks, "options");
                changed = true;
            }
        }
        return changed;
    }
}
