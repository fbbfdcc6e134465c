/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import dev.kindling.transpiler.output.YamlScalars.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes generic values (maps with string keys, lists, strings, doubles, booleans, null) as
 * block-style YAML the way Butane's encoder does with an indent of two.
 *
 * <p>The layout, by example:
 *
 * <pre>
 * key: scalar            mapping entries at the mapping's column, keys in {@link YamlKeyOrder}
 * empty: {}              empty collections are the only flow-style output
 * nested:                a non-empty collection under a key starts on the next line,
 *   list:                two columns further in (sequences included)
 *     - item
 *     - first: 1         a collection inside a sequence item starts on the dash's line
 *       second: 2
 *     - - x
 *       - y
 * ? very long or multi-line key
 * : value                the value of an explicit key is placed like a sequence item
 * text: |-               block scalar lines two columns in from where their node started
 *   line one
 *   line two
 * </pre>
 *
 * <p>Lines are never folded, however long.
 */
final class YamlWriter {
    private static final int INDENT = 2;

    private final StringBuilder out = new StringBuilder(4096);
    /** Whether the current line has anything on it (false at the very start and after a break). */
    private boolean lineOpen;

    private YamlWriter() {
    }

    /** The document, ending at its last character (no final line break). */
    static String write(Object document) {
        YamlWriter w = new YamlWriter();
        if (isNonEmptyCollection(document)) {
            w.collection(document, 0, true);
        } else {
            // a top-level scalar's block lines are indented like a mapping value's
            w.leaf(document, INDENT);
        }
        return w.out.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Collections

    /**
     * @param column where the entries (or dashes) go
     * @param firstOnThisLine the first entry continues the current line, which is already at
     *     {@code column} (after {@code "- "}, {@code ": "}, or at the start of the document)
     */
    private void collection(Object value, int column, boolean firstOnThisLine) {
        boolean first = firstOnThisLine;
        if (value instanceof Map<?, ?> map) {
            for (String key : sortedKeys(map)) {
                if (!first) {
                    startLine(column);
                }
                entry(key, map.get(key), column);
                first = false;
            }
        } else {
            for (Object item : (List<?>) value) {
                if (!first) {
                    startLine(column);
                }
                put("- ");
                nested(item, column + INDENT);
                first = false;
            }
        }
    }

    private void entry(String key, Object value, int column) {
        if (YamlScalars.fitsInline(key)) {
            leaf(key, column + INDENT);
            put(":");
            if (isNonEmptyCollection(value)) {
                startLine(column + INDENT);
                collection(value, column + INDENT, true);
            } else {
                put(" ");
                leaf(value, column + INDENT);
            }
        } else {
            put("? ");
            leaf(key, column + INDENT);
            startLine(column);
            put(": ");
            nested(value, column + INDENT);
        }
    }

    /** A node after {@code "- "} or {@code ": "}, the current line being at {@code column}. */
    private void nested(Object value, int column) {
        if (isNonEmptyCollection(value)) {
            collection(value, column, true);
        } else {
            leaf(value, column);
        }
    }

    private static boolean isNonEmptyCollection(Object v) {
        return (v instanceof Map<?, ?> m && !m.isEmpty()) || (v instanceof List<?> l && !l.isEmpty());
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            keys.add((String) k);
        }
        keys.sort(YamlKeyOrder.INSTANCE);
        return keys;
    }

    /** Ends the current line if it has content, then indents to the column. */
    private void startLine(int column) {
        if (lineOpen) {
            out.append('\n');
        }
        out.append(" ".repeat(column));
        lineOpen = column > 0;
    }

    // ---------------------------------------------------------------------------------------
    // Scalars

    /**
     * A scalar or an empty collection at the current position.
     *
     * @param blockColumn where continuation lines of a block scalar go
     */
    private void leaf(Object value, int blockColumn) {
        if (value == null) {
            put("null");
        } else if (value instanceof Boolean b) {
            put(b.toString());
        } else if (value instanceof Double d) {
            put(YamlScalars.formatFloat(d));
        } else if (value instanceof Map<?, ?>) {
            put("{}");
        } else if (value instanceof List<?>) {
            put("[]");
        } else if (value instanceof String s) {
            switch (YamlScalars.styleOf(s)) {
                case PLAIN -> put(s);
                case SINGLE_QUOTED -> singleQuoted(s, blockColumn);
                case DOUBLE_QUOTED -> doubleQuoted(s);
                case LITERAL -> literal(s, blockColumn);
                default -> throw new IllegalStateException();
            }
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as YAML");
        }
    }

    /**
     * Quotes doubled. The only line breaks that get here are U+2028 and U+2029; each is kept,
     * and the text after it indented to the block column.
     */
    private void singleQuoted(String s, int blockColumn) {
        put("'");
        lines(s.replace("'", "''"), blockColumn);
        put("'");
    }

    /**
     * {@code |}, then {@code 2} if the text starts with a space or line break (a reader could
     * not tell the indentation otherwise), then how trailing line breaks are kept: {@code -}
     * for none, nothing for exactly one, {@code +} for more. Each line of the text follows on
     * its own line at the block column; the text's last line break, if any, ends the block.
     */
    private void literal(String s, int blockColumn) {
        put("|");
        if (s.startsWith(" ") || YamlScalars.isBreak(s.codePointAt(0))) {
            put(String.valueOf(INDENT));
        }
        int trailingBreaks = 0;
        for (int k = s.length() - 1; k >= 0 && YamlScalars.isBreak(s.charAt(k)) && trailingBreaks < 2; k--) {
            trailingBreaks++;
        }
        put(trailingBreaks == 0 ? "-" : trailingBreaks == 1 && s.length() > 1 ? "" : "+");
        if (!YamlScalars.isBreak(s.charAt(0))) {
            out.append('\n');
            lineOpen = false;
        }
        lines(s, blockColumn);
    }

    /**
     * Text that may contain line breaks: each break is written as it is, and a line that
     * follows with any content is indented to the column.
     */
    private void lines(String s, int column) {
        int lineStart = 0;
        for (int k = 0; k <= s.length(); k++) {
            if (k == s.length() || YamlScalars.isBreak(s.charAt(k))) {
                if (k > lineStart) {
                    if (!lineOpen) {
                        out.append(" ".repeat(column));
                    }
                    out.append(s, lineStart, k);
                    lineOpen = true;
                }
                if (k < s.length()) {
                    out.append(s.charAt(k));
                    lineOpen = false;
                }
                lineStart = k + 1;
            }
        }
    }

    /**
     * Everything that is not printable, every line break, quote and backslash as an escape;
     * every character when the text starts with a byte order mark.
     */
    private void doubleQuoted(String s) {
        YamlScalars.appendDoubleQuoted(out, s);
        lineOpen = true;
    }

    private void put(String s) {
        out.append(s);
        lineOpen = true;
    }
}
