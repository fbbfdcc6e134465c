/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import dev.kindling.transpiler.yaml.GoYaml.Resolved;
import dev.kindling.transpiler.yaml.GoYaml.TagMismatch;
import dev.kindling.transpiler.yaml.YNode.Entry;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML tree into the typed config tree the way Butane's YAML library does: unknown keys
 * are skipped (and reported later as unused), merge keys apply, null items vanish from lists,
 * and type mismatches are collected and reported together. Alias expansion is bounded by the
 * same ratio rule Butane uses, so "billion laughs" documents are refused.
 */
public final class Decoder {
    private final SpecVersion spec;
    private final List<String> typeErrors = new ArrayList<>();
    private int firstErrorLine;
    private int firstErrorColumn;
    private long decodeCount;
    private long aliasCount;
    private int aliasDepth;
    private final Map<YAlias, Boolean> activeAliases = new IdentityHashMap<>();
    private Set<String> mergedFields;

    /** A fatal problem raised in the middle of decoding. */
    private static final class Abort extends RuntimeException {
        final String message;
        final int line;
        final int column;

        Abort(String message, int line, int column) {
            super(message, null, false, false);
            this.message = message;
            this.line = line;
            this.column = column;
        }
    }

    private Decoder(SpecVersion spec) {
        this.spec = spec;
    }

    /** Decodes a whole config document for {@code spec}; a null root gives an empty config. */
    public static ObjValue decode(YNode root, SpecVersion spec) throws DecodeException {
        return withDeepStack(spec, root, ButaneSchema.type("Config"));
    }

    /** Stack reserved for a decode that overflowed the caller's (reserved, not committed). */
    private static final long DEEP_STACK_BYTES = 1L << 30;

    /**
     * Decoding follows aliases and merge keys recursively, as Butane's YAML library does; a
     * chain of a thousand merge keys ({@code <<: *previous}) is valid YAML that Butane decodes,
     * but needs more stack than a thread usually has. Decode on the calling thread first (the
     * cheap, usual case) and, when that overflows, once more on a thread with a large stack
     * (a decode has no side effects, so it can simply be repeated). Arguments rather than a
     * lambda: this runs on every transpile, and a cold JVM pays about a millisecond for each
     * lambda it links (the plain transpile path links none).
     */
    private static ObjValue withDeepStack(SpecVersion spec, YNode root, TypeDef type) throws DecodeException {
        try {
            return new Decoder(spec).run(root, type);
        } catch (StackOverflowError e) {
            Object[] result = new Object[1];
            Thread t = new Thread(null, new Runnable() {
                @Override
                public void run() {
                    try {
                        result[0] = new Decoder(spec).run(root, type);
                    } catch (DecodeException | RuntimeException | StackOverflowError x) {
                        result[0] = x;
                    }
                }
            }, "kindling-deep-decode", DEEP_STACK_BYTES);
            t.setDaemon(true);
            t.start();
            try {
                t.join();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                throw new DecodeException("yaml: decoding was interrupted", 0, 0);
            }
            if (result[0] instanceof DecodeException x) {
                throw x;
            }
            if (result[0] instanceof RuntimeException x) {
                throw x;
            }
            if (result[0] instanceof StackOverflowError) {
                throw new DecodeException("yaml: the document nests too deeply through aliases and merge keys", 0, 0);
            }
            return (ObjValue) result[0];
        }
    }

    /**
     * Reads only {@code variant} and {@code version}, as Butane's first pass does to pick a
     * translator. Returns a two-element array (either may be "").
     */
    public static String[] variantAndVersion(YNode root) throws DecodeException {
        ObjValue o = withDeepStack(null, root, null);
        return new String[] {o.strOrEmpty("variant"), o.strOrEmpty("version")};
    }

    private ObjValue run(YNode root, TypeDef type) throws DecodeException {
        ObjValue out = new ObjValue(type == null ? "Config" : type.name());
        try {
            if (root != null) {
                unmarshalStruct(root, type, out);
            }
        } catch (Abort a) {
            throw new DecodeException("yaml: " + a.message, a.line, a.column);
        }
        if (!typeErrors.isEmpty()) {
            throw new DecodeException("yaml: unmarshal errors:\n  " + String.join("\n  ", typeErrors),
                    firstErrorLine, firstErrorColumn);
        }
        return out;
    }

