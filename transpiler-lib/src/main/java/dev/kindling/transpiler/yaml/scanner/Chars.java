/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.scanner;

/**
 * Character classes of Butane's YAML reader (go-yaml v3, a YAML 1.1 reader): unlike YAML 1.2,
 * NEL (U+0085), LS (U+2028) and PS (U+2029) are line breaks too.
 */
final class Chars {
    static final String ALPHA_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
    private static final String URI_SUFFIX = ALPHA_CHARS + "-;/?:@&=+$_.!~*'()%";

    static final Chars LINEBR = new Chars("\n", true);
    static final Chars NULL_OR_LINEBR = new Chars("\0\r\n", true);
    /** Every line break: LF, CR, NEL, LS and PS. */
    static final Chars BREAK = new Chars("\r\n", true);
    static final Chars NULL_BL_LINEBR = new Chars(" \0\r\n", true);
    static final Chars NULL_BL_T_LINEBR = new Chars("\t \0\r\n", true);
    static final Chars URI_CHARS_FOR_TAG_PREFIX = new Chars(URI_SUFFIX + ",[]", false);
    static final Chars ALPHA = new Chars(ALPHA_CHARS, false);

    private final boolean[] ascii = new boolean[128];
    private final boolean unicodeBreaks;

    private Chars(String members, boolean unicodeBreaks) {
        for (int i = 0; i < members.length(); i++) {
            ascii[members.charAt(i)] = true;
        }
        this.unicodeBreaks = unicodeBreaks;
    }

    /** Whether {@code c} is a YAML 1.1 line break beyond LF and CR. */
    static boolean isUnicodeBreak(int c) {
        return c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    boolean has(int c) {
        return c < 128 ? c >= 0 && ascii[c] : unicodeBreaks && isUnicodeBreak(c);
    }

    boolean hasNo(int c) {
        return !has(c);
    }

    boolean has(int c, String additional) {
        return has(c) || additional.indexOf(c) != -1;
    }

    boolean hasNo(int c, String additional) {
        return !has(c, additional);
    }

    /** What a one-character escape after a backslash stands for in go-yaml, or null. */
    static String escape(int c) {
        return switch (c) {
            case '0' -> "\0";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 't', '\t' -> "\t";
            case 'n' -> "\n";
            case 'v' -> "\u000B";
            case 'f' -> "\f";
            case 'r' -> "\r";
            case 'e' -> "\u001B";
            case ' ' -> " ";
            case '"' -> "\"";
            case '\'' -> "'";
            case '\\' -> "\\";
            case 'N' -> "\u0085";
            case '_' -> "\u00A0";
            case 'L' -> "\u2028";
            case 'P' -> "\u2029";
            default -> null;
        };
    }

    /** The number of hex digits after the x, u and U escapes; 0 for other characters. */
    static int escapeCodeLength(int c) {
        return switch (c) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
    }
}
