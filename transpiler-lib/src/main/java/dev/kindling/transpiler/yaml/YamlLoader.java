/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import dev.kindling.transpiler.yaml.YNode.Anchored;
import dev.kindling.transpiler.yaml.YNode.Entry;
import dev.kindling.transpiler.yaml.YNode.Style;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import dev.kindling.transpiler.yaml.parser.EventParser;
import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.tokens.Token;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Reads the first YAML document of a byte stream into a {@link YNode} tree. Later documents are
 * not even parsed (as Butane ignores them). Works from parser events rather than snakeyaml's
 * composer so that aliases stay visible as aliases, with their own positions.
 */
public final class YamlLoader {
    private static final String CORE_PREFIX = "tag:yaml.org,2002:";

    private final YamlLimits limits;
    private String text;

    // What the scanner would take from snakeyaml's LoadSettings, given without building one (its
    // builder's lambdas and schema cost a cold run several milliseconds). The label is
    // LoadSettings' default; the code-point limit is the scanner's own size check, which our
    // limits replace: no text has more code points than Integer.MAX_VALUE - 1, so it never
    // applies; comments make no tokens.
    private static final String LABEL = "reader";
    private static final int CODE_POINT_LIMIT = Integer.MAX_VALUE - 1;

    public YamlLoader(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * The length of the byte order mark {@code input} starts with: 2 for UTF-16 (either byte
     * order), 3 for UTF-8, 0 when there is none (then the input is UTF-8).
     */
    public static int byteOrderMarkLength(byte[] input) {
        int n = input.length;
        if (n >= 2 && ((input[0] & 0xff) == 0xFF && (input[1] & 0xff) == 0xFE
                || (input[0] & 0xff) == 0xFE && (input[1] & 0xff) == 0xFF)) {
            return 2;
        }
        return n >= 3 && (input[0] & 0xff) == 0xEF && (input[1] & 0xff) == 0xBB && (input[2] & 0xff) == 0xBF ? 3 : 0;
    }

    /** Decodes the bytes (UTF-8, or UTF-16 with a byte-order mark) as text. */
    public static String decode(byte[] input) throws YamlException {
        int n = input.length;
        if (n >= 2 && (input[0] & 0xff) == 0xFF && (input[1] & 0xff) == 0xFE) {
            return strict(StandardCharsets.UTF_16LE.newDecoder(), input, 2);
        }
        if (n >= 2 && (input[0] & 0xff) == 0xFE && (input[1] & 0xff) == 0xFF) {
            return strict(StandardCharsets.UTF_16BE.newDecoder(), input, 2);
        }
        if (n >= 3 && (input[0] & 0xff) == 0xEF && (input[1] & 0xff) == 0xBB && (input[2] & 0xff) == 0xBF) {
            return strict(StandardCharsets.UTF_8.newDecoder(), input, 3);
        }
        return strict(StandardCharsets.UTF_8.newDecoder(), input, 0);
    }

    private static String strict(CharsetDecoder decoder, byte[] input, int offset) throws YamlException {
        try {
            return decoder.onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input, offset, input.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new YamlException("yaml: invalid " + decoder.charset().name() + " encoding", 0, 0);
        }
    }

    /** The text the last {@link #load} decoded, or null before any. */
    public String text() {
        return text;
    }

    /**
     * What go-yaml's reader makes of an input: the text it decodes before any encoding problem,
     * and the offset of the byte with which it notices that problem, or -1 when there is none.
     * go-yaml checks a character once the 512-byte read holding its last byte is in; a character
     * that the end of the input cuts short is noticed only after the last read, when the scanner
     * asks for more than the text (then the offset is where that read would start).
     */
    private record Decoded(String text, int badByte) {
    }

    /** Where go-yaml's read after the last one of an input of {@code length} bytes would start. */
    private static int readAfterEnd(int length) {
        return (length + 511) / 512 * 512;
    }

    /** UTF-8 {@code input} from {@code offset}, as go-yaml's reader decodes it. */
    private static Decoded readUtf8(byte[] input, int offset) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(input, offset, input.length - offset);
        CharBuffer out = CharBuffer.allocate(input.length - offset);
        d.decode(in, out, true);
        String text = out.flip().toString();
        int at = in.position();
        if (at == input.length) {
            return new Decoded(text, -1);
        }
        // the Java decoder and go-yaml refuse the same sequences, and go-yaml sizes one by its
        // first byte: a first byte that starts no sequence is refused alone, a sequence that
        // the input ends inside is noticed at the end, any other is checked whole
        int lead = input[at] & 0xff;
        int width = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
        if (at + width > input.length) {
            return new Decoded(text, readAfterEnd(input.length));
        }
        return new Decoded(text, at + width - 1);
    }

