package dev.kindling.transpiler.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes generic values (maps with string keys, lists, strings, doubles, booleans, null) as
 * YAML exactly like gopkg.in/yaml.v3 v3.0.1 does through an {@code Encoder} with an indent of
 * two: block style throughout, empty collections as {@code []}/{@code {}}, keys sorted, no line
 * folding (the encoder leaves the preferred width unlimited).
 *
 * <p>The layout bookkeeping (current column, indentation stack, whether the last thing written
 * was whitespace or an indentation) follows the libyaml-derived emitter closely, because the
 * exact bytes depend on it: compact {@code - key: value} items, {@code ? key} for long or
 * multi-line keys, block-scalar indentation hints, quoting when a string cannot be plain.
 * Scalars are examined as UTF-8 bytes, as the original does.
 */
final class YamlEmitter {
    private static final int BEST_INDENT = 2;
    /** yaml.v3 never sets a width, which its emitter turns into "unlimited". */
    private static final int BEST_WIDTH = Integer.MAX_VALUE;
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    private enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

    /** What the encoder learned about a scalar's content. */
    private static final class Analysis {
        boolean multiline;
        boolean blockPlainAllowed;
        boolean singleQuotedAllowed;
        boolean blockAllowed;
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private int column;
    private int indent = -1;
    private boolean whitespace = true;
    private boolean indention = true;

    private YamlEmitter() {
    }

    /** Encodes one document; the result ends at its last line break like the Go encoder's. */
    static byte[] encode(Object document) {
        YamlEmitter e = new YamlEmitter();
        e.node(document, false, false);
        // document end: move to a fresh line
        e.writeIndent();
        return e.out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------
    // Nodes

    /**
     * @param inSequence the node is an item of a block sequence (its indentation then only
     *     skips the "- " indicator)
     * @param simpleKey the node is a mapping key written inline before ":"
     */
    private void node(Object v, boolean inSequence, boolean simpleKey) {
        if (v instanceof Map<?, ?> m) {
            mapping(m, inSequence);
        } else if (v instanceof List<?> l) {
            sequence(l, inSequence);
        } else {
            scalar(v, inSequence, simpleKey);
        }
    }

    private int increaseIndent(boolean flow, boolean inSequence) {
        int saved = indent;
        if (indent < 0) {
            indent = flow ? BEST_INDENT : 0;
        } else if (inSequence) {
            indent += 2;
        } else {
            indent = BEST_INDENT * ((indent + BEST_INDENT) / BEST_INDENT);
        }
        return saved;
    }

    private void sequence(List<?> items, boolean inSequence) {
        if (items.isEmpty()) {
            emptyCollection("[", "]");
            return;
        }
        int saved = increaseIndent(false, inSequence);
        for (Object item : items) {
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, true, false);
        }
        indent = saved;
    }

