/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import java.util.Set;

/**
 * One variant/version pair as a declaration: which Ignition spec it emits, which variant
 * features and rules it enables. Everything else follows from the shared engine.
 */
public record SpecVersion(String variant, String version, int ignitionMinor, Set<Feature> features,
        Set<Rule> rules, OutputFormat format, java.util.List<FieldFilter> filters) {

    public boolean experimental() {
        return version.contains("experimental");
    }

    /** The emitted Ignition spec version, e.g. {@code 3.4.0} or {@code 3.7.0-experimental}. */
    public String ignitionVersion() {
        return ignitionVersionOf(ignitionMinor);
    }

    public static String ignitionVersionOf(int minor) {
        return minor >= Specs.EXPERIMENTAL_IGNITION_MINOR ? "3." + minor + ".0-experimental" : "3." + minor + ".0";
    }

    public boolean has(Feature f) {
        return features.contains(f);
    }

    public boolean has(Rule r) {
        return rules.contains(r);
    }

    /** True for the Ignition minor version {@code minor} and later. */
    public boolean atLeast(int minor) {
        return ignitionMinor >= minor;
    }

    @Override
    public String toString() {
        return variant + " " + version;
    }
}
