/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.scanner;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The scanner's view of the input: the whole document as one array of code points, with
 * look-ahead and a position (line, column, index).
 *
 * <p>Written instead of snakeyaml-engine's {@code StreamReader} because that one reads in 1 KiB
 * pieces and copies its whole window on every piece while a token is open, which makes one long
 * line or scalar quadratic (a 4 MiB scalar took minutes), and a surrogate pair that straddles
 * two pieces made it throw. The input is already in memory (at most the 32 MiB input limit), so
 * converting it once costs one array and keeps every operation O(1) or O(length).
 *
 * <p>Line breaks are counted as Butane's YAML reader counts them: LF, CR (a CR LF pair once), and
 * also NEL, LS and PS (YAML 1.1).
 */
final class WholeInputReader {
    private final String name;
    private final int[] codePoints;
    private final int length;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;
    private int markPointer = -1;
    private Optional<Mark> mark;

    /** Where the input stops being readable (see the constructor), or past the end. */
    private final int readableEnd;
    private final RuntimeException unreadable;

    /**
     * A reader over {@code text}, which came from {@code offset} bytes into the input (a byte
     * order mark) and was encoded in UTF-16 when {@code utf16} is set, in UTF-8 otherwise;
     * {@code badByte} is the offset of the input byte with which go-yaml's reader notices that
     * the encoding is broken (then {@code text} holds only what comes before the broken part), or
     * -1 when the input decodes whole.
     *
     * <p>go-yaml decodes its input one 512-byte read at a time and checks each character as it
     * decodes it, so an encoding problem or a control character is an error only once the
     * scanner needs the read that holds the character's last byte: one after the first document
     * and the few tokens read beyond it is never seen.
     */
    WholeInputReader(String name, String text, int offset, int badByte, boolean utf16) {
        this.name = name;
        this.utf16 = utf16;
        // one plain loop over the chars instead of text.codePoints().toArray(): a stream walks a
        // large input through a lambda per char and copies its buffer as it grows, which costs a
        // one-shot run (that runs this loop interpreted for the most part) several milliseconds
        char[] chars = text.toCharArray();
        int[] points = new int[chars.length];
        int n = 0;
        int bad = -1; // the first character Butane's reader refuses
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                points[n++] = c; // the usual character, without a call (this loop starts interpreted)
                continue;
            }
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF) {
                c = Character.toCodePoint((char) c, chars[++i]);
            }
            if (bad < 0 && !isPrintable(c)) {
                bad = n;
            }
            points[n++] = c;
        }
        // marks hand the buffer on whole (for snippets), so it holds exactly the code points
        this.codePoints = n == points.length ? points : java.util.Arrays.copyOf(points, n);
        this.length = n;
        int problemByte = badByte;
        RuntimeException problem = badByte >= 0
                ? new YamlEngineException("invalid " + (utf16 ? "UTF-16" : "UTF-8") + " encoding") : null;
        if (bad >= 0) {
            // text holds only what decodes, so a control character comes before any encoding problem
            int at = offset;
            for (int i = 0; i < bad; i++) {
                at += encodedLength(codePoints[i]);
            }
            problemByte = at + encodedLength(codePoints[bad]) - 1;
            problem = new ReaderException(name, bad, codePoints[bad], "special characters are not allowed");
        }
        if (problem == null) {
            readableEnd = Integer.MAX_VALUE;
        } else {
            int pieceStart = problemByte / GO_YAML_PIECE * GO_YAML_PIECE;
            int i = 0;
            for (int b = offset; i < length && b < pieceStart; i++) {
                b += encodedLength(codePoints[i]);
            }
            readableEnd = i;
        }
        unreadable = problem;
        this.buffered = text.indexOf('\uFEFF') >= 0;
        if (buffered) {
            long bytes = offset;
            for (int i = 0; i < length; i++) {
                bytes += encodedLength(codePoints[i]);
            }
            totalBytes = bytes;
            bytesRead = Math.min(bytes, GO_YAML_PIECE); // the read that found the encoding
            eof = bytes < 3; // (that read goes on until it has three bytes)
            decodedBytes = offset; // the encoding's byte order mark is skipped, not decoded
            refill(0, 1);
        }
    }

    // ---- go-yaml's read buffer ---------------------------------------------------------------
    //
    // go-yaml tests for a byte order mark at a line start by looking at the first character of
    // its read buffer, not at the current one (see GoYamlScanner#scanToNextToken). That first
    // character is the one the scanner stood on when it last refilled the buffer, which it does
    // when it asks for more characters than the buffer still holds: a scanner that needs n
    // characters from where it stands (its look-ahead, 1 to 4 and more for comments) and has
    // fewer moves what is left to the front and decodes go-yaml's next 512-byte read behind it.
    // The buffer is modelled only for a text that holds a U+FEFF somewhere (no other text can
    // tell the difference); the scanner reports its look-ahead through cache and cacheRun, and
    // every character consumed counts as a look at it (two characters for a line break, which
    // go-yaml checks for CR LF).

    /** Whether the buffer is modelled (the text holds a U+FEFF). */
    private final boolean buffered;
    /** The input's length in bytes (byte order mark included). */
    private long totalBytes;
    /** Bytes that go-yaml's reads have brought in. */
    private long bytesRead;
    /** Code points decoded from them: the end of go-yaml's buffer. */
    private int decoded;
    /** The bytes those code points took, with the byte order mark. */
    private long decodedBytes;
    /** Whether a read found the end of the input. */
    private boolean eof;
    /** NULs that go-yaml appended at the end (one per refill past the end). */
    private int nuls;
    /** The index of the code point at the front of go-yaml's buffer. */
    private int bufferHead;
    /** Line breaks consumed since the last character that is not a blank (go-yaml's "newlines"). */
    private int newlines;

    /** As go-yaml, the scanner standing at {@code at} makes sure of {@code n} characters. */
    private void need(int at, int n) {
        if (decoded + nuls - at < n) {
            refill(at, n);
        }
    }

    private void refill(int at, int n) {
        bufferHead = at;
        boolean first = true;
        while (decoded + nuls - at < n) {
            // a read fills go-yaml's 512-byte raw buffer behind the bytes of an incomplete
            // character left in it; the very first refill decodes the read that found the encoding
            if (!first || decodedBytes == bytesRead) {
                if (bytesRead >= totalBytes) {
                    eof = true;
                } else {
                    bytesRead = Math.min(totalBytes, decodedBytes + GO_YAML_PIECE);
                }
            }
            first = false;
            while (decoded < length && decodedBytes + encodedLength(codePoints[decoded]) <= bytesRead) {
                decodedBytes += encodedLength(codePoints[decoded++]);
            }
            if (eof) {
                nuls++;
                break;
            }
        }
    }

    /** The scanner makes sure of {@code n} characters from where it stands. */
    void cache(int n) {
        if (buffered) {
            need(pointer, n);
        }
    }

    /**
     * The scanner makes sure of {@code n} characters at each of the places {@code fromAhead} to
     * {@code toAhead} (inclusive) ahead of where it stands, one after the other, as it will do
     * while it reads up to there.
     */
    void cacheRun(int fromAhead, int toAhead, int n) {
        if (!buffered) {
            return;
        }
        int end = pointer + toAhead;
        for (int q = pointer + fromAhead; q <= end;) {
            int first = Math.max(q, decoded + nuls - n + 1);
            if (first > end) {
                return;
            }
            refill(first, n);
            q = first + 1;
        }
    }

    /** Whether go-yaml's buffer starts with a byte order mark. */
    boolean bufferStartsWithBom() {
        return buffered && bufferHead < length && codePoints[bufferHead] == 0xFEFF;
    }

    /** Whether the buffer is modelled at all (else the look-ahead reports are ignored). */
    boolean buffered() {
        return buffered;
    }

    /** go-yaml's count of line breaks since the last character that is not a blank (modelled buffers only). */
    int newlines() {
        return newlines;
    }

    /** Books the consumption of the code point at {@code pointer} (modelled buffers only). */
    private void consuming(int c) {
        boolean lineBreak = Chars.BREAK.has(c);
        need(pointer, lineBreak ? 2 : 1);
        if (lineBreak) {
            if (!(c == '\r' && pointer + 1 < length && codePoints[pointer + 1] == '\n')) {
                newlines++; // (a CR LF pair is one break)
            }
        } else if (c != ' ' && c != '\t') {
            newlines = 0;
        }
    }

    /**
     * go-yaml's count of line breaks since the last character that is not a space or tab, up to
     * {@code max}: counted back from here (a CR LF pair is one break).
     */
    int breaksBehind(int max) {
        int n = 0;
        for (int at = pointer - 1; at >= 0 && n < max; at--) {
            int c = codePoints[at];
            if (c == '\r' && at + 1 < length && codePoints[at + 1] == '\n') {
                continue; // the CR of a CR LF pair: its LF was counted
            }
            if (Chars.BREAK.has(c)) {
                n++;
            } else if (c != ' ' && c != '\t') {
                break;
            }
        }
        return n;
    }

    /**
     * The CR and LF characters after {@code from} up to here, or -1 when a NEL, LS or PS is among
     * them or at {@code from} (see GoCommentRecords#comment).
     */
    int breakCharsSince(int from) {
        int n = 0;
        for (int at = Math.max(from, 0); at < pointer; at++) {
            int c = codePoints[at];
            if (Chars.isUnicodeBreak(c)) {
                return -1;
            }
            if ((c == '\r' || c == '\n') && at > from) {
                n++;
            }
        }
        return n;
    }

    /** The first CR or LF after {@code from} and before here, or -1. */
    int firstBreakCharAfter(int from) {
        for (int at = Math.max(from + 1, 0); at < pointer; at++) {
            if (codePoints[at] == '\r' || codePoints[at] == '\n') {
                return at;
            }
        }
        return -1;
    }

    /** go-yaml's read size. */
    static final int GO_YAML_PIECE = 512;

    /** Whether the input was UTF-16 (else UTF-8). */
    private final boolean utf16;

    /** How many bytes {@code c} took in the input. */
    private int encodedLength(int c) {
        if (utf16) {
            return c < 0x10000 ? 2 : 4;
        }
        return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    /** What the scanner gets for a look at index {@code at} that is not a readable character. */
    private int beyond(int at) {
        if (at >= readableEnd) {
            throw unreadable;
        }
        return 0;
    }

    /** The characters Butane's YAML reader accepts in a document. */
    static boolean isPrintable(int c) {
        return (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    Optional<Mark> getMark() {
        // the scanner asks for the mark of one place several times (a token's end is often the
        // next one's start, a simple key's mark is its token's); marks are immutable, so one per
        // place is enough, and they were a seventh of all that a large document allocated
        if (markPointer != pointer) {
            mark = Optional.of(new Mark(name, pointer, line, column, codePoints, pointer));
            markPointer = pointer;
        }
        return mark;
    }

    void forward() {
        forward(1);
    }

    void forward(int n) {
        for (int i = 0; i < n && pointer < length; i++) {
            if (buffered) {
                consuming(codePoints[pointer]);
            }
            int c = codePoints[pointer++];
            documentIndex++;
            if (c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
                    || (c == '\r' && (pointer >= length || codePoints[pointer] != '\n'))) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    /**
     * Moves past one code point counted as one column, whatever it is, even a line break: what
     * go-yaml's skip of a line-start byte order mark does (see GoYamlScanner#scanToNextToken).
     */
    void skipCountingColumn() {
        if (pointer < length) {
            if (buffered) {
                int c = codePoints[pointer];
                newlines = c == ' ' || c == '\t' ? newlines : 0; // go-yaml's skip, without a look
            }
            pointer++;
            documentIndex++;
            column++;
        } else {
            // at the end go-yaml skips the padding after the text, which still counts a column
            // (so the end of the input is then inside a line, and the closing tokens on the next)
            column++;
            markPointer = -1;
        }
    }


    /** The next code point, or 0 at the end. */
    int peek() {
        return pointer < length && pointer < readableEnd ? codePoints[pointer] : beyond(pointer);
    }

    /**
     * How many spaces and tabs (and line breaks too, with {@code overBreaks}) follow, counted up
     * to 511 as go-yaml's comment look-ahead counts them; where the input stops being readable
     * the count ends, without the error a {@link #peek} there would raise.
     */
    int blanksAhead(boolean overBreaks) {
        int n = 0;
        for (int at = pointer; n < 511 && at < length && at < readableEnd; at++, n++) {
            int c = codePoints[at];
            if (c != ' ' && c != '\t' && !(overBreaks && Chars.BREAK.has(c))) {
                break;
            }
        }
        return n;
    }

    /** The code point {@code index} places ahead, or 0 past the end. */
    int peek(int index) {
        int at = pointer + index;
        return at < length && at >= 0 && at < readableEnd ? codePoints[at] : beyond(at);
    }

    /**
     * Fails as go-yaml's reader does when it is asked to hold the next {@code n} characters and
     * the encoding breaks before them; does nothing otherwise (also at the end of the text).
     */
    void lookAhead(int n) {
        if (pointer + n > readableEnd) {
            beyond(pointer + n - 1);
        }
    }

    String prefix(int n) {
        if (pointer + n > readableEnd) {
            beyond(pointer + n);
        }
        return new String(codePoints, pointer, Math.max(0, Math.min(n, length - pointer)));
    }

    /** {@link #prefix} then a forward over it; the prefix holds no line break. */
    String prefixForward(int n) {
        String s = prefix(n);
        int k = Math.max(0, Math.min(n, length - pointer));
        if (buffered) {
            for (int stop = pointer + k; pointer < stop; pointer++) {
                consuming(codePoints[pointer]);
            }
        } else {
            pointer += k;
        }
        documentIndex += k;
        column += k;
        return s;
    }

    int getColumn() {
        return column;
    }

    int getIndex() {
        return pointer;
    }

    int getLine() {
        return line;
    }

    int getDocumentIndex() {
        return documentIndex;
    }

    void resetDocumentIndex() {
        documentIndex = 0;
    }
}
