/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.NullValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serialises an Ignition output tree byte for byte the way Butane does (Go struct marshalling
 * through the omit-empty-structs JSON encoder, then optional two-space indentation).
 *
 * <p>Rules reproduced here:
 * <ul>
 * <li>Keys come in the order of the Go struct fields, which is alphabetical by JSON name with
 * two exceptions: filesystem nodes ({@code File}, {@code Directory}, {@code Link}) list the
 * shared node keys {@code group, overwrite, path, user} first, and {@code PasswdUser} orders
 * {@code sshAuthorizedKeys} before {@code shell}/{@code shouldExist} (its Go field is called
 * {@code SSHAuthorizedKeys}, which sorts before {@code Shell}).
 * <li>A field whose value is empty is left out, unless the schema marks it as always written
 * for the output's Ignition version. Empty means: an empty list; an object all of whose
 * fields are empty; a zero scalar ({@code ""}, 0, false) in a field that Go models as a plain
 * value rather than a pointer. Present pointers (scalars, and the few structs Go holds by pointer)
 * are never empty.
 * <li>Strings use Go's escaping, including the HTML-safe {@code \u003c \u003e \u0026} and
 * the JavaScript-safe {@code \u2028 \u2029}; unpaired surrogates become {@code \ufffd}.
 * </ul>
 * The result has no trailing newline.
 */
public final class JsonWriter {
    private static final Set<String> NODE_TYPES = Set.of("File", "Directory", "Link");
    private static final List<String> NODE_KEYS = List.of("group", "overwrite", "path", "user");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, TypeDef> TYPES = new HashMap<>();

    static {
        for (TypeDef t : ButaneSchema.types()) {
            TYPES.put(t.name(), t);
        }
    }

    private final int minor;
    private final boolean pretty;
    private final ByteSink out = new ByteSink();

    private JsonWriter(int minor, boolean pretty) {
        this.minor = minor;
        this.pretty = pretty;
    }

    /**
     * Encodes {@code config} as Ignition JSON.
     *
     * @param config the output tree (camelCase keys, typed objects)
     * @param ignitionMinor the x of the emitted Ignition spec 3.x.0, deciding which fields are
     *     always written
     * @param pretty indent by two spaces like {@code json.MarshalIndent(v, "", "  ")}
     */
    public static byte[] write(ObjValue config, int ignitionMinor, boolean pretty) {
        JsonWriter w = new JsonWriter(ignitionMinor, pretty);
        w.value(config, 0);
        return w.out.toByteArray();
    }

    /** Go's JSON string literal for {@code s} (quotes included), as UTF-8 bytes. */
    public static byte[] quote(String s) {
        JsonWriter w = new JsonWriter(0, false);
        w.string(s);
        return w.out.toByteArray();
    }

