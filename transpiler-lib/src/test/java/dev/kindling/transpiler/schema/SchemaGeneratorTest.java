/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaGeneratorTest {
    private static SpecVersion spec(String variant, String version) {
        return Specs.find(variant, version).orElseThrow();
    }

    @Test
    void everyTypeAndFieldIsDescribed() {
        for (TypeDef t : ButaneSchema.types()) {
            assertThat(Descriptions.has(t.name())).as(t.name()).isTrue();
            for (FieldDef f : t.allFields()) {
                assertThat(Descriptions.has(t.name() + "." + f.name())).as(t.name() + "." + f.name()).isTrue();
            }
        }
        // and generation does not throw for any spec or Ignition version
        Specs.all().forEach(SchemaGenerator::butaneSchema);
        SchemaGenerator.ignitionMinors().forEach(SchemaGenerator::ignitionSchema);
    }

    @Test
    void theEngineValidatesAgainstTheSkeletonOfThePublishedSchema() {
        for (SpecVersion s : Specs.all()) {
            ObjectNode full = SchemaGenerator.butaneSchemaNode(s);
            ObjectNode skeleton = (ObjectNode) strip(full);
            skeleton.put("$schema", SchemaGenerator.STRUCTURE_DIALECT);
            assertThat(SchemaGenerator.butaneStructureNode(s)).as(s.toString()).isEqualTo(skeleton);
        }
    }

    /** The full schema with everything but the structural keywords removed. */
    private static JsonNode strip(JsonNode n) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        n.properties().forEach(e -> {
            String k = e.getKey();
            boolean closed = n.path("additionalProperties").isBoolean();
            if (k.equals("properties") && !closed) {
                // an overlay of constraints on a referenced type (or on a map's values), not structure
            } else if (k.equals("properties") || k.equals("$defs")) {
                ObjectNode p = o.putObject(k);
                e.getValue().properties().forEach(x -> p.set(x.getKey(), strip(x.getValue())));
            } else if (k.equals("items") && e.getValue().has("$ref")) {
                o.set(k, strip(e.getValue()));
            } else if (k.equals("$ref") && e.getValue().asText().endsWith("/yamlBoolean")) {
                // a scalar type, not structure
            } else if (k.equals("$ref") || k.equals("$schema") || k.equals("$id")
                    || k.equals("additionalProperties") && e.getValue().isBoolean()) {
                o.set(k, e.getValue());
            }
        });
        if (o.has("$defs")) {
            ((ObjectNode) o.get("$defs")).remove("yamlBoolean");
        }
        return o;
    }

    @Test
    void versionsAndVariantsAreConstantsAndFieldsFollowTheVersion() {
        ObjectNode v13 = SchemaGenerator.butaneSchemaNode(spec("fcos", "1.3.0"));
        assertThat(v13.at("/properties/variant/const").asText()).isEqualTo("fcos");
        assertThat(v13.at("/properties/version/const").asText()).isEqualTo("1.3.0");
        assertThat(v13.at("/required").toString()).isEqualTo("[\"variant\",\"version\"]");
        assertThat(v13.at("/additionalProperties").asBoolean(true)).isFalse();
        assertThat(v13.at("/properties").has("boot_device")).isTrue();
        assertThat(v13.at("/properties").has("grub")).isFalse();
        assertThat(v13.at("/$defs/Luks/properties").has("discard")).isFalse();
        ObjectNode v15 = SchemaGenerator.butaneSchemaNode(spec("fcos", "1.5.0"));
        assertThat(v15.at("/$defs/Luks/properties").has("discard")).isTrue();
        assertThat(v15.at("/$defs/BootDevice/properties/layout/enum").toString())
                .isEqualTo("[\"aarch64\",\"ppc64le\",\"x86_64\"]");
        assertThat(SchemaGenerator.butaneSchemaNode(spec("fcos", "1.6.0"))
                .at("/$defs/BootDevice/properties/layout/enum").size()).isEqualTo(6);
        ObjectNode os = SchemaGenerator.butaneSchemaNode(spec("openshift", "4.14.0"));
        assertThat(os.at("/required").toString()).contains("metadata");
        assertThat(os.at("/$defs/Filesystem/properties/format/enum").toString()).doesNotContain("btrfs", "none");
        assertThat(os.at("/$defs/File/properties/mode/maximum").asInt()).isEqualTo(0777);
        ObjectNode r4e = SchemaGenerator.butaneSchemaNode(spec("r4e", "1.1.0"));
        assertThat(r4e.at("/$defs/Storage/properties/disks/maxItems").asInt(-1)).isZero();
        assertThat(r4e.at("/$defs/Storage/properties/disks/description").asText()).contains("Not supported by r4e");
    }

    @Test
    void ignitionSchemasUseCamelCaseAndPinTheVersion() {
        ObjectNode i30 = SchemaGenerator.ignitionSchemaNode(0);
        assertThat(i30.get("$id").asText()).isEqualTo("https://kindling.dev/schemas/ignition/3.0.0.json");
        assertThat(i30.at("/$defs/Ignition/properties/version/const").asText()).isEqualTo("3.0.0");
        assertThat(i30.at("/$defs/Verification/properties/hash/pattern").asText()).doesNotContain("sha256");
        assertThat(i30.at("/$defs/Partition/properties").has("sizeMiB")).isTrue();
        assertThat(i30.at("/$defs").has("BootDevice")).isFalse();
        assertThat(i30.at("/$defs/File/properties/contents/$ref").asText()).isEqualTo("#/$defs/FileContents");
        ObjectNode i37 = SchemaGenerator.ignitionSchemaNode(7);
        assertThat(i37.at("/$defs/Ignition/properties/version/const").asText()).isEqualTo("3.7.0-experimental");
        assertThat(i37.at("/$defs/Resource/properties").has("inline")).isFalse();
        assertThat(i37.at("/$defs/Systemd/properties").has("quadlets")).isFalse();
    }

    @Test
    void fullValidationClassifiesProblems() throws Exception {
        String doc = "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: etc/motd\n      mode: 9999\n"
                + "      bogus: 1\n";
        var root = new YamlLoader(YamlLimits.DEFAULT).load(doc.getBytes(StandardCharsets.UTF_8));
        List<InputValidator.Problem> problems = InputValidator.validate(root, spec("fcos", "1.6.0"));
        Map<InputValidator.Kind, List<String>> byKind = problems.stream().collect(Collectors.groupingBy(
                InputValidator.Problem::kind, Collectors.mapping(p -> p.at() + " " + p.keyword(), Collectors.toList())));
        assertThat(byKind.get(InputValidator.Kind.UNKNOWN_KEY)).containsExactly("$.storage.files.0 additionalProperties");
        assertThat(byKind.get(InputValidator.Kind.CONSTRAINT)).containsExactlyInAnyOrder(
                "$.storage.files.0.path pattern", "$.storage.files.0.mode maximum");
        // positions in the YAML: the value, or the key token of an unknown key
        assertThat(problems.stream().map(p -> p.code() + " " + p.line() + ":" + p.column()).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("unused-key 7:7", "schema-pattern 5:13", "schema-maximum 6:13");
        JsonNode json = YamlJson.resolved(root);
        assertThat(InputValidator.validate(json, spec("fcos", "1.6.0"))).hasSize(3);
    }

    @Test
    void compiledSchemasAreSharedSafelyBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<Path, Set<String>>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                SpecVersion s = Specs.all().get(i % Specs.all().size());
                String doc = "variant: " + s.variant() + "\nversion: " + s.version() + "\nstorage: {filez: 1}\n";
                results.add(pool.submit(() -> InputValidator.unknownKeys(
                        new YamlLoader(YamlLimits.DEFAULT).load(doc.getBytes(StandardCharsets.UTF_8)), s)));
            }
            for (Future<Map<Path, Set<String>>> f : results) {
                assertThat(f.get()).isEqualTo(Map.of(Path.of("storage"), Set.of("filez")));
            }
        } finally {
            pool.shutdown();
        }
    }
}
