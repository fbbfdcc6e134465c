/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kindling.transpiler.yaml.parser.EventParser.State;
import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * The parser state by state: what each one reads and which events come out. The events are
 * written in a short form: {@code +MAP}/{@code -MAP}, {@code +SEQ []} (flow), {@code =VAL :plain},
 * {@code 'single}, {@code "double}, {@code |literal}, {@code &anchor}, {@code <tag>},
 * {@code =ALI *alias}.
 */
class EventParserTest {

    private static List<String> events(String yaml) {
        return EventText.brief(yaml);
    }

    private static List<String> eventsWithComments(String yaml) {
        EventParser parser = parser(yaml, true);
        List<String> out = new ArrayList<>();
        while (parser.hasNext()) {
            out.add(EventText.brief(parser.next()));
        }
        return out;
    }

    private static GoYamlScanner scanner(String yaml) {
        return new GoYamlScanner("reader", Integer.MAX_VALUE - 1, false, yaml, 0, -1, false);
    }

    private static List<String> drain(EventParser parser) {
        List<String> out = new ArrayList<>();
        while (parser.hasNext()) {
            out.add(EventText.brief(parser.next()));
        }
        return out;
    }

    private static EventParser parser(String yaml, boolean comments) {
        return new EventParser(new GoYamlScanner("reader", Integer.MAX_VALUE - 1, comments, yaml, 0, -1, false));
    }

    /** The events up to the first failure, and the failure's problem. */
    private static ParserException failure(String yaml) {
        EventParser parser = parser(yaml, false);
        return catchThrowableOfType(() -> {
            while (parser.hasNext()) {
                parser.next();
            }
        }, ParserException.class);
    }

    private static List<Event> all(String yaml) {
        EventParser parser = parser(yaml, false);
        List<Event> out = new ArrayList<>();
        while (parser.hasNext()) {
            out.add(parser.next());
        }
        return out;
    }

    /** Each event with the state the parser is in after it: "=VAL :a -> BLOCK_MAPPING_VALUE". */
    private static List<String> trace(String yaml, boolean comments) {
        EventParser parser = parser(yaml, comments);
        List<String> out = new ArrayList<>();
        out.add("(start) -> " + parser.state());
        while (parser.hasNext()) {
            out.add(EventText.brief(parser.next()) + " -> " + parser.state());
        }
        return out;
    }

    /** The states, one by one: which event leads into each (a reader can follow the grammar here). */
    @Nested
    class States {
        private static final String[] PLAIN = {"a: b\n? c\n", "---\n- a\n- b:\n  - c\n", "[a, b: c, {d, e: f}]"};
        private static final String[] COMMENTED = {"- # c\n  a\n", "b:\n- # d\n  e\n", "a: # c\n  # d\n  b\n",
            "a: # c\nb: 1\n", "[a, # c\n b] # d\n# e\n"};
        @Test
        void documentsAndABlockMapping() {
            assertThat(trace(PLAIN[0], false)).containsExactly(
                    "(start) -> STREAM_START",
                    "+STR -> IMPLICIT_DOCUMENT_START",
                    "+DOC -> BLOCK_NODE",
                    "+MAP -> BLOCK_MAPPING_FIRST_KEY",
                    "=VAL :a -> BLOCK_MAPPING_VALUE",
                    "=VAL :b -> BLOCK_MAPPING_KEY",
                    "=VAL :c -> BLOCK_MAPPING_VALUE",
                    "=VAL : -> BLOCK_MAPPING_KEY",
                    "-MAP -> DOCUMENT_END",
                    "-DOC -> DOCUMENT_START",
                    "-STR -> DONE");
        }

        @Test
        void anExplicitDocumentAndBlockSequences() {
            assertThat(trace(PLAIN[1], false)).containsExactly(
                    "(start) -> STREAM_START",
                    "+STR -> IMPLICIT_DOCUMENT_START",
                    "+DOC --- -> DOCUMENT_CONTENT",
                    "+SEQ -> BLOCK_SEQUENCE_FIRST_ENTRY",
                    "=VAL :a -> BLOCK_SEQUENCE_ENTRY",
                    "+MAP -> BLOCK_MAPPING_FIRST_KEY",
                    "=VAL :b -> BLOCK_MAPPING_VALUE",
                    "+SEQ -> INDENTLESS_SEQUENCE_ENTRY",
                    "=VAL :c -> INDENTLESS_SEQUENCE_ENTRY",
                    "-SEQ -> BLOCK_MAPPING_KEY",
                    "-MAP -> BLOCK_SEQUENCE_ENTRY",
                    "-SEQ -> DOCUMENT_END",
                    "-DOC -> DOCUMENT_START",
                    "-STR -> DONE");
        }

        @Test
        void flowCollections() {
            assertThat(trace(PLAIN[2], false)).containsExactly(
                    "(start) -> STREAM_START",
                    "+STR -> IMPLICIT_DOCUMENT_START",
                    "+DOC -> BLOCK_NODE",
                    "+SEQ [] -> FLOW_SEQUENCE_FIRST_ENTRY",
                    "=VAL :a -> FLOW_SEQUENCE_ENTRY",
                    "+MAP {} -> FLOW_SEQUENCE_ENTRY_MAPPING_KEY",
                    "=VAL :b -> FLOW_SEQUENCE_ENTRY_MAPPING_VALUE",
                    "=VAL :c -> FLOW_SEQUENCE_ENTRY_MAPPING_END",
                    "-MAP -> FLOW_SEQUENCE_ENTRY",
                    "+MAP {} -> FLOW_MAPPING_FIRST_KEY",
                    "=VAL :d -> FLOW_MAPPING_EMPTY_VALUE",
                    "=VAL : -> FLOW_MAPPING_KEY",
                    "=VAL :e -> FLOW_MAPPING_VALUE",
                    "=VAL :f -> FLOW_MAPPING_KEY",
                    "-MAP -> FLOW_SEQUENCE_ENTRY",
                    "-SEQ -> DOCUMENT_END",
                    "-DOC -> DOCUMENT_START",
                    "-STR -> DONE");
        }

        @Test
        void statesThatOnlyCommentsReach() {
            assertThat(trace(COMMENTED[0], true)).contains("=COMMENT  c -> BLOCK_SEQUENCE_ENTRY_VALUE");
            assertThat(trace(COMMENTED[1], true)).contains("=COMMENT  d -> INDENTLESS_SEQUENCE_ENTRY_VALUE");
            assertThat(trace(COMMENTED[2], true)).contains(
                    "=COMMENT  c -> BLOCK_MAPPING_VALUE_COMMENT",
                    "=COMMENT  d -> BLOCK_MAPPING_VALUE_COMMENT");
            assertThat(trace(COMMENTED[3], true)).contains(
                    "=VAL : -> BLOCK_MAPPING_VALUE_COMMENT_LIST",
                    "=COMMENT  c -> BLOCK_MAPPING_VALUE_COMMENT_LIST");
            assertThat(trace(COMMENTED[4], true)).contains(
                    "=COMMENT  c -> FLOW_SEQUENCE_ENTRY_FIRST",
                    "-SEQ -> FLOW_END_COMMENT",
                    "=COMMENT  d -> FLOW_END_COMMENT",
                    "=COMMENT  e -> DOCUMENT_END");
        }

        @Test
        void everyStateIsShownAbove() {
            StringBuilder all = new StringBuilder();
            for (String t : PLAIN) {
                all.append(String.join("\n", trace(t, false))).append('\n');
            }
            for (String t : COMMENTED) {
                all.append(String.join("\n", trace(t, true))).append('\n');
            }
            for (State s : State.values()) {
                assertThat(all.toString()).as(s.name()).contains("-> " + s.name() + "\n");
            }
        }
    }

    @Nested
    class StreamAndDocuments {
        @Test
        void anEmptyStreamHasOnlyItsStartAndEnd() {
            assertThat(events("")).containsExactly("+STR", "-STR");
            assertThat(events("# only a comment\n")).containsExactly("+STR", "-STR");
        }

        @Test
        void afterTheEndOfTheStreamThereIsNoEvent() {
            EventParser p = parser("a", false);
            assertThat(p.state()).isEqualTo(State.STREAM_START);
            while (p.hasNext()) {
                p.next();
            }
            assertThat(p.state()).isEqualTo(State.DONE);
            assertThat(p.hasNext()).isFalse();
            assertThatThrownBy(p::next).isInstanceOf(NoSuchElementException.class).hasMessage("No more Events found.");
        }

        @Test
        void implicitDocumentStartsAtItsFirstToken() {
            assertThat(events("a")).containsExactly("+STR", "+DOC", "=VAL :a", "-DOC", "-STR");
            List<Event> e = all("\n\n  a");
            assertThat(EventText.at(e.get(1).getStartMark())).isEqualTo("3:3");
            assertThat(EventText.at(e.get(1).getEndMark())).isEqualTo("3:3");
        }

        @Test
        void explicitDocumentsMayFollowEachOther() {
            assertThat(events("--- a\n--- b\n...\n"))
                    .containsExactly("+STR", "+DOC ---", "=VAL :a", "-DOC", "+DOC ---", "=VAL :b", "-DOC ...", "-STR");
        }

        @Test
        void documentStartCarriesTheDirectives() {
            assertThat(events("%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !e!x a\n"))
                    .containsExactly("+STR", "+DOC --- %YAML 1.1 %TAG !e! tag:example.com,2000:",
                            "=VAL <tag:example.com,2000:x> :a", "-DOC", "-STR");
        }

        @Test
        void theDefaultHandlesMayBeRedefined() {
            assertThat(events("%TAG !! tag:other:\n--- !!x a\n")).contains("=VAL <tag:other:x> :a");
            assertThat(events("--- !!x a\n")).contains("=VAL <tag:yaml.org,2002:x> :a");
            assertThat(events("--- !x a\n")).contains("=VAL <!x> :a");
        }

        @Test
        void tagHandlesEndWithTheirDocument() {
            ParserException e = failure("%TAG !e! tag:e:\n--- !e!a x\n--- !e!b y\n");
            assertThat(e.getContext()).isEqualTo("while parsing a node");
            assertThat(e.getProblem()).isEqualTo("found undefined tag handle !e!");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("3:5");
        }

        @Test
        void duplicateDirectivesAreErrors() {
            assertThat(failure("%YAML 1.1\n%YAML 1.1\n--- a\n").getProblem()).isEqualTo("found duplicate YAML directive");
            assertThat(failure("%TAG !e! a:\n%TAG !e! b:\n--- a\n").getProblem()).isEqualTo("duplicate tag handle !e!");
        }

        @Test
        void onlyYamlVersionOneIsAccepted() {
            assertThat(events("%YAML 1.3\n--- a\n")).contains("+DOC --- %YAML 1.3");
            assertThatThrownBy(() -> all("%YAML 2.0\n--- a\n")).isInstanceOf(YamlVersionException.class)
                    .hasMessage("Version{major=2, minor=0}");
        }

        @Test
        void laterDocumentsNeedADocumentStart() {
            ParserException e = failure("a\n...\nb\n");
            assertThat(e.getContext()).isNull();
            assertThat(e.getProblem()).isEqualTo("expected '<document start>', but found '<scalar>'");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("3:1");
        }

        @Test
        void directivesNeedADocumentEndBeforeThem() {
            // (after a plain scalar, the next line would continue it: a quoted one ends where it ends)
            ParserException e = failure("'a'\n%YAML 1.1\n--- b\n");
            assertThat(e.getProblem()).isEqualTo("expected '<document end>' before directives, but found '<directive>'");
        }

        @Test
        void anExplicitDocumentWithoutContentHoldsAnEmptyScalar() {
            assertThat(events("---\n")).containsExactly("+STR", "+DOC ---", "=VAL :", "-DOC", "-STR");
            assertThat(events("---\n...\n")).containsExactly("+STR", "+DOC ---", "=VAL :", "-DOC ...", "-STR");
            // placed where the next token starts
            List<Event> e = all("---\n\n");
            assertThat(EventText.at(e.get(2).getStartMark())).isEqualTo("3:1");
        }
    }

    @Nested
    class Nodes {
        @Test
        void anchorsTagsAndAliases() {
            assertThat(events("- &a !t x\n- !t &b y\n- *a\n"))
                    .containsExactly("+STR", "+DOC", "+SEQ", "=VAL &a <!t> :x", "=VAL &b <!t> :y", "=ALI *a", "-SEQ",
                            "-DOC", "-STR");
        }

        @Test
        void propertiesWithoutContentAreAnEmptyScalarEndingWithThem() {
            List<Event> e = all("&a !t\n");
            ScalarEvent s = (ScalarEvent) e.get(2);
            assertThat(EventText.brief(s)).isEqualTo("=VAL &a <!t> :");
            assertThat(s.getImplicit().canOmitTagInPlainScalar()).isFalse();
            assertThat(EventText.at(s.getStartMark()) + "-" + EventText.at(s.getEndMark())).isEqualTo("1:1-1:6");
            ScalarEvent anchored = (ScalarEvent) all("&a\n").get(2);
            assertThat(anchored.getImplicit().canOmitTagInPlainScalar()).isTrue();
        }

        @Test
        void scalarStylesAndImplicitFlags() {
            assertThat(events("- a\n- 'b'\n- \"c\"\n- |\n  d\n- >\n  e\n"))
                    .containsSubsequence("=VAL :a", "=VAL 'b", "=VAL \"c", "=VAL |d\\n", "=VAL >e\\n");
            List<Event> e = all("- a\n- 'b'\n- !t c\n");
            ScalarEvent plain = (ScalarEvent) e.get(3);
            ScalarEvent quoted = (ScalarEvent) e.get(4);
            ScalarEvent tagged = (ScalarEvent) e.get(5);
            assertThat(plain.getImplicit().canOmitTagInPlainScalar()).isTrue();
            assertThat(quoted.getImplicit().canOmitTagInNonPlainScalar()).isTrue();
            assertThat(tagged.getImplicit().bothFalse()).isTrue();
        }

        @Test
        void verbatimTagsNeedNoHandle() {
            assertThat(events("!<tag:x> a")).contains("=VAL <tag:x> :a");
        }

        @Test
        void aMissingNodeIsAnError() {
            ParserException block = failure("--- ]\n");
            assertThat(block).isNotNull();
            assertThat(block.getContext()).isEqualTo("while parsing a block node");
            assertThat(block.getProblem()).isEqualTo("expected the node content, but found ']'");
        }
    }

    @Nested
    class BlockCollections {
        @Test
        void blockSequenceEntriesAndEmptyEntries() {
            assertThat(events("- a\n-\n- b\n"))
                    .containsExactly("+STR", "+DOC", "+SEQ", "=VAL :a", "=VAL :", "=VAL :b", "-SEQ", "-DOC", "-STR");
            // the empty entry ends where its "-" does
            List<Event> e = all("- a\n-\n- b\n");
            assertThat(EventText.at(e.get(4).getStartMark())).isEqualTo("2:2");
        }

        @Test
        void aBlockSequenceStartEventEndsWhereItStarts() {
            List<Event> e = all("  - a\n");
            assertThat(EventText.at(e.get(2).getStartMark())).isEqualTo("1:3");
            assertThat(EventText.at(e.get(2).getEndMark())).isEqualTo("1:3");
        }

        @Test
        void nestedBlockSequences() {
            assertThat(events("- - a\n  - b\n- c\n")).containsExactly("+STR", "+DOC", "+SEQ", "+SEQ", "=VAL :a",
                    "=VAL :b", "-SEQ", "=VAL :c", "-SEQ", "-DOC", "-STR");
        }

        @Test
        void indentlessSequenceAsAMappingValue() {
            assertThat(events("a:\n- b\n-\nc: d\n")).containsExactly("+STR", "+DOC", "+MAP", "=VAL :a", "+SEQ",
                    "=VAL :b", "=VAL :", "-SEQ", "=VAL :c", "=VAL :d", "-MAP", "-DOC", "-STR");
        }

        @Test
        void blockMappingKeysAndValuesMayBeMissing() {
            assertThat(events("? a\n? b\n: c\n? d\n")).containsExactly("+STR", "+DOC", "+MAP", "=VAL :a", "=VAL :",
                    "=VAL :b", "=VAL :c", "=VAL :d", "=VAL :", "-MAP", "-DOC", "-STR");
            // a second value for the same key is not part of the grammar
            ParserException e = failure("? a\n: b\n: c\n");
            assertThat(e.getContext()).isEqualTo("while parsing a block mapping");
            assertThat(e.getProblem()).isEqualTo("expected <block end>, but found ':'");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("3:1");
        }

        @Test
        void anEmptyValueEndsWhereItsColonDoes() {
            List<Event> e = all("a:\nb: c\n");
            assertThat(EventText.brief(e.get(4))).isEqualTo("=VAL :");
            assertThat(EventText.at(e.get(4).getStartMark())).isEqualTo("1:3");
            // a key without ":" has its empty value where the next token starts
            List<Event> k = all("? a\n");
            assertThat(EventText.brief(k.get(4))).isEqualTo("=VAL :");
            assertThat(EventText.at(k.get(4).getStartMark())).isEqualTo(EventText.at(k.get(5).getStartMark()));
        }

        @Test
        void complexKeysMayBeCollections() {
            assertThat(events("? - a\n  - b\n: - c\n")).containsExactly("+STR", "+DOC", "+MAP", "+SEQ", "=VAL :a",
                    "=VAL :b", "-SEQ", "+SEQ", "=VAL :c", "-SEQ", "-MAP", "-DOC", "-STR");
        }

        @Test
        void commentsAfterAValueIndicatorComeBeforeTheValue() {
            assertThat(eventsWithComments("a: # c\n  b\n")).containsExactly("+STR", "+DOC", "+MAP", "=VAL :a",
                    "=COMMENT  c", "=VAL :b", "-MAP", "-DOC", "-STR");
        }

        @Test
        void commentsAfterAnEmptyValueComeAfterIt() {
            assertThat(eventsWithComments("a: # c\nb: d\n")).containsExactly("+STR", "+DOC", "+MAP", "=VAL :a",
                    "=VAL :", "=COMMENT  c", "=VAL :b", "=VAL :d", "-MAP", "-DOC", "-STR");
        }

        @Test
        void commentsInBlockSequences() {
            assertThat(eventsWithComments("- # c\n  a\n- b\n")).containsExactly("+STR", "+DOC", "+SEQ",
                    "=COMMENT  c", "=VAL :a", "=VAL :b", "-SEQ", "-DOC", "-STR");
        }

        @Test
        void withoutCommentsOnThereAreNoCommentEvents() {
            assertThat(events("a: # c\n  b\n# d\n")).noneMatch(s -> s.startsWith("=COMMENT"));
        }
    }

    @Nested
    class FlowCollections {
        @Test
        void flowSequenceWithATrailingComma() {
            assertThat(events("[a, [b], {c: d}, ]")).containsExactly("+STR", "+DOC", "+SEQ []", "=VAL :a", "+SEQ []",
                    "=VAL :b", "-SEQ", "+MAP {}", "=VAL :c", "=VAL :d", "-MAP", "-SEQ", "-DOC", "-STR");
        }

        @Test
        void aPairInAFlowSequenceIsAMappingOfItsOwn() {
            assertThat(events("[? a : b, c: d, ? e]")).containsExactly("+STR", "+DOC", "+SEQ []", "+MAP {}",
                    "=VAL :a", "=VAL :b", "-MAP", "+MAP {}", "=VAL :c", "=VAL :d", "-MAP", "+MAP {}", "=VAL :e",
                    "=VAL :", "-MAP", "-SEQ", "-DOC", "-STR");
            // that mapping starts and ends at the key's token, its end at the token after the pair
            List<Event> e = all("[? a : b]");
            assertThat(EventText.at(e.get(3).getStartMark())).isEqualTo("1:2");
            assertThat(EventText.at(e.get(6).getStartMark())).isEqualTo("1:9");
        }

        @Test
        void goYamlConsumesTheTokenAfterAnEmptyKeyInAFlowSequence() {
            // snakeyaml (and libyaml): a pair with an empty key and value, then the next entry
            assertThat(events("[?, x]")).containsExactly("+STR", "+DOC", "+SEQ []", "+MAP {}", "=VAL :", "=VAL :",
                    "-MAP", "=VAL :x", "-SEQ", "-DOC", "-STR");
            // go-yaml eats the "," as well, so the next entry has no comma before it (Butane:
            // "did not find expected ',' or ']'"), and "[?, : x]" is a pair with the value x
            ParserException e = catchThrowableOfType(ParserException.class,
                    () -> drain(EventParser.goYaml(scanner("[?, x]"))));
            assertThat(e.getProblem()).isEqualTo("expected ',' or ']', but got <scalar>");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("1:5");
            assertThat(drain(EventParser.goYaml(scanner("[?, : x]")))).containsExactly("+STR", "+DOC", "+SEQ []",
                    "+MAP {}", "=VAL :", "=VAL :x", "-MAP", "-SEQ", "-DOC", "-STR");
            // a key with content is the same in both
            assertThat(drain(EventParser.goYaml(scanner("[? a : b]")))).isEqualTo(events("[? a : b]"));
        }

        @Test
        void goYamlGivesAKeyWithoutColonAnEmptyValueEvenBeforeAScalar() {
            // snakeyaml takes the scalar after "? [k]" (no ":" between) as the key's value
            assertThat(events("? [k]\n  v\n")).containsExactly("+STR", "+DOC", "+MAP", "+SEQ []", "=VAL :k", "-SEQ",
                    "=VAL :v", "-MAP", "-DOC", "-STR");
            // go-yaml gives the key an empty value, then finds no key at the scalar (Butane: "did
            // not find expected key"); with a ":" both read the same pair
            ParserException e = catchThrowableOfType(ParserException.class,
                    () -> drain(EventParser.goYaml(scanner("? [k]\n  v\n"))));
            assertThat(e.getProblem()).isEqualTo("expected <block end>, but found '<scalar>'");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("2:3");
            assertThat(drain(EventParser.goYaml(scanner("? [k]\n: v\n")))).isEqualTo(events("? [k]\n: v\n"));
        }

        @Test
        void flowSequenceEntriesNeedCommas() {
            ParserException e = failure("['a' b]");
            assertThat(e.getContext()).isEqualTo("while parsing a flow sequence");
            assertThat(EventText.at(e.getContextMark())).isEqualTo("1:1");
            assertThat(e.getProblem()).isEqualTo("expected ',' or ']', but got <scalar>");
            assertThat(EventText.at(e.getProblemMark())).isEqualTo("1:6");
        }

        @Test
        void flowMappingKeysWithoutValues() {
            assertThat(events("{a, ? b, c: , d: e}")).containsExactly("+STR", "+DOC", "+MAP {}", "=VAL :a", "=VAL :",
                    "=VAL :b", "=VAL :", "=VAL :c", "=VAL :", "=VAL :d", "=VAL :e", "-MAP", "-DOC", "-STR");
        }

        @Test
        void emptyFlowValuesArePlacedAsSnakeyamlDoes() {
            // after ":" at its end; with no ":" at the start of the next token
            List<Event> e = all("{a: , b}");
            assertThat(EventText.at(e.get(4).getStartMark())).isEqualTo("1:4");
            assertThat(EventText.at(e.get(6).getStartMark())).isEqualTo("1:8");
        }

        @Test
        void flowMappingEntriesNeedCommas() {
            ParserException e = failure("{'a': b 'c': d}");
            assertThat(e.getContext()).isEqualTo("while parsing a flow mapping");
            assertThat(e.getProblem()).startsWith("expected ',' or '}', but got ");
        }

        @Test
        void commentsInFlowSequencesAndAfterFlowCollections() {
            assertThat(eventsWithComments("[a, # c\n b] # d\n")).containsExactly("+STR", "+DOC", "+SEQ []", "=VAL :a",
                    "=COMMENT  c", "=VAL :b", "-SEQ", "=COMMENT  d", "-DOC", "-STR");
        }

        @Test
        void aCommentInAFlowMappingIsAnError() {
            // as in snakeyaml-engine 2.9, whose flow mappings take no comment tokens
            EventParser p = parser("{a: 1, # c\n b: 2}", true);
            assertThatThrownBy(() -> {
                while (p.hasNext()) {
                    p.next();
                }
            }).isInstanceOf(ParserException.class).hasMessageContaining("expected the node content, but found '#'");
        }
    }
}
