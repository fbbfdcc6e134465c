/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set of schema files Kindling publishes: {@code butane/<variant>-<version>.json} for every
 * spec of {@link Specs#all()} and {@code ignition/<version>.json} for every Ignition version.
 * {@code main} writes them below a folder (the {@code schemas} module keeps them committed).
 */
public final class SchemaFiles {
    private SchemaFiles() {
    }

    /** Every file, by its path relative to the schemas folder (with {@code /}), in a stable order. */
    public static Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SpecVersion spec : Specs.all()) {
            out.put("butane/" + SchemaGenerator.fileName(spec), SchemaGenerator.butaneSchema(spec));
        }
        for (int minor : SchemaGenerator.ignitionMinors()) {
            out.put("ignition/" + SchemaGenerator.ignitionFileName(minor), SchemaGenerator.ignitionSchema(minor));
        }
        return out;
    }

    /** Writes every file below {@code dir}, replacing what is there; returns how many changed. */
    public static int write(Path dir) throws IOException {
        int changed = 0;
        for (Map.Entry<String, String> e : all().entrySet()) {
            Path file = dir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            changed++;
        }
        return changed;
    }

    /** {@code SchemaFiles DIR}: (re)writes the schema files below DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SchemaFiles DIR");
            System.exit(2);
        }
        int changed = write(Path.of(args[0]));
        System.out.println(changed + " of " + all().size() + " schema files written below " + args[0]);
    }
}
