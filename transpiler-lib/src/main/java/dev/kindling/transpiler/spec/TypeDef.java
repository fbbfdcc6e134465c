/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A config object type: its fields across every spec version.
 *
 * <p>A class rather than a record so that it can remember its field list per spec version: the
 * engine asks for it for every object of every config, and filtering the declarations each time
 * was a measurable share of a small config's transpilation.
 */
public final class TypeDef {
    private final String name;
    private final List<FieldDef> allFields;
    private final boolean node;
    /** Pairs of (spec version, its field list), compared by identity; replaced, never changed. */
    private volatile Object[] byVersion = new Object[0];

    public TypeDef(String name, List<FieldDef> allFields, boolean node) {
        this.name = name;
        this.allFields = List.copyOf(allFields);
        this.node = node;
    }

    public String name() {
        return name;
    }

    public List<FieldDef> allFields() {
        return allFields;
    }

    public boolean node() {
        return node;
    }

    /** The fields this spec version has, in declaration order (an immutable list). */
    public List<FieldDef> fields(SpecVersion spec) {
        Object[] known = byVersion;
        for (int i = 0; i < known.length; i += 2) {
            if (known[i] == spec) {
                @SuppressWarnings("unchecked")
                List<FieldDef> fields = (List<FieldDef>) known[i + 1];
                return fields;
            }
        }
        List<FieldDef> out = new ArrayList<>(allFields.size());
        for (FieldDef f : allFields) {
            if (f.availableIn(spec)) {
                out.add(f);
            }
        }
        List<FieldDef> fields = List.copyOf(out);
        if (known.length < 2 * 64) { // a bound: spec versions are few, but callers may make their own
            Object[] grown = java.util.Arrays.copyOf(known, known.length + 2);
            grown[known.length] = spec;
            grown[known.length + 1] = fields;
            byVersion = grown; // a lost race only drops an entry that is built again later
        }
        return fields;
    }

    /**
     * The output field of this snake_case name that Ignition 3.{@code ignitionMinor}'s Butane
     * spec has (Butane-only sugar fields never reach the output), or null.
     */
    public FieldDef outputField(String name, int ignitionMinor) {
        for (int i = 0; i < allFields.size(); i++) {
            FieldDef f = allFields.get(i);
            if (f.name().equals(name) && f.since() <= ignitionMinor && ignitionMinor <= f.until() && !f.butaneOnly()) {
                return f;
            }
        }
        return null;
    }

    public FieldDef field(String name, SpecVersion spec) {
        for (int i = 0; i < allFields.size(); i++) { // indexed: no iterator per key looked up
            FieldDef f = allFields.get(i);
            if (f.name().equals(name) && f.availableIn(spec)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TypeDef[" + name + "]";
    }
}