    private void mapping(Map<?, ?> map, boolean inSequence) {
        if (map.isEmpty()) {
            emptyCollection("{", "}");
            return;
        }
        int saved = increaseIndent(false, inSequence);
        for (String k : sortedKeys(map)) {
            writeIndent();
            if (isSimpleKey(k)) {
                node(k, false, true);
                writeIndicator(":", false, false, false);
            } else {
                // long or multi-line keys get the explicit "? key" / ": value" form
                writeIndicator("?", true, false, true);
                node(k, false, false);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            node(map.get(k), false, false);
        }
        indent = saved;
    }

    /**
     * Empty collections are the only flow-style output: the emitter switches to flow style for
     * them, and with nothing inside the indentation it would set up is never used.
     */
    private void emptyCollection(String open, String close) {
        writeIndicator(open, true, true, false);
        writeIndicator(close, false, false, false);
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            keys.add((String) k);
        }
        int n = keys.size();
        List<int[]> points = new ArrayList<>(n);
        for (String k : keys) {
            points.add(k.codePoints().toArray());
        }
        // Go sorts up to twelve elements by insertion sort, which is reproduced exactly. Longer
        // lists go through a merge sort here and pattern-defeating quicksort in Go: the same
        // order whenever the comparison is a consistent one, which fails only for keys with
        // non-ASCII decimal digits (their digit runs are valued from the code point).
        if (n <= 12) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && YamlScalars.keyLess(points.get(j), points.get(j - 1)); j--) {
                    swap(keys, j, j - 1);
                    swap(points, j, j - 1);
                }
            }
            return keys;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new Integer[n], 0, n, points);
        List<String> sorted = new ArrayList<>(n);
        for (Integer i : order) {
            sorted.add(keys.get(i));
        }
        return sorted;
    }

    private static void mergeSort(Integer[] a, Integer[] tmp, int lo, int hi, List<int[]> pts) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, pts);
        mergeSort(a, tmp, mid, hi, pts);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = YamlScalars.keyLess(pts.get(a[j]), pts.get(a[i])) ? a[j++] : a[i++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    private static <T> void swap(List<T> l, int i, int j) {
        T t = l.get(i);
        l.set(i, l.get(j));
        l.set(j, t);
    }

    private static boolean isSimpleKey(String key) {
        byte[] v = utf8(key);
        return !analyze(v).multiline && v.length <= MAX_SIMPLE_KEY_LENGTH;
    }

    // ---------------------------------------------------------------------------------------
    // Scalars

    private void scalar(Object v, boolean inSequence, boolean simpleKey) {
        String text;
        Style requested;
        if (v == null) {
            text = "null";
            requested = Style.PLAIN;
        } else if (v instanceof Boolean b) {
            text = b ? "true" : "false";
            requested = Style.PLAIN;
        } else if (v instanceof Double d) {
            text = YamlScalars.formatFloat(d);
            requested = Style.PLAIN;
        } else if (v instanceof String s) {
            text = s;
            if (s.indexOf('\n') >= 0) {
                requested = Style.LITERAL;
            } else if (YamlScalars.plainByType(s)) {
                requested = Style.PLAIN;
            } else {
                requested = Style.DOUBLE_QUOTED;
            }
        } else {
            throw new IllegalArgumentException("cannot encode " + v.getClass().getName());
        }
        byte[] value = utf8(text);
        Analysis a = analyze(value);
        Style style = selectStyle(requested, value, a, simpleKey);
        int saved = increaseIndent(true, inSequence);
        switch (style) {
            case PLAIN -> writePlain(value, !simpleKey);
            case SINGLE_QUOTED -> writeSingleQuoted(value, !simpleKey);
            case DOUBLE_QUOTED -> writeDoubleQuoted(value, !simpleKey);
            case LITERAL -> writeLiteral(value);
            default -> throw new IllegalStateException();
        }
        indent = saved;
    }

    private Style selectStyle(Style style, byte[] value, Analysis a, boolean simpleKey) {
        if (simpleKey && a.multiline) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.PLAIN) {
            if (!a.blockPlainAllowed) {
                style = Style.SINGLE_QUOTED;
            }
            if (value.length == 0 && simpleKey) {
                style = Style.SINGLE_QUOTED;
            }
        }
        if (style == Style.SINGLE_QUOTED && !a.singleQuotedAllowed) {
            style = Style.DOUBLE_QUOTED;
        }
        if (style == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
            style = Style.DOUBLE_QUOTED;
        }
        return style;
    }

    private static Analysis analyze(byte[] value) {
        Analysis r = new Analysis();
        if (value.length == 0) {
            r.multiline = false;
            r.blockPlainAllowed = true;
            r.singleQuotedAllowed = true;
            r.blockAllowed = false;
            return r;
        }
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        boolean specialCharacters = false;
        boolean tabCharacters = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;

        if (value.length >= 3 && ((value[0] == '-' && value[1] == '-' && value[2] == '-')
                || (value[0] == '.' && value[1] == '.' && value[2] == '.'))) {
            blockIndicators = true;
        }
        boolean precededByWhitespace = true;
        for (int i = 0, w; i < value.length; i += w) {
            w = width(value[i]);
            boolean followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
            byte c = value[i];
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
                        blockIndicators = true;
                    case '?', ':', '-' -> {
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            } else {
                switch (c) {
                    case ':' -> {
                        if (followedByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (c == '\t') {
                tabCharacters = true;
            } else if (!isPrintable(value, i)) {
                specialCharacters = true;
            }
            if (c == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i + w == value.length) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(value, i)) {
                lineBreaks = true;
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i + w == value.length) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlankOrBreakOrNul(value, i);
        }

        r.multiline = lineBreaks;
        r.blockPlainAllowed = true;
        r.singleQuotedAllowed = true;
        r.blockAllowed = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            r.blockPlainAllowed = false;
        }
        if (trailingSpace) {
            r.blockAllowed = false;
        }
        if (breakSpace) {
            r.blockPlainAllowed = false;
            r.singleQuotedAllowed = false;
        }
        if (spaceBreak || tabCharacters || specialCharacters) {
            r.blockPlainAllowed = false;
            r.singleQuotedAllowed = false;
        }
        if (spaceBreak || specialCharacters) {
            r.blockAllowed = false;
        }
        if (lineBreaks) {
            r.blockPlainAllowed = false;
        }
        if (blockIndicators) {
            r.blockPlainAllowed = false;
        }
        return r;
    }

    private void writePlain(byte[] value, boolean allowBreaks) {
        if (value.length > 0 && !whitespace) {
            put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < value.length;) {
            if (value[i] == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && !isSpace(value, i + 1)) {
                    writeIndent();
                    i += width(value[i]);
                } else {
                    i = write(value, i);
                }
                spaces = true;
            } else if (isBreak(value, i)) {
                if (!breaks && value[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(value, i);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(value, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if (value.length > 0) {
            whitespace = false;
        }
        indention = false;
    }

    private void writeSingleQuoted(byte[] value, boolean allowBreaks) {
        writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < value.length;) {
            if (value[i] == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < value.length - 1
                        && !isSpace(value, i + 1)) {
                    writeIndent();
                    i += width(value[i]);
                } else {
                    i = write(value, i);
                }
                spaces = true;
            } else if (isBreak(value, i)) {
                if (!breaks && value[i] == '\n') {
                    putBreak();
                }
                i = writeBreak(value, i);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (value[i] == '\'') {
                    put('\'');
                }
                i = write(value, i);
                indention = false;
                spaces = false;
                breaks = false;
            }
        }
        writeIndicator("'", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeDoubleQuoted(byte[] value, boolean allowBreaks) {
        boolean spaces = false;
        writeIndicator("\"", true, false, false);
        // the original tests the start of the whole value for a byte order mark, not the
        // current position, so a value starting with one is escaped throughout
        boolean startsWithBom = value.length >= 3
                && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF;
        for (int i = 0; i < value.length;) {
            int c = value[i] & 0xFF;
            if (!isPrintable(value, i) || startsWithBom || isBreak(value, i) || c == '"' || c == '\\') {
                int w;
                int v;
                if ((c & 0x80) == 0) {
                    w = 1;
                    v = c & 0x7F;
                } else if ((c & 0xE0) == 0xC0) {
                    w = 2;
                    v = c & 0x1F;
                } else if ((c & 0xF0) == 0xE0) {
                    w = 3;
                    v = c & 0x0F;
                } else {
                    w = 4;
                    v = c & 0x07;
                }
                for (int k = 1; k < w; k++) {
                    v = (v << 6) + (value[i + k] & 0x3F);
                }
                i += w;
                put('\\');
                switch (v) {
                    case 0x00 -> put('0');
                    case 0x07 -> put('a');
                    case 0x08 -> put('b');
                    case 0x09 -> put('t');
                    case 0x0A -> put('n');
                    case 0x0B -> put('v');
                    case 0x0C -> put('f');
                    case 0x0D -> put('r');
                    case 0x1B -> put('e');
                    case 0x22 -> put('"');
                    case 0x5C -> put('\\');
                    case 0x85 -> put('N');
                    case 0xA0 -> put('_');
                    case 0x2028 -> put('L');
                    case 0x2029 -> put('P');
                    default -> {
                        int digits;
                        if (v <= 0xFF) {
                            put('x');
                            digits = 2;
                        } else if (v <= 0xFFFF) {
                            put('u');
                            digits = 4;
                        } else {
                            put('U');
                            digits = 8;
                        }
                        for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
                            int d = (v >> k) & 0x0F;
                            put((char) (d < 10 ? '0' + d : 'A' + d - 10));
                        }
                    }
                }
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < value.length - 1) {
                    writeIndent();
                    if (isSpace(value, i + 1)) {
                        put('\\');
                    }
                    i += width(value[i]);
                } else {
                    i = write(value, i);
                }
                spaces = true;
            } else {
                i = write(value, i);
                spaces = false;
            }
        }
        writeIndicator("\"", false, false, false);
        whitespace = false;
        indention = false;
    }

    private void writeLiteral(byte[] value) {
        writeIndicator("|", true, false, false);
        // block scalar hints: explicit indentation when the content starts with a space or a
        // break, then the chomping indicator
        if (isSpace(value, 0) || isBreak(value, 0)) {
            writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
        }
        String chomp = null;
        if (value.length == 0) {
            chomp = "-";
        } else {
            int i = value.length - 1;
            while ((value[i] & 0xC0) == 0x80) {
                i--;
            }
            if (!isBreak(value, i)) {
                chomp = "-";
            } else if (i == 0) {
                chomp = "+";
            } else {
                i--;
                while ((value[i] & 0xC0) == 0x80) {
                    i--;
                }
                if (isBreak(value, i)) {
                    chomp = "+";
                }
            }
        }
        if (chomp != null) {
            writeIndicator(chomp, false, false, false);
        }
        whitespace = true;
        boolean breaks = true;
        for (int i = 0; i < value.length;) {
            if (isBreak(value, i)) {
                i = writeBreak(value, i);
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                i = write(value, i);
                indention = false;
                breaks = false;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Output primitives

    private void writeIndent() {
        int ind = Math.max(indent, 0);
        if (!indention || column > ind || (column == ind && !whitespace)) {
            putBreak();
        }
        while (column < ind) {
            put(' ');
        }
        whitespace = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        for (int i = 0; i < indicator.length(); i++) {
            put(indicator.charAt(i));
        }
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.write(c);
        column++;
    }

    private void putBreak() {
        out.write('\n');
        column = 0;
        indention = true;
    }

    /** Copies one UTF-8 character; returns the index after it. */
    private int write(byte[] s, int i) {
        int w = width(s[i]);
        out.write(s, i, w);
        column++;
        return i + w;
    }

    private int writeBreak(byte[] s, int i) {
        if (s[i] == '\n') {
            putBreak();
            return i + 1;
        }
        int next = write(s, i);
        column = 0;
        indention = true;
        return next;
    }

    // ---------------------------------------------------------------------------------------
    // Byte classes (UTF-8)

    private static int at(byte[] b, int i) {
        return i < b.length ? b[i] & 0xFF : 0;
    }

    private static int width(byte b) {
        int c = b & 0xFF;
        if ((c & 0x80) == 0) {
            return 1;
        }
        if ((c & 0xE0) == 0xC0) {
            return 2;
        }
        if ((c & 0xF0) == 0xE0) {
            return 3;
        }
        if ((c & 0xF8) == 0xF0) {
            return 4;
        }
        return 1;
    }

    /**
     * The YAML printable set as the encoder tests it: line feed, visible ASCII, and BMP
     * characters from U+00A0 except surrogates, U+FEFF, U+FFFE and U+FFFF. Characters beyond
     * the BMP count as not printable.
     */
    private static boolean isPrintable(byte[] b, int i) {
        int c = at(b, i);
        int c1 = at(b, i + 1);
        int c2 = at(b, i + 2);
        return c == 0x0A
                || (c >= 0x20 && c <= 0x7E)
                || (c == 0xC2 && c1 >= 0xA0)
                || (c > 0xC2 && c < 0xED)
                || (c == 0xED && c1 < 0xA0)
                || c == 0xEE
                || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
    }

    private static boolean isSpace(byte[] b, int i) {
        return at(b, i) == ' ';
    }

    private static boolean isBlank(byte[] b, int i) {
        int c = at(b, i);
        return c == ' ' || c == '\t';
    }

    /** CR, LF, NEL, LS or PS. */
    private static boolean isBreak(byte[] b, int i) {
        int c = at(b, i);
        int c1 = at(b, i + 1);
        int c2 = at(b, i + 2);
        return c == '\r' || c == '\n'
                || (c == 0xC2 && c1 == 0x85)
                || (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9));
    }

    private static boolean isBlankOrBreakOrNul(byte[] b, int i) {
        return isBlank(b, i) || isBreak(b, i) || at(b, i) == 0;
    }

    /** UTF-8 bytes of a string, unpaired surrogates becoming U+FFFD. */
    static byte[] utf8(String s) {
        return withoutLoneSurrogates(s).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces unpaired surrogates by U+FFFD, as Go's JSON decoder does. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
