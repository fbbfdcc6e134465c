/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml;

import java.util.List;

/**
 * A YAML node exactly as written: no alias resolution, no merge keys applied, with the 1-based
 * line and column of its start. This is the "context tree" that diagnostics are positioned on.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar, YNode.YAlias {
    int line();

    int column();

    /** A mapping; entries keep source order, duplicate keys included. */
    record YMap(String tag, int line, int column, List<Entry> entries) implements YNode {
    }

    /** One key/value pair of a mapping. */
    record Entry(YNode key, YNode value) {
        /** The key's text as Butane sees it (the scalar value, or "" for non-scalar keys). */
        public String keyText() {
            return key instanceof YScalar s ? s.value() : key instanceof YAlias a ? a.anchor() : "";
        }
    }

    /** A sequence. */
    record YSeq(String tag, int line, int column, List<YNode> items) implements YNode {
    }

    /** How a scalar was written; quoted and block styles always mean a string. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    /** A scalar; {@code tag} is the explicit tag in short form ({@code !!binary}), or null. */
    record YScalar(String tag, String value, Style style, int line, int column) implements YNode {
        public boolean plain() {
            return style == Style.PLAIN;
        }
    }

    /**
     * An alias ({@code *name}); {@link #target} is the anchored node it stands for. An alias may
     * sit inside the very node its anchor names (Butane's YAML library then builds a recursive
     * value), so the target is given once that node is complete.
     */
    final class YAlias implements YNode {
        private final String anchor;
        private final Anchored anchored;
        private final int line;
        private final int column;

        public YAlias(String anchor, Anchored anchored, int line, int column) {
            this.anchor = anchor;
            this.anchored = anchored;
            this.line = line;
            this.column = column;
        }

        /**
         * An alias of an already complete node (for code that rebuilds a tree, such as variable
         * substitution).
         */
        public static YAlias of(String anchor, YNode target, int line, int column) {
            Anchored a = new Anchored();
            a.complete(target);
            return new YAlias(anchor, a, line, column);
        }

        public String anchor() {
            return anchor;
        }

        /** The anchored node; may contain this alias. */
        public YNode target() {
            return anchored.node;
        }

        @Override
        public int line() {
            return line;
        }

        @Override
        public int column() {
            return column;
        }

        @Override
        public String toString() {
            return "YAlias[" + anchor + " at " + line + ":" + column + "]";
        }
    }

    /** The node an anchor names, set when the parser has read all of it. */
    final class Anchored {
        private YNode node;

        void complete(YNode n) {
            node = n;
        }
    }
}
