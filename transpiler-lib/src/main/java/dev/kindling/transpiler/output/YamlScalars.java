/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * How Butane's YAML encoder spells scalars: the style a string is written in, whether a mapping
 * key fits on its line, and the text of a float64.
 */
final class YamlScalars {
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    /** Longer keys (in UTF-8 bytes) are written in the explicit {@code ? key} form. */
    private static final int MAX_INLINE_KEY_BYTES = 128;

    private YamlScalars() {
    }

    /**
     * The style for a string, from these rules (the encoder's behaviour, checked against it):
     *
     * <ol>
     *   <li>A character YAML cannot carry literally (see {@link #isPrintable}; tabs aside) forces
     *       double quotes, where everything can be escaped.
     *   <li>Text with a line feed becomes a literal block, unless a space ends the text or
     *       stands before a line break, which a block could not keep: double quotes then.
     *   <li>Text that would read back as another type (null, a number, ...) gets double quotes.
     *   <li>A tab, or a space next to a line break, rules out both plain and single-quoted
     *       text: double quotes.
     *   <li>Text that a reader would not take as one plain scalar (see {@link #safeAsPlain}), or
     *       that has any other line break (U+2028, U+2029), gets single quotes.
     *   <li>Everything else is plain.
     * </ol>
     *
     * <p>Keys follow the same rules: a key with a line break is always written in the explicit
     * form, where it is an ordinary scalar.
     */
    static Style styleOf(String s) {
        boolean tab = false;
        boolean lineFeed = false;
        boolean otherBreak = false;
        boolean spaceAtBreak = false;
        boolean spaceBeforeBreak = false;
        int previous = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t') {
                tab = true;
            } else if (!isPrintable(c)) {
                return Style.DOUBLE_QUOTED;
            }
            if (isBreak(c)) {
                lineFeed |= c == '\n';
                otherBreak |= c != '\n';
                spaceBeforeBreak |= previous == ' ';
            } else if (c == ' ' && isBreak(previous)) {
                spaceAtBreak = true;
            }
            previous = c;
        }
        if (lineFeed) {
            return spaceBeforeBreak || s.endsWith(" ") ? Style.DOUBLE_QUOTED : Style.LITERAL;
        }
        if (YamlImplicitTypes.needsQuotes(s) || tab || spaceBeforeBreak || spaceAtBreak) {
            return Style.DOUBLE_QUOTED;
        }
        return otherBreak || !safeAsPlain(s) ? Style.SINGLE_QUOTED : Style.PLAIN;
    }

    /**
     * Whether one-line text without tabs reads back unchanged as a plain scalar in block
     * context: no surrounding spaces, no document marker, no indicator character in front
     * ({@code - ? :} only count there when a space or the end follows), no {@code ": "} or
     * {@code " #"} inside and no colon at the end.
     */
    private static boolean safeAsPlain(String s) {
        if (s.startsWith(" ") || s.endsWith(" ") || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        char first = s.charAt(0);
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if ("-?:".indexOf(first) >= 0 && (s.length() == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        return !s.contains(": ") && !s.endsWith(":") && !s.contains(" #");
    }

    /** Whether a key goes on one line with its value ({@code key: value}). */
    static boolean fitsInline(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (isBreak(key.charAt(i))) {
                return false;
            }
        }
        return key.getBytes(StandardCharsets.UTF_8).length <= MAX_INLINE_KEY_BYTES;
    }

    /**
     * Characters the encoder writes as they are: line feed, visible ASCII, and the rest of the
     * Basic Multilingual Plane from U+00A0 except the byte order mark and the two non-characters
     * at its end. It escapes C0/C1 controls, DEL, tab and everything beyond U+FFFF.
     */
    static boolean isPrintable(int c) {
        return c == '\n' || (c >= 0x20 && c <= 0x7E)
                || (c >= 0xA0 && c <= 0xFFFD && c != 0xFEFF && !Character.isSurrogate((char) c));
    }

    /** The YAML line breaks: LF, CR, NEL, LS and PS. */
    static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    // ---------------------------------------------------------------------------------------
    // Numbers

    /**
     * A float64 as Go prints it with {@code %g} at shortest precision: the fewest significant
     * digits that read back as the same value; plain decimal notation while the decimal
     * exponent is from -4 to 5, otherwise {@code d.ddde±XX} with at least two exponent digits
     * (so {@code 123456}, but {@code 1e+06} and {@code 1e-05}).
     */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : "";
        if (d == 0) {
            return sign + "0";
        }
        BigDecimal v = shortest(Math.abs(d));
        String digits = v.unscaledValue().toString();
        int exponent = digits.length() - 1 - v.scale();
        if (exponent < -4 || exponent > 5) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.valueOf(Math.abs(exponent));
            return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" : "") + e;
        }
        return sign + v.toPlainString();
    }

    /**
     * The shortest decimal that reads back as {@code a} (positive and finite), trailing zeros
     * removed. Of the two candidates with the fewest digits, one on each side of the exact
     * binary value, the nearer wins, then the one with an even last digit.
     */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int precision = 1; ; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowOk = readsBackAs(below, a);
            boolean aboveOk = readsBackAs(above, a);
            BigDecimal pick;
            if (belowOk && aboveOk) {
                int nearer = exact.subtract(below).compareTo(above.subtract(exact));
                pick = nearer < 0 || (nearer == 0 && !below.unscaledValue().testBit(0)) ? below : above;
            } else if (belowOk || aboveOk) {
                pick = belowOk ? below : above;
            } else {
                continue;
            }
            return pick.stripTrailingZeros();
        }
    }

    private static boolean readsBackAs(BigDecimal candidate, double a) {
        return Double.parseDouble(candidate.toString()) == a;
    }

    /**
     * Appends {@code s} as a double-quoted scalar: everything that is not printable, every line
     * break, quote and backslash as an escape; every character when the text starts with a byte
     * order mark. Both YAML writers (MachineConfig and Butane) quote this way.
     */
    static void appendDoubleQuoted(StringBuilder sb, String s) {
        sb.append('"');
        boolean escapeAll = s.startsWith("\uFEFF");
        for (int k = 0; k < s.length(); ) {
            int c = s.codePointAt(k);
            k += Character.charCount(c);
            if (escapeAll || c == '"' || c == '\\' || isBreak(c) || !isPrintable(c)) {
                sb.append('\\').append(escape(c));
            } else {
                sb.appendCodePoint(c);
            }
        }
        sb.append('"');
    }

    /** The YAML escape for a character in a double-quoted scalar, without the backslash. */
    private static String escape(int c) {
        return switch (c) {
            case 0 -> "0";
            case 0x07 -> "a";
            case '\b' -> "b";
            case '\t' -> "t";
            case '\n' -> "n";
            case 0x0B -> "v";
            case '\f' -> "f";
            case '\r' -> "r";
            case 0x1B -> "e";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> c <= 0xFF ? String.format("x%02X", c)
                    : c <= 0xFFFF ? String.format("u%04X", c)
                    : String.format("U%08X", c);
        };
    }
}
