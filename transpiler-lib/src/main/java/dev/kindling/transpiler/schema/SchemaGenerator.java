/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.schema.Constraints.Target;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.FieldFilter;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.OutputFormat;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.Names;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Generates the JSON Schemas (draft 2020-12) of every Butane spec and every Ignition spec from
 * the declarations the engine itself runs on: {@link ButaneSchema} (fields and their version
 * ranges) and {@link Specs} (variants, features, rules and field bans). Descriptions come from
 * {@code descriptions.properties}, value constraints from {@link Constraints}.
 *
 * <p>The output is deterministic: the same declarations always give the same text, so generated
 * files can be committed and compared.
 */
public final class SchemaGenerator {
    /** The JSON Schema dialect of every generated schema. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** Where the schemas are published; each {@code $id} lies below it. */
    public static final String BASE_URI = "https://kindling.dev/schemas/";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String BOOLEAN_DEF = "yamlBoolean";
    /** The words Butane's YAML reader also takes for true and false in a boolean field. */
    private static final List<String> YAML_BOOLEAN_WORDS = List.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "off", "Off", "OFF");

    /** The writer of the schema text; a holder, so that only callers that want text pay for it. */
    private static final class Text {
        static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator("")));
    }

    private final Target target;
    /** Only the structural keywords: no descriptions, value constraints or scalar types. */
    private final boolean structureOnly;
    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();

    private SchemaGenerator(Target target, boolean structureOnly) {
        this.target = target;
        this.structureOnly = structureOnly;
    }

    // ---- public API ----------------------------------------------------------------------------

    /** The schema of a Butane config for {@code spec}, as pretty-printed JSON text ending in a newline. */
    public static String butaneSchema(SpecVersion spec) {
        return text(butaneSchemaNode(spec));
    }

    /** The schema of an Ignition config of version 3.{@code minor}.0, as pretty-printed JSON text. */
    public static String ignitionSchema(int minor) {
        return text(ignitionSchemaNode(minor));
    }

    /** The schema of a Butane config for {@code spec}, as a fresh JSON tree. */
    public static ObjectNode butaneSchemaNode(SpecVersion spec) {
        return new SchemaGenerator(new Target(spec, spec.ignitionMinor()), false).generate();
    }

    /**
     * The structural skeleton of {@link #butaneSchemaNode}: the same objects, properties, items,
     * references and {@code additionalProperties: false}, without descriptions, scalar types and
     * value constraints (a test checks that it is exactly the full schema with those keywords
     * removed). This is what the engine validates every input against: which keys exist where.
     * Its {@code $schema} is {@link #STRUCTURE_DIALECT}.
     */
    public static ObjectNode butaneStructureNode(SpecVersion spec) {
        return new SchemaGenerator(new Target(spec, spec.ignitionMinor()), true).generate();
    }

    /** The dialect of {@link #butaneStructureNode}: draft 2020-12 reduced to its structural keywords. */
    public static final String STRUCTURE_DIALECT = BASE_URI + "structure";

    /** The keywords the structural skeleton keeps. */
    public static final List<String> STRUCTURE_KEYWORDS = List.of("$schema", "$id", "$defs", "$ref", "properties",
            "additionalProperties", "items");

    /** The schema of an Ignition config of version 3.{@code minor}.0, as a fresh JSON tree. */
    public static ObjectNode ignitionSchemaNode(int minor) {
        if (minor < 0 || minor > Specs.EXPERIMENTAL_IGNITION_MINOR) {
            throw new IllegalArgumentException("no Ignition spec 3." + minor + ".0");
        }
        return new SchemaGenerator(new Target(null, minor), false).generate();
    }

    /** The Ignition minor versions with a schema: 0 (3.0.0) to the experimental one. */
    public static List<Integer> ignitionMinors() {
        List<Integer> out = new ArrayList<>();
        for (int m = 0; m <= Specs.EXPERIMENTAL_IGNITION_MINOR; m++) {
            out.add(m);
        }
        return out;
    }

    /** The file name of a Butane spec's schema, e.g. {@code fcos-1.6.0.json}. */
    public static String fileName(SpecVersion spec) {
        return spec.variant() + "-" + spec.version() + ".json";
    }

    /** The file name of an Ignition spec's schema, e.g. {@code 3.5.0.json}. */
    public static String ignitionFileName(int minor) {
        return SpecVersion.ignitionVersionOf(minor) + ".json";
    }

    /** The {@code $id} of a Butane spec's schema. */
    public static String butaneId(SpecVersion spec) {
        return BASE_URI + "butane/" + fileName(spec);
    }

    /** The {@code $id} of an Ignition spec's schema. */
    public static String ignitionId(int minor) {
        return BASE_URI + "ignition/" + ignitionFileName(minor);
    }

    /** The Butane spec for a variant and version as a user writes them (e.g. {@code 1.6} is not a version). */
    public static Optional<SpecVersion> find(String variant, String version) {
        return Specs.find(variant, version);
    }

    /** Serialises a schema tree the way the committed files are written. */
    public static String text(JsonNode schema) {
        try {
            return Text.WRITER.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- generation ----------------------------------------------------------------------------

    private ObjectNode generate() {
        ObjectNode root = F.objectNode();
        root.put("$schema", structureOnly ? STRUCTURE_DIALECT : DIALECT);
        SpecVersion spec = target.spec();
        String ignitionVersion = SpecVersion.ignitionVersionOf(target.minor());
        if (structureOnly) {
            root.put("$id", butaneId(spec));
        } else if (target.butane()) {
            root.put("$id", butaneId(spec));
            root.put("title", "Butane config, " + spec.variant() + " " + spec.version());
            root.put("description", "A Butane config for the " + spec.variant() + " variant, spec version "
                    + spec.version() + (spec.experimental() ? " (experimental: it may still change)" : "")
                    + ". Kindling turns it into an Ignition " + ignitionVersion + " config"
                    + (spec.format() == OutputFormat.MACHINE_CONFIG ? " wrapped in an OpenShift MachineConfig" : "")
                    + ". Generated from Kindling's spec declarations.");
        } else {
            root.put("$id", ignitionId(target.minor()));
            root.put("title", "Ignition config " + ignitionVersion);
            root.put("description", "An Ignition config of spec version " + ignitionVersion
                    + (target.minor() == Specs.EXPERIMENTAL_IGNITION_MINOR ? " (experimental: it may still change)" : "")
                    + ". Generated from Kindling's spec declarations.");
        }

        // types in the order they are first reached from the root, each once
        Deque<String> pending = new ArrayDeque<>();
        pending.add("Config");
        List<String> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (order.contains(name)) {
                continue;
            }
            order.add(name);
            for (FieldDef f : fields(ButaneSchema.type(name))) {
                if (f.ref() != null && (f.kind() == Kind.OBJECT || f.kind() == Kind.LIST)) {
                    pending.add(f.ref());
                }
            }
        }
        for (String name : order) {
            defs.put(name, typeSchema(ButaneSchema.type(name)));
        }
        if (target.butane() && !structureOnly) {
            applyBans();
        }

        ObjectNode config = defs.remove("Config");
        config.remove("description");
        root.setAll(config);
        ObjectNode out = root.putObject("$defs");
        defs.forEach(out::set);
        if (target.butane() && !structureOnly) {
            ObjectNode b = out.putObject(BOOLEAN_DEF);
            b.put("description", "A boolean; Butane's YAML reader also takes y/yes/on and n/no/off in their usual"
                    + " capitalisations.");
            ArrayNode any = b.putArray("anyOf");
            any.addObject().put("type", "boolean");
            ArrayNode words = any.addObject().put("type", "string").putArray("enum");
            YAML_BOOLEAN_WORDS.forEach(words::add);
        }
        return root;
    }

    /** The fields a schema has for a type: Butane's for the spec, or Ignition's for the version. */
    private List<FieldDef> fields(TypeDef type) {
        if (target.butane()) {
            return type.fields(target.spec());
        }
        List<FieldDef> out = new ArrayList<>();
        if (type.name().equals("Ignition")) {
            out.add(new FieldDef("version", Kind.STRING, null, false, 0, Specs.EXPERIMENTAL_IGNITION_MINOR, null,
                    false, true));
        }
        for (FieldDef f : type.allFields()) {
            if (f.since() <= target.minor() && target.minor() <= f.until() && !f.butaneOnly() && f.feature() == null) {
                out.add(f);
            }
        }
        return out;
    }

    private String name(String butaneName) {
        return target.butane() ? butaneName : Names.snakeToCamel(butaneName);
    }

    private String describe(String key) {
        return Descriptions.of(key, !target.butane());
    }

    private ObjectNode typeSchema(TypeDef type) {
        ObjectNode s = F.objectNode();
        if (structureOnly) {
            ObjectNode props = s.putObject("properties");
            for (FieldDef f : fields(type)) {
                ObjectNode p = props.putObject(name(f.name()));
                if (f.kind() == Kind.OBJECT) {
                    p.put("$ref", "#/$defs/" + f.ref());
                } else if (f.kind() == Kind.LIST && f.ref() != null) {
                    p.putObject("items").put("$ref", "#/$defs/" + f.ref());
                }
            }
            s.put("additionalProperties", false);
            return s;
        }
        s.put("type", "object");
        s.put("description", describe(type.name()));
        ObjectNode props = s.putObject("properties");
        for (FieldDef f : fields(type)) {
            props.set(name(f.name()), fieldSchema(type, f));
        }
        s.put("additionalProperties", false);
        UnaryOperator<String> namer = this::name;
        Constraints.object(target, type.name(), s, namer);
        return s;
    }

    private ObjectNode fieldSchema(TypeDef owner, FieldDef f) {
        ObjectNode s = F.objectNode();
        String key = owner.name() + "." + f.name();
        if (owner.name().equals("Config") && target.butane()
                && (f.name().equals("variant") || f.name().equals("version"))) {
            s.put("type", "string");
            s.put("const", f.name().equals("variant") ? target.spec().variant() : target.spec().version());
            s.put("description", describe(key));
            return s;
        }
        if (owner.name().equals("Ignition") && f.name().equals("version")) {
            s.put("type", "string");
            s.put("const", SpecVersion.ignitionVersionOf(target.minor()));
            s.put("description", describe(key));
            return s;
        }
        boolean nullable = !target.butane() && f.pointer();
        switch (f.kind()) {
            case STRING -> scalarType(s, "string", nullable);
            case INT -> scalarType(s, "integer", nullable);
            case BOOL -> {
                if (target.butane()) {
                    s.put("$ref", "#/$defs/" + BOOLEAN_DEF);
                } else {
                    scalarType(s, "boolean", nullable);
                }
            }
            case OBJECT -> s.put("$ref", "#/$defs/" + f.ref());
            case LIST -> {
                s.put("type", "array");
                ObjectNode items = s.putObject("items");
                if (f.ref() != null) {
                    items.put("$ref", "#/$defs/" + f.ref());
                    Constraints.listItems(target, owner.name(), f.name(), items, this::name);
                } else {
                    scalarType(items, "string", false);
                }
            }
            case STRING_MAP -> {
                s.put("type", "object");
                scalarType(s.putObject("additionalProperties"), "string", false);
            }
            default -> throw new IllegalStateException(f.kind().toString());
        }
        s.put("description", describe(key));
        Constraints.field(target, owner.name(), f.name(), s);
        if (nullable && s.has("enum")) {
            ((ArrayNode) s.get("enum")).addNull();
        }
        return s;
    }

    /**
     * A scalar's type. Butane's YAML reader takes any scalar as the text of a string field (so
     * {@code name: 1000} is the string "1000"); Ignition's JSON is strict, and Go reads a JSON
     * null in a pointer field as "not set".
     */
    private void scalarType(ObjectNode s, String type, boolean nullable) {
        if (target.butane() && type.equals("string")) {
            s.putArray("type").add("string").add("number").add("boolean");
        } else if (nullable) {
            s.putArray("type").add(type).add("null");
        } else {
            s.put("type", type);
        }
    }

    // ---- variant bans ----------------------------------------------------------------------------

    /** Types used at more than one place, whose own definition cannot carry a place's ban. */
    private static final List<String> SHARED_TYPES = List.of("Resource", "FileContents", "Verification", "NodeUser",
            "NodeGroup", "Tang", "Cex", "Dropin");

    /**
     * Output fields a variant refuses (see {@link SpecVersion#filters()}): the same field of the
     * Butane config may only be empty. openshift's bans hold for MachineConfig output (Butane's
     * default for openshift); {@code --raw} output skips them.
     */
    private void applyBans() {
        SpecVersion spec = target.spec();
        for (FieldFilter ban : spec.filters()) {
            String[] segments = ban.path().split("\\.");
            List<String> owners = new ArrayList<>();
            TypeDef type = ButaneSchema.type("Config");
            FieldDef field = null;
            for (int i = 0; i < segments.length; i++) {
                segments[i] = Names.camelToSnake(segments[i]);
                owners.add(type.name());
                field = type.field(segments[i], spec);
                if (field == null) {
                    break;
                }
                if (i < segments.length - 1) {
                    type = ButaneSchema.type(field.ref());
                }
            }
            if (field == null) {
                continue; // the spec does not have the field at all
            }
            int last = segments.length - 1;
            String owner = owners.get(last);
            ObjectNode banned;
            if (SHARED_TYPES.contains(owner)) {
                // put the ban on the place: the parent's property gets a properties overlay
                ObjectNode parentProp = (ObjectNode) defs.get(owners.get(last - 1)).get("properties")
                        .get(segments[last - 1]);
                ObjectNode overlay = parentProp.has("properties") ? (ObjectNode) parentProp.get("properties")
                        : parentProp.putObject("properties");
                banned = overlay.putObject(segments[last]);
            } else {
                banned = (ObjectNode) defs.get(owner).get("properties").get(segments[last]);
            }
            if (ban.machineConfigOnly()) {
                // refused in a MachineConfig (openshift's default output) but fine with --raw, which
                // the schema cannot know about: say so, constrain nothing
                String note = "Refused by " + spec.variant() + " " + spec.version() + " when writing a MachineConfig ("
                        + ban.message() + "); allowed with --raw.";
                banned.put("description", banned.has("description")
                        ? banned.get("description").asText() + " " + note : note);
                continue;
            }
            String note = "Not supported by " + spec.variant() + " " + spec.version() + ": " + ban.message() + ".";
            banned.put("description", banned.has("description")
                    ? banned.get("description").asText() + " " + note : note);
            switch (field.kind()) {
                case LIST -> banned.put("maxItems", 0);
                case OBJECT, STRING_MAP -> banned.put("maxProperties", 0);
                default -> {
                    if (ban.ignoreZero()) {
                        switch (field.kind()) {
                            case STRING -> banned.putArray("enum").add("");
                            case INT -> banned.put("const", 0);
                            default -> banned.put("const", false);
                        }
                    } else {
                        banned.putObject("not");
                    }
                }
            }
        }
    }
}
