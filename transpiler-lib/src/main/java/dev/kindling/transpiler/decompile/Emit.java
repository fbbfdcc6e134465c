/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.output.ButaneYamlWriter;
import dev.kindling.transpiler.output.ButaneYamlWriter.Commented;
import dev.kindling.transpiler.output.ButaneYamlWriter.Octal;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.TypeDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a draft into YAML text: keys in the order of {@code spec/ButaneSchema}, comments kept. */
final class Emit {
    private Emit() {
    }

    static String yaml(Draft d, List<String> header, boolean literalBlocks) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) generic(d.config);
        return ButaneYamlWriter.write(header, doc, literalBlocks);
    }

    private static Object generic(Object v) {
        if (v instanceof BMap m) {
            List<String> keys = new ArrayList<>(m.fields.keySet());
            TypeDef t = m.type == null ? null : ButaneSchema.type(m.type);
            if (t != null) {
                keys.sort(Comparator.comparingInt(k -> index(t, k)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : keys) {
                Object raw = m.fields.get(k);
                // a struct Go holds by pointer (clevis in Ignition 3.2) is written even when empty
                if (empty(raw) && !m.comments.containsKey(k) && !(raw instanceof BMap && heldByPointer(t, k))) {
                    continue; // nothing to say (Butane writes no empty sections either)
                }
                Object value = generic(raw);
                List<String> c = new ArrayList<>(m.comments.getOrDefault(k, List.of()));
                if (value instanceof Commented inner) {
                    c.addAll(inner.comments());
                    value = inner.value();
                }
                out.put(k, c.isEmpty() ? value : new Commented(c, value));
            }
            return m.header.isEmpty() ? out : new Commented(m.header, out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(generic(o));
            }
            return out;
        }
        if (v instanceof BMap.Mode mode) {
            return new Octal(mode.value());
        }
        return v;
    }

    private static boolean heldByPointer(TypeDef t, String key) {
        if (t == null) {
            return false;
        }
        for (FieldDef f : t.allFields()) {
            if (f.name().equals(key) && f.pointer() && f.kind() == dev.kindling.transpiler.spec.Kind.OBJECT) {
                return true;
            }
        }
        return false;
    }

    /** An empty list, or a mapping with nothing but empty values and no comments. */
    private static boolean empty(Object v) {
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        if (v instanceof BMap b) {
            return b.comments.isEmpty() && b.header.isEmpty() && b.fields.values().stream().allMatch(Emit::empty);
        }
        return false;
    }

    private static int index(TypeDef t, String key) {
        List<FieldDef> fields = t.allFields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(key)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
