package dev.kindling.transpiler.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalar decisions of Butane's YAML encoder (gopkg.in/yaml.v3 v3.0.1) for the generic values
 * that come out of decoding JSON: whether a string may be written plain, how a float64 is
 * spelled, and in which order mapping keys are written.
 *
 * <p>A string may be plain only if reading it back unquoted would give a string again. The
 * reading rules are yaml.v3's, which differ from YAML 1.2: Go's integer syntax (base prefixes,
 * a leading 0 meaning octal, underscores ignored), Go's float syntax, Go timestamps in four
 * layouts, and YAML 1.1 booleans ({@code yes}, {@code off}, ...) and sexagesimal numbers
 * ({@code 1:30}), which the encoder quotes for the benefit of YAML 1.1 readers.
 */
final class YamlScalars {
    private static final Set<String> SPECIAL_WORDS = Set.of(
            "true", "True", "TRUE", "false", "False", "FALSE",
            "", "~", "null", "Null", "NULL",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
            "-.inf", "-.Inf", "-.INF", "<<");
    private static final Set<String> YAML11_BOOLS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "off", "Off", "OFF");
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern SEXAGESIMAL =
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger INT64_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

    private YamlScalars() {
    }

    /** Whether the encoder writes this string without quotes (before any layout checks). */
    static boolean plainByType(String s) {
        return !resolvesToOtherType(s) && !YAML11_BOOLS.contains(s) && !looksSexagesimal(s);
    }

    // ---------------------------------------------------------------------------------------
    // Implicit typing of unquoted scalars

    /** True when the text, read unquoted, would not be a string. */
    static boolean resolvesToOtherType(String in) {
        char first = in.isEmpty() ? 'N' : in.charAt(0);
        boolean hinted = in.isEmpty()
                || first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9')
                || "yYnNtTfFoO~".indexOf(first) >= 0;
        if (!hinted) {
            return false;
        }
        if (SPECIAL_WORDS.contains(in)) {
            return true;
        }
        if (first == '.') {
            return goFloatOk(in);
        }
        if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            if (isGoTimestamp(in)) {
                return true;
            }
            String plain = in.replace("_", "");
            if (goIntOk(plain, 0, true) || goIntOk(plain, 0, false)) {
                return true;
            }
            if (DECIMAL_FLOAT.matcher(plain).matches() && goFloatOk(plain)) {
                return true;
            }
            if (plain.startsWith("0b")) {
                return goIntOk(plain.substring(2), 2, true) || goIntOk(plain.substring(2), 2, false);
            }
            if (plain.startsWith("-0b")) {
                return goIntOk("-" + plain.substring(3), 2, true);
            }
            if (plain.startsWith("0o")) {
                return goIntOk(plain.substring(2), 8, true) || goIntOk(plain.substring(2), 8, false);
            }
            if (plain.startsWith("-0o")) {
                return goIntOk("-" + plain.substring(3), 8, true);
            }
        }
        return false;
    }

    private static boolean looksSexagesimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
            return false;
        }
        return SEXAGESIMAL.matcher(s).matches();
    }

    /**
     * Go's integer parsing: signed (int64) or unsigned (uint64), with base 0 meaning "from the
     * prefix" (0b, 0o, 0x, or a bare leading 0 for octal). Underscores are not accepted here;
     * callers remove them first where Go would accept them.
     */
    static boolean goIntOk(String s, int base, boolean signed) {
        if (s.isEmpty()) {
            return false;
        }
        boolean neg = false;
        if (signed && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
            if (s.isEmpty()) {
                return false;
            }
        }
        if (base == 0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
                if (p == 'b') {
                    base = 2;
                    s = s.substring(2);
                } else if (p == 'o') {
                    base = 8;
                    s = s.substring(2);
                } else if (p == 'x') {
                    base = 16;
                    s = s.substring(2);
                } else {
                    base = 8;
                    s = s.substring(1);
                }
            }
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                d = (c | 0x20) - 'a' + 10;
            } else {
                return false;
            }
            if (d >= base) {
                return false;
            }
            n = n.multiply(b).add(BigInteger.valueOf(d));
        }
        if (!signed) {
            return n.compareTo(UINT64_MAX) <= 0;
        }
        return neg ? n.compareTo(INT64_MIN_MAGNITUDE) <= 0 : n.compareTo(INT64_MIN_MAGNITUDE) < 0;
    }

    /**
     * Go's decimal float parsing for the two shapes the resolver hands it: text starting with a
     * dot, and text already matching the YAML float pattern. Underscores between digits are
     * allowed as in Go literals; a value too large for float64 is an error, underflow is not.
     */
    static boolean goFloatOk(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        boolean sawDot = false;
        boolean sawDigits = false;
        boolean underscores = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                underscores = true;
            } else if (c == '.') {
                if (sawDot) {
                    break;
                }
                sawDot = true;
            } else if (c >= '0' && c <= '9') {
                sawDigits = true;
            } else {
                break;
            }
        }
        if (!sawDigits) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i >= n) {
                return false;
            }
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                i++;
            }
            if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
            for (; i < n && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'); i++) {
                if (s.charAt(i) == '_') {
                    underscores = true;
                }
            }
        }
        if (i != n) {
            return false;
        }
        if (underscores && !underscoresBetweenDigits(s)) {
            return false;
        }
        try {
            return !Double.isInfinite(Double.parseDouble(s.replace("_", "")));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Go's rule for digit separators in decimal literals: each underscore sits between digits. */
    private static boolean underscoresBetweenDigits(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        char saw = '^';
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    // ---------------------------------------------------------------------------------------
    // Timestamps: Go's time.Parse with the layouts the YAML resolver tries

    private enum Tok { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, FRACTION, ZONE }

    private static final Object[][] LAYOUTS = {
        {Tok.YEAR, "-", Tok.MONTH, "-", Tok.DAY, "T", Tok.HOUR, ":", Tok.MINUTE, ":", Tok.SECOND,
            Tok.FRACTION, Tok.ZONE},
        {Tok.YEAR, "-", Tok.MONTH, "-", Tok.DAY, "t", Tok.HOUR, ":", Tok.MINUTE, ":", Tok.SECOND,
            Tok.FRACTION, Tok.ZONE},
        {Tok.YEAR, "-", Tok.MONTH, "-", Tok.DAY, " ", Tok.HOUR, ":", Tok.MINUTE, ":", Tok.SECOND,
            Tok.FRACTION},
        {Tok.YEAR, "-", Tok.MONTH, "-", Tok.DAY},
    };

    static boolean isGoTimestamp(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        for (Object[] layout : LAYOUTS) {
            if (matchesLayout(s, layout)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigitAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean matchesLayout(String v, Object[] layout) {
        int p = 0;
        int year = 0;
        int month = 0;
        int day = 0;
        for (Object part : layout) {
            if (part instanceof String lit) {
                if (lit.equals(" ")) {
                    if (p < v.length() && v.charAt(p) != ' ') {
                        return false;
                    }
                    while (p < v.length() && v.charAt(p) == ' ') {
                        p++;
                    }
                } else {
                    if (p >= v.length() || v.charAt(p) != lit.charAt(0)) {
                        return false;
                    }
                    p++;
                }
                continue;
            }
            switch ((Tok) part) {
                case YEAR -> {
                    if (p + 4 > v.length()) {
                        return false;
                    }
                    for (int k = 0; k < 4; k++) {
                        if (!isDigitAt(v, p + k)) {
                            return false;
                        }
                    }
                    year = Integer.parseInt(v.substring(p, p + 4));
                    p += 4;
                }
                case MONTH, DAY, HOUR, MINUTE, SECOND -> {
                    if (!isDigitAt(v, p)) {
                        return false;
                    }
                    int num = v.charAt(p) - '0';
                    p++;
                    if (isDigitAt(v, p)) {
                        num = num * 10 + (v.charAt(p) - '0');
                        p++;
                    }
                    Tok t = (Tok) part;
                    if (t == Tok.MONTH) {
                        if (num < 1 || num > 12) {
                            return false;
                        }
                        month = num;
                    } else if (t == Tok.DAY) {
                        day = num;
                    } else if (t == Tok.HOUR ? num >= 24 : num >= 60) {
                        return false;
                    }
                }
                case FRACTION -> {
                    if (p + 1 < v.length() && (v.charAt(p) == '.' || v.charAt(p) == ',') && isDigitAt(v, p + 1)) {
                        p += 2;
                        while (isDigitAt(v, p)) {
                            p++;
                        }
                    }
                }
                case ZONE -> {
                    if (p < v.length() && v.charAt(p) == 'Z') {
                        p++;
                        break;
                    }
                    if (v.length() - p < 6 || v.charAt(p + 3) != ':') {
                        return false;
                    }
                    char sign = v.charAt(p);
                    if (!isDigitAt(v, p + 1) || !isDigitAt(v, p + 2) || !isDigitAt(v, p + 4) || !isDigitAt(v, p + 5)) {
                        return false;
                    }
                    int hr = (v.charAt(p + 1) - '0') * 10 + (v.charAt(p + 2) - '0');
                    int mm = (v.charAt(p + 4) - '0') * 10 + (v.charAt(p + 5) - '0');
                    if (hr > 24 || mm > 60 || (sign != '+' && sign != '-')) {
                        return false;
                    }
                    p += 6;
                }
                default -> throw new IllegalStateException();
            }
        }
        if (p != v.length()) {
            return false;
        }
        return day >= 1 && day <= daysIn(month, year);
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    }

    // ---------------------------------------------------------------------------------------
    // Numbers

    /**
     * A float64 the way the encoder spells it: Go's shortest round-tripping form with the 'g'
     * verb, switching to exponent notation below 1e-4 and from 1e+06 on.
     */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        if (a == 0) {
            return neg ? "-0" : "0";
        }
        BigDecimal shortest = shortestDecimal(a).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int nd = digits.length();
        int dp = nd - shortest.scale();
        int exp = dp - 1;
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        if (exp < -4 || exp >= 6) {
            sb.append(digits.charAt(0));
            if (nd > 1) {
                sb.append('.').append(digits, 1, nd);
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
        } else if (dp <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-dp));
            sb.append(digits);
        } else if (dp >= nd) {
            sb.append(digits);
            sb.append("0".repeat(dp - nd));
        } else {
            sb.append(digits, 0, dp).append('.').append(digits, dp, nd);
        }
        return sb.toString();
    }

    /**
     * The decimal with the fewest significant digits that still reads back as {@code a}; when
     * two such decimals exist, the one nearer to the exact binary value.
     */
    private static BigDecimal shortestDecimal(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = lo.doubleValue() == a;
            boolean hiOk = hi.doubleValue() == a;
            if (loOk && hiOk) {
                int c = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (c != 0) {
                    return c < 0 ? lo : hi;
                }
                return lo.unscaledValue().testBit(0) ? hi : lo;
            }
            if (loOk) {
                return lo;
            }
            if (hiOk) {
                return hi;
            }
        }
        return exact.round(MathContext.DECIMAL64);
    }

    // ---------------------------------------------------------------------------------------
    // Key order

    /**
     * yaml.v3's ordering of string map keys: character by character, but runs of digits compare
     * by numeric value, and where one side has a letter and the other not, the letter sorts
     * first unless the preceding equal character was a digit.
     */
    static boolean keyLess(int[] a, int[] b) {
        boolean digits = false;
        for (int i = 0; i < a.length && i < b.length; i++) {
            if (a[i] == b[i]) {
                digits = Character.isDigit(a[i]);
                continue;
            }
            boolean al = Character.isLetter(a[i]);
            boolean bl = Character.isLetter(b[i]);
            if (al && bl) {
                return a[i] < b[i];
            }
            if (al || bl) {
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (a[i] == '0' || b[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
                    if (a[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < a.length && Character.isDigit(a[ai]); ai++) {
                an = an * 10 + (a[ai] - '0');
            }
            int bi = i;
            for (; bi < b.length && Character.isDigit(b[bi]); bi++) {
                bn = bn * 10 + (b[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return a[i] < b[i];
        }
        return a.length < b.length;
    }
}
