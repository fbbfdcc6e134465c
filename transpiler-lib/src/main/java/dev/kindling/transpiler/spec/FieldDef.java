/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/**
 * One field of a config type.
 *
 * @param name the Butane (snake_case) name; the Ignition name is derived from it
 * @param kind the value's shape
 * @param ref for OBJECT the type name; for LIST the element type name, or null for strings
 * @param pointer whether Go models it as a pointer (null and zero values are kept) rather than
 *     a plain value (zero values are dropped)
 * @param since first Ignition minor version (3.x) whose Butane spec has the field
 * @param until last Ignition minor version whose Butane spec has the field
 * @param feature the variant feature the field needs, or null
 * @param butaneOnly sugar that never reaches the output by plain copying
 * @param alwaysWritten written to JSON even when empty (Go fields without omitempty)
 */
public record FieldDef(String name, Kind kind, String ref, boolean pointer, int since, int until, Feature feature,
        boolean butaneOnly, boolean alwaysWritten) {

    public boolean availableIn(SpecVersion spec) {
        int minor = spec.ignitionMinor();
        return minor >= since && minor <= until && (feature == null || spec.features().contains(feature));
    }

    FieldDef since(int v) {
        return new FieldDef(name, kind, ref, pointer, v, until, feature, butaneOnly, alwaysWritten);
    }

    FieldDef until(int v) {
        return new FieldDef(name, kind, ref, pointer, since, v, feature, butaneOnly, alwaysWritten);
    }

    FieldDef feature(Feature f) {
        return new FieldDef(name, kind, ref, pointer, since, until, f, butaneOnly, alwaysWritten);
    }

    FieldDef sugar() {
        return new FieldDef(name, kind, ref, pointer, since, until, feature, true, alwaysWritten);
    }

    FieldDef always() {
        return new FieldDef(name, kind, ref, pointer, since, until, feature, butaneOnly, true);
    }

    FieldDef value() {
        return new FieldDef(name, kind, ref, false, since, until, feature, butaneOnly, alwaysWritten);
    }
}
