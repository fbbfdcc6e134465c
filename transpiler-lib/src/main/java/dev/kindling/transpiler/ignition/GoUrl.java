/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a URL that Ignition's checks look at, split the way Go's {@code net/url.Parse}
 * splits them, with the same acceptance: a string Go refuses to parse yields {@code null} from
 * {@link #parse}. Only scheme, opaque part and raw query are kept.
 */
final class GoUrl {
    final String scheme;
    final String opaque;
    final String rawQuery;

    private GoUrl(String scheme, String opaque, String rawQuery) {
        this.scheme = scheme;
        this.opaque = opaque;
        this.rawQuery = rawQuery;
    }

    /** The parsed URL, or null when Go's parser would reject the string. */
    static GoUrl parse(String raw) {
        int hash = raw.indexOf('#');
        String main = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        GoUrl u = parseWithoutFragment(main);
        if (u == null) {
            return null;
        }
        if (!fragment.isEmpty() && unescape(fragment, Mode.OTHER) == null) {
            return null;
        }
        return u;
    }

    private static GoUrl parseWithoutFragment(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        if (s.equals("*")) {
            return new GoUrl("", "", "");
        }
        // scheme: a letter followed by letters, digits, '+', '-' or '.', then ':'
        String scheme = "";
        String rest = s;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAsciiLetter(c)) {
                continue;
            }
            if (isAsciiDigit(c) || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return null; // missing protocol scheme
                }
                scheme = s.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = s.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            if (q == rest.length() - 1) {
                rest = rest.substring(0, q); // a lone trailing '?' forces an empty query
            } else {
                rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, rest, rawQuery);
            }
            int slash = rest.indexOf('/');
            String firstSegment = slash < 0 ? rest : rest.substring(0, slash);
            if (firstSegment.indexOf(':') >= 0) {
                return null;
            }
        }
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            } else {
                rest = "";
            }
            if (!authorityOk(authority)) {
                return null;
            }
        }
        if (unescape(rest, Mode.OTHER) == null) {
            return null;
        }
        return new GoUrl(scheme, "", rawQuery);
    }

    private static boolean authorityOk(String authority) {
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        if (!hostOk(host)) {
            return false;
        }
        if (at < 0) {
            return true;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (isAsciiLetter(c) || isAsciiDigit(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
                continue;
            }
            return false;
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            return unescape(userinfo, Mode.OTHER) != null;
        }
        return unescape(userinfo.substring(0, colon), Mode.OTHER) != null
                && unescape(userinfo.substring(colon + 1), Mode.OTHER) != null;
    }

    private static boolean hostOk(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !portOk(host.substring(close + 1))) {
                return false;
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), Mode.HOST) != null
                        && unescape(host.substring(zone, close), Mode.ZONE) != null
                        && unescape(host.substring(close), Mode.HOST) != null;
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !portOk(host.substring(colon))) {
                return false;
            }
        }
        return unescape(host, Mode.HOST) != null;
    }

    /** "" or ':' followed by digits only. */
    private static boolean portOk(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (!isAsciiDigit(port.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    enum Mode {
        HOST, ZONE, QUERY, OTHER
    }

    /**
     * Percent-decodes {@code s} as Go does for the given URL part; null when the escapes (or, for
     * host names, the characters) are not acceptable there. Decoded bytes are returned as a
     * Latin-1 string so that ASCII comparisons work.
     */
    static String unescape(String s, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%') {
                if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
                    return null;
                }
                int value = hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]);
                boolean isPercent25 = bytes[i + 1] == '2' && bytes[i + 2] == '5';
                if (mode == Mode.HOST && hexValue(bytes[i + 1]) < 8 && !isPercent25) {
                    return null; // hosts may only escape non-ASCII bytes
                }
                if (mode == Mode.ZONE && !isPercent25 && value != ' ' && hostCharNeedsEscape(value)) {
                    return null;
                }
                out.write(value);
                i += 2;
            } else if (b == '+' && mode == Mode.QUERY) {
                out.write(' ');
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && b < 0x80 && hostCharNeedsEscape(b)) {
                    return null;
                }
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether an ASCII byte is not allowed literally in a host name. */
    private static boolean hostCharNeedsEscape(int c) {
        if (isAsciiLetter(c) || isAsciiDigit(c)) {
            return false;
        }
        return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
    }

    /** Values of the query parameter {@code key}, in order, as Go's {@code URL.Query()} yields them. */
    List<String> queryValues(String key) {
        List<String> values = new ArrayList<>();
        boolean present = false;
        String query = rawQuery;
        while (!query.isEmpty()) {
            int amp = query.indexOf('&');
            String pair = amp < 0 ? query : query.substring(0, amp);
            query = amp < 0 ? "" : query.substring(amp + 1);
            if (pair.indexOf(';') >= 0 || pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = unescape(eq < 0 ? pair : pair.substring(0, eq), Mode.QUERY);
            if (k == null) {
                continue;
            }
            String v = unescape(eq < 0 ? "" : pair.substring(eq + 1), Mode.QUERY);
            if (v == null) {
                continue;
            }
            if (k.equals(key)) {
                present = true;
                values.add(v);
            }
        }
        return present ? values : null;
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c - 'A' + 10;
    }
}
