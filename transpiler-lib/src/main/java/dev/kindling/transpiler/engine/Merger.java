/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ignition's config merge, used to combine generated sugar (the parent) with the user's config
 * (the child): the child wins field by field; keyed lists merge item by item (parent order
 * first, then the child's new items); a few lists are simply concatenated. Origins travel with
 * the values, so the user's position wins wherever the user wrote something.
 */
final class Merger {
    /** List fields (output names, per object type) that are concatenated rather than keyed. */
    private static final Map<String, Set<String>> CONCATENATED = Map.of(
            "File", Set.of("append"),
            "Filesystem", Set.of("options", "mountOptions"),
            "Luks", Set.of("options"),
            "Raid", Set.of("options"));

    /** List fields that share one key namespace. */
    private static final Map<String, String> SHARED_NAMESPACE = Map.of(
            "directories", "node", "files", "node", "links", "node",
            "shouldExist", "karg", "shouldNotExist", "karg");

    private Merger() {
    }

    static ObjValue merge(ObjValue parent, ObjValue child) {
        ObjValue result = new ObjValue(parent.type());
        result.withOrigin(child.origin() != null ? child.origin() : parent.origin());
        TypeDef type = typeOf(parent.type());
        Set<String> keys = new LinkedHashSet<>(parent.fields().keySet());
        keys.addAll(child.fields().keySet());
        Map<String, Map<String, String>> childIndex = indexChildLists(child);
        for (String k : keys) {
            Value p = parent.get(k);
            Value c = child.get(k);
            Value r;
            if (p instanceof ListValue pl && (c == null || c instanceof ListValue)) {
                ListValue cl = c == null ? new ListValue() : (ListValue) c;
                r = concatenated(parent.type(), k) ? concat(pl, cl) : mergeLists(k, pl, cl, childIndex);
            } else if (c instanceof ListValue cl && p == null) {
                r = concatenated(parent.type(), k) ? concat(new ListValue(), cl)
                        : mergeLists(k, new ListValue(), cl, childIndex);
            } else if (p instanceof ObjValue po && c instanceof ObjValue co) {
                if (co.isZero()) {
                    r = po;
                } else if (po.isZero()) {
                    r = co;
                } else {
                    r = merge(po, co);
                }
            } else if (c != null) {
                r = c;
            } else if (p != null && !isPlainValue(type, k)) {
                r = p;
            } else {
                r = null; // a plain (non-pointer) field takes the child's zero
            }
            if (r != null && !(r instanceof ListValue l && l.size() == 0 && p == null && c == null)) {
                result.put(k, r);
            }
        }
        return result;
    }

    private static TypeDef typeOf(String name) {
        try {
            return ButaneSchema.type(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isPlainValue(TypeDef type, String outputName) {
        if (type == null) {
            return false;
        }
        String snake = Names.camelToSnake(outputName);
        for (FieldDef f : type.allFields()) {
            if (f.name().equals(snake)) {
                return !f.pointer() && f.kind() != dev.kindling.transpiler.spec.Kind.LIST
                        && f.kind() != dev.kindling.transpiler.spec.Kind.OBJECT;
            }
        }
        return false;
    }

    private static boolean concatenated(String type, String field) {
        return CONCATENATED.getOrDefault(type, Set.of()).contains(field);
    }

    private static ListValue concat(ListValue p, ListValue c) {
        ListValue r = new ListValue();
        r.withOrigin(c.size() > 0 && c.origin() != null ? c.origin() : p.origin());
        r.items().addAll(p.items());
        r.items().addAll(c.items());
        return r;
    }

    /** For each namespace, the key of every child item mapped to the list it is in. */
    private static Map<String, Map<String, String>> indexChildLists(ObjValue child) {
        Map<String, Map<String, String>> index = new HashMap<>();
        for (Map.Entry<String, Value> e : child.fields().entrySet()) {
            if (e.getValue() instanceof ListValue l && !concatenated(child.type(), e.getKey())) {
                String ns = SHARED_NAMESPACE.getOrDefault(e.getKey(), e.getKey());
                Map<String, String> m = index.computeIfAbsent(ns, x -> new HashMap<>());
                for (Value item : l.items()) {
                    m.put(key(item), e.getKey());
                }
            }
        }
        return index;
    }

    private static ListValue mergeLists(String field, ListValue p, ListValue c, Map<String, Map<String, String>> childIndex) {
        ListValue r = new ListValue();
        r.withOrigin(c.size() > 0 && c.origin() != null ? c.origin() : p.origin());
        String ns = SHARED_NAMESPACE.getOrDefault(field, field);
        Map<String, String> childKeys = childIndex.getOrDefault(ns, Map.of());
        Map<String, Value> childByKey = new HashMap<>();
        for (Value item : c.items()) {
            childByKey.put(key(item), item);
        }
        Set<String> parentKeys = new HashSet<>();
        for (Value item : p.items()) {
            String k = key(item);
            parentKeys.add(k);
            String childList = childKeys.get(k);
            if (childList == null) {
                r.add(item);
            } else if (childList.equals(field)) {
                Value ci = childByKey.get(k);
                if (ci instanceof ObjValue co && item instanceof ObjValue po) {
                    if ("HTTPHeader".equals(co.type()) && !co.has("value")) {
                        continue; // a header without a value removes the parent's header
                    }
                    r.add(merge(po, co));
                } else {
                    r.add(ci);
                }
            }
            // else: the child has this key in another list of the namespace; the child wins
        }
        for (Value item : c.items()) {
            if (!parentKeys.contains(key(item))) {
                r.add(item);
            }
        }
        return r;
    }

    /** Ignition's merge/duplicate key of a list item. */
    static String key(Value item) {
        if (item instanceof StrValue s) {
            return s.value();
        }
        if (item instanceof IntValue i) {
            return Long.toString(i.value());
        }
        if (!(item instanceof ObjValue o)) {
            return String.valueOf(item);
        }
        switch (o.type()) {
            case "Disk", "Filesystem":
                return o.strOrEmpty("device");
            case "Partition": {
                Long n = o.integer("number");
                if (n != null && n != 0) {
                    return "number:" + n;
                }
                return "label:" + o.strOrEmpty("label");
            }
            case "Resource", "FileContents", "ConfigReference", "CaReference":
                return o.strOrEmpty("source");
            case "Tang":
                return o.strOrEmpty("url");
            case "File", "Directory", "Link":
                return o.strOrEmpty("path");
            default:
                return o.strOrEmpty("name");
        }
    }

    /** Convenience for sugar passes: merges a generated config (parent) under the user's (child). */
    static ObjValue mergeConfigs(ObjValue generated, ObjValue user) {
        return merge(generated, user);
    }

    static List<Value> items(ObjValue o, String field) {
        return o.items(field);
    }
}
