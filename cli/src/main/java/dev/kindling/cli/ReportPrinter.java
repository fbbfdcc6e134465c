/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders report entries for stderr the way Butane does: either one line per entry
 * ({@code --raw-errors}), or a block per entry that quotes the source around the entry's
 * position and underlines the token there.
 *
 * <p>Butane works on the source's bytes: it splits them at {@code \n} (a {@code \r} stays at
 * the end of its line) and uses the column as a byte offset into the line. The column itself
 * counts characters, so on lines with multi-byte characters before the marker the underline
 * lands where Butane's does, not necessarily under the token. This is reproduced on purpose.
 */
final class ReportPrinter {
    private static final String RED = "\033[1;31m";
    private static final String YELLOW = "\033[1;33m";
    private static final String BLUE = "\033[1;34m";
    private static final String RESET = "\033[0m";

    private ReportPrinter() {
    }

    /** No hints: every entry as Butane words it. (A class, not a lambda: made on every start.) */
    static final Function<Diagnostic, Optional<String>> NO_HINTS = new Function<>() {
        @Override
        public Optional<String> apply(Diagnostic d) {
            return Optional.empty();
        }
    };

    static byte[] render(List<Diagnostic> entries, String fileName, byte[] source, boolean colorize, boolean raw) {
        return render(entries, fileName, source, colorize, raw, NO_HINTS);
    }

