/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

/**
 * Whether a text is one JSON value that Go's {@code encoding/json} would decode into an untyped
 * value: RFC 8259 syntax, at most 10000 levels of nesting, and no number beyond the range of a
 * 64-bit float.
 */
final class JsonSyntax {
    private static final int MAX_DEPTH = 10000;

    private final String s;
    private int i;

    private JsonSyntax(String s) {
        this.s = s;
    }

    static boolean decodable(String text) {
        JsonSyntax p = new JsonSyntax(text);
        try {
            p.document();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException();
    }

    private void document() {
        // containers: '{' or '[' per open level; expecting tells what may come next
        char[] stack = new char[16];
        int depth = 0;
        skipSpace();
        boolean needValue = true;
        while (true) {
            if (needValue) {
                char c = peek();
                if (c == '{' || c == '[') {
                    i++;
                    if (depth == MAX_DEPTH) {
                        throw bad();
                    }
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = c;
                    skipSpace();
                    char close = c == '{' ? '}' : ']';
                    if (peek() == close) {
                        i++;
                        depth--;
                        needValue = false;
                    } else if (c == '{') {
                        member();
                    }
                    continue;
                }
                scalar();
                needValue = false;
            } else {
                skipSpace();
                if (depth == 0) {
                    if (i != s.length()) {
                        throw bad();
                    }
                    return;
                }
                char c = peek();
                char container = stack[depth - 1];
                if (c == ',') {
                    i++;
                    skipSpace();
                    if (container == '{') {
                        member();
                    }
                    needValue = true;
                } else if (c == (container == '{' ? '}' : ']')) {
                    i++;
                    depth--;
                } else {
                    throw bad();
                }
            }
        }
    }

    /** An object member's key and colon; leaves the position at its value. */
    private void member() {
        if (peek() != '"') {
            throw bad();
        }
        string();
        skipSpace();
        if (peek() != ':') {
            throw bad();
        }
        i++;
        skipSpace();
    }

    private void scalar() {
        char c = peek();
        switch (c) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw bad();
                }
            }
        }
        skipSpace();
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw bad();
        }
        i += word.length();
    }

    private void string() {
        i++; // opening quote
        while (true) {
            if (i >= s.length()) {
                throw bad();
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw bad();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw bad();
                }
                char e = s.charAt(i++);
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (i >= s.length() || !GoUrl.isHex(s.charAt(i))) {
                            throw bad();
                        }
                        i++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw bad();
                }
            }
        }
    }

    private void number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                i++;
            }
        } else {
            throw bad();
        }
        if (peek() == '.') {
            i++;
            if (!isDigit(peek())) {
                throw bad();
            }
            while (isDigit(peek())) {
                i++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            if (!isDigit(peek())) {
                throw bad();
            }
            while (isDigit(peek())) {
                i++;
            }
        }
        if (Double.isInfinite(Double.parseDouble(s.substring(start, i)))) {
            throw bad();
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }
}
