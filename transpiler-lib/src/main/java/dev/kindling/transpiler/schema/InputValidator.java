/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates Butane documents against the generated schemas with the networknt validator.
 * Schemas are generated and compiled once per spec version and then shared; validation is
 * thread-safe.
 *
 * <p>The engine takes its unknown keys ("unused key" warnings) from {@link #unknownKeys}: the
 * document is validated against the structural skeleton of its spec's schema
 * ({@link SchemaGenerator#butaneStructureNode}: objects, properties, items, references,
 * {@code additionalProperties: false}), and each {@code additionalProperties} failure is a key
 * the spec version does not have, at the object it was found in. The rest of the full schema
 * is not needed there: value types are checked first by the YAML decoder (with Go's messages)
 * and value constraints by the engine's own stages (with Butane's messages and order), so the
 * engine validates only the structure and skips the cost of the rest. {@link #validate} checks
 * a document against the full schema, for callers that want everything an editor would show.
 */
public final class InputValidator {
    static {
        QuietLogging.ensure(); // before the first networknt class, which makes an SLF4J logger
    }

    private static final ConcurrentMap<String, JsonSchema> STRUCTURE = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, JsonSchema> FULL = new ConcurrentHashMap<>();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();

    /**
     * The structural dialect: draft 2020-12 with only the keywords that decide which keys exist
     * where. Knowing no formats or value keywords keeps start-up light for one-shot runs.
     */
    private static final class Structure {
        static final JsonSchemaFactory FACTORY;

        static {
            JsonMetaSchema dialect = JsonMetaSchema.builder(SchemaGenerator.STRUCTURE_DIALECT)
                    .specification(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .idKeyword("$id")
                    .keywords(List.of(new NonValidationKeyword("$schema"), new NonValidationKeyword("$id"),
                            new NonValidationKeyword("$defs"), ValidatorTypeCode.PROPERTIES,
                            ValidatorTypeCode.ADDITIONAL_PROPERTIES, ValidatorTypeCode.ITEMS_202012,
                            ValidatorTypeCode.REF))
                    .build();
            FACTORY = JsonSchemaFactory.builder()
                    .defaultMetaSchemaIri(dialect.getIri())
                    .metaSchema(dialect)
                    .schemaLoaders(loaders -> loaders.values(List::clear)) // never fetch anything
                    .build();
        }
    }

    /** Full draft 2020-12, for {@link #validate}. */
    private static final class Full {
        static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.values(List::clear)));
    }

    /**
     * One problem the schema found.
     *
     * @param at the JSON path of the value (for an unknown key, of the object holding it)
     * @param property the unknown key, for {@link Kind#UNKNOWN_KEY}
     * @param line 1-based line of the problem in the YAML (the key token for an unknown key), or 0
     * @param column 1-based column, or 0
     */
    public record Problem(Kind kind, Path at, String property, String keyword, String message, int line, int column) {
        /** The Butane diagnostic code the problem corresponds to. */
        public String code() {
            return switch (kind) {
                case UNKNOWN_KEY -> "unused-key";
                case TYPE -> "yaml-type";
                case CONSTRAINT -> "schema-" + keyword;
            };
        }
    }

    /** What a schema error means in Butane's terms. */
    public enum Kind {
        /** A key the spec version does not have ({@code additionalProperties}): Butane's "unused key". */
        UNKNOWN_KEY,
        /** A value of the wrong type: Butane's YAML decoding error. */
        TYPE,
        /** Any other constraint (enum, pattern, bounds, required, exclusive fields). */
        CONSTRAINT
    }

    private InputValidator() {
    }

    /** The compiled structural schema of a spec ({@link SchemaGenerator#butaneStructureNode}), made on first use. */
    public static JsonSchema structure(SpecVersion spec) {
        return STRUCTURE.computeIfAbsent(SchemaGenerator.butaneId(spec), id -> compile(Structure.FACTORY, id,
                SchemaGenerator.butaneStructureNode(spec)));
    }

    /** The compiled full schema of a spec ({@link SchemaGenerator#butaneSchemaNode}), made on first use. */
    public static JsonSchema schema(SpecVersion spec) {
        return FULL.computeIfAbsent(SchemaGenerator.butaneId(spec), id -> compile(Full.FACTORY, id,
                SchemaGenerator.butaneSchemaNode(spec)));
    }

    private static JsonSchema compile(JsonSchemaFactory factory, String id, JsonNode node) {
        JsonSchema s = factory.getSchema(SchemaLocation.of(id), node, CONFIG);
        s.initializeValidators(); // compile everything now, so that sharing between threads is safe
        return s;
    }

    /**
     * Validates a JSON tree (see {@link YamlJson}) against the spec's full schema: every problem
     * an editor would show. The engine itself does not need this (see the class comment).
     */
    public static List<Problem> validate(JsonNode document, SpecVersion spec) {
        return validate(document, null, spec);
    }

    /**
     * Validates a YAML document (aliases expanded) against the spec's full schema, each problem
     * with its YAML position: where an editor would put its squiggle.
     */
    public static List<Problem> validate(YNode root, SpecVersion spec) {
        return validate(YamlJson.resolved(root), root, spec);
    }

    private static List<Problem> validate(JsonNode document, YNode root, SpecVersion spec) {
        Set<ValidationMessage> messages = schema(spec).validate(document);
        List<Problem> out = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            Path at = path(m.getInstanceLocation());
            Kind kind = switch (m.getType()) {
                case "additionalProperties" -> Kind.UNKNOWN_KEY;
                case "type" -> Kind.TYPE;
                default -> Kind.CONSTRAINT;
            };
            int[] pos = root == null ? null
                    : YamlJson.locate(root, kind == Kind.UNKNOWN_KEY ? at.append(new Path.Key(m.getProperty())) : at);
            out.add(new Problem(kind, at, m.getProperty(), m.getType(), m.getMessage(), pos == null ? 0 : pos[0],
                    pos == null ? 0 : pos[1]));
        }
        out.sort(Comparator.comparing((Problem p) -> p.at().toString()).thenComparing(p -> String.valueOf(p.property()))
                .thenComparing(Problem::keyword));
        return out;
    }

    /**
     * The keys Butane's unused-key check would report, by the path of the object holding them:
     * validates the document as that check sees it ({@link YamlJson#asWritten}).
     */
    public static Map<Path, Set<String>> unknownKeys(YNode root, SpecVersion spec) {
        Set<ValidationMessage> messages = structure(spec).validate(YamlJson.asWritten(root));
        Map<Path, Set<String>> out = new HashMap<>();
        for (ValidationMessage m : messages) {
            if ("additionalProperties".equals(m.getType())) {
                out.computeIfAbsent(path(m.getInstanceLocation()), k -> new LinkedHashSet<>()).add(m.getProperty());
            }
        }
        return out;
    }

    private static Path path(JsonNodePath p) {
        Object[] elements = new Object[p.getNameCount()];
        for (int i = 0; i < elements.length; i++) {
            Object e = p.getElement(i);
            elements[i] = e instanceof Number n ? Integer.valueOf(n.intValue()) : String.valueOf(e);
        }
        return Path.of(elements);
    }
}