    /**
     * The report; in the human form each entry's message is followed by its hint, if
     * {@code hints} has one (e.g. {@code did you mean `files`?}). The raw form is Butane's.
     */
    static byte[] render(List<Diagnostic> entries, String fileName, byte[] source, boolean colorize, boolean raw,
            Function<Diagnostic, Optional<String>> hints) {
        if (entries.isEmpty()) {
            return new byte[0]; // nothing to show: do not split a large source into lines for nothing
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (raw) {
            for (Diagnostic d : entries) {
                text(out, d.toRawString());
                out.write('\n');
            }
            return out.toByteArray();
        }
        List<byte[]> lines = splitLines(source);
        boolean first = true;
        for (Diagnostic d : entries) {
            if (!first) {
                out.write('\n');
            }
            first = false;
            Optional<String> hint = hints.apply(d);
            entry(out, hint.isEmpty() ? d : new Diagnostic(d.severity(), d.code(), d.path(), d.line(), d.column(),
                    d.message() + "; " + hint.get()), fileName, lines, colorize);
        }
        return out.toByteArray();
    }

    /**
     * The human block for a problem that stopped processing (YAML syntax, wrong types): the same
     * quoted source and caret as a report entry, so that the problem is shown where it is. Butane
     * prints only its one-line failure, which still follows this block; a fatal problem without
     * a position (or outside the source) gives nothing here.
     */
    static byte[] renderFatal(Diagnostic fatal, String fileName, byte[] source, boolean colorize) {
        List<byte[]> lines = splitLines(source);
        if (!inSource(fatal, lines)) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Diagnostic shown = new Diagnostic(fatal.severity(), fatal.code(), null, fatal.line(), fatal.column(),
                caretText(fatal.message()));
        entry(out, shown, fileName, lines, colorize);
        return out.toByteArray();
    }

    /** Compiled on first use (a fatal error), not on every start. */
    private static final class LinePrefix {
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile("^ *line \\d+: ");
    }

    /**
     * A fatal message without what the block already shows: Butane's {@code yaml: } prefix and
     * {@code line N: }. Of a multi-line type error only the first line is about the position
     * shown; the one-line failure after the block lists them all.
     */
    static String caretText(String message) {
        String m = message.startsWith("yaml: ") ? message.substring("yaml: ".length()) : message;
        for (String part : m.split("\n")) {
            String p = LinePrefix.PATTERN.matcher(part).replaceFirst("").strip();
            if (!p.isEmpty() && !p.equals("unmarshal errors:")) {
                return p;
            }
        }
        return message;
    }

    private static boolean inSource(Diagnostic d, List<byte[]> lines) {
        int line = d.line();
        int col = d.column();
        return d.hasPosition() && line <= lines.size() && col >= 1 && col <= lines.get(line - 1).length;
    }

    private static void entry(ByteArrayOutputStream out, Diagnostic d, String fileName, List<byte[]> lines,
            boolean colorize) {
        int line = d.line();
        int col = d.column();
        if (!inSource(d, lines)) {
            text(out, d.toRawString());
            out.write('\n');
            return;
        }
        // Butane shows no path for the document root ("$"), only for paths below it
        String path = d.path() != null && !d.path().isEmpty() && !d.path().equals("$") ? "[" + d.path() + "]" : "";
        text(out, color(d.severity().word(), d.severity() == Severity.ERROR ? RED : YELLOW, colorize) + path + ":\n");
        text(out, "  " + color("-->", BLUE, colorize) + " " + fileName + ":" + line + ":" + col + "\n");

        int firstLine = Math.max(1, line - 2);
        int lastLine = Math.min(lines.size(), line + 2);
        int gutter = Integer.toString(lastLine).length();
        String bar = " " + " ".repeat(gutter) + " |";
        text(out, bar + "\n");
        for (int n = firstLine; n <= lastLine; n++) {
            String num = String.valueOf(n);
            text(out, " " + color(" ".repeat(gutter - num.length()) + num, BLUE, colorize) + " | ");
            byte[] src = lines.get(n - 1);
            out.write(src, 0, src.length);
            out.write('\n');
            if (n == line) {
                int start = col - 1;
                int width = widthToSpace(src, start);
                text(out, bar + " " + " ".repeat(start) + color("^".repeat(width), BLUE, colorize) + " "
                        + d.message() + "\n");
            }
        }
        text(out, bar + "\n");
    }

    /** The source split at every {@code \n}, like Go's strings.Split (n separators, n+1 lines). */
    static List<byte[]> splitLines(byte[] source) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(source, start, i));
                start = i + 1;
            }
        }
        lines.add(java.util.Arrays.copyOfRange(source, start, source.length));
        return lines;
    }

    /** Bytes from {@code start} up to the first Unicode white space (Go's unicode.IsSpace) or the end. */
    static int widthToSpace(byte[] line, int start) {
        int i = start;
        while (i < line.length) {
            int b = line[i] & 0xff;
            int cp;
            int size;
            if (b < 0x80) {
                cp = b;
                size = 1;
            } else {
                int[] decoded = decode(line, i);
                cp = decoded[0];
                size = decoded[1];
            }
            if (isGoSpace(cp)) {
                break;
            }
            i += size;
        }
        return i - start;
    }

    /** Decodes one UTF-8 sequence; invalid input yields U+FFFD of size 1, like Go. */
    private static int[] decode(byte[] s, int i) {
        int b0 = s[i] & 0xff;
        int need;
        int cp;
        int min;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            need = 1;
            cp = b0 & 0x1f;
            min = 0x80;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            need = 2;
            cp = b0 & 0x0f;
            min = 0x800;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            need = 3;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return new int[] {0xfffd, 1};
        }
        if (i + need >= s.length) {
            return new int[] {0xfffd, 1};
        }
        for (int k = 1; k <= need; k++) {
            int b = s[i + k] & 0xff;
            if ((b & 0xc0) != 0x80) {
                return new int[] {0xfffd, 1};
            }
            cp = (cp << 6) | (b & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return new int[] {0xfffd, 1};
        }
        return new int[] {cp, need + 1};
    }

    /** Go's unicode.IsSpace. */
    static boolean isGoSpace(int cp) {
        if (cp < 0x100) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xa0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f
                || cp == 0x205f || cp == 0x3000;
    }

    private static String color(String text, String code, boolean colorize) {
        return colorize ? code + text + RESET : text;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }
}
