/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.parser;

import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.tokens.AliasToken;
import org.snakeyaml.engine.v2.tokens.AnchorToken;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.DirectiveToken;
import org.snakeyaml.engine.v2.tokens.ScalarToken;
import org.snakeyaml.engine.v2.tokens.TagToken;
import org.snakeyaml.engine.v2.tokens.TagTuple;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Turns the tokens of a {@link GoYamlScanner} into YAML events, one at a time.
 *
 * <p>The events are those snakeyaml-engine's parser makes of the same tokens (same classes, same
 * fields and marks, same empty scalars, same errors at the same point), so that the rest of the
 * YAML layer sees no difference; what differs is how it gets there. This parser is one object
 * with a {@link State} and a stack of states to come back to, and {@link #produce} is a switch on
 * the state; it builds no settings object and uses no lambda, so a cold run pays for none of
 * {@code java.lang.invoke}'s start-up.
 *
 * <p>The grammar, in the notation of the YAML 1.1 specification's productions:
 *
 * <pre>
 * stream             ::= STREAM-START implicit_document? explicit_document* STREAM-END
 * implicit_document  ::= block_node DOCUMENT-END*
 * explicit_document  ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*
 * block_node         ::= ALIAS | properties block_content? | block_content
 * flow_node          ::= ALIAS | properties flow_content? | flow_content
 * properties         ::= TAG ANCHOR? | ANCHOR TAG?
 * block_content      ::= block_collection | flow_collection | SCALAR
 * flow_content       ::= flow_collection | SCALAR
 * block_sequence     ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END
 * indentless_sequence::= (BLOCK-ENTRY block_node?)+
 * block_mapping      ::= BLOCK-MAPPING-START ((KEY node_or_indentless?)? (VALUE node_or_indentless?)?)* BLOCK-END
 * flow_sequence      ::= FLOW-SEQUENCE-START (flow_entry FLOW-ENTRY)* flow_entry? FLOW-SEQUENCE-END
 * flow_mapping       ::= FLOW-MAPPING-START (flow_entry FLOW-ENTRY)* flow_entry? FLOW-MAPPING-END
 * flow_entry         ::= flow_node | KEY flow_node? (VALUE flow_node?)?
 * </pre>
 *
 * <p>A missing node (a key without value, {@code - } with nothing after it) becomes an empty plain
 * scalar placed at the end of the indicator before it, or at the start of the token after it,
 * exactly where snakeyaml places it. How far the scanner has read when an event comes out matters
 * too (go-yaml's errors depend on it): every state looks at the same tokens as snakeyaml's.
 */
public final class EventParser implements Iterator<Event> {

    /** What the parser expects next; each one is a method below of (nearly) the same name. */
    enum State {
        /** The stream's start token. */
        STREAM_START,
        /** The first document, which may have neither directives nor {@code ---}. */
        IMPLICIT_DOCUMENT_START,
        /** A later document (directives, then {@code ---}), or the end of the stream. */
        DOCUMENT_START,
        /** The end of a document: a {@code ...}, or nothing. */
        DOCUMENT_END,
        /** The root node of an explicit document, which may be missing. */
        DOCUMENT_CONTENT,
        /** A node in block context (no indentless sequence). */
        BLOCK_NODE,
        /** Just after a block sequence's start event: its start token. */
        BLOCK_SEQUENCE_FIRST_ENTRY,
        /** A block sequence's next {@code -}, or its end. */
        BLOCK_SEQUENCE_ENTRY,
        /** What follows a block sequence's {@code -} (kept in {@link #entryToken}); only after a comment. */
        BLOCK_SEQUENCE_ENTRY_VALUE,
        /** An indentless sequence's next {@code -}, or its end (any other token). */
        INDENTLESS_SEQUENCE_ENTRY,
        /** What follows an indentless sequence's {@code -} ({@link #entryToken}); only after a comment. */
        INDENTLESS_SEQUENCE_ENTRY_VALUE,
        /** Just after a block mapping's start event: its start token. */
        BLOCK_MAPPING_FIRST_KEY,
        /** A block mapping's next key, or its end. */
        BLOCK_MAPPING_KEY,
        /** A block mapping's value, which may be missing. */
        BLOCK_MAPPING_VALUE,
        /** Comments after a block mapping's {@code :} ({@link #comments}), then the value. */
        BLOCK_MAPPING_VALUE_COMMENT,
        /** The comments after an empty value ({@link #comments}), then the next key. */
        BLOCK_MAPPING_VALUE_COMMENT_LIST,
        /** Just after a flow sequence's start event: its {@code [}. */
        FLOW_SEQUENCE_FIRST_ENTRY,
        /** The first entry of a flow sequence (no {@code ,} before it), or its {@code ]}. */
        FLOW_SEQUENCE_ENTRY_FIRST,
        /** A {@code ,} and the next entry of a flow sequence, or its {@code ]}. */
        FLOW_SEQUENCE_ENTRY,
        /** The key of a single-pair mapping in a flow sequence ({@code [? a : b]}): its {@code ?}. */
        FLOW_SEQUENCE_ENTRY_MAPPING_KEY,
        /** The value of a single-pair mapping in a flow sequence. */
        FLOW_SEQUENCE_ENTRY_MAPPING_VALUE,
        /** The end of a single-pair mapping in a flow sequence (it has no token of its own). */
        FLOW_SEQUENCE_ENTRY_MAPPING_END,
        /** Comments right after a flow collection's end. */
        FLOW_END_COMMENT,
        /** Just after a flow mapping's start event: its <code>{</code>. */
        FLOW_MAPPING_FIRST_KEY,
        /** A {@code ,} and the next key of a flow mapping, or its <code>}</code>. */
        FLOW_MAPPING_KEY,
        /** A flow mapping's value after {@code ?}-less or {@code ?} key, which may be missing. */
        FLOW_MAPPING_VALUE,
        /** The missing value of a flow mapping's key that had no {@code :} ({@code {a, b}}). */
        FLOW_MAPPING_EMPTY_VALUE,
        /** After the end of the stream: no more events. */
        DONE
    }

    /** The tag handles every document knows without a %TAG directive. */
    private static final String[] DEFAULT_HANDLES = {"!", "!!"};
    private static final String[] DEFAULT_PREFIXES = {"!", "tag:yaml.org,2002:"};

    private static final ImplicitTuple PLAIN_UNTAGGED = new ImplicitTuple(true, false);
    private static final ImplicitTuple NOT_PLAIN_UNTAGGED = new ImplicitTuple(false, true);
    private static final ImplicitTuple TAGGED = new ImplicitTuple(false, false);

    private final GoYamlScanner scanner;

    private State state = State.STREAM_START;
    /** The states to return to once the current node is complete. */
    private State[] states = new State[16];
    private int depth;
    /** The start marks of the open collections, for the context of an error. */
    private Optional<?>[] marks = new Optional<?>[16];
    private int markCount;
    /** The tag handles of the current document (its %TAG directives and the defaults). */
    private Map<String, String> tagHandles = defaultHandles();
    /** The {@code -} token of {@link State#BLOCK_SEQUENCE_ENTRY_VALUE} and {@link State#INDENTLESS_SEQUENCE_ENTRY_VALUE}. */
    private Token entryToken;
    /** The comments {@link State#BLOCK_MAPPING_VALUE_COMMENT} collected and not yet given out. */
    private final ArrayDeque<CommentToken> comments = new ArrayDeque<>();
    /** The event {@link #hasNext} produced and {@link #next} has not yet returned. */
    private Event pending;

    /** Whether go-yaml's own deviations from the grammar are on (see {@link #goYaml}). */
    private final boolean goYaml;

    /** A parser that gives exactly snakeyaml's events and errors (which its tests compare with). */
    public EventParser(GoYamlScanner scanner) {
        this(scanner, false);
    }

    private EventParser(GoYamlScanner scanner, boolean goYaml) {
        this.scanner = scanner;
        this.goYaml = goYaml;
    }

    /**
     * A parser that also has go-yaml's deviations from snakeyaml's (and libyaml's) parser, which
     * Butane's results depend on: after an empty key in a flow sequence it consumes the next
     * token.
     */
    public static EventParser goYaml(GoYamlScanner scanner) {
        return new EventParser(scanner, true);
    }

    @Override
    public boolean hasNext() {
        if (pending == null && state != State.DONE) {
            pending = produce();
        }
        return pending != null;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more Events found.");
        }
        Event event = pending;
        pending = null;
        return event;
    }

    /** The state the parser is in (for tests). */
    State state() {
        return state;
    }

    /** Produces the next event from the current state; every case sets the state that follows. */
    private Event produce() {
        switch (state) {
            case STREAM_START:
                return streamStart();
            case IMPLICIT_DOCUMENT_START:
                return implicitDocumentStart();
            case DOCUMENT_START:
                return documentStart();
            case DOCUMENT_END:
                return documentEnd();
            case DOCUMENT_CONTENT:
                return documentContent();
            case BLOCK_NODE:
                return node(true, false);
            case BLOCK_SEQUENCE_FIRST_ENTRY:
                pushMark(scanner.next().getStartMark());
                return blockSequenceEntry();
            case BLOCK_SEQUENCE_ENTRY:
                return blockSequenceEntry();
            case BLOCK_SEQUENCE_ENTRY_VALUE:
                return blockSequenceEntryValue();
            case INDENTLESS_SEQUENCE_ENTRY:
                return indentlessSequenceEntry();
            case INDENTLESS_SEQUENCE_ENTRY_VALUE:
                return indentlessSequenceEntryValue();
            case BLOCK_MAPPING_FIRST_KEY:
                pushMark(scanner.next().getStartMark());
                return blockMappingKey();
            case BLOCK_MAPPING_KEY:
                return blockMappingKey();
            case BLOCK_MAPPING_VALUE:
                return blockMappingValue();
            case BLOCK_MAPPING_VALUE_COMMENT:
                return blockMappingValueComment();
            case BLOCK_MAPPING_VALUE_COMMENT_LIST:
                if (!comments.isEmpty()) {
                    return comment(comments.poll());
                }
                return blockMappingKey();
            case FLOW_SEQUENCE_FIRST_ENTRY:
                pushMark(scanner.next().getStartMark());
                return flowSequenceEntry(true);
            case FLOW_SEQUENCE_ENTRY_FIRST:
                return flowSequenceEntry(true);
            case FLOW_SEQUENCE_ENTRY:
                return flowSequenceEntry(false);
            case FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
                return flowSequenceEntryMappingKey();
            case FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
                return flowSequenceEntryMappingValue();
            case FLOW_SEQUENCE_ENTRY_MAPPING_END: {
                state = State.FLOW_SEQUENCE_ENTRY;
                Token token = scanner.peekToken();
                return new MappingEndEvent(token.getStartMark(), token.getEndMark());
            }
            case FLOW_END_COMMENT: {
                Event event = comment((CommentToken) scanner.next());
                if (!at(Token.ID.Comment)) {
                    state = pop();
                }
                return event;
            }
            case FLOW_MAPPING_FIRST_KEY:
                pushMark(scanner.next().getStartMark());
                return flowMappingKey(true);
            case FLOW_MAPPING_KEY:
                return flowMappingKey(false);
            case FLOW_MAPPING_VALUE:
                return flowMappingValue();
            case FLOW_MAPPING_EMPTY_VALUE:
                state = State.FLOW_MAPPING_KEY;
                return emptyScalar(startOf(scanner.peekToken()));
            default:
                throw new NoSuchElementException("No more Events found.");
        }
    }

    // ---- stream and documents ------------------------------------------------------------------

    private Event streamStart() {
        Token token = scanner.next();
        state = State.IMPLICIT_DOCUMENT_START;
        return new StreamStartEvent(token.getStartMark(), token.getEndMark());
    }

    private Event implicitDocumentStart() {
        if (at(Token.ID.Comment)) {
            return comment((CommentToken) scanner.next());
        }
        Token.ID id = scanner.peekToken().getTokenId();
        if (id == Token.ID.Directive || id == Token.ID.DocumentStart || id == Token.ID.StreamEnd) {
            return documentStart();
        }
        // a document without "---": its start and end marks are both the first token's start
        Optional<Mark> start = scanner.peekToken().getStartMark();
        push(State.DOCUMENT_END);
        state = State.BLOCK_NODE;
        return new DocumentStartEvent(false, Optional.empty(), Collections.emptyMap(), start, start);
    }

    private Event documentStart() {
        if (at(Token.ID.Comment)) {
            state = State.DOCUMENT_START;
            return comment((CommentToken) scanner.next());
        }
        while (at(Token.ID.DocumentEnd)) {
            scanner.next(); // extra "..." between documents
        }
        if (at(Token.ID.Comment)) {
            state = State.DOCUMENT_START;
            return comment((CommentToken) scanner.next());
        }
        if (at(Token.ID.StreamEnd)) {
            Token token = scanner.next();
            if (depth != 0) {
                throw new YamlEngineException("Unexpected end of stream. States left: "
                        + Arrays.asList(states).subList(0, depth));
            }
            if (markCount != 0) {
                throw new YamlEngineException("Unexpected end of stream. Marks left: "
                        + Arrays.asList(marks).subList(0, markCount));
            }
            state = State.DONE;
            return new StreamEndEvent(token.getStartMark(), token.getEndMark());
        }
        scanner.resetDocumentIndex();
        Optional<Mark> start = scanner.peekToken().getStartMark();
        Map<String, String> declared = new HashMap<>();
        Optional<SpecVersion> version = directives(declared);
        while (at(Token.ID.Comment)) {
            scanner.next(); // comments among the directives belong to no node
        }
        if (!at(Token.ID.DocumentStart)) {
            Token token = scanner.peekToken();
            throw new ParserException("expected '<document start>', but found '" + token.getTokenId() + "'",
                    token.getStartMark());
        }
        Token token = scanner.next();
        push(State.DOCUMENT_END);
        state = State.DOCUMENT_CONTENT;
        return new DocumentStartEvent(true, version, declared, start, token.getEndMark());
    }

    /**
     * Reads a document's directives: puts its %TAG handles into {@code declared} (which becomes
     * the document start event's tags) and makes them, with the default handles it does not
     * redefine, the handles of the document. Returns its %YAML version, if any.
     */
    private Optional<SpecVersion> directives(Map<String, String> declared) {
        Optional<SpecVersion> version = Optional.empty();
        while (at(Token.ID.Directive)) {
            DirectiveToken<?> token = (DirectiveToken<?>) scanner.next();
            Optional<? extends List<?>> value = token.getValue();
            if (value.isEmpty()) {
                continue; // a reserved directive: ignored
            }
            List<?> args = value.get();
            if (DirectiveToken.YAML_DIRECTIVE.equals(token.getName())) {
                if (version.isPresent()) {
                    throw new ParserException("found duplicate YAML directive", token.getStartMark());
                }
                SpecVersion v = new SpecVersion((Integer) args.get(0), (Integer) args.get(1));
                // go-yaml accepts only 1.1 and refuses another at the directive itself, before
                // it reads on to the document start (snakeyaml takes any 1.x)
                if (v.getMajor() != 1 || (goYaml && v.getMinor() != 1)) {
                    throw new YamlVersionException(v);
                }
                version = Optional.of(v);
            } else if (DirectiveToken.TAG_DIRECTIVE.equals(token.getName())) {
                String handle = (String) args.get(0);
                if (declared.containsKey(handle)) {
                    throw new ParserException("duplicate tag handle " + handle, token.getStartMark());
                }
                declared.put(handle, (String) args.get(1));
            }
        }
        Map<String, String> handles = new HashMap<>(declared);
        for (int i = 0; i < DEFAULT_HANDLES.length; i++) {
            handles.putIfAbsent(DEFAULT_HANDLES[i], DEFAULT_PREFIXES[i]);
        }
        tagHandles = handles;
        return version;
    }

    private static Map<String, String> defaultHandles() {
        Map<String, String> handles = new HashMap<>();
        for (int i = 0; i < DEFAULT_HANDLES.length; i++) {
            handles.put(DEFAULT_HANDLES[i], DEFAULT_PREFIXES[i]);
        }
        return handles;
    }

    private Event documentEnd() {
        Token token = scanner.peekToken();
        Optional<Mark> start = token.getStartMark();
        Optional<Mark> end = start;
        boolean explicit = false;
        if (token.getTokenId() == Token.ID.DocumentEnd) {
            end = scanner.next().getEndMark();
            explicit = true;
        } else if (token.getTokenId() == Token.ID.Directive) {
            throw new ParserException("expected '<document end>' before directives, but found '"
                    + token.getTokenId() + "'", token.getStartMark());
        }
        tagHandles.clear(); // %TAG handles end with their document
        state = State.DOCUMENT_START;
        return new DocumentEndEvent(explicit, start, end);
    }

    private Event documentContent() {
        if (at(Token.ID.Comment)) {
            state = State.DOCUMENT_CONTENT;
            return comment((CommentToken) scanner.next());
        }
        Token token = scanner.peekToken();
        Token.ID id = token.getTokenId();
        if (id == Token.ID.Directive || id == Token.ID.DocumentStart || id == Token.ID.DocumentEnd
                || id == Token.ID.StreamEnd) {
            state = pop(); // "---" with no node: an empty scalar where the next token starts
            return emptyScalar(startOf(token));
        }
        return node(true, false);
    }

    // ---- nodes ---------------------------------------------------------------------------------

    /**
     * A node: an alias, or properties (anchor, tag) and content. {@code block}: in block context
     * (a block collection may start here); {@code indentless}: a {@code -} may start a sequence at
     * the indentation of the mapping it is a value of.
     */
    private Event node(boolean block, boolean indentless) {
        if (at(Token.ID.Alias)) {
            AliasToken token = (AliasToken) scanner.next();
            state = pop();
            return new AliasEvent(Optional.of(token.getValue()), token.getStartMark(), token.getEndMark());
        }
        Optional<Mark> start = Optional.empty();
        Optional<Mark> end = Optional.empty();
        Optional<Mark> tagMark = Optional.empty();
        Optional<Anchor> anchor = Optional.empty();
        TagTuple tagValue = null;
        if (at(Token.ID.Anchor)) {
            AnchorToken token = (AnchorToken) scanner.next();
            start = token.getStartMark();
            end = token.getEndMark();
            anchor = Optional.of(token.getValue());
            if (at(Token.ID.Tag)) {
                TagToken tag = (TagToken) scanner.next();
                tagMark = tag.getStartMark();
                end = tag.getEndMark();
                tagValue = tag.getValue();
            }
        } else if (at(Token.ID.Tag)) {
            TagToken tag = (TagToken) scanner.next();
            start = tag.getStartMark();
            tagMark = start;
            end = tag.getEndMark();
            tagValue = tag.getValue();
            if (at(Token.ID.Anchor)) {
                AnchorToken token = (AnchorToken) scanner.next();
                end = token.getEndMark();
                anchor = Optional.of(token.getValue());
            }
        }
        Optional<String> tag = Optional.empty();
        if (tagValue != null) {
            Optional<String> handle = tagValue.getHandle();
            if (handle.isPresent()) {
                String prefix = tagHandles.get(handle.get());
                if (prefix == null) {
                    throw new ParserException("while parsing a node", start,
                            "found undefined tag handle " + handle.get(), tagMark);
                }
                tag = Optional.of(prefix + tagValue.getSuffix());
            } else {
                tag = Optional.of(tagValue.getSuffix()); // a verbatim tag, !<...>
            }
        }
        Token next = scanner.peekToken();
        if (start.isEmpty()) {
            start = next.getStartMark();
            end = start;
        }
        boolean implicit = tag.isEmpty();
        switch (next.getTokenId()) {
            case BlockEntry:
                if (indentless) {
                    state = State.INDENTLESS_SEQUENCE_ENTRY;
                    return new SequenceStartEvent(anchor, tag, implicit, FlowStyle.BLOCK, start, next.getEndMark());
                }
                break;
            case Scalar: {
                ScalarToken token = (ScalarToken) scanner.next();
                ImplicitTuple tuple = !implicit ? TAGGED : token.isPlain() ? PLAIN_UNTAGGED : NOT_PLAIN_UNTAGGED;
                state = pop();
                return new ScalarEvent(anchor, tag, tuple, token.getValue(), token.getStyle(), start,
                        token.getEndMark());
            }
            case FlowSequenceStart:
                state = State.FLOW_SEQUENCE_FIRST_ENTRY;
                return new SequenceStartEvent(anchor, tag, implicit, FlowStyle.FLOW, start, next.getEndMark());
            case FlowMappingStart:
                state = State.FLOW_MAPPING_FIRST_KEY;
                return new MappingStartEvent(anchor, tag, implicit, FlowStyle.FLOW, start, next.getEndMark());
            case BlockSequenceStart:
                if (block) {
                    // a block collection's start event ends where its first token starts
                    state = State.BLOCK_SEQUENCE_FIRST_ENTRY;
                    return new SequenceStartEvent(anchor, tag, implicit, FlowStyle.BLOCK, start, next.getStartMark());
                }
                break;
            case BlockMappingStart:
                if (block) {
                    state = State.BLOCK_MAPPING_FIRST_KEY;
                    return new MappingStartEvent(anchor, tag, implicit, FlowStyle.BLOCK, start, next.getStartMark());
                }
                break;
            default:
                break;
        }
        if (anchor.isPresent() || tag.isPresent()) {
            // properties without content: an empty scalar that ends with the properties
            state = pop();
            return new ScalarEvent(anchor, tag, new ImplicitTuple(implicit, false), "", ScalarStyle.PLAIN, start, end);
        }
        throw new ParserException("while parsing a " + (block ? "block" : "flow") + " node", start,
                "expected the node content, but found '" + next.getTokenId() + "'", next.getStartMark());
    }

    // ---- block collections ---------------------------------------------------------------------

    private Event blockSequenceEntry() {
        if (at(Token.ID.Comment)) {
            state = State.BLOCK_SEQUENCE_ENTRY;
            return comment((CommentToken) scanner.next());
        }
        if (at(Token.ID.BlockEntry)) {
            entryToken = scanner.next();
            return blockSequenceEntryValue();
        }
        Token token = scanner.peekToken();
        if (token.getTokenId() != Token.ID.BlockEnd) {
            throw new ParserException("while parsing a block collection", popMark(),
                    "expected <block end>, but found '" + token.getTokenId() + "'", token.getStartMark());
        }
        scanner.next();
        state = pop();
        popMark();
        return new SequenceEndEvent(token.getStartMark(), token.getEndMark());
    }

    private Event blockSequenceEntryValue() {
        if (at(Token.ID.Comment)) {
            state = State.BLOCK_SEQUENCE_ENTRY_VALUE;
            return comment((CommentToken) scanner.next());
        }
        Token.ID id = scanner.peekToken().getTokenId();
        if (id != Token.ID.BlockEntry && id != Token.ID.BlockEnd) {
            push(State.BLOCK_SEQUENCE_ENTRY);
            return node(true, false);
        }
        state = State.BLOCK_SEQUENCE_ENTRY; // "-" with nothing after it
        return emptyScalar(entryToken.getEndMark());
    }

    private Event indentlessSequenceEntry() {
        if (at(Token.ID.Comment)) {
            state = State.INDENTLESS_SEQUENCE_ENTRY;
            return comment((CommentToken) scanner.next());
        }
        if (at(Token.ID.BlockEntry)) {
            entryToken = scanner.next();
            return indentlessSequenceEntryValue();
        }
        // the sequence has no end token of its own: it ends where the next token is
        Token token = scanner.peekToken();
        state = pop();
        return new SequenceEndEvent(token.getStartMark(), token.getEndMark());
    }

    private Event indentlessSequenceEntryValue() {
        if (at(Token.ID.Comment)) {
            state = State.INDENTLESS_SEQUENCE_ENTRY_VALUE;
            return comment((CommentToken) scanner.next());
        }
        Token.ID id = scanner.peekToken().getTokenId();
        if (id != Token.ID.BlockEntry && id != Token.ID.Key && id != Token.ID.Value && id != Token.ID.BlockEnd) {
            push(State.INDENTLESS_SEQUENCE_ENTRY);
            return node(true, false);
        }
        state = State.INDENTLESS_SEQUENCE_ENTRY;
        return emptyScalar(entryToken.getEndMark());
    }

    private Event blockMappingKey() {
        if (at(Token.ID.Comment)) {
            state = State.BLOCK_MAPPING_KEY;
            return comment((CommentToken) scanner.next());
        }
        if (at(Token.ID.Key)) {
            Token key = scanner.next();
            if (!atKeyValueOrBlockEnd()) {
                push(State.BLOCK_MAPPING_VALUE);
                return node(true, true);
            }
            state = State.BLOCK_MAPPING_VALUE; // "?" with nothing after it
            return emptyScalar(key.getEndMark());
        }
        Token token = scanner.peekToken();
        if (token.getTokenId() != Token.ID.BlockEnd) {
            throw new ParserException("while parsing a block mapping", popMark(),
                    "expected <block end>, but found '" + token.getTokenId() + "'", token.getStartMark());
        }
        scanner.next();
        state = pop();
        popMark();
        return new MappingEndEvent(token.getStartMark(), token.getEndMark());
    }

    private Event blockMappingValue() {
        if (at(Token.ID.Value)) {
            Token value = scanner.next();
            if (at(Token.ID.Comment)) {
                comments.clear();
                state = State.BLOCK_MAPPING_VALUE_COMMENT;
                return blockMappingValueComment();
            }
            if (!atKeyValueOrBlockEnd()) {
                push(State.BLOCK_MAPPING_KEY);
                return node(true, true);
            }
            state = State.BLOCK_MAPPING_KEY; // ":" with nothing after it
            return emptyScalar(value.getEndMark());
        }
        if (!goYaml && at(Token.ID.Scalar)) {
            // snakeyaml takes a scalar right after a key without ":" as its value; go-yaml gives
            // the key an empty value and then fails at the scalar ("? \"a\"" with "  b" below)
            push(State.BLOCK_MAPPING_KEY);
            return node(true, true);
        }
        state = State.BLOCK_MAPPING_KEY; // a key without ":"
        return emptyScalar(startOf(scanner.peekToken()));
    }

    /** The value after a {@code :} and comments: gives out the comments, then the value or an empty one. */
    private Event blockMappingValueComment() {
        while (at(Token.ID.Comment)) {
            comments.add((CommentToken) scanner.next());
        }
        if (!atKeyValueOrBlockEnd()) {
            if (!comments.isEmpty()) {
                return comment(comments.poll()); // the state stays: the next call continues here
            }
            push(State.BLOCK_MAPPING_KEY);
            return node(true, true);
        }
        state = State.BLOCK_MAPPING_VALUE_COMMENT_LIST;
        return emptyScalar(startOf(scanner.peekToken()));
    }

    private boolean atKeyValueOrBlockEnd() {
        Token.ID id = scanner.peekToken().getTokenId();
        return id == Token.ID.Key || id == Token.ID.Value || id == Token.ID.BlockEnd;
    }

    // ---- flow collections ----------------------------------------------------------------------

    /** A flow sequence's next entry or its end; {@code first}: no {@code ,} is expected before it. */
    private Event flowSequenceEntry(boolean first) {
        if (at(Token.ID.Comment)) {
            state = first ? State.FLOW_SEQUENCE_ENTRY_FIRST : State.FLOW_SEQUENCE_ENTRY;
            return comment((CommentToken) scanner.next());
        }
        if (!at(Token.ID.FlowSequenceEnd)) {
            if (!first) {
                if (!at(Token.ID.FlowEntry)) {
                    Token token = scanner.peekToken();
                    throw new ParserException("while parsing a flow sequence", popMark(),
                            "expected ',' or ']', but got " + token.getTokenId(), token.getStartMark());
                }
                scanner.next();
                if (at(Token.ID.Comment)) {
                    state = State.FLOW_SEQUENCE_ENTRY_FIRST;
                    return comment((CommentToken) scanner.next());
                }
            }
            Token token = scanner.peekToken();
            if (token.getTokenId() == Token.ID.Key) {
                // "[? a : b]" or "[a: b]": a mapping of one pair, which starts and ends at the key token
                state = State.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
                return new MappingStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.FLOW,
                        token.getStartMark(), token.getEndMark());
            }
            if (token.getTokenId() != Token.ID.FlowSequenceEnd) {
                push(State.FLOW_SEQUENCE_ENTRY);
                return node(false, false);
            }
        }
        Token token = scanner.next();
        state = at(Token.ID.Comment) ? State.FLOW_END_COMMENT : pop();
        popMark();
        return new SequenceEndEvent(token.getStartMark(), token.getEndMark());
    }

    private Event flowSequenceEntryMappingKey() {
        Token key = scanner.next();
        Token.ID id = scanner.peekToken().getTokenId();
        if (id != Token.ID.Value && id != Token.ID.FlowEntry && id != Token.ID.FlowSequenceEnd) {
            push(State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
            return node(false, false);
        }
        // go-yaml (unlike libyaml and snakeyaml) consumes the token after an empty key here, the
        // ",", "]" or ":" itself, so "[?, x]", "[x, ?]" and "[? : y]" fail as in Butane, with the
        // empty key at that token's end
        state = State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
        if (goYaml) {
            return emptyScalar(scanner.next().getEndMark());
        }
        return emptyScalar(key.getEndMark());
    }

    private Event flowSequenceEntryMappingValue() {
        if (at(Token.ID.Value)) {
            Token value = scanner.next();
            Token.ID id = scanner.peekToken().getTokenId();
            if (id != Token.ID.FlowEntry && id != Token.ID.FlowSequenceEnd) {
                push(State.FLOW_SEQUENCE_ENTRY_MAPPING_END);
                return node(false, false);
            }
            state = State.FLOW_SEQUENCE_ENTRY_MAPPING_END;
            // go-yaml places this empty value at the start of the ":" itself ("[a: ]"), where
            // snakeyaml places it after the ":"
            return emptyScalar(goYaml ? value.getStartMark() : value.getEndMark());
        }
        state = State.FLOW_SEQUENCE_ENTRY_MAPPING_END;
        return emptyScalar(startOf(scanner.peekToken()));
    }

    /**
     * A flow mapping's next key or its end; {@code first}: no {@code ,} is expected before it.
     * Unlike a flow sequence, a flow mapping takes no comment between its entries (snakeyaml
     * 2.9's parser does not either): with comments on, one there is an error.
     */
    private Event flowMappingKey(boolean first) {
        if (!at(Token.ID.FlowMappingEnd)) {
            if (!first) {
                if (!at(Token.ID.FlowEntry)) {
                    Token token = scanner.peekToken();
                    throw new ParserException("while parsing a flow mapping", popMark(),
                            "expected ',' or '}', but got " + token.getTokenId(), token.getStartMark());
                }
                scanner.next();
            }
            if (at(Token.ID.Key)) {
                Token key = scanner.next();
                Token.ID id = scanner.peekToken().getTokenId();
                if (id != Token.ID.Value && id != Token.ID.FlowEntry && id != Token.ID.FlowMappingEnd) {
                    push(State.FLOW_MAPPING_VALUE);
                    return node(false, false);
                }
                state = State.FLOW_MAPPING_VALUE;
                // go-yaml: an empty key starts where the next token does ("{? }": at the "}")
                return emptyScalar(goYaml ? startOf(scanner.peekToken()) : key.getEndMark());
            }
            if (!at(Token.ID.FlowMappingEnd)) {
                // a key without "?" or ":" ("{a, b}"): its value is empty
                push(State.FLOW_MAPPING_EMPTY_VALUE);
                return node(false, false);
            }
        }
        Token token = scanner.next();
        popMark();
        state = at(Token.ID.Comment) ? State.FLOW_END_COMMENT : pop();
        return new MappingEndEvent(token.getStartMark(), token.getEndMark());
    }

    private Event flowMappingValue() {
        if (at(Token.ID.Value)) {
            Token value = scanner.next();
            Token.ID id = scanner.peekToken().getTokenId();
            if (id != Token.ID.FlowEntry && id != Token.ID.FlowMappingEnd) {
                push(State.FLOW_MAPPING_KEY);
                return node(false, false);
            }
            state = State.FLOW_MAPPING_KEY;
            // go-yaml: an empty value starts where the next token does ("{a: }": at the "}",
            // past blanks, breaks and comments); snakeyaml: right after the ":"
            return emptyScalar(goYaml ? startOf(scanner.peekToken()) : value.getEndMark());
        }
        state = State.FLOW_MAPPING_KEY;
        return emptyScalar(startOf(scanner.peekToken()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Whether the next token is {@code id}; scans as far as the scanner needs to know. */
    private boolean at(Token.ID id) {
        return scanner.checkToken(id);
    }

    /**
     * Where an empty node before {@code token} starts: the token's start, except that go-yaml
     * starts the end of the stream on a new line when the last one has no line break, and an
     * empty node there (a {@code ---} with nothing after it, a key without a value) is placed
     * on that line.
     */
    private Optional<Mark> startOf(Token token) {
        if (goYaml && token.getTokenId() == Token.ID.StreamEnd) {
            return scanner.goStreamEndMark();
        }
        return token.getStartMark();
    }

    private static Event emptyScalar(Optional<Mark> mark) {
        return new ScalarEvent(Optional.empty(), Optional.empty(), PLAIN_UNTAGGED, "", ScalarStyle.PLAIN, mark, mark);
    }

    private static Event comment(CommentToken token) {
        return new CommentEvent(token.getCommentType(), token.getValue(), token.getStartMark(), token.getEndMark());
    }

    private void push(State s) {
        if (depth == states.length) {
            states = Arrays.copyOf(states, depth * 2);
        }
        states[depth++] = s;
    }

    private State pop() {
        if (depth == 0) {
            throw new IllegalStateException("no state to return to");
        }
        return states[--depth];
    }

    private void pushMark(Optional<Mark> mark) {
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, markCount * 2);
        }
        marks[markCount++] = mark;
    }

    @SuppressWarnings("unchecked")
    private Optional<Mark> popMark() {
        Optional<Mark> mark = (Optional<Mark>) marks[--markCount];
        marks[markCount] = null;
        return mark;
    }
}
