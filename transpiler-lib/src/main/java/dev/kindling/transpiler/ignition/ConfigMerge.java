/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.NullValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ignition's merge of a child config onto a parent config (what Ignition does for every entry
 * of {@code ignition.config.merge}, and what Butane does to put generated sugar under the
 * user's config). It is driven by the same declarations as the validator's duplicate check
 * ({@link Shape}): which fields are lists, what an item's key is, which lists share one key
 * space (files, directories and links; the two kernel argument lists), and which lists are
 * simply concatenated ({@code append}, filesystem and RAID {@code options}, ...).
 *
 * <p>The rules, per field of an object present on both sides:
 * <ul>
 * <li>a scalar the child sets replaces the parent's; a scalar the child leaves unset keeps the
 * parent's, except for a field Go models as a plain value (not a pointer), which takes the
 * child's zero value;
 * <li>an object is merged field by field (an empty object on one side gives the other side's,
 * unless Go holds it by pointer: two present pointers are always merged);
 * <li>a concatenated list is the parent's items followed by the child's;
 * <li>a keyed list keeps the parent's order: an item whose key the child has in the same list is
 * merged with the child's item, one whose key the child has in another list of the same key
 * space is dropped (the child's entry of the other kind replaces it: a file becomes a link), and
 * the child's items with new keys are appended. Where the child repeats a key the parent has,
 * only the child's last item of that key is merged and the others are dropped. An HTTP header that the child gives without a
 * value removes the parent's header of that name.
 * </ul>
 * A {@link NullValue} (an explicit JSON null) counts as unset, as Go's nil does. Values are
 * reused, not copied, so they keep their origins: a problem found in the merged config is
 * reported where the winning value was written.
 */
public final class ConfigMerge {
    private static final Map<String, TypeDef> TYPES = new HashMap<>();

    static {
        for (TypeDef t : ButaneSchema.types()) {
            TYPES.put(t.name(), t);
        }
    }

    private final int minor;

    private ConfigMerge(int minor) {
        this.minor = minor;
    }

    /**
     * Merges {@code child} onto {@code parent}, two whole Ignition configs (output trees of type
     * {@code Config}) of spec 3.{@code ignitionMinor}. Neither argument is changed; the result
     * shares their values.
     */
    public static ObjValue merge(ObjValue parent, ObjValue child, int ignitionMinor) {
        return new ConfigMerge(ignitionMinor).object(Shape.CONFIG, parent, child);
    }

    private ObjValue object(Shape shape, ObjValue parent, ObjValue child) {
        ObjValue result = new ObjValue(parent.type());
        result.withOrigin(child.origin() != null ? child.origin() : parent.origin());
        Map<String, Shape.Child> declared = new HashMap<>();
        if (shape != null) {
            for (Shape.Child c : shape.children(minor)) {
                declared.put(c.name(), c);
            }
        }
        Map<String, Map<String, String>> childIndex = indexKeyedLists(child, declared);
        Set<String> fields = new LinkedHashSet<>(parent.fields().keySet());
        fields.addAll(child.fields().keySet());
        for (String field : fields) {
            Value p = parent.get(field);
            Value c = child.get(field);
            Shape.Child decl = declared.get(field);
            Value r;
            if ((p instanceof ListValue || p == null) && c instanceof ListValue
                    || p instanceof ListValue && (c == null || c instanceof NullValue)) {
                ListValue pl = p instanceof ListValue l ? l : new ListValue();
                ListValue cl = c instanceof ListValue l ? l : new ListValue();
                if (decl != null && !decl.checkDuplicates()) {
                    r = concatenate(pl, cl);
                } else {
                    String space = decl != null ? decl.namespace() : field;
                    r = keyed(field, decl != null ? decl.shape() : null, pl, cl,
                            childIndex.getOrDefault(space, Map.of()));
                }
            } else if (p instanceof ObjValue po && c instanceof ObjValue co) {
                if (isHeldByPointer(parent.type(), field)) {
                    // two present pointers are merged field by field even when one is empty
                    // (Ignition 3.2's clevis and custom): an empty custom still joins the tang
                    r = object(decl != null ? decl.shape() : null, po, co);
                } else if (co.isZero()) {
                    r = po;
                } else if (po.isZero()) {
                    r = co;
                } else {
                    r = object(decl != null ? decl.shape() : null, po, co);
                }
            } else if (c != null && !(c instanceof NullValue)) {
                r = c;
            } else if (p != null && !isPlainValue(parent.type(), field)) {
                r = c != null && p instanceof NullValue ? c : p;
            } else {
                r = null; // a plain (non-pointer) field takes the child's zero value
            }
            if (r != null) {
                result.put(field, r);
            }
        }
        return result;
    }

    private boolean isPlainValue(String typeName, String outputName) {
        FieldDef f = field(typeName, outputName);
        return f != null && !f.pointer() && f.kind() != Kind.LIST && f.kind() != Kind.OBJECT;
    }

    private boolean isHeldByPointer(String typeName, String outputName) {
        FieldDef f = field(typeName, outputName);
        return f != null && f.pointer() && f.kind() == Kind.OBJECT;
    }

    /** The declaration of an output field in this spec version, or null. */
    private FieldDef field(String typeName, String outputName) {
        TypeDef type = TYPES.get(typeName);
        return type == null ? null : type.outputField(Names.camelToSnake(outputName), minor);
    }

    private static ListValue concatenate(ListValue p, ListValue c) {
        ListValue r = new ListValue();
        r.withOrigin(c.size() > 0 && c.origin() != null ? c.origin() : p.origin());
        r.items().addAll(p.items());
        r.items().addAll(c.items());
        return r;
    }

    /** For each key space of the child's keyed lists: the key of every item, mapped to its list. */
    private static Map<String, Map<String, String>> indexKeyedLists(ObjValue child, Map<String, Shape.Child> declared) {
        Map<String, Map<String, String>> index = new HashMap<>();
        for (Map.Entry<String, Value> e : child.fields().entrySet()) {
            Shape.Child decl = declared.get(e.getKey());
            if (!(e.getValue() instanceof ListValue l) || decl != null && !decl.checkDuplicates()) {
                continue;
            }
            String space = decl != null ? decl.namespace() : e.getKey();
            Shape shape = decl != null ? decl.shape() : null;
            Map<String, String> keys = index.get(space);
            if (keys == null) {
                keys = new HashMap<>();
                index.put(space, keys);
            }
            for (Value item : l.items()) {
                keys.put(IgnitionValidator.key(shape, item), e.getKey());
            }
        }
        return index;
    }

    private ListValue keyed(String field, Shape itemShape, ListValue p, ListValue c, Map<String, String> childKeys) {
        ListValue r = new ListValue();
        r.withOrigin(c.size() > 0 && c.origin() != null ? c.origin() : p.origin());
        // With duplicate keys in the child, its last item of a key is the one merged with the
        // parent's, and the earlier ones are dropped, as Ignition's per-struct key map keeps the
        // last (the validator reports duplicates only after the merge, and then no longer sees them).
        Map<String, Value> childByKey = new HashMap<>();
        for (Value item : c.items()) {
            childByKey.put(IgnitionValidator.key(itemShape, item), item);
        }
        Set<String> parentKeys = new HashSet<>();
        for (Value item : p.items()) {
            String k = IgnitionValidator.key(itemShape, item);
            parentKeys.add(k);
            String childList = childKeys.get(k);
            if (childList == null) {
                r.add(item); // only in the parent
            } else if (childList.equals(field)) {
                Value ci = childByKey.get(k);
                if (ci instanceof ObjValue co && item instanceof ObjValue po) {
                    if (itemShape == Shape.HTTP_HEADER && (co.get("value") == null || co.get("value") instanceof NullValue)) {
                        continue; // a header without a value removes the parent's header
                    }
                    r.add(object(itemShape, po, co));
                } else {
                    r.add(ci);
                }
            }
            // else: the child has this key in another list of the key space, and that entry wins
        }
        for (Value item : c.items()) {
            if (!parentKeys.contains(IgnitionValidator.key(itemShape, item))) {
                r.add(item);
            }
        }
        return r;
    }
}
