/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import java.util.List;
import java.util.Map;

/**
 * Writes a Butane config as block-style YAML for people to read and edit: keys in the order the
 * caller gives them, comments above entries, multi-line text as literal blocks ({@code |}),
 * file modes in octal, and every other string quoted exactly when Butane's YAML reader would
 * otherwise take it for something else ({@link YamlScalars}, {@link YamlImplicitTypes}). Used
 * by the decompiler; the output is deterministic.
 *
 * <p>Values: {@code Map<String, ?>} (in iteration order), {@code List<?>}, {@link String},
 * {@link Long} or {@link Integer}, {@link Boolean}, {@link Octal}, and {@link Commented} around
 * any of them (as a map value or a list item) to put comment lines above it.
 *
 * <p>Written by hand rather than with a YAML library's emitter: the quoting must follow
 * go-yaml's implicit typing (YAML 1.1 booleans, octals, base 60...), which generic emitters do
 * not know, and the layout must be stable.
 */
public final class ButaneYamlWriter {
    /** An integer written in octal with a leading zero, as file modes are written. */
    public record Octal(long value) {
    }

    /** A value with comment lines (without {@code #}) written above its entry or item. */
    public record Commented(List<String> comments, Object value) {
        public Commented {
            comments = List.copyOf(comments);
        }
    }

    private static final int INDENT = 2;

    private final StringBuilder out = new StringBuilder(4096);
    /** Multi-line text as literal blocks even where go-yaml's own encoder would quote it. */
    private final boolean literalBlocks;

    private ButaneYamlWriter(boolean literalBlocks) {
        this.literalBlocks = literalBlocks;
    }

    /**
     * @param header comment lines for the top of the document
     * @param document the top-level mapping
     * @param literalBlocks write multi-line text with tabs or trailing spaces as literal blocks
     *     too (more readable); when false, such text is double-quoted as go-yaml would write it
     * @return the YAML text, ending with a line break
     */
    public static String write(List<String> header, Map<String, ?> document, boolean literalBlocks) {
        ButaneYamlWriter w = new ButaneYamlWriter(literalBlocks);
        for (String line : header) {
            w.comment(line, 0);
        }
        w.map(document, 0, false);
        return w.out.toString();
    }

    private void comment(String text, int column) {
        for (String line : text.split("\n", -1)) {
            out.append(" ".repeat(column)).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
    }

    /** Entries of a mapping at {@code column}; the first one continues the line when {@code inline}. */
    private void map(Map<String, ?> map, int column, boolean inline) {
        boolean first = inline;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Object value = e.getValue();
            if (value instanceof Commented c) {
                if (first) {
                    // a comment cannot go between "- " and the key; put it on the line above
                    out.setLength(out.length() - 2 - (column - INDENT));
                    comments(c.comments(), column - INDENT);
                    out.append(" ".repeat(column - INDENT)).append("- ");
                } else {
                    comments(c.comments(), column);
                }
                value = c.value();
            }
            if (!first) {
                out.append(" ".repeat(column));
            }
            first = false;
            out.append(scalar(e.getKey(), column)).append(':');
            block(value, column);
        }
    }

    private void comments(List<String> lines, int column) {
        for (String line : lines) {
            comment(line, column);
        }
    }

    /** What follows {@code key:} — a nested block on the next lines, or a scalar and a line break. */
    private void block(Object value, int column) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            map(cast(m), column + INDENT, false);
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.append('\n');
            list(l, column + INDENT);
        } else {
            out.append(' ').append(leaf(value, column + INDENT)).append('\n');
        }
    }

    private void list(List<?> items, int column) {
        for (Object item : items) {
            if (item instanceof Commented c) {
                comments(c.comments(), column);
                item = c.value();
            }
            out.append(" ".repeat(column)).append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                map(cast(m), column + INDENT, true);
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                out.append('\n');
                list(l, column + INDENT);
            } else {
                out.append(leaf(item, column + INDENT)).append('\n');
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private String leaf(Object value, int blockColumn) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        } else if (value instanceof Octal o) {
            return o.value() == 0 ? "0" : "0" + Long.toOctalString(o.value());
        } else if (value instanceof Map<?, ?>) {
            return "{}";
        } else if (value instanceof List<?>) {
            return "[]";
        } else if (value instanceof String s) {
            return scalar(s, blockColumn);
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as YAML");
    }

    private String scalar(String s, int blockColumn) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        if (s.chars().allMatch(c -> c == '\n')) {
            // a block of nothing but empty lines is read differently by YAML readers; quote it
            return doubleQuoted(s);
        }
        if (literalBlocks && s.indexOf('\n') >= 0 && literalCanHold(s)) {
            return literal(s, blockColumn);
        }
        return switch (YamlScalars.styleOf(s)) {
            case PLAIN -> s;
            case SINGLE_QUOTED -> "'" + s.replace("'", "''") + "'";
            case DOUBLE_QUOTED -> doubleQuoted(s);
            // Butane's YAML reader takes NEL, LS and PS for line breaks (YAML 1.1): a literal block
            // holding one would not read back as the same text, a double-quoted escape does
            case LITERAL -> literalCanHold(s) ? literal(s, blockColumn) : doubleQuoted(s);
        };
    }

    /** Text a literal block keeps exactly: printable characters and tabs, line feeds only. */
    private static boolean literalCanHold(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\t' && (!YamlScalars.isPrintable(c) || (YamlScalars.isBreak(c) && c != '\n'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code |}, an indentation indicator when the first line starts with white space or is
     * empty, then the chomping indicator for the trailing line feeds ({@code -} none, nothing
     * for one, {@code +} for more); then each line at the block column. No final line break
     * is appended: the caller's line break ends the last line.
     */
    private static String literal(String s, int column) {
        StringBuilder sb = new StringBuilder(s.length() + 64);
        sb.append('|');
        char first = s.charAt(0);
        if (first == ' ' || first == '\t' || first == '\n') {
            sb.append(INDENT);
        }
        int trailing = 0;
        for (int k = s.length() - 1; k >= 0 && s.charAt(k) == '\n'; k--) {
            trailing++;
        }
        sb.append(trailing == 0 ? "-" : trailing == 1 && s.length() > 1 ? "" : "+");
        String body = trailing > 0 ? s.substring(0, s.length() - 1) : s;
        String indent = " ".repeat(column);
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(indent).append(line);
            }
        }
        return sb.toString();
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        YamlScalars.appendDoubleQuoted(sb, s);
        return sb.toString();
    }
}
