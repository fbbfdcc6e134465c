/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kindling.transpiler.schema.SchemaFiles;
import dev.kindling.transpiler.schema.SchemaGenerator;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed schema files are exactly what the generator makes from the spec declarations,
 * one per spec and Ignition version and nothing else, and the jar carries them.
 *
 * <p>{@code -Dkindling.schemas.update=true} rewrites the committed files instead of failing.
 */
class SchemaFilesTest {
    static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final String REGENERATE = "regenerate them with: mvn -pl schemas -am verify"
            + " -Dkindling.schemas.update=true";

    @Test
    void committedFilesMatchTheGenerator() throws IOException {
        if (Boolean.getBoolean("kindling.schemas.update")) {
            int changed = SchemaFiles.write(MODULE);
            for (Path stale : extraFiles()) {
                Files.delete(stale);
            }
            System.out.println("kindling.schemas.update: " + changed + " schema files rewritten");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : SchemaFiles.all().entrySet()) {
            Path file = MODULE.resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add(e.getKey() + " is missing");
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add(e.getKey() + " differs from the generator's output");
            }
        }
        for (Path extra : extraFiles()) {
            problems.add(MODULE.relativize(extra) + " is not a schema of any supported spec");
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\nThe schemas are generated from the spec declarations; "
                    + REGENERATE);
        }
    }

    private static List<Path> extraFiles() throws IOException {
        Map<String, String> all = SchemaFiles.all();
        List<Path> extra = new ArrayList<>();
        for (String dir : List.of("butane", "ignition")) {
            Path d = MODULE.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                files.filter(f -> !all.containsKey(dir + "/" + f.getFileName())).forEach(extra::add);
            }
        }
        return extra;
    }

    @Test
    void oneSchemaPerSpecAndIgnitionVersion() {
        TreeSet<String> names = new TreeSet<>(SchemaFiles.all().keySet());
        assertThat(names).hasSize(Specs.all().size() + 8);
        for (SpecVersion spec : Specs.all()) {
            assertThat(names).contains("butane/" + spec.variant() + "-" + spec.version() + ".json");
        }
        assertThat(names.stream().filter(n -> n.startsWith("ignition/")).collect(Collectors.toList()))
                .containsExactly("ignition/3.0.0.json", "ignition/3.1.0.json", "ignition/3.2.0.json",
                        "ignition/3.3.0.json", "ignition/3.4.0.json", "ignition/3.5.0.json", "ignition/3.6.0.json",
                        "ignition/3.7.0-experimental.json");
    }

    @Test
    void theJarCarriesEverySchemaAsAResource() throws IOException {
        // an update run copied the old files to target/classes before rewriting them
        Assumptions.assumeFalse(Boolean.getBoolean("kindling.schemas.update"));
        for (Map.Entry<String, String> e : SchemaFiles.all().entrySet()) {
            String resource = "/dev/kindling/schemas/" + e.getKey();
            try (InputStream in = SchemaFilesTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(resource)
                        .isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void generationIsDeterministic() {
        for (SpecVersion spec : Specs.all()) {
            assertThat(SchemaGenerator.butaneSchema(spec)).isEqualTo(SchemaGenerator.butaneSchema(spec));
        }
    }
}
