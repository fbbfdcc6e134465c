/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

/** Small string predicates with Go's definitions (white space, quoted-string syntax). */
final class GoStrings {
    private GoStrings() {
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int cp) {
        switch (cp) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200a;
        }
    }

    /**
     * Whether {@code "body"} is a valid Go double-quoted string literal body (every backslash
     * escape well formed, no raw line feed). {@code body} holds no unescaped double quote.
     */
    static boolean unquotable(String body) {
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\n') {
                return false;
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return false;
            }
            char e = body.charAt(i + 1);
            switch (e) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"' -> i += 2;
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + 2 + digits > n) {
                        return false;
                    }
                    long v = 0;
                    for (int k = 0; k < digits; k++) {
                        char h = body.charAt(i + 2 + k);
                        if (!GoUrl.isHex(h)) {
                            return false;
                        }
                        v = v << 4 | GoUrl.hexValue(h);
                    }
                    if (e != 'x' && (v > 0x10ffff || v >= 0xd800 && v <= 0xdfff)) {
                        return false;
                    }
                    i += 2 + digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 4 > n) {
                        return false;
                    }
                    int v = 0;
                    for (int k = 1; k <= 3; k++) {
                        char o = body.charAt(i + k);
                        if (o < '0' || o > '7') {
                            return false;
                        }
                        v = v * 8 + (o - '0');
                    }
                    if (v > 255) {
                        return false;
                    }
                    i += 4;
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }
}
