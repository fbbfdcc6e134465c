/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An object of a declared type; field presence matters (an absent field is Go's nil). */
public final class ObjValue extends Value {
    private final String type;
    private final LinkedHashMap<String, Value> fields = new LinkedHashMap<>();

    public ObjValue(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public Map<String, Value> fields() {
        return fields;
    }

    public Value get(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public ObjValue put(String name, Value value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    public Value remove(String name) {
        return fields.remove(name);
    }

    public String str(String name) {
        return fields.get(name) instanceof StrValue s ? s.value() : null;
    }

    /** The string value, or "" when absent (Go's zero string). */
    public String strOrEmpty(String name) {
        String s = str(name);
        return s == null ? "" : s;
    }

    public Long integer(String name) {
        return fields.get(name) instanceof IntValue i ? i.value() : null;
    }

    public Boolean bool(String name) {
        return fields.get(name) instanceof BoolValue b ? b.value() : null;
    }

    public boolean isTrue(String name) {
        return Boolean.TRUE.equals(bool(name));
    }

    public ObjValue obj(String name) {
        return fields.get(name) instanceof ObjValue o ? o : null;
    }

    /** The child object, created (and stored) when absent. */
    public ObjValue objOrCreate(String name, String childType) {
        ObjValue o = obj(name);
        if (o == null) {
            o = new ObjValue(childType);
            fields.put(name, o);
        }
        return o;
    }

    public ListValue list(String name) {
        return fields.get(name) instanceof ListValue l ? l : null;
    }

    public ListValue listOrCreate(String name) {
        ListValue l = list(name);
        if (l == null) {
            l = new ListValue();
            fields.put(name, l);
        }
        return l;
    }

    /** The items of a list field, or an empty list. */
    public List<Value> items(String name) {
        ListValue l = list(name);
        return l == null ? List.of() : l.items();
    }

    @Override
    public ObjValue copy() {
        ObjValue c = new ObjValue(type);
        fields.forEach((k, v) -> c.fields.put(k, v.copy()));
        return c.withOrigin(origin());
    }

    @Override
    public boolean isZero() {
        for (Value v : fields.values()) {
            if (!v.isZero()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return type + fields;
    }
}
