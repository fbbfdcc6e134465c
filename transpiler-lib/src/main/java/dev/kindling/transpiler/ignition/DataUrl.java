/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

/**
 * Decides whether a {@code data:} URL is one that Ignition can decode (RFC 2397 as implemented by
 * the decoder Ignition uses): {@code data:[<type>/<subtype>][;attr=value]*[;base64],<data>}, with
 * the decoder's particular restrictions on media types, parameter values and data characters.
 */
final class DataUrl {
    private final String s;
    private int pos;
    /** A quoted parameter value that was empty leaves the decoder expecting a quoted value. */
    private boolean expectQuoted;
    private boolean base64;

    private DataUrl(String s) {
        this.s = s;
    }

    static boolean decodable(String s) {
        return new DataUrl(s).accept();
    }

    private static final int EOF = -1;

    private int next() {
        if (pos >= s.length()) {
            pos = s.length() + 1; // so that a following back() is harmless
            return EOF;
        }
        int c = s.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private boolean accept() {
        if (!s.startsWith("data:")) {
            return false;
        }
        pos = 5;
        int mark = pos;
        int c = next();
        if (c == ';') {
            return parameters();
        }
        if (c == ',') {
            return data();
        }
        if (c == EOF) {
            return false;
        }
        if (c == 'x' || c == 'X') {
            int c2 = next();
            if (c2 == '-') {
                return tokenUntilSlash() && subtype();
            }
            // anything else after an 'x' cannot name a known type
            return tokenUntilSlash() && knownType(mark) && subtype();
        }
        if (!isToken(c)) {
            return false;
        }
        return tokenUntilSlash() && knownType(mark) && subtype();
    }

    /** Consumes token characters up to (and including) '/'. */
    private boolean tokenUntilSlash() {
        while (true) {
            int c = next();
            if (c == '/') {
                return true;
            }
            if (c == EOF || !isToken(c)) {
                return false;
            }
        }
    }

    private boolean knownType(int start) {
        String type = s.substring(start, pos - 1);
        for (String prefix : new String[] {"text", "image", "audio", "video", "application", "message", "multipart"}) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean subtype() {
        while (true) {
            int c = next();
            if (c == ';') {
                return parameters();
            }
            if (c == ',') {
                return data();
            }
            if (c == EOF || !isToken(c)) {
                return false;
            }
        }
    }

    /** After a ';': an attribute, then '=' and a value, or the bare word base64 before ','. */
    private boolean parameters() {
        int attrStart = pos;
        int c = next();
        if (c == EOF || c == '=' || c == ',' || !isToken(c)) {
            return false;
        }
        while (true) {
            c = next();
            if (c == '=') {
                break;
            }
            if (c == ',') {
                if (!s.substring(attrStart, pos - 1).equals("base64")) {
                    return false;
                }
                base64 = true;
                return data();
            }
            if (c == EOF || !isToken(c)) {
                return false;
            }
        }
        c = next();
        if (c == '"') {
            expectQuoted = true;
            int valueStart = pos;
            while (true) {
                c = next();
                if (c == EOF) {
                    return false;
                }
                if (c == '\\') {
                    c = next();
                    if (c > 0x7f) {
                        return false;
                    }
                    if (c == EOF) {
                        return false;
                    }
                    continue;
                }
                if (c == '"') {
                    break;
                }
                if (c > 0x7f) {
                    return false;
                }
            }
            String value = s.substring(valueStart, pos - 1);
            if (!value.isEmpty()) {
                expectQuoted = false;
                if (!GoStrings.unquotable(value)) {
                    return false;
                }
            }
            c = next();
        } else {
            if (c == EOF || !isToken(c)) {
                return false;
            }
            int valueStart = pos - 1;
            while (true) {
                c = next();
                if (c == ';' || c == ',') {
                    break;
                }
                if (c == EOF || !isToken(c)) {
                    return false;
                }
            }
            String value = s.substring(valueStart, pos - 1);
            if (expectQuoted) {
                expectQuoted = false;
                if (!GoStrings.unquotable(value)) {
                    return false;
                }
            } else if (!percentEscapesOk(value)) {
                return false;
            }
        }
        if (c == ';') {
            return parameters();
        }
        if (c == ',') {
            return data();
        }
        return false;
    }

    private boolean data() {
        String data = s.substring(pos);
        if (base64) {
            return base64Ok(data);
        }
        for (int i = 0; i < data.length(); i++) {
            if (!isUrlChar(data.charAt(i))) {
                return false;
            }
        }
        return percentEscapesOk(data);
    }

    private static boolean percentEscapesOk(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= v.length() || !GoUrl.isHex(v.charAt(i + 1)) || !GoUrl.isHex(v.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    /** Standard padded base64 (line feeds ignored, no other white space), as the decoder accepts it. */
    static boolean base64Ok(String data) {
        StringBuilder sb = new StringBuilder(data.length());
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\n') {
                continue;
            }
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/';
            if (!alphabet && c != '=') {
                return false;
            }
            sb.append(c);
        }
        String t = sb.toString();
        if (t.length() % 4 != 0) {
            return false;
        }
        int firstPad = t.indexOf('=');
        if (firstPad < 0) {
            return true;
        }
        int inQuantum = firstPad % 4;
        if (inQuantum < 2 || firstPad / 4 != t.length() / 4 - 1) {
            return false;
        }
        for (int i = firstPad; i < t.length(); i++) {
            if (t.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }

    private static boolean isUrlChar(int c) {
        return c > 0x20 && c < 0x7f && "<>#\"{}|\\^[]`".indexOf(c) < 0;
    }
}
