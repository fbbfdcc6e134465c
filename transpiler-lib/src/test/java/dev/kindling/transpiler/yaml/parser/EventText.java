/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.parser;

import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Events, errors and the tokens left behind as text, field by field, so that two parsers' runs
 * compare as lists of strings (and a difference shows where it is).
 */
final class EventText {
    private EventText() {
    }

    /** Every field of an event, its marks included. */
    static String event(Event e) {
        StringBuilder b = new StringBuilder();
        b.append(e.getClass().getSimpleName()).append(' ').append(e.getEventId());
        if (e instanceof NodeEvent n) {
            b.append(" anchor=").append(n.getAnchor().isPresent() ? n.getAnchor().get().getValue() : "-");
        }
        if (e instanceof ScalarEvent s) {
            b.append(" tag=").append(s.getTag().orElse("-"))
                    .append(" implicit=").append(s.getImplicit().canOmitTagInPlainScalar())
                    .append('/').append(s.getImplicit().canOmitTagInNonPlainScalar())
                    .append(" style=").append(s.getScalarStyle())
                    .append(" value=").append(s.getValue().replace("\n", "\\n"));
        } else if (e instanceof CollectionStartEvent c) {
            b.append(" tag=").append(c.getTag().orElse("-")).append(" implicit=").append(c.isImplicit())
                    .append(" flow=").append(c.getFlowStyle());
        } else if (e instanceof AliasEvent a) {
            b.append(" alias=").append(a.getAlias().getValue());
        } else if (e instanceof DocumentStartEvent d) {
            b.append(" explicit=").append(d.isExplicit()).append(" version=")
                    .append(d.getSpecVersion().isPresent()
                            ? d.getSpecVersion().get().getMajor() + "." + d.getSpecVersion().get().getMinor() : "-")
                    .append(" tags=").append(new TreeMap<>(d.getTags())).append(" tagsClass=")
                    .append(d.getTags().getClass().getSimpleName());
        } else if (e instanceof DocumentEndEvent d) {
            b.append(" explicit=").append(d.isExplicit());
        } else if (e instanceof CommentEvent c) {
            b.append(" type=").append(c.getCommentType()).append(" value=").append(c.getValue());
        }
        b.append(" start=").append(mark(e.getStartMark())).append(" end=").append(mark(e.getEndMark()));
        return b.toString();
    }

    static String mark(Optional<Mark> m) {
        if (m.isEmpty()) {
            return "none";
        }
        Mark k = m.get();
        return k.getName() + ":" + k.getIndex() + "/" + k.getLine() + ":" + k.getColumn() + "@" + k.getPointer()
                + "#" + k.getBuffer().length;
    }

    /** The class, message, context, problem and marks of an exception. */
    static String error(RuntimeException e) {
        StringBuilder b = new StringBuilder("ERROR ").append(e.getClass().getName());
        if (e instanceof MarkedYamlEngineException m) {
            b.append(" context=").append(m.getContext()).append(" contextMark=").append(mark(m.getContextMark()))
                    .append(" problem=").append(m.getProblem()).append(" problemMark=")
                    .append(mark(m.getProblemMark()));
        }
        b.append(" message=").append(e.getMessage());
        return b.toString();
    }

    /** A {@code stopAfter} for {@link #run}: stop where YamlLoader does, once the first document's root is complete. */
    static final int AT_ROOT_END = -1;

    /**
     * The events of a parser over {@code scanner} until it ends or fails (then its error is the
     * last line), and then, when {@code stopAfter} cut the events short, the tokens the scanner
     * still gives (how far the parser consumed them matters to YamlLoader's look-ahead).
     */
    static List<String> run(Iterator<Event> parser, GoYamlScanner scanner, int stopAfter) {
        List<String> out = new ArrayList<>();
        boolean stopped = false;
        int depth = 0;
        try {
            while (!stopped && parser.hasNext()) {
                Event e = parser.next();
                out.add(event(e));
                if (stopAfter == AT_ROOT_END) {
                    switch (e.getEventId()) {
                        case MappingStart, SequenceStart -> depth++;
                        case MappingEnd, SequenceEnd -> stopped = --depth == 0;
                        case Scalar, Alias -> stopped = depth == 0;
                        case DocumentEnd, StreamEnd -> stopped = true;
                        default -> {
                        }
                    }
                } else {
                    stopped = out.size() >= stopAfter;
                }
            }
        } catch (RuntimeException e) {
            out.add(error(e));
            return out;
        }
        if (stopped) {
            out.add("-- tokens left:");
            try {
                while (scanner.hasNext()) {
                    Token t = scanner.next();
                    out.add(t.getTokenId() + " " + mark(t.getStartMark()) + " " + mark(t.getEndMark()));
                }
            } catch (RuntimeException e) {
                out.add(error(e));
            }
        }
        return out;
    }

