/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import java.util.Comparator;

/**
 * The order in which Butane's YAML encoder writes the keys of a mapping.
 *
 * <p>What yaml.v3 does, in short: it walks both keys character by character and decides at the
 * first difference. Two letters compare by code point. A letter against any other character
 * sorts last, except right after a digit, where it sorts first ({@code _x < a}, but
 * {@code x1a < x1-}). Otherwise digits are read as numbers: the runs of digits at the
 * difference compare by value, the shorter run winning a tie ({@code a9 < a10},
 * {@code x1 < x01}); a character that is not a digit ends its run, so it sorts before any
 * digit. Anything else compares by code point, and a key that is a prefix of another comes
 * first.
 *
 * <p>We get the same order by cutting each key into tokens, a token being either a maximal run
 * of ASCII digits or a single other character, and comparing the token lists element by element
 * (a shorter list that runs out first is smaller). Two differing tokens compare by rank first:
 *
 * <ul>
 *   <li>after a number: letters, then every other character;
 *   <li>elsewhere: characters that are neither letters nor digits, then numbers, then letters;
 * </ul>
 *
 * <p>and within a rank, numbers by value and then by length, characters by code point. Every
 * step is a total order, so the whole is one too and any sorting algorithm gives the same
 * result. yaml.v3 differs only for keys beyond what our configs contain: it also treats
 * non-ASCII decimal digits as digits (with meaningless values) and lets runs of more than 18
 * digits overflow.
 */
final class YamlKeyOrder implements Comparator<String> {
    static final YamlKeyOrder INSTANCE = new YamlKeyOrder();

    private YamlKeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        boolean afterNumber = false;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
                afterNumber = true;
                continue;
            }
            if (ca != cb) {
                int c = Integer.compare(rank(ca, afterNumber), rank(cb, afterNumber));
                return c != 0 ? c : Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
            afterNumber = false;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** The rank of a token's first character (digits stand for their whole run). */
    private static int rank(int c, boolean afterNumber) {
        boolean letter = Character.isLetter(c);
        if (afterNumber) {
            return letter ? 0 : 1;
        }
        return letter ? 2 : isDigit(c) ? 1 : 0;
    }

    /** Numeric comparison of two digit strings, a tie going to the one with fewer leading zeros. */
    private static int compareNumbers(String x, String y) {
        String sx = stripLeadingZeros(x);
        String sy = stripLeadingZeros(y);
        if (sx.length() != sy.length()) {
            return Integer.compare(sx.length(), sy.length());
        }
        int c = sx.compareTo(sy);
        return c != 0 ? c : Integer.compare(x.length(), y.length());
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
