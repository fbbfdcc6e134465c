/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

/**
 * A semantic version as Ignition reads a config's {@code version}: {@code MAJOR.MINOR.PATCH} with
 * optional {@code -prerelease} and {@code +metadata}; the numbers are signed decimal integers.
 */
record SemVer(long major, long minor, long patch, String preRelease, String metadata) {
    /*
     * equals and hashCode are written out although a record has them: the generated ones are
     * linked by invokedynamic (java.lang.runtime.ObjectMethods) on first use, which spins about
     * twenty method-handle classes, some 20 ms of a cold run; every config's version check
     * compares two versions.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemVer v && major == v.major && minor == v.minor && patch == v.patch
                && preRelease.equals(v.preRelease) && metadata.equals(v.metadata);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(major) * 31 + Long.hashCode(minor)) * 31 + Long.hashCode(patch)) * 31
                + preRelease.hashCode() * 17 + metadata.hashCode();
    }

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

    /**
     * Empty, or dot-separated non-empty runs of {@code [0-9A-Za-z-]}: a loop, not a regular
     * expression, so that a plain run compiles no pattern for it.
     */
    private static boolean identifierOk(String id) {
        boolean segmentEmpty = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '.') {
                if (segmentEmpty) {
                    return false;
                }
                segmentEmpty = true;
            } else if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-') {
                segmentEmpty = false;
            } else {
                return false;
            }
        }
        return id.isEmpty() || !segmentEmpty;
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