    /** UTF-16 {@code input} after its 2-byte byte order mark, as go-yaml's reader decodes it. */
    private static Decoded readUtf16(byte[] input, boolean bigEndian) {
        int n = input.length;
        StringBuilder text = new StringBuilder((n - 2) / 2);
        int at = 2;
        int bad = -1;
        while (at < n) {
            if (at + 2 > n) {
                bad = readAfterEnd(n); // a lone last byte
                break;
            }
            char unit = utf16Unit(input, at, bigEndian);
            if (Character.isLowSurrogate(unit)) {
                bad = at + 1;
                break;
            }
            if (Character.isHighSurrogate(unit)) {
                if (at + 4 > n) {
                    bad = readAfterEnd(n);
                    break;
                }
                char low = utf16Unit(input, at + 2, bigEndian);
                if (!Character.isLowSurrogate(low)) {
                    bad = at + 3;
                    break;
                }
                text.append(unit).append(low);
                at += 4;
            } else {
                text.append(unit);
                at += 2;
            }
        }
        return new Decoded(text.toString(), bad);
    }

    private static char utf16Unit(byte[] input, int at, boolean bigEndian) {
        int first = input[at] & 0xff;
        int second = input[at + 1] & 0xff;
        return (char) (bigEndian ? first << 8 | second : second << 8 | first);
    }

    /** Parses the first document; returns null when the stream holds no document or an empty one. */
    public YNode load(byte[] input) throws YamlException {
        if (input.length > limits.maxInputBytes()) {
            // callers may have stopped reading right after the limit, so the true size is unknown
            throw new YamlException("input is larger than the limit of " + limits.maxInputBytes() + " bytes", 0, 0);
        }
        int offset = byteOrderMarkLength(input);
        boolean utf16 = offset == 2;
        Decoded decoded;
        if (utf16) {
            decoded = readUtf16(input, (input[0] & 0xff) == 0xFE);
        } else {
            try {
                decoded = new Decoded(strict(StandardCharsets.UTF_8.newDecoder(), input, offset), -1);
            } catch (YamlException e) {
                // Butane's YAML library finds invalid UTF-8 only when it reads that far
                decoded = readUtf8(input, offset);
            }
        }
        String text = decoded.text();
        this.text = text;
        GoYamlScanner scanner = null;
        try {
            scanner = new GoYamlScanner(LABEL, CODE_POINT_LIMIT, limits.maxDepth(), false, text, offset, decoded.badByte(), utf16);
            YNode root = compose(EventParser.goYaml(scanner));
            scanAhead(scanner);
            return root;
        } catch (MarkedYamlEngineException e) {
            throw toYamlException(e, scanner);
        } catch (YamlVersionException e) {
            throw incompatibleVersion();
        } catch (YamlEngineException e) {
            throw new YamlException("yaml: " + firstLine(e.getMessage()), 0, 0);
        }
    }

