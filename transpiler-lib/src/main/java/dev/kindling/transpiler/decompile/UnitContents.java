/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.ButaneSchema;

/**
 * Unit and drop-in contents larger than the threshold become {@code contents_local} files (from
 * the specs that have it, and only when local files are allowed); smaller ones stay
 * {@code contents}, written as literal blocks.
 */
final class UnitContents implements InversePass {
    @Override
    public String name() {
        return "contents_local";
    }

    @Override
    public boolean apply(Draft draft, PassContext ctx) {
        BMap systemd = draft.config.map("systemd");
        if (systemd == null || !ctx.options().localFiles()
                || ButaneSchema.type("Unit").field("contents_local", ctx.spec()) == null) {
            return false;
        }
        boolean changed = false;
        for (BMap unit : systemd.maps("units")) {
            String name = unit.str("name") == null ? "unit" : unit.str("name");
            changed |= move(unit, "systemd/" + name, draft, ctx);
            for (BMap dropin : unit.maps("dropins")) {
                String dn = dropin.str("name") == null ? "dropin.conf" : dropin.str("name");
                changed |= move(dropin, "systemd/" + name + ".d/" + dn, draft, ctx);
            }
        }
        return changed;
    }

    private static boolean move(BMap unit, String hint, Draft draft, PassContext ctx) {
        String contents = unit.str("contents");
        if (contents == null) {
            return false;
        }
        byte[] bytes = contents.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= ctx.options().localThreshold() || !ctx.site()) {
            return false;
        }
        String name = draft.freeName(hint);
        draft.files.put(name, bytes);
        unit.remove("contents");
        unit.put("contents_local", name);
        return true;
    }
}
