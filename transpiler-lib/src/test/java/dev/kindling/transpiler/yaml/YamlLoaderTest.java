/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlLoaderTest {
    private final YamlLoader loader = new YamlLoader(YamlLimits.DEFAULT);

    private YNode load(String s) throws YamlException {
        return loader.load(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nodesKeepOneBasedPositions() throws Exception {
        YMap root = (YMap) load("a: 1\nb:\n  - x\n  - &n y\nc: *n\n");
        assertThat(root.line()).isEqualTo(1);
        YSeq seq = (YSeq) root.entries().get(1).value();
        assertThat(seq.line()).isEqualTo(3);
        assertThat(seq.column()).isEqualTo(3);
        YScalar y = (YScalar) seq.items().get(1);
        assertThat(y.value()).isEqualTo("y");
        YAlias alias = (YAlias) root.entries().get(2).value();
        assertThat(alias.column()).isEqualTo(4);
        assertThat(alias.target()).isSameAs(y);
    }

    @Test
    void onlyTheFirstDocumentIsRead() throws Exception {
        YMap root = (YMap) load("a: 1\n---\nb: [unclosed\n");
        assertThat(root.entries()).hasSize(1);
    }

    @Test
    void emptyDocumentHasNoContent() throws Exception {
        assertThat(load("")).isNull();
        // an explicit empty first document is an empty (null) scalar; later documents are ignored
        assertThat(load("---\n---\na: 1\n")).isInstanceOfSatisfying(YScalar.class,
                s -> assertThat(s.value()).isEmpty());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws Exception {
        byte[] bytes = "\uFEFFa: b\n".getBytes(StandardCharsets.UTF_16LE);
        YMap root = (YMap) loader.load(bytes);
        assertThat(((YScalar) root.entries().get(0).value()).value()).isEqualTo("b");
    }

    /**
     * Where go-yaml places the empty nodes of flow collections (Butane reports them there; each
     * recorded from Butane v0.29.0): an empty key or value of a flow mapping starts at the next
     * token, past blanks, breaks and comments; the empty value of a one-pair mapping in a flow
     * sequence starts at its ":" (not after it, as in snakeyaml).
     */
    @Test
    void emptyFlowNodesSitWhereGoYamlPutsThem() throws Exception {
        YMap key = (YMap) load("{?   , a: 1}");
        assertThat(key.entries().get(0).key()).extracting(YNode::line, YNode::column).containsExactly(1, 6);
        YMap multiLine = (YMap) load("{  ?\n# c\n   }");
        assertThat(multiLine.entries().get(0).key()).extracting(YNode::line, YNode::column).containsExactly(3, 4);
        YMap value = (YMap) load("{a:   ,}");
        assertThat(value.entries().get(0).value()).extracting(YNode::line, YNode::column).containsExactly(1, 7);
        YSeq pair = (YSeq) load("[a:   ]");
        YMap one = (YMap) pair.items().get(0);
        assertThat(one.entries().get(0).value()).extracting(YNode::line, YNode::column).containsExactly(1, 3);
        YSeq noColon = (YSeq) load("[? a   ]");
        assertThat(((YMap) noColon.items().get(0)).entries().get(0).value()).extracting(YNode::line, YNode::column)
                .containsExactly(1, 8);
    }

    /**
     * go-yaml's read buffer starts with a byte order mark here (the scanner refilled it at the
     * mark, fewer than four characters before the end), so its line-start test skips one more
     * column at the end of the input: the end is then inside a line, and the empty value that the
     * end closes is placed on the line after it (recorded from go-yaml v3.0.1).
     */
    @Test
    void aBomAtTheBufferFrontMovesTheEndOfTheInput() throws Exception {
        YMap root = (YMap) load("variant: fcos\nversion: 1.6.0\n? x: \uFEFFy\n");
        assertThat(root.entries().get(2).value()).extracting(YNode::line, YNode::column).containsExactly(5, 1);
        YMap plain = (YMap) load("variant: fcos\nversion: 1.6.0\n? x: y\n");
        assertThat(plain.entries().get(2).value()).extracting(YNode::line, YNode::column).containsExactly(4, 1);
    }

    /** An empty document at an end of input inside a line starts on the next line, as in go-yaml. */
    @Test
    void anEmptyDocumentAtTheEndStartsWhereGoYamlEndsTheStream() throws Exception {
        assertThat(load("--- ")).extracting(YNode::line, YNode::column).containsExactly(2, 1);
        assertThat(load("---\n")).extracting(YNode::line, YNode::column).containsExactly(2, 1);
        assertThat(load("# c\n---")).extracting(YNode::line, YNode::column).containsExactly(3, 1);
    }

    @Test
    void syntaxErrorsCarryTheirLine() {
        assertThatThrownBy(() -> load("a: 1\nb:\n\t- x\n")).isInstanceOf(YamlException.class)
                .satisfies(e -> assertThat(((YamlException) e).line()).isEqualTo(3));
    }

    /**
     * Inputs and the line that Butane v0.29.0 names in its message (recorded from it; 0: none).
     * go-yaml names the line of the error's context, counting from 0 for parser errors and from
     * 1 for scanner errors, the problem's line when the context is on the first line, and none
     * when both are there; and a scanner error up to two tokens after a parser error wins, as
     * go-yaml scans that far ahead of its parser.
     */
    static Stream<Arguments> butaneMessageLines() {
        return Stream.of(
                Arguments.of("a: 1\nb:\n  c: 1\n d: 2\n", 3), // parser: the mapping at (0-based) line 3
                Arguments.of("a:\n  - x\n  y: 1\n", 1), // parser: the sequence
                Arguments.of("k: v\n- x\n", 1), // parser: the root mapping is on line 0, the problem on 1
                Arguments.of("a:\n  b:\n    c\n  - d\n", 1),
                Arguments.of("a: 1\nb: [1, 2\nc: 3\n", 1),
                Arguments.of("x:\n    y: 1\n  folded\n  text: 1\n", 4), // the scanner's error, two tokens on
                Arguments.of("a: b: c\n", 0), // scanner, context and problem on the first line
                Arguments.of("a: 1\nb\nc: 1\n", 2), // scanner: the simple key's line
                Arguments.of("a: 1\nkey\n", 2),
                Arguments.of("a: 1\nb: |\n  x\n\t y\n", 2), // scanner: where the block scalar starts
                Arguments.of("a: 1\nb: \"unclosed\n", 2),
                Arguments.of("%YAML 2.1\n---\na: 1\n", 0), // parser: the directive, on line 0
                Arguments.of("# c\n%YAML 1.2\n---\na: 1\n", 1),
                // an input that ends inside a line: go-yaml's closing tokens are on the next line
                Arguments.of("variant: fcos\nversion: 1.5.0\nx: {a: {", 3),
                Arguments.of("variant: fcos\nversion: 1.5.0\nx: {a: {\n", 3),
                Arguments.of("x: [", 1),
                Arguments.of("\uFEFF{variant:\n\uFEFF", 2),
                Arguments.of("a:\n  - b\n  c", 3), // the simple key's error at the end: its own line
                Arguments.of("a:\n  b: \"x", 2), // the end inside a scalar: before the closing tokens
                // a ']' or '}' outside flow collections leaves the scanner in the block context
                Arguments.of("a: 1\n]   d: e\n", 2), // so the ':' is the scanner's error, one token on
                Arguments.of("a:\n  b:\n    - c\n   ]   d: e\n", 4),
                Arguments.of("a: 1\n} d\n", 1), // no scanner error: the parser's, at the mapping
                // a required simple key on an earlier line fails when the scanner next makes a token
                Arguments.of("a: *o\nwner\nd: 1\n", 2),
                Arguments.of("a:\n  b: c\nkey\n  d: 1\n", 3),
                // go-yaml's look-ahead finds a token's key by the level it was saved at, and then
                // checks whatever key that level holds now (here the quoted key two lines on)
                Arguments.of("a:\n  ? *x\n  : *a1\n  \"\\\n\":\n", 4),
                // an unclosed flow collection at the end: the key it starts fails at the end
                Arguments.of("\"\\e\": \"\"\n{. ..,", 2),
                // at the indentation column but where no key may start: no key (and no error)
                Arguments.of("- \"\": \"\\\u2028P\"\u00a0- &b \"\\\\0\\x41\"\n", 1),
                // a key whose token the parser already took (go-yaml's look-ahead let it go when
                // the inner '}' closed) is appended to the queue, not inserted before its head
                Arguments.of("x: [{}b: c]\n", 0),
                // "---" not followed by a blank is part of a plain scalar's next line
                Arguments.of("\\N\n\" \n---!b: [\n", 3));
    }

    /**
     * Which of two errors Butane reports (recorded from it): go-yaml checks a possible simple key
     * only when it looks at it, so an unknown alias before a key that never gets its ':' is the
     * error; and a %YAML other than 1.1 is refused at the directive, before the document start.
     */
    static Stream<Arguments> butaneFirstErrors() {
        return Stream.of(
                Arguments.of("a:\n  b:\n    c: *o\nwner\n  d: 1\n", "yaml: unknown anchor 'o' referenced"),
                Arguments.of("variant: fcos\nstorage:\n  files:\n    - path: /x\n      <<: *o\u2029wner\n"
                        + "      mode: 0600\n", "yaml: unknown anchor 'o' referenced"),
                Arguments.of("%YAML 1.2\n    ---\nname: fcos\n", "yaml: line 3: mapping values are not allowed here"),
                Arguments.of("%YAML 1.2\n---\n\uFEFF# c\nvariant: fcos\n", "yaml: found incompatible YAML document"),
                Arguments.of("%YAML 1.2\n%YAML 1.1\n---\na: 1\n", "yaml: found incompatible YAML document"),
                Arguments.of("%YAML 1.1\n%YAML 1.2\n---\na: 1\n", "yaml: line 1: found duplicate YAML directive"));
    }

    @ParameterizedTest
    @MethodSource("butaneFirstErrors")
    void theErrorButaneMeetsFirstIsReported(String input, String message) {
        assertThatThrownBy(() -> load(input)).isInstanceOf(YamlException.class).hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("butaneMessageLines")
    void messagesNameTheLineButaneNames(String input, int line) {
        assertThatThrownBy(() -> load(input)).isInstanceOfSatisfying(YamlException.class, e -> {
            if (line == 0) {
                assertThat(e.getMessage()).startsWith("yaml: ").doesNotContain("line ");
            } else {
                assertThat(e.getMessage()).startsWith("yaml: line " + line + ": ");
            }
            assertThat(e.line()).as("the problem's own line").isPositive();
        });
    }

    @Test
    void theProblemKeepsItsOwnPosition() {
        // Butane's message names line 3 (the mapping's line, counted from 0); the problem is on 4
        assertThatThrownBy(() -> load("a: 1\nb:\n  c: 1\n d: 2\n")).isInstanceOfSatisfying(YamlException.class,
                e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void onlyYaml11DirectivesAreAccepted() {
        assertThatThrownBy(() -> load("%YAML 1.2\n---\na: 1\n")).isInstanceOf(YamlException.class);
    }

    @Test
    void slashEscapeIsRefusedButLineSeparatorEscapesWork() throws Exception {
        assertThatThrownBy(() -> load("a: \"x\\/y\"\n")).isInstanceOf(YamlException.class);
        YMap root = (YMap) load("a: \"x\\Ly\\Pz\"\n");
        assertThat(((YScalar) root.entries().get(0).value()).value()).isEqualTo("x\u2028y\u2029z");
    }

    @Test
    void limitsAreEnforced() {
        YamlLoader small = new YamlLoader(new YamlLimits(100, 3, 1000));
        assertThatThrownBy(() -> small.load("a: [[[[1]]]]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("yaml: exceeded max depth of 3 while increasing flow level"); // line 1 is not named
        assertThatThrownBy(() -> small.load("a:\n b:\n  c:\n   d: 1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("yaml: line 4: exceeded max depth of 3 while increasing indent level");
        assertThatThrownBy(() -> small.load("a: 1\n".repeat(40).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("bytes");
        YamlLoader fewNodes = new YamlLoader(new YamlLimits(1 << 20, 100, 10));
        assertThatThrownBy(() -> fewNodes.load("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nodes");
    }

    @Test
    void invalidUtf8IsRefused() {
        assertThatThrownBy(() -> loader.load(new byte[] {'a', ':', ' ', (byte) 0xff})).isInstanceOf(YamlException.class);
    }

    @Test
    void hexadecimalEscapesNeedHexadecimalDigits() throws Exception {
        assertThat(((YScalar) load("\"\\x41\\u00e9\\U0001F600\\xfF\"")).value()).isEqualTo("A\u00e9\uD83D\uDE00\u00ff");
        for (String bad : new String[] {"\"\\xG1\"", "\"\\u12\"", "\"\\u00 1\"", "\"\\x-1\"", "\"\\u00\u00e91\""}) {
            assertThatThrownBy(() -> load(bad)).as(bad).isInstanceOf(YamlException.class)
                    .hasMessageContaining("did not find expected hexdecimal number");
        }
    }
}
