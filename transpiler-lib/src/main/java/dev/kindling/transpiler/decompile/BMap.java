/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of the Butane config being built: the config type it is (a {@code
 * spec/ButaneSchema} type name, which decides the order its keys are written in; null for a
 * free-form map such as labels), its fields, the comments to write above some keys, and the
 * JSON path and position of the input value it came from.
 *
 * <p>Values are {@link BMap}, {@code List<Object>}, {@link String}, {@link Long}, {@link
 * Boolean} or {@link Mode} (an integer written in octal).
 */
final class BMap {
    /** A file mode: written in octal, as people write modes. */
    record Mode(long value) {
    }

    final String type;
    final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    final Map<String, List<String>> comments = new LinkedHashMap<>();
    /** Comment lines written above the whole mapping (as a list item, above its dash). */
    final List<String> header = new ArrayList<>();
    final String path;
    final JNode origin;

    BMap(String type, String path, JNode origin) {
        this.type = type;
        this.path = path;
        this.origin = origin;
    }

    Object get(String key) {
        return fields.get(key);
    }

    String str(String key) {
        return fields.get(key) instanceof String s ? s : null;
    }

    BMap map(String key) {
        return fields.get(key) instanceof BMap m ? m : null;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
        return fields.get(key) instanceof List<?> l ? (List<Object>) l : null;
    }

    /** The list under {@code key}, as a list of mappings (empty when absent). */
    List<BMap> maps(String key) {
        List<BMap> out = new ArrayList<>();
        List<Object> l = list(key);
        if (l != null) {
            for (Object o : l) {
                if (o instanceof BMap m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The list under {@code key}, as strings (empty when absent). */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Object> l = list(key);
        if (l != null) {
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    boolean isTrue(String key) {
        return Boolean.TRUE.equals(fields.get(key));
    }

    BMap put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    void remove(String key) {
        fields.remove(key);
        comments.remove(key);
    }

    /** Only these keys are set (others absent). */
    boolean hasOnly(String... keys) {
        List<String> allowed = List.of(keys);
        for (String k : fields.keySet()) {
            if (!allowed.contains(k)) {
                return false;
            }
        }
        return true;
    }

    void comment(String key, String text) {
        comments.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
    }

    /** A deep copy (lists and mappings copied, scalars shared). */
    BMap copy() {
        BMap c = new BMap(type, path, origin);
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            c.fields.put(e.getKey(), copyValue(e.getValue()));
        }
        comments.forEach((k, v) -> c.comments.put(k, new ArrayList<>(v)));
        c.header.addAll(header);
        return c;
    }

    static Object copyValue(Object v) {
        if (v instanceof BMap m) {
            return m.copy();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(copyValue(o));
            }
            return out;
        }
        return v;
    }
}
