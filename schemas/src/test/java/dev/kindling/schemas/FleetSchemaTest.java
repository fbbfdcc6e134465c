/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;
import dev.kindling.transpiler.fleet.Inventory;
import dev.kindling.transpiler.fleet.InventoryException;
import dev.kindling.transpiler.schema.YamlJson;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fleet inventory schema agrees with the inventory reader on what is a valid inventory. */
class FleetSchemaTest {
    private static final Path SCHEMA = SchemaFilesTest.MODULE.resolve("fleet/fleet.json");
    private static final Path REPO = SchemaFilesTest.MODULE.resolve("..").normalize();

    @TempDir
    Path dir;

    private static Validator validator() throws IOException {
        String text = Files.readString(SCHEMA, StandardCharsets.UTF_8);
        return Validator.forSchema(new SchemaLoader(new JsonParser(text, SCHEMA.toUri()).parse()).load());
    }

    private static ValidationFailure validate(byte[] yaml) throws Exception {
        var root = new YamlLoader(YamlLimits.DEFAULT).load(yaml);
        String json = YamlJson.resolved(root).toString();
        return validator().validate(new JsonParser(json, URI.create("urn:kindling:fleet")).parse());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        Validator meta = Validator.forSchema(SchemaLoader.forURL("https://json-schema.org/draft/2020-12/schema").load());
        assertThat(meta.validate(new JsonParser(Files.readString(SCHEMA), SCHEMA.toUri()).parse())).isNull();
    }

    /** Every inventory in the repository (examples, plugin ITs) is valid for both. */
    @Test
    void everyInventoryOfTheRepositoryIsValid() throws Exception {
        List<Path> inventories;
        try (Stream<Path> files = Files.walk(REPO)) {
            inventories = files.filter(p -> p.getFileName().toString().matches("fleet(-changed)?\\.yaml"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(inventories).hasSizeGreaterThanOrEqualTo(3);
        for (Path p : inventories) {
            assertThat(validate(Files.readAllBytes(p))).as(p.toString()).isNull();
            Inventory inv = Inventory.load(p, p.toString(), name -> "a secret");
            assertThat(inv.hosts()).as(p.toString()).isNotEmpty();
        }
    }

    /** Inventories that both refuse, each for one reason. */
    @ParameterizedTest
    @ValueSource(strings = {
        "defaults: {base: base.bu}\n",
        "hosts: {}\n",
        "hosts:\n  a: {base: base.bu}\nextra: 1\n",
        "hosts:\n  -bad: {base: base.bu}\n",
        "hosts:\n  a: {base: /abs/base.bu}\n",
        "hosts:\n  a: {base: base.bu, output: ../up}\n",
        "hosts:\n  a: {base: base.bu, output: /abs}\n",
        "hosts:\n  a: {base: base.bu, snippets: [s.bu, s.bu]}\n",
        "hosts:\n  a: {base: base.bu, colour: red}\n",
        "hosts:\n  a: {base: base.bu, variables: {9x: v}}\n",
        "hosts:\n  a: {base: base.bu, variables: {x: [1, 2]}}\n",
        "hosts:\n  a: {base: base.bu, variables: {x: {env: E, other: 1}}}\n",
        "hosts:\n  a: {base: base.bu, variables: {x: {file: f}}}\n",
        "roles:\n  r: {snippets: [s.bu], base: base.bu}\nhosts:\n  a: {base: base.bu}\n",
        "defaults: {base: base.bu, roles: [r]}\nhosts:\n  a: {}\n",
    })
    void refusedByBoth(String inventory) throws Exception {
        Files.writeString(dir.resolve("base.bu"), "variant: fcos\nversion: 1.6.0\n");
        Files.writeString(dir.resolve("s.bu"), "variant: fcos\nversion: 1.6.0\n");
        byte[] bytes = inventory.getBytes(StandardCharsets.UTF_8);
        assertThat(validate(bytes)).as("schema verdict").isNotNull();
        assertThatThrownBy(() -> Inventory.parse(bytes, "fleet.yaml", dir, name -> "v"))
                .isInstanceOf(InventoryException.class);
    }

    /** Accepted by both: the forms the README shows. */
    @ParameterizedTest
    @ValueSource(strings = {
        "hosts:\n  a: {base: base.bu}\n",
        "files_dir: files\ndefaults:\n  base: base.bu\n  snippets: [s.bu]\n  variables: {d: x, n: 3, b: true}\n"
                + "roles:\n  r: {snippets: [s2.bu], variables: {t: {env: T}}}\n"
                + "hosts:\n  web-1.example: {roles: [r], output: web/web-1}\n  b_2: {base: s.bu, snippets: []}\n",
    })
    void acceptedByBoth(String inventory) throws Exception {
        Files.writeString(dir.resolve("base.bu"), "variant: fcos\nversion: 1.6.0\n");
        Files.writeString(dir.resolve("s.bu"), "variant: fcos\nversion: 1.6.0\n");
        Files.writeString(dir.resolve("s2.bu"), "variant: fcos\nversion: 1.6.0\n");
        Files.createDirectories(dir.resolve("files"));
        byte[] bytes = inventory.getBytes(StandardCharsets.UTF_8);
        assertThat(validate(bytes)).as("schema verdict").isNull();
        assertThat(Inventory.parse(bytes, "fleet.yaml", dir, name -> "v").hosts()).isNotEmpty();
    }

    @Test
    void theJarCarriesTheSchema() {
        assertThat(FleetSchemaTest.class.getResource("/dev/kindling/schemas/fleet/fleet.json")).isNotNull();
    }
}
