/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.scanner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Where Butane's YAML library (go-yaml v3) puts the BLOCK-END tokens that close block collections
 * at a dedent, at a document indicator or at the end of the input. That place is observable: a
 * {@code ? key} without a {@code :} gets an empty value at the BLOCK-END that follows it, and
 * Butane reports problems of that value there.
 *
 * <p>go-yaml places such a token at its scan mark: where its scanner stood when it began to look
 * for the next token, which is right after the previous token, or after the blanks and line
 * breaks a plain or block scalar consumed while it looked for its own end, or after a comment
 * on the previous token's line. But go-yaml also groups the comments it passes over into
 * records (to attach them to nodes as head or foot comments), and when one of the records of
 * this gap starts at exactly the column of the collection being closed, the token moves to the
 * start of the earliest such record; the next (outer) collection starts from wherever the
 * previous one was put.
 *
 * <p>A record's start, as go-yaml marks it, is not quite the comment's place: its column is
 * one more (go-yaml's comment reader counts columns from 1 where everything else counts from
 * 0), and its line is counted by the line-break characters the reader looked at: it passes
 * over the character that ends a comment without counting it, so with LF endings every comment
 * but the first of a run is one line early, and with CR LF endings every LF counts and each
 * empty line counts twice. Butane reports that mark as is.
 *
 * <p>This class keeps the starts of the records of one gap between tokens, as go-yaml divides
 * the comments of a run into them. A run is what its comment reader takes in one call: the
 * comments up to the next token, unless 512 characters pass without one or a NEL, LS or PS
 * line break lies between two (the next comment then starts a new run). The first comment of
 * a run starts a record. At the first line break the reader looks at after a comment (an empty
 * line, or with CR LF already the LF ending the comment), and only if no more than one line
 * break came before the run, the open record is closed when it starts on the line right after
 * the previous token (by go-yaml's count, and unless that token is a {@code :}) or left of the
 * current block's indentation. A later comment closes the open record when it lies left of
 * that indentation and at another column than the record's start, and starts a new record when
 * none is open.
 */
final class GoCommentRecords {

    /** How far go-yaml's comment reader looks ahead, from the end of a comment, for the next one. */
    static final int LOOK_LIMIT = 512;

    /** Record starts in this gap, as go-yaml marks them (see the class comment). */
    private int[] lines = new int[4];
    private int[] columns = new int[4];
    private int[] indexes = new int[4];
    private int count;
    /** Whether a run of comments is being read (else the next comment starts one). */
    private boolean inRun;
    /** Whether the run's last record still takes comments. */
    private boolean open;
    private int openColumn;
    private int openLine;
    /** The line and end (its line break) of the run's last comment. */
    private int lastLine;
    private int runEnd;
    /** go-yaml's "first empty line" state of the run: no empty line yet, and at most one break before it. */
    private boolean firstEmpty;
    /** The line (go-yaml's count) on which a record is a foot of the previous token. */
    private int footLine;
    private boolean afterValue;
    /** The current block's indentation when the run began (at least 0). */
    private int nextIndent;
    /** For gaps with many records: each column's first record (built for {@link #mappedCount} records). */
    private Map<Integer, Integer> firstByColumn;
    private int mappedCount;

    /** A new gap between two tokens: no records yet. */
    void startGap() {
        count = 0;
        inRun = false;
        firstByColumn = null;
    }

    /**
     * A comment that go-yaml's comment reader takes (not a line comment of the previous token).
     *
     * @param line the comment's line, from 0
     * @param column its column, from 0
     * @param index its code-point index
     * @param newlinesBefore line breaks since the last character before it that is not a blank
     *     (counting may stop at 2: more change nothing)
     * @param breaksSinceLast when a run is open ({@link #inRun}): the CR and LF characters after
     *     the one that ended the run's last comment, up to this one (go-yaml's reader looks at
     *     each of them: an empty line is one, or two with CR LF, and a comment that ends with CR
     *     LF adds one), or -1 when a NEL, LS or PS line break lies between (go-yaml's reader
     *     takes its second byte for the next token, which ends the run)
     * @param scanMarkPastFirstLine whether this gap's scan mark lies after the input's first line
     * @param afterValue whether the previous token is a {@code :}
     * @param indent the current block's indentation (-1 at the top)
     */
    void comment(int line, int column, int index, int newlinesBefore, int breaksSinceLast,
            boolean scanMarkPastFirstLine, boolean afterValue, int indent) {
        if (!inRun || breaksSinceLast < 0 || index - runEnd >= LOOK_LIMIT) {
            inRun = true;
            nextIndent = Math.max(indent, 0);
            this.afterValue = afterValue;
            firstEmpty = newlinesBefore <= 1;
            footLine = !scanMarkPastFirstLine ? -1
                    : line - newlinesBefore + 1 + (newlinesBefore == 0 && column > 1 ? 1 : 0);
            startRecord(line, column, index);
            lastLine = line;
            return;
        }
        if (breaksSinceLast > 0) {
            // the first line break go-yaml's reader looks at after a comment; only the run's first
            // such break (and only after at most one break before the run) may close the record
            if (firstEmpty && open && (openLine == footLine && !afterValue || openColumn < nextIndent)) {
                open = false;
            }
            firstEmpty = false;
        }
        if (open && column < nextIndent && column != openColumn) {
            open = false;
        }
        if (!open) {
            startRecord(lastLine + breaksSinceLast, column, index);
        }
        lastLine = line;
    }

    /** go-yaml's comment reader stopped at something that is not a comment: the next comment starts a new run. */
    void endRun() {
        inRun = false;
    }

    /** Whether a run of comments is open (then {@link #comment} needs the breaks since its last comment). */
    boolean inRun() {
        return inRun;
    }

    /** Where the run's last comment ended. */
    int runEnd() {
        return runEnd;
    }

    /** The comment just given ended at {@code index} (where its line break or the input's end is). */
    void commentEnd(int index) {
        runEnd = index;
    }

    private void startRecord(int goLine, int column, int index) {
        add(goLine, column, index);
        open = true;
        openColumn = column;
        openLine = goLine;
    }

    /**
     * Whether go-yaml's search for a record looks into this gap at all from a BLOCK-END at a
     * document indicator or at the end of the input ({@code markIndex}): it starts from the
     * gap's last record and stops at once unless that record ends at or after the character
     * before the mark. The last record ends at the first line break go-yaml's reader looks at
     * after the last comment when it is closed there (see {@link #comment}), else where the
     * reader stopped: at the mark, or 512 characters after the last comment.
     *
     * @param firstBreakAfterRun the first CR or LF after the one that ended the last comment,
     *     before the mark, or -1
     */
    boolean reachedFrom(int markIndex, int firstBreakAfterRun) {
        if (count == 0) {
            return false;
        }
        boolean closedAtBreak = firstBreakAfterRun >= 0 && firstEmpty && open
                && (openLine == footLine && !afterValue || openColumn < nextIndent);
        long end = closedAtBreak ? firstBreakAfterRun : Math.min(markIndex - 1L, (long) runEnd + LOOK_LIMIT - 1);
        return end >= markIndex - 1L;
    }

    /**
     * The mark of the BLOCK-END that closes the collection at {@code indent}: the start of this
     * gap's earliest record at that column (as go-yaml marks it), else {@code previous} (whose
     * input name and text the new mark shares).
     */
    Optional<Mark> blockEnd(int indent, Optional<Mark> previous) {
        int i = earliestAt(indent);
        if (i < 0 || previous.isEmpty()) {
            return previous;
        }
        Mark like = previous.get();
        return Optional.of(new Mark(like.getName(), indexes[i], lines[i], columns[i] + 1, like.getBuffer(), indexes[i]));
    }

    /** The first record at {@code column}, or -1; a map once a gap holds many (many levels may close at once). */
    private int earliestAt(int column) {
        if (count <= 16) {
            for (int i = 0; i < count; i++) {
                if (columns[i] == column) {
                    return i;
                }
            }
            return -1;
        }
        if (firstByColumn == null || mappedCount != count) {
            firstByColumn = new HashMap<>();
            for (int i = count - 1; i >= 0; i--) {
                firstByColumn.put(columns[i], i);
            }
            mappedCount = count;
        }
        return firstByColumn.getOrDefault(column, -1);
    }

    boolean isEmpty() {
        return count == 0;
    }

    private void add(int line, int column, int index) {
        if (count == lines.length) {
            lines = Arrays.copyOf(lines, count * 2);
            columns = Arrays.copyOf(columns, count * 2);
            indexes = Arrays.copyOf(indexes, count * 2);
        }
        lines[count] = line;
        columns[count] = column;
        indexes[count] = index;
        count++;
    }
}
