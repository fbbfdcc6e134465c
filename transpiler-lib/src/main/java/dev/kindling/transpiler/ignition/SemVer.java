/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.util.regex.Pattern;

/**
 * A semantic version as Ignition reads a config's {@code version}: {@code MAJOR.MINOR.PATCH} with
 * optional {@code -prerelease} and {@code +metadata}; the numbers are signed decimal integers.
 */
record SemVer(long major, long minor, long patch, String preRelease, String metadata) {
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");

    /** The version, or null when the text is not one. */
    static SemVer parse(String text) {
        String rest = text;
        String metadata = "";
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            metadata = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
        }
        String preRelease = "";
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            preRelease = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
        }
        String[] numbers = rest.split("\\.", 3);
        if (numbers.length != 3) {
            return null;
        }
        if (!identifierOk(preRelease) || !identifierOk(metadata)) {
            return null;
        }
        Long major = number(numbers[0]);
        Long minor = number(numbers[1]);
        Long patch = number(numbers[2]);
        if (major == null || minor == null || patch == null) {
            return null;
        }
        return new SemVer(major, minor, patch, preRelease, metadata);
    }

    private static boolean identifierOk(String id) {
        return id.isEmpty() || IDENTIFIER.matcher(id).matches();
    }

    /** A signed decimal 64-bit integer (a leading '+' or '-' allowed), or null. */
    private static Long number(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