    private void count(YNode n) {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new Abort("document contains excessive aliasing", n.line(), n.column());
        }
    }

    private static double allowedAliasRatio(long decodeCount) {
        final long low = 400_000;
        final long high = 4_000_000;
        if (decodeCount <= low) {
            return 0.99;
        }
        if (decodeCount >= high) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - low) / (high - low));
    }

    /** Follows an alias, counting it, and returns the node to decode; guards self-reference. */
    private interface Step<T> {
        T apply(YNode n);
    }

    private <T> T viaAlias(YAlias a, Step<T> step) {
        if (activeAliases.containsKey(a)) {
            throw new Abort("anchor '" + a.anchor() + "' value contains itself", a.line(), a.column());
        }
        activeAliases.put(a, Boolean.TRUE);
        aliasDepth++;
        try {
            return step.apply(a.target());
        } finally {
            aliasDepth--;
            activeAliases.remove(a);
        }
    }

    private void typeError(YNode n, String tag, String into) {
        String value = "";
        if (n instanceof YScalar s) {
            if (s.tag() != null && !"!".equals(s.tag())) {
                tag = s.tag();
            }
            String v = s.value();
            value = v.codePointCount(0, v.length()) > 10 ? " `" + v.substring(0, v.offsetByCodePoints(0, 7)) + "...`" : " `" + v + "`";
        }
        if (typeErrors.isEmpty()) {
            firstErrorLine = n.line();
            firstErrorColumn = n.column();
        }
        typeErrors.add("line " + n.line() + ": cannot unmarshal " + tag + value + " into " + into);
    }

    private static String collectionTag(YNode n) {
        return n instanceof YMap ? "!!map" : "!!seq";
    }

    // ---- structs -------------------------------------------------------------------------------

    /** Decodes a node into a struct; returns false when nothing was set (null or error). */
    private boolean unmarshalStruct(YNode n, TypeDef type, ObjValue out) {
        count(n);
        if (n instanceof YAlias a) {
            return viaAlias(a, t -> unmarshalStruct(t, type, out));
        }
        return unmarshalStructNoCount(n, type, out);
    }

    private boolean unmarshalStructNoCount(YNode n, TypeDef type, ObjValue out) {
        String into = type == null ? "config.commonFields" : type.name();
        if (n instanceof YScalar s) {
            Resolved r = resolve(s);
            if (r.type() == GoYaml.Type.NULL) {
                return false;
            }
            typeError(n, GoYaml.tagOf(r.type()), into);
            return false;
        }
        if (n instanceof YSeq) {
            typeError(n, "!!seq", into);
            return false;
        }
        YMap m = (YMap) n;
        if (!uniqueKeys(m)) {
            return false;
        }
        Set<String> merged = mergedFields;
        mergedFields = null;
        YNode mergeNode = null;
        for (Entry e : m.entries()) {
            if (isMergeKey(e.key())) {
                mergeNode = e.value();
                continue;
            }
            String name = decodeKey(e.key());
            if (name == null) {
                continue;
            }
            if (merged != null) {
                if (merged.contains(name)) {
                    continue;
                }
                merged.add(name);
            }
            if (type == null) {
                if (name.equals("variant") || name.equals("version")) {
                    Value v = unmarshalField(e.value(), new FieldDef(name, Kind.STRING, null, false, 0, 99, null,
                            false, false));
                    if (v != null) {
                        out.put(name, v);
                    }
                }
                continue;
            }
            FieldDef f = type.field(name, spec);
            if (f != null) {
                Value v = unmarshalField(e.value(), f);
                if (v != null) {
                    out.put(name, v);
                }
            }
        }
        mergedFields = merged;
        if (mergeNode != null) {
            merge(m, mergeNode, item -> unmarshalStruct(item, type, out));
        }
        return true;
    }

    /** Applies a merge key's value (a map, or a list of maps) by decoding each map with {@code into}. */
    private void merge(YMap parent, YNode mergeNode, java.util.function.Consumer<YNode> into) {
        Set<String> saved = mergedFields;
        if (saved == null) {
            mergedFields = new HashSet<>();
            for (Entry e : parent.entries()) {
                count(e.key());
                String k = keyText(e.key());
                if (k != null) {
                    mergedFields.add(k);
                }
            }
        }
        YNode target = mergeNode instanceof YAlias a ? a.target() : mergeNode;
        if (target instanceof YMap) {
            into.accept(mergeNode);
        } else if (mergeNode instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                YNode t = item instanceof YAlias a ? a.target() : item;
                if (!(t instanceof YMap)) {
                    throw new Abort("map merge requires map or sequence of maps as the value", item.line(),
                            item.column());
                }
                into.accept(item);
            }
        } else {
            throw new Abort("map merge requires map or sequence of maps as the value", mergeNode.line(),
                    mergeNode.column());
        }
        mergedFields = saved;
    }

    private static boolean isMergeKey(YNode key) {
        return key instanceof YScalar s && s.value().equals("<<") && s.plain()
                && (s.tag() == null || "!".equals(s.tag()) || "!!merge".equals(s.tag()));
    }

    /**
     * Butane's YAML library refuses duplicate keys in any mapping it decodes. It compares every
     * key with every later one and reports each equal pair, ordered by the first key and then the
     * second; the keys are grouped by a hash here instead, which gives the same pairs in the same
     * order in time linear in the number of keys (plus the number of pairs reported).
     */
    private boolean uniqueKeys(YMap m) {
        List<Entry> es = m.entries();
        if (es.size() < 2) {
            return true;
        }
        if (es.size() <= SMALL_MAPPING && !anyEqualKeys(es)) {
            return true; // the common case, found without building an identity per key
        }
        Map<String, List<YNode>> groups = null;
        boolean duplicates = false;
        for (Entry e : es) {
            String id = keyIdentity(e.key());
            if (groups == null) {
                groups = new HashMap<>();
            }
            List<YNode> g = groups.get(id);
            if (g == null) {
                g = new ArrayList<>(1);
                groups.put(id, g);
            }
            g.add(e.key());
            duplicates |= g.size() > 1;
        }
        if (!duplicates) {
            return true;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Entry e : es) {
            String id = keyIdentity(e.key());
            List<YNode> g = groups.get(id);
            Integer before = seen.get(id);
            int at = before == null ? 0 : before;
            seen.put(id, at + 1);
            YNode ki = g.get(at);
            for (int j = at + 1; j < g.size(); j++) {
                YNode kj = g.get(j);
                if (typeErrors.isEmpty()) {
                    firstErrorLine = kj.line();
                    firstErrorColumn = kj.column();
                }
                typeErrors.add("line " + kj.line() + ": mapping key " + GoYaml.goQuote(keyValue(kj))
                        + " already defined at line " + ki.line());
            }
        }
        return false;
    }

    /** Up to this many keys, comparing each pair is cheaper than grouping them by identity. */
    private static final int SMALL_MAPPING = 12;

    /** True when two keys are equal as {@link #keyIdentity} compares them. */
    private static boolean anyEqualKeys(List<Entry> es) {
        for (int i = 0; i < es.size(); i++) {
            YNode a = es.get(i).key();
            for (int j = i + 1; j < es.size(); j++) {
                YNode b = es.get(j).key();
                if (a instanceof YScalar sa && b instanceof YScalar sb ? sa.value().equals(sb.value())
                        : a instanceof YAlias aa && b instanceof YAlias ab ? aa.anchor().equals(ab.anchor())
                        : a instanceof YMap && b instanceof YMap || a instanceof YSeq && b instanceof YSeq) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What makes two keys equal for the duplicate check: go-yaml compares a node's kind and its
     * text, and a mapping's or a sequence's text is empty, so any two mapping keys are equal (and
     * any two sequence keys), whatever they hold.
     */
    private static String keyIdentity(YNode k) {
        if (k instanceof YScalar s) {
            return "s" + s.value();
        }
        if (k instanceof YAlias a) {
            return "a" + a.anchor();
        }
        return k instanceof YMap ? "m" : "q";
    }

    private static String keyValue(YNode k) {
        if (k instanceof YScalar s) {
            return s.value();
        }
        if (k instanceof YAlias a) {
            return a.anchor();
        }
        return "";
    }

    /** A key decoded as a string (counted like any decode); null for a null key. */
    private String decodeKey(YNode key) {
        count(key);
        YNode k = key;
        if (k instanceof YAlias a) {
            return viaAlias(a, this::decodeKey);
        }
        return scalarKey(k);
    }

    private String scalarKey(YNode k) {
        if (k instanceof YScalar s) {
            return stringOf(s);
        }
        if (k instanceof YMap m) {
            uniqueKeys(m);
        }
        typeError(k, collectionTag(k), "string");
        return null;
    }

    private String keyText(YNode k) {
        YNode t = k instanceof YAlias a ? a.target() : k;
        if (t instanceof YScalar s) {
            try {
                Resolved r = GoYaml.resolve(s);
                return r.value() == null ? null : s.value();
            } catch (TagMismatch e) {
                return s.value();
            }
        }
        return null;
    }

    // ---- fields --------------------------------------------------------------------------------

    /** Decodes a field's value; null means "leave the field absent". */
    private Value unmarshalField(YNode n, FieldDef f) {
        return switch (f.kind()) {
            case OBJECT -> {
                if (f.pointer() && isNullTaggedCollection(n)) {
                    // go-yaml sets a pointer to nil only for a null scalar; a mapping or sequence
                    // tagged !!null reaches the pointer itself, which it cannot decode into
                    typeError(n, "!!null", "*" + f.ref());
                    yield null;
                }
                ObjValue o = new ObjValue(f.ref());
                boolean set = unmarshalStruct(n, ButaneSchema.type(f.ref()), o);
                yield set ? o : null;
            }
            case LIST -> unmarshalList(n, f);
            case STRING_MAP -> unmarshalStringMap(n, f);
            default -> unmarshalScalar(n, f.kind(), f.pointer(), f.ref());
        };
    }

    private static boolean isNullTaggedCollection(YNode n) {
        YNode t = n instanceof YAlias a ? a.target() : n;
        return t instanceof YMap m ? "!!null".equals(m.tag()) : t instanceof YSeq q && "!!null".equals(q.tag());
    }

    private Value unmarshalList(YNode n, FieldDef f) {
        count(n);
        if (n instanceof YAlias a) {
            return viaAlias(a, t -> unmarshalList(t, f));
        }
        return listNoCount(n, f);
    }

    private Value listNoCount(YNode n, FieldDef f) {
        String into = f.ref() == null ? "[]string" : "[]" + f.ref();
        if (n instanceof YScalar s) {
            Resolved r = resolve(s);
            if (r.type() == GoYaml.Type.NULL) {
                return null;
            }
            typeError(n, GoYaml.tagOf(r.type()), into);
            return null;
        }
        if (n instanceof YMap m) {
            if (uniqueKeys(m)) {
                typeError(n, "!!map", into);
            }
            return null;
        }
        ListValue out = new ListValue();
        for (YNode item : ((YSeq) n).items()) {
            Value v;
            if (f.ref() == null) {
                v = unmarshalScalar(item, Kind.STRING, true, null);
            } else {
                ObjValue o = new ObjValue(f.ref());
                v = unmarshalStruct(item, ButaneSchema.type(f.ref()), o) ? o : null;
            }
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private Value unmarshalStringMap(YNode n, FieldDef f) {
        ObjValue out = new ObjValue("StringMap");
        return unmarshalStringMapInto(n, out) ? out : null;
    }

    /** Decodes a map[string]string into {@code out}, merge keys included (as for structs). */
    private boolean unmarshalStringMapInto(YNode n, ObjValue out) {
        count(n);
        if (n instanceof YAlias a) {
            // through viaAlias, which refuses an alias inside its own anchor's value
            return viaAlias(a, target -> unmarshalStringMapInto(target, out));
        }
        YNode t = n;
        if (t instanceof YScalar s) {
            Resolved r = resolve(s);
            if (r.type() != GoYaml.Type.NULL) {
                typeError(t, GoYaml.tagOf(r.type()), "map[string]string");
            }
            return false;
        }
        if (t instanceof YSeq) {
            typeError(t, "!!seq", "map[string]string");
            return false;
        }
        YMap m = (YMap) t;
        if (!uniqueKeys(m)) {
            return false;
        }
        Set<String> merged = mergedFields;
        mergedFields = null;
        YNode mergeNode = null;
        for (Entry e : m.entries()) {
            if (isMergeKey(e.key())) {
                mergeNode = e.value();
                continue;
            }
            String k = decodeKey(e.key());
            if (k == null) {
                continue;
            }
            if (merged != null && !merged.add(k)) {
                continue;
            }
            Value v = unmarshalScalar(e.value(), Kind.STRING, false, null);
            out.put(k, v == null ? new StrValue("") : v);
        }
        mergedFields = merged;
        if (mergeNode != null) {
            merge(m, mergeNode, item -> unmarshalStringMapInto(item, out));
        }
        return true;
    }

    private Resolved resolve(YScalar s) {
        try {
            Resolved r = GoYaml.resolve(s);
            if (r.type() == GoYaml.Type.BINARY) {
                byte[] raw = GoYaml.decodeBinary(s.value());
                if (raw == null) {
                    throw new Abort("!!binary value contains invalid base64 data", s.line(), s.column());
                }
                return new Resolved(GoYaml.Type.BINARY, raw);
            }
            return r;
        } catch (TagMismatch e) {
            throw new Abort(e.getMessage(), s.line(), s.column());
        }
    }

    private String stringOf(YScalar s) {
        Resolved r = resolve(s);
        if (r.type() == GoYaml.Type.NULL) {
            return null;
        }
        return r.type() == GoYaml.Type.BINARY ? StrValue.goText((byte[]) r.value()) : s.value();
    }

    /**
     * Decodes a scalar field. Plain (non-pointer) fields drop zero values, so that "absent"
     * and "zero" look the same for them, as in Go.
     */
    private Value unmarshalScalar(YNode n, Kind kind, boolean pointer, String ref) {
        count(n);
        if (n instanceof YAlias a) {
            return viaAlias(a, t -> unmarshalScalar(t, kind, pointer, ref));
        }
        return scalarNoCount(n, kind, pointer);
    }

    private Value scalarNoCount(YNode n, Kind kind, boolean pointer) {
        String into = switch (kind) {
            case INT -> "int";
            case BOOL -> "bool";
            default -> "string";
        };
        if (!(n instanceof YScalar s)) {
            if (n instanceof YMap m && !uniqueKeys(m)) {
                return null;
            }
            typeError(n, collectionTag(n), into);
            return null;
        }
        Resolved r = resolve(s);
        if (r.type() == GoYaml.Type.NULL) {
            return null;
        }
        Value v = switch (kind) {
            case STRING -> r.type() == GoYaml.Type.BINARY ? StrValue.ofBytes((byte[]) r.value()) : new StrValue(s.value());
            case INT -> toInt(s, r);
            case BOOL -> toBool(s, r);
            default -> throw new IllegalStateException(kind.toString());
        };
        if (v == null) {
            typeError(n, GoYaml.tagOf(r.type()), into);
            return null;
        }
        if (!pointer && v.isZeroScalar()) {
            return null;
        }
        return v;
    }

    private static Value toInt(YScalar s, Resolved r) {
        switch (r.type()) {
            case INT:
                if (r.value() instanceof Long l) {
                    return new IntValue(l);
                }
                BigInteger b = (BigInteger) r.value();
                return b.bitLength() < 64 ? new IntValue(b.longValue()) : null;
            case FLOAT:
                double d = (Double) r.value();
                // Butane's YAML library accepts a float up to 2^63 (math.MaxInt64 as a float) and
                // converts it as Go does on amd64, where every out-of-range value (-.inf, -1e30,
                // 2^63 itself) becomes the smallest int64; NaN and larger floats are errors
                if (Double.isNaN(d) || d > 0x1p63) {
                    return null;
                }
                if (d >= 0x1p63 || d < -0x1p63) {
                    return new IntValue(Long.MIN_VALUE);
                }
                return new IntValue((long) d);
            default:
                return null;
        }
    }

    private static Value toBool(YScalar s, Resolved r) {
        if (r.type() == GoYaml.Type.BOOL) {
            return new BoolValue((Boolean) r.value());
        }
        // YAML 1.1 words, also as the text of a !!binary value or of a scalar with a tag Go's
        // library does not resolve (!!omap, !foo: it hands on the text as it is); a Go string
        // in each case, which a bool field takes when it is one of these words
        String word = r.type() == GoYaml.Type.STR || r.type() == GoYaml.Type.OTHER ? (String) r.value()
                : r.type() == GoYaml.Type.BINARY ? StrValue.goText((byte[]) r.value()) : null;
        if (word != null) {
            switch (word) {
                case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
                    return new BoolValue(true);
                case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
                    return new BoolValue(false);
                default:
                    return null;
            }
        }
        return null;
    }
}
