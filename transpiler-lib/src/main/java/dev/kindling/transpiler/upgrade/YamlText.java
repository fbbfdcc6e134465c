/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import dev.kindling.transpiler.yaml.YNode.Style;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import dev.kindling.transpiler.yaml.YamlLoader;
import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The text of a YAML document with the character span of every scalar, so that an upgrade can
 * change a few scalars in place and leave every other byte (comments, quoting, block scalars,
 * line endings) as the user wrote it. The tree the engine reads ({@code YNode}) knows where each
 * scalar starts; the parser's events also know where it ends, so the document is parsed once
 * more here, for the events only.
 */
final class YamlText {
    /** One replacement of {@code [start, end)} (character offsets) by {@code text}. */
    record Edit(int start, int end, String text) {
    }

    private final String text;
    private final Map<Long, int[]> spans = new HashMap<>();

    private YamlText(String text) {
        this.text = text;
    }

    /**
     * Parses the text's first document for its scalar spans; throws if the parser refuses it.
     * {@code input} is the config the text was decoded from: its encoding decides, as in the
     * engine, where the scanner's reads end.
     */
    static YamlText of(byte[] input, String text) {
        YamlText t = new YamlText(text);
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Math.max(text.length() + 1, 1024))
                .setUseMarks(true).build();
        int[] codePointToChar = null;
        int bom = YamlLoader.byteOrderMarkLength(input);
        // the same go-yaml dialect scanner the engine reads configs with, so that every config
        // the engine accepts can be edited (tabs, NEL line breaks, \L and \P escapes, ...)
        ParserImpl parser = new ParserImpl(settings, new GoYamlScanner(settings, text, bom, -1, bom == 2));
        while (parser.hasNext()) {
            Event ev = parser.next();
            if (ev instanceof ScalarEvent && ev.getStartMark().isPresent() && ev.getEndMark().isPresent()) {
                Mark start = ev.getStartMark().get();
                Mark end = ev.getEndMark().get();
                if (codePointToChar == null) {
                    codePointToChar = codePointOffsets(text);
                }
                t.spans.put(key(start.getLine() + 1, start.getColumn() + 1),
                        new int[] {codePointToChar[start.getIndex()], codePointToChar[end.getIndex()]});
            }
            if (ev.getEventId() == Event.ID.DocumentEnd) {
                break; // later documents are not the config
            }
        }
        return t;
    }

    /** snakeyaml's marks count code points; Java strings count UTF-16 units. */
    private static int[] codePointOffsets(String text) {
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            map[cp++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        map[cp] = text.length();
        return map;
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | column;
    }

    String text() {
        return text;
    }

    /**
     * The edit that gives the scalar a new value in the same style, or null when its style
     * cannot hold the value unchanged (a block scalar, a quoted one with escapes, a plain one
     * spread over lines).
     */
    Edit replaceValue(YScalar scalar, String newValue) {
        int[] span = spans.get(key(scalar.line(), scalar.column()));
        if (span == null) {
            return null;
        }
        String written = text.substring(span[0], span[1]);
        String value = scalar.value();
        switch (scalar.style()) {
            case PLAIN -> {
                // the span may start with a tag or an anchor; the value itself is its end
                if (written.endsWith(value) && plainSafe(newValue)) {
                    return new Edit(span[1] - value.length(), span[1], newValue);
                }
            }
            case SINGLE_QUOTED, DOUBLE_QUOTED -> {
                char q = scalar.style() == Style.SINGLE_QUOTED ? '\'' : '"';
                String inner = value + q;
                boolean clean = value.indexOf('\\') < 0 && value.indexOf(q) < 0 && value.indexOf('\n') < 0;
                if (clean && written.endsWith(inner) && newValue.indexOf(q) < 0 && newValue.indexOf('\\') < 0) {
                    int end = span[1] - 1;
                    return new Edit(end - value.length(), end, newValue);
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /** Versions and key names: letters, digits, dots, dashes and underscores need no quotes. */
    private static boolean plainSafe(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_') && Character.isLetterOrDigit(s.charAt(0));
    }

    /** The text with the edits applied (they must not overlap). */
    String apply(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder sb = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Edit e : sorted) {
            if (e.end() > limit) {
                throw new IllegalArgumentException("overlapping edits");
            }
            sb.replace(e.start(), e.end(), e.text());
            limit = e.start();
        }
        return sb.toString();
    }

    /**
     * The edits that turn the block mapping entry whose key starts at {@code line}:{@code column}
     * into comments: {@code "# "} at the key's column on its line and on every following line
     * indented deeper (its value), comment and blank lines left as they are. Null when the key
     * does not start its line (the first key of a list item, a flow mapping), where a comment
     * would change the structure around it.
     */
    List<Edit> commentOut(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return null;
        }
        int indent = column - 1;
        String keyLine = lineText(starts, line - 1);
        if (keyLine.length() < indent || !keyLine.substring(0, indent).chars().allMatch(c -> c == ' ')) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit(starts[line - 1] + indent, starts[line - 1] + indent, "# "));
        for (int l = line; l < starts.length; l++) {
            String t = lineText(starts, l);
            String stripped = t.strip();
            int lead = t.length() - t.stripLeading().length();
            if (stripped.isEmpty() || stripped.startsWith("#") && lead > indent) {
                continue;
            }
            if (lead <= indent || !t.substring(0, lead).chars().allMatch(c -> c == ' ')) {
                break;
            }
            edits.add(new Edit(starts[l] + indent, starts[l] + indent, "# "));
        }
        return edits;
    }

    private int[] lineStarts() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private String lineText(int[] starts, int index) {
        int end = index + 1 < starts.length ? starts[index + 1] : text.length();
        String t = text.substring(starts[index], end);
        return t.replaceAll("[\r\n]+$", "");
    }
}
