/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import java.math.BigInteger;

/**
 * Butane's reading of the {@code version} field: three numeric parts, optional pre-release and build.
 *
 * <p>Every run reads a version, so the checks are plain loops: a regular expression compiled in
 * the class's initialiser and a stream with a method reference cost more than the rest of this
 * class in a cold JVM.
 */
public final class SemVer {
    private SemVer() {
    }

    /** The normalised version text (e.g. {@code 1.04.0} gives {@code 1.4.0}), or null if invalid. */
    public static String normalize(String v) {
        String rest = v;
        String meta = null;
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            meta = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String pre = null;
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        String[] parts = rest.split("\\.", 3);
        if (parts.length != 3 || (pre != null && !validIdentifiers(pre)) || (meta != null && !validIdentifiers(meta))) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Long n = parseDecimal(parts[i]);
            if (n == null) {
                return null;
            }
            if (i > 0) {
                sb.append('.');
            }
            sb.append(n);
        }
        if (pre != null && !pre.isEmpty()) {
            sb.append('-').append(pre);
        }
        if (meta != null && !meta.isEmpty()) {
            sb.append('+').append(meta);
        }
        return sb.toString();
    }

    private static boolean validIdentifiers(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty()) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Long parseDecimal(String s) {
        String t = s.startsWith("+") ? s.substring(1) : s;
        if (t.isEmpty()) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < t.length(); i++) { // a loop, not a stream: this runs for every config
            char c = t.charAt(i);
            if (!Character.isDigit(c)) {
                return null;
            }
            ascii &= c <= '9';
        }
        if (ascii && t.length() <= 18) {
            return Long.parseLong(t); // fits a long; other Unicode digits go the general way below
        }
        BigInteger b = new BigInteger(t);
        return b.bitLength() < 64 ? b.longValue() : null;
    }
}