    private void value(Value v, int depth) {
        if (v instanceof ObjValue o) {
            object(o, depth);
        } else if (v instanceof ListValue l) {
            list(l, depth);
        } else if (v instanceof StrValue s) {
            if (s.hasRawBytes()) {
                string(s.bytes());
            } else {
                string(s.value());
            }
        } else if (v instanceof IntValue i) {
            ascii(Long.toString(i.value()));
        } else if (v instanceof BoolValue b) {
            ascii(b.value() ? "true" : "false");
        } else if (v instanceof NullValue) {
            ascii("null");
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getSimpleName());
        }
    }

    private void object(ObjValue o, int depth) {
        TypeDef type = TYPES.get(o.type());
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Value> e : o.fields().entrySet()) {
            FieldDef f = field(type, e.getKey());
            if (alwaysWritten(o.type(), e.getKey(), f) || !isEmpty(e.getValue(), f)) {
                keys.add(e.getKey());
            }
        }
        keys.sort(keyOrder(o.type()));
        if (keys.isEmpty()) {
            ascii("{}");
            return;
        }
        out.write('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                out.write(',');
            }
            first = false;
            newline(depth + 1);
            string(k);
            out.write(':');
            if (pretty) {
                out.write(' ');
            }
            value(o.get(k), depth + 1);
        }
        newline(depth);
        out.write('}');
    }

    private void list(ListValue l, int depth) {
        if (l.items().isEmpty()) {
            ascii("[]");
            return;
        }
        out.write('[');
        boolean first = true;
        for (Value item : l.items()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            newline(depth + 1);
            value(item, depth + 1);
        }
        newline(depth);
        out.write(']');
    }

    private void newline(int depth) {
        if (pretty) {
            out.write('\n');
            for (int i = 0; i < depth; i++) {
                out.write(' ');
                out.write(' ');
            }
        }
    }

    /** Go's struct-field order for the type's JSON keys. */
    static Comparator<String> keyOrder(String type) {
        if (NODE_TYPES.contains(type)) {
            return NODE_KEY_ORDER;
        }
        if ("PasswdUser".equals(type)) {
            return USER_KEY_ORDER;
        }
        return Comparator.naturalOrder();
    }

    /*
     * The two special orders are classes rather than Comparator.comparing(lambda)...: those
     * combinators are lambdas inside java.util.Comparator, which a class-data archive of the
     * application cannot hold, so every run spun their classes anew (with ASM, a few
     * milliseconds of a cold run).
     */

    /** Filesystem nodes: the shared node keys first, in their order, then the rest by name. */
    private static final Comparator<String> NODE_KEY_ORDER = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            int byNodeKey = Integer.compare(nodeKeyRank(a), nodeKeyRank(b));
            return byNodeKey != 0 ? byNodeKey : a.compareTo(b);
        }

        private int nodeKeyRank(String k) {
            int i = NODE_KEYS.indexOf(k);
            return i < 0 ? NODE_KEYS.size() : i;
        }
    };

    /** PasswdUser: Go orders by field name, SSHAuthorizedKeys &lt; Shell &lt; ShouldExist. */
    private static final Comparator<String> USER_KEY_ORDER = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            return goName(a).compareTo(goName(b));
        }

        private String goName(String k) {
            return "sshAuthorizedKeys".equals(k) ? "sh" : k;
        }
    };

    private FieldDef field(TypeDef type, String key) {
        if (type == null) {
            return null;
        }
        String snake = Names.camelToSnake(key);
        List<FieldDef> all = type.allFields();
        for (int i = 0; i < all.size(); i++) { // indexed: no iterator per key written
            FieldDef f = all.get(i);
            if (f.name().equals(snake) && f.since() <= minor && minor <= f.until()) {
                return f;
            }
        }
        return null;
    }

    private static boolean alwaysWritten(String type, String key, FieldDef f) {
        if ("Config".equals(type) && "ignition".equals(key)) {
            return true; // Go's Config.Ignition has no omitempty
        }
        return f != null && f.alwaysWritten();
    }

    /** Go's omitempty test for a field holding {@code v} (f: the field's declaration, if known). */
    private boolean isEmpty(Value v, FieldDef f) {
        if (v instanceof ListValue l) {
            return l.items().isEmpty();
        }
        if (v instanceof ObjValue o) {
            if (f != null && f.pointer()) {
                return false; // a non-nil pointer to a struct is written even when the struct is empty
            }
            TypeDef type = TYPES.get(o.type());
            for (Map.Entry<String, Value> e : o.fields().entrySet()) {
                if (!isEmpty(e.getValue(), field(type, e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof NullValue) {
            return true; // a nil pointer or slice
        }
        // a present scalar: a non-nil pointer unless the field is a plain Go value
        return f != null && !f.pointer() && v.isZeroScalar();
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            out.write(s.charAt(i));
        }
    }

    private void string(String s) {
        int n = s.length();
        if (n > 1 << 16) {
            out.reserve(n + 2); // at least one byte per character, most strings that long are ASCII
        }
        out.write('"');
        for (int i = 0; i < n; i++) {
            int run = i;
            while (run < n && isPlain(s.charAt(run))) {
                run++;
            }
            if (run > i) { // a run of characters written as they are, copied at once
                out.writeAscii(s, i, run);
                i = run;
                if (i == n) {
                    break;
                }
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                asciiChar(c);
            } else if (c == '\u2028' || c == '\u2029') {
                unicodeEscape(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                utf8(Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else if (Character.isSurrogate(c)) {
                ascii("\\ufffd");
            } else {
                utf8(c);
            }
        }
        out.write('"');
    }

    /** A Go string holding arbitrary bytes: each byte of an invalid UTF-8 sequence becomes U+FFFD. */
    private void string(byte[] b) {
        out.write('"');
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                asciiChar((char) c);
                i++;
                continue;
            }
            int size = utf8Length(b, i);
            if (size == 0) {
                ascii("\\ufffd");
                i++;
                continue;
            }
            if (size == 3 && c == 0xe2 && (b[i + 1] & 0xff) == 0x80 && ((b[i + 2] & 0xff) == 0xa8
                    || (b[i + 2] & 0xff) == 0xa9)) {
                unicodeEscape((b[i + 2] & 0xff) == 0xa8 ? '\u2028' : '\u2029');
            } else {
                out.write(b, i, size);
            }
            i += size;
        }
        out.write('"');
    }

    /** The length of the valid UTF-8 sequence at {@code i} (Go's rules), or 0 when invalid. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            if (c == 0xe0) {
                lo = 0xa0;
            } else if (c == 0xed) {
                hi = 0x9f;
            }
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            if (c == 0xf0) {
                lo = 0x90;
            } else if (c == 0xf4) {
                hi = 0x8f;
            }
        } else {
            return 0;
        }
        if (i + n > b.length) {
            return 0;
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xc0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /** ASCII that a JSON string holds as it is: printable, and none of {@code " \\ < > &}. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
    }

    private void asciiChar(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            case '<', '>', '&' -> unicodeEscape(c);
            default -> {
                if (c < 0x20) {
                    unicodeEscape(c);
                } else {
                    out.write(c);
                }
            }
        }
    }

    private void unicodeEscape(char c) {
        ascii("\\u");
        out.write(HEX[(c >> 12) & 0xf]);
        out.write(HEX[(c >> 8) & 0xf]);
        out.write(HEX[(c >> 4) & 0xf]);
        out.write(HEX[c & 0xf]);
    }

    private void utf8(int cp) {
        if (cp < 0x800) {
            out.write(0xc0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out.write(0xe0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3f));
            out.write(0x80 | (cp & 0x3f));
        } else {
            out.write(0xf0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3f));
            out.write(0x80 | ((cp >> 6) & 0x3f));
            out.write(0x80 | (cp & 0x3f));
        }
    }

    /**
     * The output bytes. Not a {@code ByteArrayOutputStream}: the writer emits the document a
     * byte at a time, and that class's methods are synchronized, which made buffer locking a
     * visible share of writing a large config with the one-shot JVM's C1-compiled code.
     */
    private static final class ByteSink {
        private byte[] buf = new byte[4096];
        private int count;

        void write(int b) {
            if (count == buf.length) {
                grow(1);
            }
            buf[count++] = (byte) b;
        }

        /** Characters {@code from} to {@code to} of {@code s}, all of them ASCII, one byte each. */
        @SuppressWarnings("deprecation") // the byte-per-char copy is exactly right for ASCII, and fast
        void writeAscii(String s, int from, int to) {
            int len = to - from;
            if (len > buf.length - count) {
                grow(len);
            }
            s.getBytes(from, to, buf, count);
            count += len;
        }

        void write(byte[] b, int off, int len) {
            if (len > buf.length - count) {
                grow(len);
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, count);
        }

        /**
         * Makes room for {@code more} bytes at once: growing by doubling while writing a data URL
         * of hundreds of megabytes would hold up to twice its size, plus the copy, at each step.
         */
        void reserve(int more) {
            long need = (long) count + more;
            if (need > buf.length && need < Integer.MAX_VALUE - 16) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(need + (need >> 6) + 4096, Integer.MAX_VALUE - 16));
            }
        }

        private void grow(int more) {
            long wanted = Math.max((long) count + more, 2L * buf.length);
            if ((long) count + more > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("the JSON output is too large for an array");
            }
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
        }
    }
}
