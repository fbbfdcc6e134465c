/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.output.YamlImplicitTypes;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Set;

/**
 * How Butane's YAML library reads a scalar: its resolved type and value. Butane accepts a few
 * YAML 1.1 forms (octal {@code 0644}, {@code yes}/{@code no} for booleans), so plain YAML 1.2
 * core-schema resolution would give different results.
 */
public final class GoYaml {
    /** The resolved type of a scalar. */
    public enum Type { NULL, BOOL, INT, FLOAT, STR, BINARY, OTHER }

    /**
     * A resolved scalar. {@code value} is a Boolean, a Long, a BigInteger (above Long.MAX_VALUE),
     * a Double, or a String (for STR, BINARY's decoded text and OTHER).
     */
    public record Resolved(Type type, Object value) {
    }

    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYaml() {
    }

    /** Thrown for a scalar whose explicit tag contradicts its text ({@code !!bool yes}). */
    public static final class TagMismatch extends Exception {
        public TagMismatch(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether the scalar is a string by its form alone (quoted, block, or tagged !!str). */
    public static boolean indicatedString(YScalar s) {
        String tag = s.tag();
        return "!!str".equals(tag) || ((tag == null || "!".equals(tag)) && !s.plain());
    }

    /** The short tag a scalar has once resolved, as Butane's YAML library reports it. */
    public static String shortTag(YScalar s) {
        if (s.tag() != null && !"!".equals(s.tag())) {
            return s.tag();
        }
        if (indicatedString(s)) {
            return "!!str";
        }
        try {
            return tagOf(resolve(s).type());
        } catch (TagMismatch e) {
            return "!!str";
        }
    }

    public static String tagOf(Type t) {
        return switch (t) {
            case NULL -> "!!null";
            case BOOL -> "!!bool";
            case INT -> "!!int";
            case FLOAT -> "!!float";
            case BINARY -> "!!binary";
            case STR, OTHER -> "!!str";
        };
    }

    /** Resolves a scalar as Butane's YAML library would. */
    public static Resolved resolve(YScalar s) throws TagMismatch {
        if (indicatedString(s)) {
            return new Resolved(Type.STR, s.value());
        }
        // a lone "!" (the non-specific tag) is no tag at all for Butane's YAML library
        String tag = "!".equals(s.tag()) ? null : s.tag();
        String in = s.value();
        if (tag != null && !isResolvable(tag)) {
            if ("!!binary".equals(tag)) {
                return new Resolved(Type.BINARY, in);
            }
            return new Resolved(Type.OTHER, in);
        }
        Resolved r = tag != null && (tag.equals("!!str") || tag.equals("!!binary")) ? new Resolved(Type.STR, in) : plain(in);
        if (tag == null || tag.equals("!!str")) {
            return r;
        }
        String want = tag;
        if (want.equals(tagOf(r.type()))
                || (want.equals("!!timestamp") && r.type() == Type.STR && YamlImplicitTypes.isTimestamp(in))) {
            return r;
        }
        if (want.equals("!!float") && r.type() == Type.INT) {
            return new Resolved(Type.FLOAT, ((Number) r.value()).doubleValue());
        }
        throw new TagMismatch("cannot decode " + tagOf(r.type()) + " `" + in + "` as a " + want);
    }

    /**
     * The bytes of a {@code !!binary} value as Butane's YAML library reads them: standard
     * base64 with its padding, where only CR and LF may appear between the characters. Null
     * when the text is not such base64 (Java's own decoders would accept missing padding or
     * other whitespace).
     */
    public static byte[] decodeBinary(String text) {
        String b64 = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? text.replace("\r", "").replace("\n", "") : text;
        if (b64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isResolvable(String tag) {
        return switch (tag) {
            case "!!str", "!!bool", "!!int", "!!float", "!!timestamp", "!!null" -> true;
            default -> false;
        };
    }

    private static Resolved plain(String in) {
        if (in.length() > LONGEST_WORD && !startsNumber(in.charAt(0))) {
            return new Resolved(Type.STR, in); // most plain scalars: no null, bool or special float is that long
        }
        if (NULL.contains(in)) {
            return new Resolved(Type.NULL, null);
        }
        if (TRUE.contains(in)) {
            return new Resolved(Type.BOOL, Boolean.TRUE);
        }
        if (FALSE.contains(in)) {
            return new Resolved(Type.BOOL, Boolean.FALSE);
        }
        char c = in.charAt(0);
        switch (in) {
            case ".nan", ".NaN", ".NAN":
                return new Resolved(Type.FLOAT, Double.NaN);
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return new Resolved(Type.FLOAT, Double.POSITIVE_INFINITY);
            case "-.inf", "-.Inf", "-.INF":
                return new Resolved(Type.FLOAT, Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        if (c == '.') {
            Double d = parseFloat(in);
            return d != null ? new Resolved(Type.FLOAT, d) : new Resolved(Type.STR, in);
        }
        if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
            String p = in.replace("_", "");
            // as Go's ParseInt then ParseUint: a number out of their range is tried as a float
            Resolved big = integer(parseGoInt(p));
            if (big != null) {
                return big;
            }
            if (isYamlFloat(p)) {
                Double d = parseFloat(p);
                if (d != null) {
                    return new Resolved(Type.FLOAT, d);
                }
            }
            if (p.startsWith("0b") || p.startsWith("-0b")) {
                Resolved r = prefixed(p, 2);
                if (r != null) {
                    return r;
                }
            } else if (p.startsWith("0o") || p.startsWith("-0o")) {
                Resolved r = prefixed(p, 8);
                if (r != null) {
                    return r;
                }
            }
        }
        return new Resolved(Type.STR, in);
    }

    /**
     * Whether the text has go-yaml's form of a float, {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}
     * (checked by a loop: a regular expression compiled when the class loads cost every run
     * its start-up).
     */
    static boolean isYamlFloat(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            int end = asciiDigits(s, i + 1);
            if (end == i + 1) {
                return false;
            }
            i = end;
        } else {
            int end = asciiDigits(s, i);
            if (end == i) {
                return false;
            }
            i = end;
            if (i < n && s.charAt(i) == '.') {
                i = asciiDigits(s, i + 1);
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int end = asciiDigits(s, i);
            if (end == i) {
                return false;
            }
            i = end;
        }
        return i == n;
    }

    /** The index of the first character from {@code from} on that is not an ASCII digit. */
    private static int asciiDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The longest word that resolves to something other than a string ({@code false}, {@code +.inf}). */
    private static final int LONGEST_WORD = 5;

    /** True for a first character with which a number may be written. */
    private static boolean startsNumber(char c) {
        return c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9');
    }

    /**
     * go-yaml's reading of {@code 0b}/{@code 0o} numbers: the digits after "0b" go to Go's
     * ParseInt, which takes a sign there too ({@code 0o-1} is -1); after "-0b" they may not have
     * one.
     */
    private static Resolved prefixed(String p, int radix) {
        boolean neg = p.startsWith("-");
        String rest = p.substring(neg ? 3 : 2);
        if (!neg && !rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            neg = rest.charAt(0) == '-';
            rest = rest.substring(1);
            BigInteger b = digits(rest, radix);
            // ParseInt alone (a signed number must fit int64); ParseUint takes no sign
            return b == null || (neg ? b.negate() : b).bitLength() >= 64 ? null
                    : new Resolved(Type.INT, (neg ? b.negate() : b).longValue());
        }
        BigInteger b = digits(rest, radix);
        return b == null ? null : integer(neg ? b.negate() : b);
    }

    /** An int64 or uint64 as an INT; null for null or a number outside both ranges. */
    private static Resolved integer(BigInteger v) {
        if (v == null) {
            return null;
        }
        if (v.bitLength() < 64) {
            return new Resolved(Type.INT, v.longValue());
        }
        if (v.signum() > 0 && v.compareTo(MAX_UINT64) <= 0) {
            return new Resolved(Type.INT, v);
        }
        return null;
    }

    /**
     * Go's strconv.ParseInt/ParseUint with base 0: optional sign, then 0x/0o/0b prefixes, a
     * leading 0 meaning octal, or decimal. Returns null when the text is not such a number or is
     * out of the int64/uint64 range.
     */
    static BigInteger parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            neg = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        BigInteger v;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            if (p == 'x') {
                v = digits(t.substring(2), 16);
            } else if (p == 'o') {
                v = digits(t.substring(2), 8);
            } else if (p == 'b') {
                v = digits(t.substring(2), 2);
            } else {
                v = digits(t.substring(1), 8);
            }
        } else {
            v = digits(t, 10);
        }
        if (v == null) {
            return null;
        }
        if (neg) {
            v = v.negate();
            return v.bitLength() < 64 || v.equals(BigInteger.ONE.shiftLeft(63).negate()) ? v : null;
        }
        if (s.charAt(0) == '+') {
            return v.bitLength() < 64 ? v : null; // ParseInt only: ParseUint takes no sign
        }
        return v.compareTo(MAX_UINT64) <= 0 ? v : null;
    }

    private static BigInteger digits(String s, int radix) {
        if (s.isEmpty()) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || Character.digit(c, radix) < 0) {
                return null; // Go reads ASCII digits only
            }
            if (first < 0 && c != '0') {
                first = i;
            }
        }
        if (first < 0) {
            return BigInteger.ZERO;
        }
        if (s.length() - first > 64) {
            // beyond any 64-bit number: skip the conversion, which is slow for long texts
            return BigInteger.ONE.shiftLeft(65);
        }
        return new BigInteger(s.substring(first), radix);
    }

    /**
     * Go's ParseFloat for a decimal text: null where it fails, also for a value beyond the
     * float64 range (Go's range error; Java would give an infinity) and for Java's own suffixes
     * ({@code .5f}).
     */
    private static Double parseFloat(String s) {
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code s} as Go's {@code %q} and {@code %#v} write a string (strconv.Quote): in double
     * quotes, with {@code "} and {@code \} escaped, printable characters as they are and the
     * others as backslash escapes ({@code \n} and the like, {@code \xHH}, backslash-u with four
     * hex digits, {@code \UHHHHHHHH}).
     */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"', '\\' -> b.append('\\').appendCodePoint(c);
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 11 -> b.append("\\v");
                default -> {
                    if (goPrintable(c)) {
                        b.appendCodePoint(c);
                    } else if (c < 0x80) {
                        b.append(String.format("\\x%02x", c));
                    } else if (Character.isSurrogate((char) c)) {
                        b.append("\\ufffd"); // (Go's strings hold no lone surrogates: it would be U+FFFD)
                    } else if (c < 0x10000) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean goPrintable(int c) {
        if (c < 0x80) {
            return c >= 0x20 && c < 0x7F;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
