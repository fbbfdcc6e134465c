/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.schema.SchemaGenerator;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kindling --schema VARIANT VERSION}: the JSON Schema of one Butane spec (or, with the
 * variant {@code ignition}, of one Ignition spec), generated from the same declarations the
 * transpiler runs on, to save next to the configs for an editor.
 */
final class SchemaCommand {
    static final String IGNITION = "ignition";

    private SchemaCommand() {
    }

    /**
     * The variants {@code --schema} takes: every Butane variant, then {@code ignition}. (A plain
     * loop: the flag table asks for this on every start.)
     */
    static List<String> variants() {
        List<String> variants = new ArrayList<>();
        for (SpecVersion s : Specs.all()) {
            if (!variants.contains(s.variant())) {
                variants.add(s.variant());
            }
        }
        variants.add(IGNITION);
        return variants;
    }

    /** The schema text; throws with a message naming the known versions when there is none. */
    static String render(String variant, String version) {
        if (variant.equals(IGNITION)) {
            for (int minor : SchemaGenerator.ignitionMinors()) {
                if (SpecVersion.ignitionVersionOf(minor).equals(version)) {
                    return SchemaGenerator.ignitionSchema(minor);
                }
            }
        } else if (!version.isEmpty()) {
            var spec = Specs.find(variant, version);
            if (spec.isPresent()) {
                return SchemaGenerator.butaneSchema(spec.get());
            }
        }
        List<String> known = new ArrayList<>();
        if (variant.equals(IGNITION)) {
            SchemaGenerator.ignitionMinors().forEach(m -> known.add(SpecVersion.ignitionVersionOf(m)));
        } else {
            Specs.all().stream().filter(s -> s.variant().equals(variant)).forEach(s -> known.add(s.version()));
        }
        if (known.isEmpty()) {
            List<String> variants = variants();
            throw new IllegalArgumentException("no schema for variant \"" + variant + "\"; variants: "
                    + String.join(", ", variants));
        }
        String what = version.isEmpty() ? "a version is needed: --schema " + variant + " VERSION"
                : "no schema for " + variant + " version \"" + version + "\"";
        throw new IllegalArgumentException(what + "; versions: " + String.join(", ", known));
    }
}
