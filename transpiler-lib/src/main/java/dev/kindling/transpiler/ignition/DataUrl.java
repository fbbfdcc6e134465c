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

    // The data part of a data URL can be hundreds of megabytes: it is checked in place, never copied.
    private boolean data() {
        if (base64) {
            return base64Ok(s, pos);
        }
        for (int i = pos; i < s.length(); i++) {
            if (!isUrlChar(s.charAt(i))) {
                return false;
            }
        }
        return percentEscapesOk(s, pos);
    }

    private static boolean percentEscapesOk(String v) {
        return percentEscapesOk(v, 0);
    }

    private static boolean percentEscapesOk(String v, int from) {
        for (int i = from; i < v.length(); i++) {
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
    private static boolean base64Ok(String data, int from) {
        long count = 0; // characters other than line feeds
        long firstPad = -1;
        // over bytes, not charAt: a file's data URL is checked once, often by interpreted code;
        // a character above U+00FF becomes '?', which is not base64 either
        byte[] bytes = data.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = from; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n') {
                continue;
            }
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/';
            if (c == '=') {
                if (firstPad < 0) {
                    firstPad = count;
                }
            } else if (!alphabet || firstPad >= 0) {
                return false; // not base64, or data after the padding
            }
            count++;
        }
        if (count % 4 != 0) {
            return false;
        }
        if (firstPad < 0) {
            return true;
        }
        return firstPad % 4 >= 2 && firstPad / 4 == count / 4 - 1;
    }

    private static boolean isToken(int c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }

    private static boolean isUrlChar(int c) {
        return c > 0x20 && c < 0x7f && "<>#\"{}|\\^[]`".indexOf(c) < 0;
    }
}
