/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.spec.Specs;
import org.junit.jupiter.api.Test;

class StrictDraft07Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode apply(String schema) throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(schema.replace('\'', '"'));
        StrictDraft07.apply(s);
        return s;
    }

    @Test
    void unionTypesBecomeOneBranchPerTypeWithItsKeywords() throws Exception {
        assertThat(apply("{'type': ['string', 'number', 'boolean'], 'pattern': '^a', 'enum': ['a', 1],"
                + " 'description': 'd'}")).isEqualTo(JSON.readTree(("{'enum': ['a', 1], 'description': 'd',"
                        + " 'anyOf': [{'type': 'string', 'pattern': '^a'}, {'type': 'number'}, {'type': 'boolean'}]}")
                        .replace('\'', '"')));
        assertThat(apply("{'type': ['integer', 'null'], 'minimum': 1}").toString())
                .isEqualTo("{\"anyOf\":[{\"type\":\"integer\",\"minimum\":1},{\"type\":\"null\"}]}");
    }

    @Test
    void refsWithConstraintsMoveIntoAllOfAndGetTheirType() throws Exception {
        assertThat(apply("{'$ref': '#/definitions/A', 'description': 'd'}").toString())
                .isEqualTo("{\"$ref\":\"#/definitions/A\",\"description\":\"d\"}");
        assertThat(apply("{'$ref': '#/definitions/A', 'maxProperties': 0}").toString())
                .isEqualTo("{\"maxProperties\":0,\"allOf\":[{\"$ref\":\"#/definitions/A\"}],\"type\":\"object\"}");
    }

    @Test
    void requiredNamesAreDeclaredAndTheTypeComesFromTheEnclosingSchema() throws Exception {
        JsonNode s = apply("{'type': 'object', 'properties': {'a': {'type': 'string'}},"
                + " 'not': {'required': ['a', 'b']}}");
        assertThat(s.at("/not/properties").toString()).isEqualTo("{\"a\":{},\"b\":{}}");
        assertThat(s.at("/not").has("type")).isFalse(); // the same value already is an object
        JsonNode items = apply("{'type': 'array', 'items': {'$ref': '#/definitions/A',"
                + " 'anyOf': [{'required': ['x']}]}}").get("items");
        assertThat(items.get("type").asText()).isEqualTo("object");
        assertThat(items.at("/allOf/0/$ref").asText()).isEqualTo("#/definitions/A");
    }

    @Test
    void generatedSchemasHaveNoUnionTypesAndNoRefsWithConstraints() {
        for (var spec : Specs.all()) {
            check(SchemaGenerator.butaneSchemaNode(spec));
        }
        for (int minor : SchemaGenerator.ignitionMinors()) {
            check(SchemaGenerator.ignitionSchemaNode(minor));
        }
        check(SchemaGenerator.umbrellaSchemaNode());
    }

    private static void check(JsonNode n) {
        if (n.isObject()) {
            assertThat(n.path("type").isArray()).as(n.toString()).isFalse();
            if (n.has("$ref")) {
                n.fieldNames().forEachRemaining(k -> assertThat(k).as(n.toString())
                        .isIn("$ref", "description", "title"));
            }
        }
        n.forEach(StrictDraft07Test::check);
    }
}