    private static boolean isBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * Butane's YAML library keeps its scanner two tokens ahead of its parser, so a syntax error
     * just after the first document (in the first tokens of the next one) fails the whole input,
     * while anything further is never read. The scanner keeps that queue itself (see
     * GoYamlScanner's token look-ahead); what remains is to let the parser's last look happen:
     * past the ends of block collections still open, at the token that ends the first document.
     * A stray ']' or '}' after a complete flow collection or scalar is such a token itself (go-yaml
     * ends the document there, so what follows it is not scanned).
     */
    private static void scanAhead(GoYamlScanner scanner) {
        while (scanner.hasNext()) {
            Token t = scanner.peekToken(); // queues two more tokens behind it, as go-yaml does
            if (t.getTokenId() != Token.ID.BlockEnd) {
                return; // the end of the stream, a "---", a "...", content after a dedent, a ']'
            }
            scanner.next();
        }
    }

    /**
     * Butane's YAML library implements YAML 1.1 and refuses a %YAML directive of any other
     * version as a parser error at the directive. Only the first document is read, so the
     * directive is the first line of the text that starts with %YAML (before it there can only
     * be comments, blank lines and other directives).
     */
    private YamlException incompatibleVersion() {
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char before = i == 0 ? '\n' : text.charAt(i - 1);
            if (text.startsWith("%YAML", i) && (isBreak(before) || before == '\uFEFF')) {
                break;
            }
            char c = text.charAt(i);
            if (isBreak(c) && !(c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                line++;
            }
        }
        // a parser error: go-yaml names the 0-based line, and none for the first
        return new YamlException("yaml: " + (line > 0 ? "line " + line + ": " : "") + "found incompatible YAML document",
                line + 1, 1);
    }

    private static YamlException toYamlException(MarkedYamlEngineException e, GoYamlScanner scanner) {
        Optional<Mark> problem = e.getProblemMark();
        int line = problem.isPresent() ? problem.get().getLine() + 1 : 0;
        int col = problem.isPresent() ? problem.get().getColumn() + 1 : 0;
        int named = goYamlMessageLine(e, scanner);
        String where = named > 0 ? "line " + named + ": " : "";
        return new YamlException("yaml: " + where + describe(e), line, col);
    }

    /**
     * The line that Butane's YAML library names in its message, which the raw report repeats
     * (the exception keeps the real position of the problem for the other reports). go-yaml
     * names the line of the error's context (the collection or token being read) rather than of
     * the problem, and only falls back to the problem's line when the context is on the first
     * line; it counts from 0 and adds 1 only for scanner errors; a line 0 is not named at all.
     */
    private static int goYamlMessageLine(MarkedYamlEngineException e, GoYamlScanner scanner) {
        int context = goYamlLine(e.getContextMark(), scanner);
        int problem = goYamlLine(e.getProblemMark(), scanner);
        int zeroBased;
        if (context != 0) {
            zeroBased = context;
        } else if (problem != 0) {
            zeroBased = problem;
        } else {
            return 0;
        }
        return e instanceof ScannerException ? zeroBased + 1 : zeroBased;
    }

    private static int goYamlLine(Optional<Mark> mark, GoYamlScanner scanner) {
        if (mark.isEmpty()) {
            return 0;
        }
        return scanner != null ? scanner.goYamlLine(mark.get()) : mark.get().getLine();
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        if (context != null && !context.isBlank()) {
            return firstLine(problem) + " " + firstLine(context);
        }
        return firstLine(problem);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** One collection being built. */
    private static final class Open {
        final boolean mapping;
        final String tag;
        final int line;
        final int column;
        final Anchored anchored = new Anchored();
        boolean flow;
        final List<YNode> children = new ArrayList<>();

        Open(boolean mapping, String tag, int line, int column) {
            this.mapping = mapping;
            this.tag = tag;
            this.line = line;
            this.column = column;
        }
    }

    private YNode compose(Iterator<Event> events) throws YamlException {
        // The work per event is a method of its own: the JVM compiles a method once it has been
        // called a few hundred times, but a loop inside one long call only after tens of
        // thousands of rounds, so a one-shot run spent a tenth of its time interpreting this
        Composition c = new Composition();
        while (events.hasNext()) {
            if (c.step(events.next())) {
                return c.result;
            }
        }
        return null;
    }

    /** The state of one composition: open collections, anchors, nodes counted. */
    private final class Composition {
        // an anchor is known from the start of its node on (as in Butane's YAML library), so an
        // alias inside the node refers to it: the value is then recursive
        final Map<String, Anchored> anchors = new HashMap<>();
        final Deque<Open> stack = new ArrayDeque<>();
        boolean inDocument;
        int nodes;
        YNode result;

        /** Takes one event; true when the composition is complete ({@link #result}). */
        boolean step(Event ev) throws YamlException {
            switch (ev.getEventId()) {
                case StreamStart, Comment -> {
                }
                case StreamEnd -> {
                    result = null;
                    return true;
                }
                case DocumentStart -> {
                    inDocument = true; // (the parser in go-yaml mode refuses a %YAML other than 1.1 itself)
                }
                case DocumentEnd -> {
                    result = null; // an empty first document
                    return true;
                }
                case MappingStart, SequenceStart -> {
                    // (the depth is bounded by the scanner, as Butane's YAML library bounds it: flow
                    // levels and block indentation levels, each up to limits.maxDepth())
                    boolean flow = ((org.snakeyaml.engine.v2.events.CollectionStartEvent) ev).isFlow();
                    boolean mapping = ev instanceof MappingStartEvent;
                    Optional<String> tag = mapping ? ((MappingStartEvent) ev).getTag() : ((SequenceStartEvent) ev).getTag();
                    Mark m = ev.getStartMark().orElseThrow();
                    Open open = new Open(mapping, shortTag(tag), m.getLine() + 1, m.getColumn() + 1);
                    open.flow = flow;
                    Optional<Anchor> anchor = ((NodeEvent) ev).getAnchor();
                    if (anchor.isPresent()) {
                        anchors.put(anchor.get().getValue(), open.anchored);
                    }
                    stack.push(open);
                }
                case MappingEnd, SequenceEnd -> {
                    Open o = stack.pop();
                    YNode node;
                    if (o.mapping) {
                        List<Entry> entries = new ArrayList<>(o.children.size() / 2);
                        for (int i = 0; i + 1 < o.children.size(); i += 2) {
                            entries.add(new Entry(o.children.get(i), o.children.get(i + 1)));
                        }
                        node = new YMap(o.tag, o.line, o.column, List.copyOf(entries));
                    } else {
                        node = new YSeq(o.tag, o.line, o.column, List.copyOf(o.children));
                    }
                    o.anchored.complete(node);
                    if (stack.isEmpty()) {
                        result = node;
                        return true;
                    }
                    stack.peek().children.add(node);
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) ev;
                    Mark m = ev.getStartMark().orElseThrow();
                    YNode node = new YScalar(shortTag(s.getTag()), s.getValue(), style(s), m.getLine() + 1,
                            m.getColumn() + 1);
                    Optional<Anchor> anchor = s.getAnchor();
                    if (anchor.isPresent()) {
                        Anchored anchored = new Anchored();
                        anchored.complete(node);
                        anchors.put(anchor.get().getValue(), anchored);
                    }
                    if (stack.isEmpty()) {
                        result = node;
                        return true;
                    }
                    stack.peek().children.add(node);
                }
                case Alias -> {
                    AliasEvent a = (AliasEvent) ev;
                    Mark m = ev.getStartMark().orElseThrow();
                    String name = a.getAlias().getValue();
                    Anchored target = anchors.get(name);
                    if (target == null) {
                        throw new YamlException("yaml: unknown anchor '" + name + "' referenced",
                                m.getLine() + 1, m.getColumn() + 1);
                    }
                    YNode node = new YAlias(name, target, m.getLine() + 1, m.getColumn() + 1);
                    if (stack.isEmpty()) {
                        result = node;
                        return true;
                    }
                    stack.peek().children.add(node);
                }
                default -> {
                }
            }
            if (++nodes > limits.maxNodes()) {
                throw new YamlException("yaml: document has more than " + limits.maxNodes() + " nodes", 0, 0);
            }
            return false;
        }
    }

    private static Style style(ScalarEvent s) {
        if (s.isDQuoted()) {
            return Style.DOUBLE_QUOTED;
        }
        if (s.isSQuoted()) {
            return Style.SINGLE_QUOTED;
        }
        if (s.isLiteral()) {
            return Style.LITERAL;
        }
        if (s.isFolded()) {
            return Style.FOLDED;
        }
        return Style.PLAIN;
    }

    private static String shortTag(Optional<String> tag) {
        if (tag.isEmpty()) {
            return null;
        }
        String t = tag.get();
        return t.startsWith(CORE_PREFIX) ? "!!" + t.substring(CORE_PREFIX.length()) : t;
    }
}
