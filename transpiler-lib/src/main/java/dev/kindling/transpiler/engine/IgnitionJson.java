/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Ignition config (JSON) into the typed tree for one Ignition version, the way Go's
 * JSON decoder fills Ignition's structs, which differs from a plain JSON tree where a key
 * repeats or is spelled in another case:
 * <ul>
 * <li>a key matches its field exactly or else in any case ({@code "STORAGE"} fills storage);
 * <li>a repeated key is decoded into what the earlier one filled: objects merge, a list's
 *     items are decoded into the items already there (Go reuses a slice's elements, also those
 *     past its length that its capacity still holds), other values are replaced;
 * <li>{@code null} empties a pointer or a list and leaves a plain value (a required string, a
 *     struct) as it was;
 * <li>a value of the wrong type is an error.
 * </ul>
 * Unknown keys are listed as Ignition's own check sees them: on the plain tree, where the last
 * of repeated keys counts, and spelled exactly.
 */
final class IgnitionJson {
    /**
     * Go's JSON decoder refuses anything but whitespace after the top-level value, and nesting
     * deeper than 10,000 levels (Jackson's default limit is 1,000).
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The JSON text is not a config of the right shape. */
    static final class BadJson extends Exception {
        BadJson(String message) {
            super(message, null, false, false);
        }
    }

    /** Hears of what Ignition's own check of the plain tree warns about. */
    interface UnusedKeySink {
        /** A key that the Ignition types lack. */
        void unused(Path at, String key);

        /** A null where a struct is expected (Ignition: its position tree and content differ). */
        void notAnObject(Path at);
    }

    private final int minor;
    private final SpecFor spec;
    private final UnusedKeySink unused;

    private IgnitionJson(int minor, UnusedKeySink unused) {
        this.minor = minor;
        this.spec = new SpecFor(minor);
        this.unused = unused;
    }

