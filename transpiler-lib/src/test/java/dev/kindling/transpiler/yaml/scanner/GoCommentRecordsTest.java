/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * go-yaml's comment records as far as they move BLOCK-END tokens ({@link GoCommentRecords}),
 * first on the model itself, then through the scanner: the marks of the BLOCK-END tokens, as
 * (line, column) counted from 0, for inputs whose result was read from go-yaml v3 (the one in
 * Butane v0.29.0: the position of the empty value of the {@code ? key}). The golden cases
 * {@code yaml-dialect/block-end-*} check the same against Butane's reports.
 */
class GoCommentRecordsTest {

    private static final Optional<Mark> SCAN = Optional.of(new Mark("t", 10, 1, 5, new int[0], 10));

    @Test
    void withoutARecordAtItsColumnTheTokenStaysAtTheScanMark() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(2, 2, 20, 1, 0, true, false, 4);
        assertThat(r.blockEnd(4, SCAN)).isSameAs(SCAN);
    }

    @Test
    void aRecordAtTheClosedColumnTakesTheTokenWithGoYamlsColumn() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(2, 4, 20, 1, 0, true, false, 4);
        Mark m = r.blockEnd(4, SCAN).orElseThrow();
        assertThat(List.of(m.getLine(), m.getColumn(), m.getIndex())).containsExactly(2, 5, 20);
    }

    @Test
    void aLaterCommentJoinsTheRecordUnlessItIsLeftOfTheIndentationAtAnotherColumn() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(2, 6, 20, 2, 0, true, false, 6); // two breaks before: no closing at an empty line
        r.commentEnd(25);
        r.comment(3, 6, 30, 1, 0, true, false, 6); // the next line (no break looked at), same column: same record
        r.commentEnd(35);
        assertThat(r.blockEnd(6, SCAN).orElseThrow().getLine()).isEqualTo(2);
        r.comment(4, 2, 40, 1, 0, true, false, 6); // left of the indentation, another column: new record
        r.commentEnd(45);
        // its line is go-yaml's count: one less than the comment's
        Mark m = r.blockEnd(2, SCAN).orElseThrow();
        assertThat(List.of(m.getLine(), m.getColumn())).containsExactly(3, 3);
    }

    @Test
    void theFirstEmptyLineClosesAFootRecordOnlyAfterOneBreak() {
        // the comment is on the line right after the token: at the empty line it becomes a foot,
        // so the next comment starts a record
        GoCommentRecords foot = new GoCommentRecords();
        foot.startGap();
        foot.comment(2, 8, 20, 1, 0, true, false, 6);
        foot.commentEnd(25);
        foot.comment(4, 6, 30, 1, 1, true, false, 6);
        assertThat(foot.blockEnd(6, SCAN).orElseThrow().getLine()).isEqualTo(3);
        // after a ':' it is not a foot: the next comment joins the record
        GoCommentRecords afterValue = new GoCommentRecords();
        afterValue.startGap();
        afterValue.comment(2, 8, 20, 1, 0, true, true, 6);
        afterValue.commentEnd(25);
        afterValue.comment(4, 6, 30, 1, 1, true, true, 6);
        assertThat(afterValue.blockEnd(6, SCAN)).isSameAs(SCAN);
    }

    @Test
    void fiveHundredTwelveCharactersWithoutACommentStartANewRun() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(2, 8, 20, 2, 0, true, false, 6);
        r.commentEnd(25);
        r.comment(3, 6, 25 + 512, 1, 1, true, false, 6); // a new run starts a record of its own
        assertThat(r.blockEnd(6, SCAN).orElseThrow().getLine()).isEqualTo(3);
        // a NEL between two comments ends the run too
        GoCommentRecords nel = new GoCommentRecords();
        nel.startGap();
        nel.comment(2, 8, 20, 2, 0, true, false, 6);
        nel.commentEnd(25);
        nel.comment(3, 6, 30, 1, -1, true, false, 6);
        assertThat(nel.blockEnd(6, SCAN).orElseThrow().getLine()).isEqualTo(3);
    }

    @Test
    void theSearchFromTheEndOfTheInputStopsAtARecordThatEndedEarlier() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(2, 6, 20, 1, 0, true, false, 6);
        r.commentEnd(25);
        assertThat(r.reachedFrom(26, -1)).isTrue(); // the input ends right after the comment
        assertThat(r.reachedFrom(25 + 512, -1)).isTrue();
        assertThat(r.reachedFrom(25 + 513, -1)).isFalse(); // the reader stopped 512 characters on
        // closed at the first empty line (a foot): it ends there
        GoCommentRecords foot = new GoCommentRecords();
        foot.startGap();
        foot.comment(2, 8, 20, 1, 0, true, false, 6);
        foot.commentEnd(25);
        assertThat(foot.reachedFrom(27, 26)).isTrue();
        assertThat(foot.reachedFrom(29, 26)).isFalse();
    }

    @Test
    void manyRecordsAndLevelsAreFoundByColumn() {
        GoCommentRecords r = new GoCommentRecords();
        r.startGap();
        r.comment(0, 100, 0, 2, 0, false, false, 100);
        for (int i = 1; i <= 5000; i++) {
            r.commentEnd(i * 10 - 5);
            r.comment(i, i % 50, i * 10, 1, 1, false, false, 100);
        }
        assertThat(r.blockEnd(7, SCAN).orElseThrow().getIndex()).isEqualTo(70);
        assertThat(r.blockEnd(60, SCAN)).isSameAs(SCAN);
    }

    // ---- through the scanner ------------------------------------------------------------------

    private static List<List<Integer>> blockEnds(String yaml) {
        GoYamlScanner s = new GoYamlScanner("t", Integer.MAX_VALUE - 1, false, yaml, 0, -1, false);
        List<List<Integer>> out = new ArrayList<>();
        while (s.hasNext()) {
            Token t = s.next();
            if (t.getTokenId() == Token.ID.BlockEnd) {
                Mark m = t.getStartMark().orElseThrow();
                out.add(List.of(m.getLine(), m.getColumn()));
            }
        }
        return out;
    }

    @Test
    void aDedentPutsTheTokensWhereGoYamlDoes() {
        // after a plain scalar: where its scan stopped, at the comment
        assertThat(blockEnds("a:\n  ? k\n     # c9\n  # c0\nz: 1\n").get(0)).containsExactly(2, 5);
        // after a quoted scalar: right after it
        assertThat(blockEnds("a:\n  ? \"k\"\n\n\nz: 1\n").get(0)).containsExactly(1, 7);
        // a comment at the closed mapping's column takes it (go-yaml's column: one more)
        assertThat(blockEnds("a:\n  ? k\n  # here\nz: 1\n").get(0)).containsExactly(2, 3);
        // after a line comment: at its end
        assertThat(blockEnds("a:\n  ? k # lc\nz: 1\n").get(0)).containsExactly(1, 10);
    }

    @Test
    void theEndOfTheInputAndDocumentMarkersLookAtTheCommentsToo() {
        // (the root mapping closes only there; the nested one closes at the dedent to column 0)
        assertThat(blockEnds("x: 1\n? k\n# here\n\n").get(0)).containsExactly(2, 1);
        assertThat(blockEnds("x: 1\n? k\n# here\n---\n").get(0)).containsExactly(2, 1);
        // the record was closed as a foot at the first empty line and more blank lines follow:
        // the search stops at once, and the token stays at the end of the input
        assertThat(blockEnds("x: 1\n? k\n# here\n\n\n").get(0)).containsExactly(5, 0);
        assertThat(blockEnds("x: 1\n? k\n# here\n\n\n---\n").get(0)).containsExactly(5, 0);
    }
}
