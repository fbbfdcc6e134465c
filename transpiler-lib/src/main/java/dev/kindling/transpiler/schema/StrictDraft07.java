/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a generated schema so that it means the same under every draft-07 validator and
 * passes Ajv's strict mode (what SchemaStore checks), without changing which documents are valid:
 * <ul>
 * <li>a union {@code "type": [a, b]} becomes {@code anyOf} of one branch per type, each with the
 * keywords that apply to its type (strict mode refuses union types);
 * <li>a {@code $ref} with validation keywords beside it moves into {@code allOf} (draft-07
 * ignores a {@code $ref}'s siblings; descriptions may stay, they only annotate);
 * <li>every name in {@code required} is also declared in the same schema's {@code properties}
 * (as {@code {}}, which accepts anything);
 * <li>a schema whose keywords only apply to one type, without saying which, gets that
 * {@code type}, unless the enclosing schema of the same value already has it.
 * </ul>
 * A small pass of our own: generic JSON Schema converters do not know which of these rewrites
 * keep our schemas' meaning, and the rules here are few.
 */
final class StrictDraft07 {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Keywords that only constrain values of one JSON type, by that type. */
    private static final Map<String, List<String>> BY_TYPE = Map.of(
            "string", List.of("pattern", "minLength", "maxLength", "format"),
            "number", List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
            "object", List.of("properties", "patternProperties", "additionalProperties", "required", "minProperties",
                    "maxProperties", "propertyNames", "dependencies"),
            "array", List.of("items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains"));
    /** Keywords beside a {@code $ref} that only annotate. */
    private static final Set<String> ANNOTATIONS = Set.of("$ref", "description", "title", "$comment", "default",
            "examples");
    /** Keywords whose schemas apply to the same value as the schema holding them. */
    private static final List<String> SAME_VALUE = List.of("not", "if", "then", "else");
    private static final List<String> SAME_VALUE_LISTS = List.of("anyOf", "allOf", "oneOf");

    private StrictDraft07() {
    }

    /** Rewrites {@code root} in place. */
    static void apply(ObjectNode root) {
        local(root);
        types(root, null);
    }

    // ---- the local rewrites, everywhere ---------------------------------------------------------

    private static void local(ObjectNode s) {
        for (ObjectNode child : subschemas(s, true)) {
            local(child);
        }
        for (ObjectNode child : subschemas(s, false)) {
            local(child);
        }
        splitUnion(s);
        wrapRef(s);
        declareRequired(s);
    }

    private static void splitUnion(ObjectNode s) {
        JsonNode type = s.get("type");
        if (type == null || !type.isArray()) {
            return;
        }
        ArrayNode branches = F.arrayNode();
        Set<String> moved = new LinkedHashSet<>();
        for (JsonNode t : type) {
            ObjectNode branch = branches.addObject().put("type", t.asText());
            for (String k : applicable(t.asText())) {
                if (s.has(k)) {
                    branch.set(k, s.get(k).deepCopy());
                    moved.add(k);
                }
            }
        }
        s.remove("type");
        s.remove(moved);
        if (s.has("anyOf")) {
            allOf(s).addObject().set("anyOf", s.remove("anyOf"));
        }
        s.set("anyOf", branches);
    }

    private static List<String> applicable(String type) {
        return BY_TYPE.getOrDefault(type.equals("integer") ? "number" : type, List.of());
    }

    private static void wrapRef(ObjectNode s) {
        if (!s.has("$ref")) {
            return;
        }
        boolean validates = false;
        for (Iterator<String> it = s.fieldNames(); it.hasNext();) {
            validates |= !ANNOTATIONS.contains(it.next());
        }
        if (validates) {
            ObjectNode ref = F.objectNode().set("$ref", s.remove("$ref"));
            allOf(s).insert(0, ref);
        }
    }

    private static ArrayNode allOf(ObjectNode s) {
        return s.has("allOf") ? (ArrayNode) s.get("allOf") : s.putArray("allOf");
    }

    private static void declareRequired(ObjectNode s) {
        JsonNode required = s.get("required");
        if (required == null || !required.isArray()) {
            return;
        }
        ObjectNode props = s.has("properties") ? (ObjectNode) s.get("properties") : null;
        for (JsonNode name : required) {
            if (props == null) {
                props = s.putObject("properties");
            }
            if (!props.has(name.asText())) {
                props.putObject(name.asText());
            }
        }
    }

    // ---- types ------------------------------------------------------------------------------------

    /** Adds the missing {@code type}s; {@code known} is the type the same value already has. */
    private static void types(ObjectNode s, String known) {
        String type = s.path("type").isTextual() ? s.get("type").asText() : known;
        if (type == null) {
            Set<String> needed = new LinkedHashSet<>();
            needs(s, needed);
            if (needed.size() == 1) {
                type = needed.iterator().next();
                s.put("type", type);
            }
        }
        for (ObjectNode child : subschemas(s, true)) {
            types(child, type);
        }
        for (ObjectNode child : subschemas(s, false)) {
            types(child, null);
        }
    }

    /** The types whose keywords {@code s} and its untyped same-value subschemas use. */
    private static void needs(ObjectNode s, Set<String> out) {
        BY_TYPE.forEach((type, keywords) -> {
            for (String k : keywords) {
                if (s.has(k)) {
                    out.add(type);
                }
            }
        });
        for (ObjectNode child : subschemas(s, true)) {
            if (!child.has("type")) {
                needs(child, out);
            }
        }
    }

    /**
     * The subschemas of {@code s} that apply to the same value ({@code not}, {@code anyOf}, ...)
     * or, when {@code sameValue} is false, to other values (properties, items, definitions).
     */
    private static List<ObjectNode> subschemas(ObjectNode s, boolean sameValue) {
        List<ObjectNode> out = new ArrayList<>();
        if (sameValue) {
            for (String k : SAME_VALUE) {
                if (s.get(k) instanceof ObjectNode o) {
                    out.add(o);
                }
            }
            for (String k : SAME_VALUE_LISTS) {
                if (s.get(k) instanceof ArrayNode a) {
                    a.forEach(n -> {
                        if (n instanceof ObjectNode o) {
                            out.add(o);
                        }
                    });
                }
            }
            return out;
        }
        for (String k : List.of("properties", "patternProperties", "definitions")) {
            if (s.get(k) instanceof ObjectNode map) {
                map.forEach(n -> {
                    if (n instanceof ObjectNode o) {
                        out.add(o);
                    }
                });
            }
        }
        for (String k : List.of("items", "additionalProperties")) {
            if (s.get(k) instanceof ObjectNode o) {
                out.add(o);
            }
        }
        return out;
    }
}
