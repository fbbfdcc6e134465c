/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import java.util.Set;

/**
 * Which strings Butane's YAML encoder must quote because, written bare, they would be read back
 * as something else.
 *
 * <p>The reading rules are yaml.v3's, not YAML 1.2's. A bare scalar can only be a non-string if
 * it starts with a digit, a sign, a dot, or one of {@code yYnNtTfFoO~} (or is empty). Then:
 *
 * <ul>
 *   <li>fixed words: null ({@code ~}, {@code null}, empty), booleans, {@code .nan} and the
 *       infinities, each in three spellings;
 *   <li>text starting with a dot: a decimal fraction as Go's ParseFloat reads it;
 *   <li>text starting with a digit or sign: a timestamp in one of four Go layouts; or, once all
 *       underscores are removed, a Go integer literal (prefixes {@code 0b 0o 0x}, a bare
 *       leading 0 meaning octal) that fits int64 or uint64, a decimal float within float64
 *       range, or {@code 0b}/{@code 0o} followed by a signed number.
 * </ul>
 *
 * <p>On top of that the encoder quotes what YAML 1.1 readers would take for a boolean
 * ({@code yes}, {@code off}, ...) or a base-60 number ({@code 1:30}).
 */
public final class YamlImplicitTypes {
    private static final Set<String> WORDS = Set.of(
            "", "~", "null", "Null", "NULL",
            "true", "True", "TRUE", "false", "False", "FALSE",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
            "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            // YAML 1.1 booleans
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");

    private YamlImplicitTypes() {
    }

    /** Whether the text, written without quotes, would not read back as this same string. */
    static boolean needsQuotes(String s) {
        if (WORDS.contains(s)) {
            return true;
        }
        char first = s.charAt(0);
        if (first == '.') {
            return isDotFloat(s);
        }
        if (first != '+' && first != '-' && !isDigit(first)) {
            return false;
        }
        if (isTimestamp(s) || isBase60(s)) {
            return true;
        }
        String digits = s.replace("_", "");
        return isGoInteger(digits) || isDecimalFloat(digits) || isPrefixedSignedInteger(digits);
    }

    // ---------------------------------------------------------------------------------------
    // Numbers

    /**
     * A Go integer literal without underscores: optional sign, then {@code 0b}/{@code 0o}/
     * {@code 0x} (either case) and digits, or a 0 followed by octal digits, or decimal digits.
     */
    private static boolean isGoInteger(String s) {
        int signLength = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        String sign = s.substring(0, signLength);
        String body = s.substring(signLength);
        if (body.length() >= 3 && body.charAt(0) == '0') {
            int radix = switch (Character.toLowerCase(body.charAt(1))) {
                case 'b' -> 2;
                case 'o' -> 8;
                case 'x' -> 16;
                default -> 0;
            };
            if (radix != 0) {
                return fitsGo64(sign, body.substring(2), radix);
            }
        }
        return fitsGo64(sign, body, body.startsWith("0") ? 8 : 10);
    }

    /**
     * {@code 0b} or {@code 0o} (lower case only) followed by an optionally signed number, such
     * as {@code 0b-1}. (A sign before the prefix is already covered by {@link #isGoInteger}.)
     */
    private static boolean isPrefixedSignedInteger(String s) {
        if (!s.startsWith("0b") && !s.startsWith("0o")) {
            return false;
        }
        String rest = s.substring(2);
        int signLength = rest.startsWith("+") || rest.startsWith("-") ? 1 : 0;
        return fitsGo64(rest.substring(0, signLength), rest.substring(signLength), s.charAt(1) == 'b' ? 2 : 8);
    }

    /**
     * Whether the digits form a number in the given radix that Go accepts: int64 with a sign,
     * int64 or uint64 without.
     */
    private static boolean fitsGo64(String sign, String digits, int radix) {
        if (digits.isEmpty()) {
            return false;
        }
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            // Character.digit alone would also accept non-ASCII digits
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        long value;
        try {
            value = Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException tooLarge) {
            return false;
        }
        return switch (sign) {
            case "+" -> Long.compareUnsigned(value, Long.MAX_VALUE) <= 0;
            case "-" -> Long.compareUnsigned(value, Long.MIN_VALUE) <= 0;
            default -> true;
        };
    }

    /** {@code [sign] (digits [. digits?] | . digits) [e [sign] digits]} within float64 range. */
    private static boolean isDecimalFloat(String s) {
        Scan in = new Scan(s);
        in.sign();
        int whole = in.digits();
        int fraction = in.skip('.') ? in.digits() : 0;
        return whole + fraction > 0 && in.exponent() && in.atEnd() && inFloat64Range(s);
    }

    /**
     * Text starting with a dot that Go's ParseFloat accepts: a fraction and an optional exponent,
     * where underscores may separate digits.
     */
    private static boolean isDotFloat(String s) {
        Scan in = new Scan(s);
        in.skip('.');
        return in.separatedDigits() && in.separatedExponent() && in.atEnd()
                && inFloat64Range(s.replace("_", ""));
    }

    /** Go reports overflow to infinity as an error; underflow to zero is fine. */
    private static boolean inFloat64Range(String decimal) {
        return !Double.isInfinite(Double.parseDouble(decimal));
    }

    /**
     * YAML 1.1 base 60: {@code [sign] digit [digits or _]* (: [0-5]? digit)+ [. [digits or _]*]}.
     */
    private static boolean isBase60(String s) {
        Scan in = new Scan(s);
        in.sign();
        if (!in.digit()) {
            return false;
        }
        in.digitsOr('_');
        int groups = 0;
        while (in.skip(':')) {
            // one digit, or two with the first at most 5; no further digit may follow
            int first = in.peek();
            if (!in.digit()) {
                return false;
            }
            if (isDigit(in.peek()) && first <= '5') {
                in.digit();
            }
            if (isDigit(in.peek())) {
                return false;
            }
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (in.skip('.')) {
            in.digitsOr('_');
        }
        return in.atEnd();
    }

    // ---------------------------------------------------------------------------------------
    // Timestamps

    /**
     * The layouts yaml.v3 tries with Go's time.Parse: a date {@code YYYY-M-D} (month and day one
     * or two digits, the day valid for the month), alone, or followed by {@code T} or {@code t}
     * and a time with a zone, or by spaces and a time without one. A time is {@code H:M:S}
     * (each one or two digits, in range) with an optional fraction after a dot or comma; a zone
     * is {@code Z} or {@code ±hh:mm} with the hours up to 24 and minutes up to 60.
     */
    public static boolean isTimestamp(String s) {
        Scan in = new Scan(s);
        if (in.digits() != 4 || !in.skip('-')) {
            return false;
        }
        int year = Integer.parseInt(s.substring(0, 4));
        int month = in.number(1, 12);
        if (month < 0 || !in.skip('-')) {
            return false;
        }
        int day = in.number(1, 31);
        if (day < 0 || day > daysInMonth(year, month)) {
            return false;
        }
        if (in.atEnd()) {
            return true;
        }
        boolean withZone;
        if (in.skip('T') || in.skip('t')) {
            withZone = true;
        } else if (in.peek() == ' ') {
            while (in.skip(' ')) {
                // a space in the layout matches a run of spaces
            }
            withZone = false;
        } else {
            return false;
        }
        if (in.number(0, 23) < 0 || !in.skip(':') || in.number(0, 59) < 0 || !in.skip(':')
                || in.number(0, 59) < 0) {
            return false;
        }
        in.fraction();
        if (withZone && !in.skip('Z') && !in.zoneOffset()) {
            return false;
        }
        return in.atEnd();
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** A cursor over ASCII text for the small grammars above. */
    private static final class Scan {
        private final String s;
        private int pos;

        Scan(String s) {
            this.s = s;
        }

        int peek() {
            return pos < s.length() ? s.charAt(pos) : -1;
        }

        int peekAfter() {
            return pos + 1 < s.length() ? s.charAt(pos + 1) : -1;
        }

        boolean atEnd() {
            return pos == s.length();
        }

        boolean skip(int c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        void sign() {
            if (!skip('+')) {
                skip('-');
            }
        }

        boolean digit() {
            if (isDigit(peek())) {
                pos++;
                return true;
            }
            return false;
        }

        int digits() {
            int from = pos;
            while (digit()) {
                // advance
            }
            return pos - from;
        }

        void digitsOr(char other) {
            while (digit() || skip(other)) {
                // advance
            }
        }

        /** Digits, single underscores allowed between two of them. */
        boolean separatedDigits() {
            if (digits() == 0) {
                return false;
            }
            while (peek() == '_' && isDigit(peekAfter())) {
                pos++;
                digits();
            }
            return true;
        }

        /** An optional exponent; false if one starts but is incomplete. */
        boolean exponent() {
            if (!skip('e') && !skip('E')) {
                return true;
            }
            sign();
            return digits() > 0;
        }

        boolean separatedExponent() {
            if (!skip('e') && !skip('E')) {
                return true;
            }
            sign();
            return separatedDigits();
        }

        /** An optional fraction of a second: a dot or comma and at least one digit. */
        void fraction() {
            if ((peek() == '.' || peek() == ',') && isDigit(peekAfter())) {
                pos++;
                digits();
            }
        }

        /** One or two digits with a value in range, or -1. */
        int number(int min, int max) {
            if (!isDigit(peek())) {
                return -1;
            }
            int n = s.charAt(pos++) - '0';
            if (isDigit(peek())) {
                n = n * 10 + s.charAt(pos++) - '0';
            }
            return n >= min && n <= max ? n : -1;
        }

        /** {@code +hh:mm} or {@code -hh:mm}, hours at most 24, minutes at most 60. */
        boolean zoneOffset() {
            if (!skip('+') && !skip('-')) {
                return false;
            }
            int hours = twoDigits();
            if (hours < 0 || hours > 24 || !skip(':')) {
                return false;
            }
            int minutes = twoDigits();
            return minutes >= 0 && minutes <= 60;
        }

        private int twoDigits() {
            if (!isDigit(peek()) || !isDigit(peekAfter())) {
                return -1;
            }
            int n = (s.charAt(pos) - '0') * 10 + s.charAt(pos + 1) - '0';
            pos += 2;
            return n;
        }
    }
}
