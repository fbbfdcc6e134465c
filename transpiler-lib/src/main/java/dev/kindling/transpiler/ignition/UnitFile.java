/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads systemd unit file text the way Ignition's validation does (the go-systemd unit
 * deserializer), so that exactly the same texts are accepted and the same options are found.
 *
 * <p>Notable behaviour that differs from systemd itself:
 * <ul>
 * <li>text before the first section header is skipped character by character (a {@code [}
 * anywhere in it opens a section; {@code #} or {@code ;} skip the rest of the line);</li>
 * <li>a section header must be followed by nothing but white space on its line;</li>
 * <li>an option name must be followed by {@code =} on the same line, also at the very end;</li>
 * <li>lines of 2048 bytes or more are refused, but only where the reader's 4096-byte look-ahead
 * window happens to show 2048 bytes without a line break, which this class reproduces.</li>
 * </ul>
 */
final class UnitFile {
    static final int LINE_MAX = 2048;

    /** One {@code Name=value} entry and the section it was found in. */
    record Option(String section, String name, String value) {
    }

    /** The text is not something Ignition accepts as a unit file. */
    static final class InvalidUnitException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidUnitException(String message) {
            super(message);
        }
    }

    private UnitFile() {
    }

    /** The options of {@code contents}, in order; throws when Ignition would refuse the text. */
    static List<Option> parse(String contents) throws InvalidUnitException {
        return new Lexer(contents.getBytes(StandardCharsets.UTF_8)).run();
    }

    /** Whether some option lives in a section named exactly {@code section} (headers alone do not count). */
    static boolean hasOptionInSection(List<Option> options, String section) {
        for (Option o : options) {
            if (o.section().equals(section)) {
                return true;
            }
        }
        return false;
    }

    private enum State {
        BEFORE_FIRST_SECTION, SECTION_NAME, AFTER_SECTION_NAME, SKIP_LINE, IN_SECTION, OPTION_NAME, OPTION_VALUE,
        DONE
    }

    private static final class Lexer {
        private final Input in;
        private final List<Option> options = new ArrayList<>();
        private State state = State.BEFORE_FIRST_SECTION;
        private State afterSkip;
        private String section;
        private String optionName;
        private final ByteArrayOutputStream value = new ByteArrayOutputStream();

        Lexer(byte[] data) {
            this.in = new Input(data);
        }

        List<Option> run() throws InvalidUnitException {
            while (state != State.DONE) {
                if (in.buffered() >= LINE_MAX && !in.lineBreakWithin(LINE_MAX)) {
                    throw new InvalidUnitException("a line is too long (" + LINE_MAX + " bytes at most)");
                }
                step();
            }
            return options;
        }

        private void step() throws InvalidUnitException {
            switch (state) {
                case BEFORE_FIRST_SECTION -> {
                    int r = in.readRune();
                    if (r == Input.EOF) {
                        state = State.DONE;
                    } else if (r == '[') {
                        state = State.SECTION_NAME;
                    } else if (r == '#' || r == ';') {
                        skipLineThen(State.BEFORE_FIRST_SECTION);
                    }
                }
                case SECTION_NAME -> {
                    Input.Chunk c = in.readThrough((byte) ']');
                    if (!c.delimited()) {
                        throw new InvalidUnitException("a section header is not closed with ']'");
                    }
                    section = in.text(c.start(), c.end() - 1);
                    state = State.AFTER_SECTION_NAME;
                }
                case AFTER_SECTION_NAME -> {
                    Line line = readLine();
                    if (!in.allSpace(line.start, line.end)) {
                        throw new InvalidUnitException("unexpected text after the section header [" + section + "]");
                    }
                    state = State.IN_SECTION;
                }
                case SKIP_LINE -> {
                    while (true) {
                        Line line = readLine();
                        int end = line.end;
                        if (end > line.start && in.byteAt(end - 1) == ' ') {
                            end--;
                        }
                        if (!(end > line.start && in.byteAt(end - 1) == '\\')) {
                            break;
                        }
                    }
                    state = afterSkip;
                }
                case IN_SECTION -> {
                    int r = in.readRune();
                    if (r == Input.EOF) {
                        state = State.DONE;
                    } else if (GoStrings.isSpace(r)) {
                        state = State.IN_SECTION;
                    } else if (r == '[') {
                        state = State.SECTION_NAME;
                    } else if (r == '#' || r == ';') {
                        skipLineThen(State.IN_SECTION);
                    } else {
                        in.unreadRune();
                        state = State.OPTION_NAME;
                    }
                }
                case OPTION_NAME -> {
                    StringBuilder name = new StringBuilder();
                    while (true) {
                        int r = in.readRune();
                        if (r == Input.EOF) {
                            throw new InvalidUnitException("the text ends inside an option name (no '=')");
                        }
                        if (r == '\n' || r == '\r') {
                            throw new InvalidUnitException("an option name is followed by a line break instead of '='");
                        }
                        if (r == '=') {
                            break;
                        }
                        name.appendCodePoint(r);
                    }
                    optionName = trimSpace(name.toString());
                    value.reset();
                    state = State.OPTION_VALUE;
                }
                case OPTION_VALUE -> {
                    Line line = readLine();
                    if (!in.allSpace(line.start, line.end)) {
                        value.write(in.data, line.start, line.end - line.start);
                        if (in.byteAt(line.end - 1) == '\\') {
                            if (!line.atEof) {
                                value.write('\n');
                            }
                            return; // continuation: the value goes on with the next line
                        }
                    }
                    String v = value.toString(StandardCharsets.UTF_8);
                    v = v.endsWith("\n") ? trimSpace(v) + "\n" : trimSpace(v);
                    options.add(new Option(section, optionName, v));
                    state = State.IN_SECTION;
                }
                default -> throw new IllegalStateException(state.toString());
            }
        }

        private void skipLineThen(State next) {
            afterSkip = next;
            state = State.SKIP_LINE;
        }

        private record Line(int start, int end, boolean atEof) {
        }

        /** The rest of the current line without its line feed (and, quirkily, without a final CR only at EOF). */
        private Line readLine() {
            Input.Chunk c = in.readThrough((byte) '\n');
            int end = c.end();
            if (end > c.start() && in.byteAt(end - 1) == '\r') {
                end--;
            } else if (end > c.start() && in.byteAt(end - 1) == '\n') {
                end--;
            }
            return new Line(c.start(), end, !c.delimited());
        }
    }

    private static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && GoStrings.isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && GoStrings.isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /**
     * A byte reader that reproduces the refill pattern of Go's 4096-byte buffered reader over an
     * in-memory string: how many bytes are buffered at each moment decides where the line-length
     * check applies.
     */
    static final class Input {
        static final int EOF = -1;
        static final int BUFFER = 4096;
        final byte[] data;
        private int pos;
        private int end;
        private int lastRuneSize = -1;

        record Chunk(int start, int end, boolean delimited) {
        }

        Input(byte[] data) {
            this.data = data;
        }

        int buffered() {
            return end - pos;
        }

        int byteAt(int i) {
            return data[i] & 0xff;
        }

        boolean lineBreakWithin(int n) {
            for (int i = pos; i < pos + n; i++) {
                if (data[i] == '\n' || data[i] == '\r') {
                    return true;
                }
            }
            return false;
        }

        /** Slides the unread bytes to the front of the buffer and tops it up from the source. */
        private void fill() {
            end = Math.min(pos + BUFFER, data.length);
        }

        int readRune() {
            while (end - pos < 4 && !Utf8.fullRune(data, pos, end) && end < data.length && end - pos < BUFFER) {
                fill();
            }
            if (pos == end) {
                lastRuneSize = -1;
                return EOF;
            }
            long decoded = Utf8.decode(data, pos, end);
            int size = (int) (decoded >>> 32);
            pos += size;
            lastRuneSize = size;
            return (int) decoded;
        }

        void unreadRune() {
            pos -= lastRuneSize;
            lastRuneSize = -1;
        }

        /** Reads up to and including {@code delim}, or to the end of the data. */
        Chunk readThrough(byte delim) {
            int start = pos;
            int scan = pos;
            while (true) {
                for (int i = scan; i < end; i++) {
                    if (data[i] == delim) {
                        pos = i + 1;
                        lastRuneSize = -1;
                        return new Chunk(start, pos, true);
                    }
                }
                if (end == data.length) {
                    pos = end;
                    lastRuneSize = -1;
                    return new Chunk(start, end, false);
                }
                if (end - pos >= BUFFER) {
                    pos = end; // a full buffer is handed out as one fragment
                    scan = pos;
                    continue;
                }
                scan = end;
                fill();
            }
        }

        String text(int from, int to) {
            return new String(data, from, to - from, StandardCharsets.UTF_8);
        }

        /** Whether the bytes decode to white space only (Go's definition). */
        boolean allSpace(int from, int to) {
            int i = from;
            while (i < to) {
                long decoded = Utf8.decode(data, i, to);
                if (!GoStrings.isSpace((int) decoded)) {
                    return false;
                }
                i += (int) (decoded >>> 32);
            }
            return true;
        }
    }

    /** UTF-8 decoding with Go's rules: an invalid or truncated sequence is one U+FFFD of one byte. */
    static final class Utf8 {
        static final int RUNE_ERROR = 0xfffd;

        private Utf8() {
        }

        /** Expected sequence length for a leading byte, or 0 for a byte that cannot start one. */
        private static int length(int b0) {
            if (b0 < 0x80) {
                return 1;
            }
            if (b0 < 0xc2) {
                return 0;
            }
            if (b0 < 0xe0) {
                return 2;
            }
            if (b0 < 0xf0) {
                return 3;
            }
            if (b0 < 0xf5) {
                return 4;
            }
            return 0;
        }

        /** The allowed range of the second byte for a leading byte (tighter for E0, ED, F0, F4). */
        private static int secondLow(int b0) {
            return b0 == 0xe0 ? 0xa0 : b0 == 0xf0 ? 0x90 : 0x80;
        }

        private static int secondHigh(int b0) {
            return b0 == 0xed ? 0x9f : b0 == 0xf4 ? 0x8f : 0xbf;
        }

        /** Whether {@code data[from, to)} starts with a complete (or certainly invalid) sequence. */
        static boolean fullRune(byte[] data, int from, int to) {
            int n = to - from;
            if (n <= 0) {
                return false;
            }
            int b0 = data[from] & 0xff;
            int len = length(b0);
            if (len == 0 || n >= len) {
                return true;
            }
            if (n > 1) {
                int b1 = data[from + 1] & 0xff;
                if (b1 < secondLow(b0) || b1 > secondHigh(b0)) {
                    return true;
                }
            }
            if (n > 2) {
                int b2 = data[from + 2] & 0xff;
                return b2 < 0x80 || b2 > 0xbf;
            }
            return false;
        }

        /** The code point in the low 32 bits and the byte count in the high 32 bits. */
        static long decode(byte[] data, int from, int to) {
            int b0 = data[from] & 0xff;
            int len = length(b0);
            if (len == 1) {
                return 1L << 32 | b0;
            }
            long error = 1L << 32 | RUNE_ERROR;
            if (len == 0 || to - from < len) {
                return error;
            }
            int b1 = data[from + 1] & 0xff;
            if (b1 < secondLow(b0) || b1 > secondHigh(b0)) {
                return error;
            }
            if (len == 2) {
                return 2L << 32 | (b0 & 0x1f) << 6 | b1 & 0x3f;
            }
            int b2 = data[from + 2] & 0xff;
            if (b2 < 0x80 || b2 > 0xbf) {
                return error;
            }
            if (len == 3) {
                return 3L << 32 | (b0 & 0x0f) << 12 | (b1 & 0x3f) << 6 | b2 & 0x3f;
            }
            int b3 = data[from + 3] & 0xff;
            if (b3 < 0x80 || b3 > 0xbf) {
                return error;
            }
            return 4L << 32 | (b0 & 0x07) << 18 | (b1 & 0x3f) << 12 | (b2 & 0x3f) << 6 | b3 & 0x3f;
        }
    }
}
