/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Value;
import java.util.Map;
import java.util.Set;

/**
 * Brings an Ignition output tree of an older 3.x spec up to a newer one, with the changes
 * Ignition's own translation makes when it reads a config of an older spec (as it does with
 * every child config before merging it):
 * <ul>
 * <li>3.0 to 3.1: the three reference types of 3.0 (config, CA and file contents references)
 * became the one {@code Resource} type;
 * <li>3.4 to 3.5: a tang server's {@code advertisement} (new in 3.4) is not carried over (Ignition's
 * translation copies only the URL and thumbprint), so Ignition never sees the advertisement of a
 * 3.4 child config;
 * <li>3.5 to 3.6: the special mode bits (setuid, setgid, sticky: {@code 07000}) of files and
 * directories are cleared; Ignition only applies them for configs of spec 3.6 and later, so an
 * older config keeps meaning what it meant.
 * </ul>
 * Nothing else changed meaning between the 3.x versions.
 */
public final class Upgrade {
    private static final Set<String> RESOURCE_BEFORE_3_1 = Set.of("ConfigReference", "CaReference", "FileContents");
    private static final int SPECIAL_MODE_BITS = 07000;

    private Upgrade() {
    }

    /** Rewrites {@code config} (in place) from spec 3.{@code from} to 3.{@code to}. */
    public static void translate(ObjValue config, int from, int to) {
        if (from >= to) {
            return;
        }
        if (from == 0) {
            resources(config);
        }
        if (from == 4 && to >= 5) {
            ObjValue storage = config.obj("storage");
            for (Value luks : storage == null ? java.util.List.<Value>of() : storage.items("luks")) {
                ObjValue clevis = luks instanceof ObjValue l ? l.obj("clevis") : null;
                for (Value tang : clevis == null ? java.util.List.<Value>of() : clevis.items("tang")) {
                    if (tang instanceof ObjValue t) {
                        t.remove("advertisement");
                    }
                }
            }
        }
        if (from < 6 && to >= 6) {
            ObjValue storage = config.obj("storage");
            if (storage != null) {
                clearSpecialBits(storage.items("files"));
                clearSpecialBits(storage.items("directories"));
            }
        }
    }

    private static void clearSpecialBits(java.util.List<Value> nodes) {
        for (Value v : nodes) {
            if (v instanceof ObjValue node && node.get("mode") instanceof IntValue mode
                    && (mode.value() & SPECIAL_MODE_BITS) != 0) {
                node.put("mode", new IntValue(mode.value() & ~SPECIAL_MODE_BITS).withOrigin(mode.origin()));
            }
        }
    }

    private static void resources(ObjValue config) {
        for (Map.Entry<String, Value> e : config.fields().entrySet()) {
            e.setValue(upgraded(e.getValue()));
        }
    }

    private static Value upgraded(Value v) {
        if (v instanceof ObjValue o) {
            resources(o);
            if (RESOURCE_BEFORE_3_1.contains(o.type())) {
                ObjValue r = new ObjValue("Resource").withOrigin(o.origin());
                o.fields().forEach(r::put);
                return r;
            }
        } else if (v instanceof ListValue l) {
            l.items().replaceAll(Upgrade::upgraded);
        }
        return v;
    }
}