    static LoadSettings settings(boolean comments) {
        return LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE - 1).setUseMarks(true)
                .setParseComments(comments).build();
    }

    /** snakeyaml-engine's parser over our scanner, as YamlLoader used it. */
    static List<String> snakeyaml(String text, boolean comments, int stopAfter) {
        LoadSettings settings = settings(comments);
        GoYamlScanner scanner;
        try {
            scanner = new GoYamlScanner(settings, text);
        } catch (RuntimeException e) {
            return List.of(error(e));
        }
        return run(new ParserImpl(settings, scanner), scanner, stopAfter);
    }

    /** Our parser over our scanner. */
    static List<String> ours(String text, boolean comments, int stopAfter) {
        GoYamlScanner scanner;
        try {
            scanner = new GoYamlScanner("reader", Integer.MAX_VALUE - 1, comments, text, 0, -1, false);
        } catch (RuntimeException e) {
            return List.of(error(e));
        }
        return run(new EventParser(scanner), scanner, stopAfter);
    }

    /** Just the events of our parser, in a short form: "+MAP", "=VAL a", "-SEQ" ... (for unit tests). */
    static List<String> brief(String text) {
        EventParser parser = new EventParser(new GoYamlScanner("reader", Integer.MAX_VALUE - 1, false, text, 0, -1, false));
        List<String> out = new ArrayList<>();
        while (parser.hasNext()) {
            out.add(brief(parser.next()));
        }
        return out;
    }

    static String brief(Event e) {
        StringBuilder b = new StringBuilder();
        switch (e.getEventId()) {
            case StreamStart -> b.append("+STR");
            case StreamEnd -> b.append("-STR");
            case DocumentStart -> {
                DocumentStartEvent d = (DocumentStartEvent) e;
                b.append("+DOC");
                if (d.isExplicit()) {
                    b.append(" ---");
                }
                if (d.getSpecVersion().isPresent()) {
                    b.append(" %YAML ").append(d.getSpecVersion().get().getRepresentation());
                }
                for (Map.Entry<String, String> t : new TreeMap<>(d.getTags()).entrySet()) {
                    b.append(" %TAG ").append(t.getKey()).append(' ').append(t.getValue());
                }
            }
            case DocumentEnd -> b.append(((DocumentEndEvent) e).isExplicit() ? "-DOC ..." : "-DOC");
            case MappingStart, SequenceStart -> {
                CollectionStartEvent c = (CollectionStartEvent) e;
                b.append(e.getEventId() == Event.ID.MappingStart ? "+MAP" : "+SEQ");
                if (c.isFlow()) {
                    b.append(e.getEventId() == Event.ID.MappingStart ? " {}" : " []");
                }
                properties(b, c, c.getTag());
            }
            case MappingEnd -> b.append("-MAP");
            case SequenceEnd -> b.append("-SEQ");
            case Alias -> b.append("=ALI *").append(((AliasEvent) e).getAlias().getValue());
            case Scalar -> {
                ScalarEvent s = (ScalarEvent) e;
                b.append("=VAL");
                properties(b, s, s.getTag());
                String indicator = switch (s.getScalarStyle()) {
                    case PLAIN -> ":";
                    case SINGLE_QUOTED -> "'";
                    case DOUBLE_QUOTED -> "\"";
                    case LITERAL -> "|";
                    case FOLDED -> ">";
                    default -> "?";
                };
                b.append(' ').append(indicator).append(s.getValue().replace("\n", "\\n"));
            }
            case Comment -> b.append("=COMMENT ").append(((CommentEvent) e).getValue());
            default -> b.append(e.getEventId());
        }
        return b.toString();
    }

    private static void properties(StringBuilder b, NodeEvent n, Optional<String> tag) {
        if (n.getAnchor().isPresent()) {
            b.append(" &").append(n.getAnchor().get().getValue());
        }
        if (tag.isPresent()) {
            b.append(" <").append(tag.get()).append('>');
        }
    }

    /** "line:column" (from 1) of a mark, for unit tests. */
    static String at(Optional<Mark> m) {
        return (m.get().getLine() + 1) + ":" + (m.get().getColumn() + 1);
    }
}
