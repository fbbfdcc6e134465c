/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The openshift variant's MachineConfig fields when several configs are composed into one
 * MachineConfig. Ignition's merge does not cover them (they are not Ignition's), so Kindling's
 * rules, chosen so that a snippet can add to a machine but not silently weaken it, are:
 * <ul>
 * <li>{@code metadata} (name and labels, which decide the MachineConfig's identity and pool):
 * the base's; a snippet's metadata is not used;
 * <li>{@code kernelArguments} and {@code extensions}: the base's items, then each snippet's items
 * that are not there yet, in order;
 * <li>{@code fips}: on when any config turns it on (FIPS mode is chosen at install time; a
 * snippet cannot turn it off again);
 * <li>{@code kernelType}: the last config that sets it wins, like an Ignition scalar.
 * </ul>
 */
final class MachineConfigs {
    private MachineConfigs() {
    }

    /** The base's MachineConfig (first document) around {@code config}, with the spec fields of all. */
    static ObjValue merge(List<ObjValue> documents, ObjValue config) {
        ObjValue base = documents.get(0);
        ObjValue mc = new ObjValue(base.type()).withOrigin(base.origin());
        base.fields().forEach(mc::put);
        ObjValue baseSpec = base.obj("spec");
        ObjValue spec = new ObjValue(baseSpec.type()).withOrigin(baseSpec.origin());
        baseSpec.fields().forEach(spec::put);
        spec.put("config", config);
        for (String field : List.of("kernelArguments", "extensions")) {
            ListValue union = new ListValue();
            Set<String> seen = new HashSet<>();
            for (ObjValue doc : documents) {
                ListValue l = doc.obj("spec").list(field);
                if (l == null) {
                    continue;
                }
                if (union.origin() == null) {
                    union.withOrigin(l.origin());
                }
                for (Value item : l.items()) {
                    if (!(item instanceof StrValue s) || seen.add(s.value())) {
                        union.add(item);
                    }
                }
            }
            spec.put(field, union.size() > 0 ? union : baseSpec.get(field));
        }
        Value fips = null;
        Value kernelType = null;
        for (ObjValue doc : documents) {
            ObjValue s = doc.obj("spec");
            Value f = s.get("fips");
            if (f instanceof BoolValue b && (fips == null || b.value())) {
                fips = fips instanceof BoolValue old && old.value() ? fips : f;
            }
            if (s.get("kernelType") != null) {
                kernelType = s.get("kernelType");
            }
        }
        spec.put("fips", fips);
        spec.put("kernelType", kernelType);
        mc.put("spec", spec);
        return mc;
    }
}
