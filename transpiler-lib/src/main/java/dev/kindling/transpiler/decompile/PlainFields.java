/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.decompile.JNode.JArr;
import dev.kindling.transpiler.decompile.JNode.JBool;
import dev.kindling.transpiler.decompile.JNode.JNull;
import dev.kindling.transpiler.decompile.JNode.JNum;
import dev.kindling.transpiler.decompile.JNode.JObj;
import dev.kindling.transpiler.decompile.JNode.JStr;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every decompilation: copies each Ignition field to the Butane field it comes from
 * (camelCase to snake_case), driven by the same type table the transpiler runs on
 * ({@code spec/ButaneSchema}). A key the chosen spec cannot produce, or a value of the wrong
 * type, is an error at its position: the result could not transpile back to the input.
 * {@code null} values are left out (Ignition reads them as absent).
 */
final class PlainFields {
    /** Integer fields that hold file modes, written in octal. */
    private static final Set<String> MODES = Set.of("mode", "file_mode", "dir_mode");

    private final SpecVersion spec;
    private final Problems problems;

    PlainFields(SpecVersion spec, Problems problems) {
        this.spec = spec;
        this.problems = problems;
    }

    /** The Butane config for an Ignition config object, without variant and version. */
    BMap config(JObj root) {
        BMap config = object(root, ButaneSchema.type("Config"), "$");
        return config;
    }

    private BMap object(JObj n, TypeDef type, String path) {
        BMap out = new BMap(type.name(), path, n);
        for (Map.Entry<String, JNode> e : n.fields().entrySet()) {
            String key = e.getKey();
            JNode value = e.getValue();
            String at = path + "." + key;
            if (type.name().equals("Ignition") && key.equals("version")) {
                continue; // becomes the config's variant and version
            }
            if (value instanceof JNull) {
                continue;
            }
            FieldDef f = field(type, key);
            if (f == null) {
                problems.error("decompile-unknown-field", at, value, "Ignition " + spec.ignitionVersion()
                        + " has no field \"" + key + "\" here, so no Butane config produces it");
                continue;
            }
            Object v = value(value, f, at);
            if (v != null && !writtenAnyway(f, v)) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    /**
     * An empty text in a field Ignition always writes ({@code "level": ""} of a RAID array before
     * 3.3): Butane writes it without being told, so the Butane config leaves it out.
     */
    private static boolean writtenAnyway(FieldDef f, Object v) {
        return f.alwaysWritten() && !f.pointer() && "".equals(v);
    }

    private FieldDef field(TypeDef type, String camel) {
        for (FieldDef f : type.fields(spec)) {
            if (!f.butaneOnly() && Names.snakeToCamel(f.name()).equals(camel)) {
                return f;
            }
        }
        return null;
    }

    private Object value(JNode n, FieldDef f, String path) {
        switch (f.kind()) {
            case OBJECT:
                if (n instanceof JObj o) {
                    return object(o, ButaneSchema.type(f.ref()), path);
                }
                break;
            case LIST:
                if (n instanceof JArr a) {
                    List<Object> items = new ArrayList<>(a.items().size());
                    for (int i = 0; i < a.items().size(); i++) {
                        JNode item = a.items().get(i);
                        String at = path + "." + i;
                        if (f.ref() == null) {
                            if (item instanceof JStr s) {
                                items.add(s.value());
                            } else {
                                wrongType(item, "a string", at);
                            }
                        } else if (item instanceof JObj o) {
                            items.add(object(o, ButaneSchema.type(f.ref()), at));
                        } else {
                            wrongType(item, "an object", at);
                        }
                    }
                    return items;
                }
                break;
            case STRING:
                if (n instanceof JStr s) {
                    return s.value();
                }
                break;
            case INT:
                if (n instanceof JNum x && x.integral()) {
                    BigInteger b = new BigInteger(x.text());
                    if (b.bitLength() < 64) {
                        long v = b.longValue();
                        return MODES.contains(f.name()) && v >= 0 ? new BMap.Mode(v) : (Object) v;
                    }
                }
                break;
            case BOOL:
                if (n instanceof JBool b) {
                    return b.value();
                }
                break;
            case STRING_MAP:
                if (n instanceof JObj o) {
                    BMap m = new BMap(null, path, o);
                    for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
                        if (e.getValue() instanceof JStr s) {
                            m.put(e.getKey(), s.value());
                        } else {
                            wrongType(e.getValue(), "a string", path + "." + e.getKey());
                        }
                    }
                    return m;
                }
                break;
            default:
                break;
        }
        String expected = switch (f.kind()) {
            case OBJECT, STRING_MAP -> "an object";
            case LIST -> "an array";
            case STRING -> "a string";
            case INT -> "an integer";
            case BOOL -> "a boolean";
            default -> "another type";
        };
        wrongType(n, expected, path);
        return null;
    }

    private void wrongType(JNode n, String expected, String path) {
        problems.error("decompile-wrong-type", path, n, "expected " + expected + ", found " + JNode.kind(n));
    }
}