    static ObjValue read(String json, int minor, UnusedKeySink unused) throws BadJson {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new BadJson("invalid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new BadJson("unexpected end of JSON input");
        }
        IgnitionJson r = new IgnitionJson(minor, unused);
        TypeDef config = ButaneSchema.type("Config");
        r.structValue(root, config, Path.ROOT);
        GoStruct decoded = new GoStruct();
        // the text parsed as a tree above, so reading it again as a stream cannot fail on syntax
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.VALUE_NULL) { // null fills nothing
                r.decodeStruct(p, config, decoded, "Config");
            }
        } catch (IOException e) {
            throw new BadJson("invalid JSON: " + e.getMessage());
        }
        return r.toObj(decoded, "Config");
    }

    /** Field availability by Ignition minor version only (the Ignition side has no features). */
    private record SpecFor(int minor) {
        boolean has(FieldDef f) {
            return f.since() <= minor && minor <= f.until() && !f.butaneOnly() && f.feature() == null;
        }
    }

    // ---- unknown keys: the plain tree, exact spelling --------------------------------------

    private void unusedKeys(JsonNode n, TypeDef type, Path at) {
        if (!n.isObject()) {
            return; // a null, or the wrong type (an error the decoding reports)
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (type.name().equals("Ignition") && key.equals("version")) {
                continue;
            }
            FieldDef f = exact(type, key);
            if (f == null) {
                unused.unused(at.append(new Path.Key(key)), key);
            } else if (f.kind() == Kind.OBJECT) {
                structValue(e.getValue(), ButaneSchema.type(f.ref()), at.append(key));
            } else if (f.kind() == Kind.LIST && f.ref() != null && e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    structValue(e.getValue().get(i), ButaneSchema.type(f.ref()), at.append(key).append(i));
                }
            }
        }
    }

    private void structValue(JsonNode n, TypeDef type, Path at) {
        if (n.isNull()) {
            unused.notAnObject(at);
        } else {
            unusedKeys(n, type, at);
        }
    }

    private FieldDef exact(TypeDef type, String camel) {
        for (FieldDef f : type.allFields()) {
            if (spec.has(f) && Names.snakeToCamel(f.name()).equals(camel)) {
                return f;
            }
        }
        return null;
    }

    /** Go's match of a JSON key to a struct field: the exact name, else the first in any case. */
    private FieldDef matching(TypeDef type, String key) {
        FieldDef f = exact(type, key);
        if (f != null) {
            return f;
        }
        for (FieldDef g : type.allFields()) {
            if (spec.has(g) && Names.snakeToCamel(g.name()).equalsIgnoreCase(key)) {
                return g;
            }
        }
        return null;
    }

    // ---- decoding: Go's rules, into a struct/slice model ----------------------------------

    /** A Go struct being filled: field name (Ignition's spelling) to a Value, GoStruct or GoSlice. */
    private static final class GoStruct {
        final Map<String, Object> fields = new LinkedHashMap<>();
    }

    /** A Go slice: the elements its capacity holds, of which the first {@code length} are its items. */
    private static final class GoSlice {
        Object[] backing = new Object[0];
        int length;
    }

    private void decodeStruct(JsonParser p, TypeDef type, GoStruct into, String goType) throws IOException, BadJson {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new BadJson("cannot unmarshal " + kind(p.currentToken()) + " into Go struct field " + goType);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (type.name().equals("Ignition") && key.equalsIgnoreCase("version")) {
                if (p.currentToken() != JsonToken.VALUE_NULL) { // a plain string: null leaves it
                    into.fields.put("version", string(p, "Ignition.version"));
                }
                continue;
            }
            FieldDef f = matching(type, key);
            if (f == null) {
                p.skipChildren();
                continue;
            }
            String name = Names.snakeToCamel(f.name()); // the tree holds Ignition's names
            Object v = decodeValue(p, f, into.fields.get(name));
            if (v == null) {
                into.fields.remove(name);
            } else {
                into.fields.put(name, v);
            }
        }
    }

    /** The field's new content after decoding the current value into {@code old}; null: none. */
    private Object decodeValue(JsonParser p, FieldDef f, Object old) throws IOException, BadJson {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            // null empties a pointer or a slice; a plain struct or value stays as it was
            boolean nullable = f.kind() == Kind.LIST || f.pointer();
            return nullable ? null : old;
        }
        switch (f.kind()) {
            case OBJECT: {
                GoStruct s = old instanceof GoStruct g ? g : new GoStruct();
                decodeStruct(p, ButaneSchema.type(f.ref()), s, f.ref());
                return s;
            }
            case LIST:
                return decodeSlice(p, f, old instanceof GoSlice g ? g : new GoSlice());
            case STRING:
                return string(p, f.name());
            case INT:
                return integer(p, f.name());
            case BOOL:
                if (p.currentToken() != JsonToken.VALUE_TRUE && p.currentToken() != JsonToken.VALUE_FALSE) {
                    throw new BadJson("cannot unmarshal " + kind(p.currentToken()) + " into a boolean field " + f.name());
                }
                return new BoolValue(p.getBooleanValue());
            default:
                p.skipChildren();
                return old;
        }
    }

    /**
     * A JSON array into a Go slice: Go decodes item i into the slice's element i, growing the
     * capacity by half (at least to 4) when it runs out, and reuses the elements that the
     * capacity still holds; an empty array leaves an empty slice without capacity.
     */
    private GoSlice decodeSlice(JsonParser p, FieldDef f, GoSlice slice) throws IOException, BadJson {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new BadJson("cannot unmarshal " + kind(p.currentToken()) + " into a list field " + f.name());
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (i >= slice.backing.length) {
                int cap = slice.backing.length;
                Object[] grown = new Object[Math.max(cap + cap / 2, 4)];
                System.arraycopy(slice.backing, 0, grown, 0, slice.length); // only the items are copied
                slice.backing = grown;
            }
            if (i >= slice.length) {
                slice.length = i + 1;
            }
            slice.backing[i] = decodeItem(p, f, slice.backing[i]);
            i++;
        }
        if (i < slice.length) {
            slice.length = i;
        }
        if (i == 0) {
            slice.backing = new Object[0];
        }
        return slice;
    }

    /** One array item into a slice element (a plain string or struct: null leaves it). */
    private Object decodeItem(JsonParser p, FieldDef f, Object old) throws IOException, BadJson {
        if (f.ref() == null) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return old;
            }
            return string(p, f.name());
        }
        GoStruct s = old instanceof GoStruct g ? g : new GoStruct();
        if (p.currentToken() != JsonToken.VALUE_NULL) {
            decodeStruct(p, ButaneSchema.type(f.ref()), s, f.ref());
        }
        return s;
    }

    private ObjValue toObj(GoStruct s, String typeName) {
        ObjValue out = new ObjValue(typeName);
        TypeDef type = ButaneSchema.type(typeName);
        for (Map.Entry<String, Object> e : s.fields.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Value value) {
                out.put(e.getKey(), value);
                continue;
            }
            FieldDef f = exact(type, e.getKey());
            if (v instanceof GoStruct g) {
                out.put(e.getKey(), toObj(g, f.ref()));
            } else if (v instanceof GoSlice slice) {
                ListValue l = new ListValue();
                for (int i = 0; i < slice.length; i++) {
                    Object item = slice.backing[i];
                    if (f.ref() == null) {
                        l.add(item instanceof Value value ? value : new StrValue(""));
                    } else {
                        l.add(toObj(item instanceof GoStruct g ? g : new GoStruct(), f.ref()));
                    }
                }
                out.put(e.getKey(), l);
            }
        }
        return out;
    }

    private static StrValue string(JsonParser p, String field) throws IOException, BadJson {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new BadJson("cannot unmarshal " + kind(p.currentToken()) + " into a string field " + field);
        }
        return new StrValue(p.getText());
    }

    private static IntValue integer(JsonParser p, String field) throws IOException, BadJson {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new BadJson("cannot unmarshal " + kind(p.currentToken()) + " into an integer field " + field);
        }
        return new IntValue(p.getLongValue());
    }

    private static String kind(JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            return "object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "array";
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return "number";
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return "bool";
        }
        return "string";
    }

    int minor() {
        return minor;
    }
}
