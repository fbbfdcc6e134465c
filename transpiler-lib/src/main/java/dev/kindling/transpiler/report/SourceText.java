/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A config's text split into lines of code points, to find where the token at a diagnostic's
 * position ends. Lines are counted as the YAML reader counts them ({@code \r\n}, {@code \r}
 * and {@code \n} each end a line) and columns are 1-based code point positions, which is how
 * diagnostics count them.
 */
final class SourceText {
    private final List<int[]> lines;

    private SourceText(List<int[]> lines) {
        this.lines = lines;
    }

    /** The text of a config given as bytes: UTF-8, or UTF-16 with a byte-order mark. */
    static SourceText of(byte[] source) {
        String text = decode(source);
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i).codePoints().toArray());
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start).codePoints().toArray());
        return new SourceText(lines);
    }

    private static String decode(byte[] b) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        return cs.decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    }

    /**
     * The column just after the token that starts at {@code line}:{@code column} (the token
     * runs up to the next white space or the end of the line, as the caret of the human
     * report does), or 0 when the position is not in the text or no token starts there.
     */
    int endColumn(int line, int column) {
        if (line < 1 || line > lines.size() || column < 1) {
            return 0;
        }
        int[] cps = lines.get(line - 1);
        int start = column - 1;
        if (start >= cps.length) {
            return 0;
        }
        int end = start;
        while (end < cps.length && !isSpace(cps[end])) {
            end++;
        }
        return end == start ? 0 : end + 1;
    }

    /** White space as Go's unicode.IsSpace sees it, which is where Butane's caret stops. */
    static boolean isSpace(int cp) {
        if (cp < 0x100) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xa0;
        }
        return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f
                || cp == 0x205f || cp == 0x3000;
    }
}
