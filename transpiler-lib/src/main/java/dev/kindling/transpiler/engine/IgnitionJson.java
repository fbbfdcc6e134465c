/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Iterator;
import java.util.Map;

/**
 * Reads an Ignition config (JSON) into the typed tree for one Ignition version, the way Go's
 * JSON decoder fills Ignition's structs: unknown keys are ignored (and can be listed), a value
 * of the wrong type is an error.
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

    /** Calls back for every key the Ignition types lack. */
    interface UnusedKeySink {
        void unused(Path at, String key);
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
        ObjValue out = new ObjValue("Config");
        r.object(root, ButaneSchema.type("Config"), out, Path.ROOT);
        return out;
    }

    /** Field availability by Ignition minor version only (the Ignition side has no features). */
    private record SpecFor(int minor) {
        boolean has(FieldDef f) {
            return f.since() <= minor && minor <= f.until() && !f.butaneOnly() && f.feature() == null;
        }
    }

    private void object(JsonNode n, TypeDef type, ObjValue out, Path at) throws BadJson {
        if (n.isNull()) {
            return;
        }
        if (!n.isObject()) {
            throw new BadJson("cannot unmarshal " + kind(n) + " into Go struct field " + type.name());
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (type.name().equals("Ignition") && key.equals("version")) {
                if (!e.getValue().isNull()) {
                    out.put("version", string(e.getValue(), "Ignition.version"));
                }
                continue;
            }
            FieldDef f = find(type, key);
            if (f == null) {
                unused.unused(at.append(new Path.Key(key)), key);
                continue;
            }
            Value v = value(e.getValue(), f, at.append(key));
            if (v != null) {
                out.put(key, v);
            }
        }
    }

    private FieldDef find(TypeDef type, String camel) {
        for (FieldDef f : type.allFields()) {
            if (spec.has(f) && Names.snakeToCamel(f.name()).equals(camel)) {
                return f;
            }
        }
        return null;
    }

    private Value value(JsonNode n, FieldDef f, Path at) throws BadJson {
        if (n.isNull()) {
            return null;
        }
        switch (f.kind()) {
            case OBJECT: {
                ObjValue o = new ObjValue(f.ref());
                object(n, ButaneSchema.type(f.ref()), o, at);
                return o;
            }
            case LIST: {
                if (!n.isArray()) {
                    throw new BadJson("cannot unmarshal " + kind(n) + " into a list field " + f.name());
                }
                ListValue l = new ListValue();
                for (int i = 0; i < n.size(); i++) {
                    JsonNode item = n.get(i);
                    if (f.ref() == null) {
                        l.add(item.isNull() ? new StrValue("") : string(item, f.name()));
                    } else {
                        ObjValue o = new ObjValue(f.ref());
                        object(item, ButaneSchema.type(f.ref()), o, at.append(i));
                        l.add(o);
                    }
                }
                return l;
            }
            case STRING:
                return string(n, f.name());
            case INT:
                if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                    throw new BadJson("cannot unmarshal " + kind(n) + " into an integer field " + f.name());
                }
                return new IntValue(n.longValue());
            case BOOL:
                if (!n.isBoolean()) {
                    throw new BadJson("cannot unmarshal " + kind(n) + " into a boolean field " + f.name());
                }
                return new BoolValue(n.booleanValue());
            default:
                return null;
        }
    }

    private static StrValue string(JsonNode n, String field) throws BadJson {
        if (!n.isTextual()) {
            throw new BadJson("cannot unmarshal " + kind(n) + " into a string field " + field);
        }
        return new StrValue(n.textValue());
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        return "string";
    }

    int minor() {
        return minor;
    }
}
