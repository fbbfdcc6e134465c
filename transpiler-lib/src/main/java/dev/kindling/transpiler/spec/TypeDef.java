/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import java.util.ArrayList;
import java.util.List;

/** A config object type: its fields across every spec version. */
public record TypeDef(String name, List<FieldDef> allFields, boolean node) {

    /** The fields this spec version has, in declaration order. */
    public List<FieldDef> fields(SpecVersion spec) {
        List<FieldDef> out = new ArrayList<>(allFields.size());
        for (FieldDef f : allFields) {
            if (f.availableIn(spec)) {
                out.add(f);
            }
        }
        return out;
    }

    public FieldDef field(String name, SpecVersion spec) {
        for (FieldDef f : allFields) {
            if (f.name().equals(name) && f.availableIn(spec)) {
                return f;
            }
        }
        return null;
    }
}
