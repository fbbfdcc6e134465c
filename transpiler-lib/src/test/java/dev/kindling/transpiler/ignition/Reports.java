/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test helpers: configs written as relaxed JSON (single quotes), and the entries a validation reports. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One reported problem, rendered as {@code "<severity> <path> <code>"}. */
    record Entry(Severity severity, Path path, String code, String message) {
        @Override
        public String toString() {
            return severity.word() + " " + path + " " + code;
        }
    }

    private Reports() {
    }

    /** A config tree from JSON text in which single quotes stand for double quotes. */
    static ObjValue config(String json) {
        try {
            return (ObjValue) convert(JSON.readTree(json.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Value convert(JsonNode n) {
        if (n.isObject()) {
            ObjValue o = new ObjValue("Object");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                o.put(e.getKey(), convert(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ListValue l = new ListValue();
            n.forEach(item -> l.add(convert(item)));
            return l;
        }
        if (n.isBoolean()) {
            return new BoolValue(n.booleanValue());
        }
        if (n.isIntegralNumber()) {
            return new IntValue(n.longValue());
        }
        if (n.isTextual()) {
            return new StrValue(n.textValue());
        }
        throw new IllegalArgumentException("unsupported JSON value " + n);
    }

    /** Every entry the validator reports for {@code json} at the given minor version. */
    static List<Entry> validate(int minor, String json) {
        List<Entry> out = new ArrayList<>();
        IgnitionValidator.validate(config(json), minor, (sev, path, code, msg) -> out.add(new Entry(sev, path, code, msg)));
        return out;
    }

    /** The entries as strings, e.g. {@code "error $.storage.files.0.path path-not-absolute"}. */
    static List<String> lines(int minor, String json) {
        return validate(minor, json).stream().map(Entry::toString).toList();
    }

    /** A config of the given minor version with the right ignition.version plus the given top-level members. */
    static String cfg(int minor, String members) {
        String version = "3." + minor + ".0" + (minor == 7 ? "-experimental" : "");
        return "{'ignition':{'version':'" + version + "'}" + (members.isEmpty() ? "" : "," + members) + "}";
    }
}
