/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.Entry;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces {@code $[[NAME]]} references in the scalar values of a parsed YAML tree by the values
 * of {@link Variables}, and {@code $$[[} (the escape) by a literal {@code $[[}.
 *
 * <p>It runs on the node tree, after YAML parsing and before decoding, so a value is always the
 * text of one scalar: it cannot add keys, items or indentation. A plain scalar is typed after
 * substitution, as if the value had been written there ({@code mode: $[[MODE]]} with 420 is a
 * number); a quoted or block scalar stays a string. A substituted scalar keeps its position;
 * errors about a reference point at the reference itself. Mapping keys are never rewritten (they
 * decide the config's structure); a reference in a key is an error.
 *
 * <p>A tree without {@code $[[} anywhere is returned as it is, the same object: configs that do
 * not use variables go through the engine exactly as before.
 */
public final class Substitution {
    public static final String OPENER = "$[[";
    public static final String CLOSER = "]]";
    public static final String ESCAPE = "$$[[";

    public static final String UNDEFINED = "undefined-variable";
    public static final String MALFORMED = "malformed-variable";
    public static final String IN_KEY = "variable-in-key";
    public static final String UNUSED = "unused-variable";

    /** The variable names used during a run, shared by every source of the run. */
    public static final class Use {
        private final Set<String> used = ConcurrentHashMap.newKeySet();

        public boolean used(String name) {
            return used.contains(name);
        }
    }

    /** The tree after substitution, and the problems with references (errors). */
    public record Result(YNode root, List<Diagnostic> errors) {
    }

    private final Variables variables;
    private final Use use;
    private final String sourceText;
    private final List<Diagnostic> errors = new ArrayList<>();
    private int[] lineStarts;
    private String text;

    private Substitution(Variables variables, Use use, String sourceText) {
        this.variables = variables;
        this.use = use;
        this.sourceText = sourceText;
    }

    /**
     * Substitutes in a tree.
     *
     * @param sourceText the document's text, only read to place an error inside a scalar (may be
     *     null: errors then go to the scalar's start)
     */
    public static Result apply(YNode root, Variables variables, Use use, String sourceText) {
        if (root == null || !mentions(root)) {
            return new Result(root, List.of());
        }
        Substitution s = new Substitution(variables, use, sourceText);
        YNode out = s.rebuild(root);
        return new Result(out, List.copyOf(s.errors));
    }

    /**
     * True when no scalar parsed from {@code text} can hold {@code $[[}: the text has neither the
     * opener nor a backslash (a double-quoted escape could spell a {@code $} or {@code [}) nor a
     * byte order mark (which the YAML reader drops inside a document). Searching the text once
     * is much cheaper than visiting every scalar of a large tree, which is what {@link #apply}
     * would otherwise do to find out that there is nothing to substitute.
     */
    public static boolean cannotReference(String text) {
        return text != null && !text.contains(OPENER) && text.indexOf('\\') < 0 && text.indexOf('\uFEFF') < 0;
    }

    /** One warning per defined variable that no source of the run used, in name order. */
    public static List<Diagnostic> unused(Variables variables, Use use) {
        List<Diagnostic> out = new ArrayList<>();
        for (String name : variables.names()) {
            if (!use.used(name)) {
                out.add(new Diagnostic(Severity.WARNING, UNUSED, null, 0, 0,
                        "variable " + name + " is defined but not used"));
            }
        }
        return out;
    }

    /** True when some scalar (key or value) contains the opener, escaped or not. */
    private static boolean mentions(YNode root) {
        Deque<YNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (n instanceof YScalar s) {
                if (s.value().contains(OPENER)) {
                    return true;
                }
            } else if (n instanceof YMap m) {
                for (Entry e : m.entries()) {
                    todo.push(e.key());
                    todo.push(e.value());
                }
            } else if (n instanceof YSeq q) {
                for (YNode item : q.items()) {
                    todo.push(item);
                }
            }
            // an alias stands for a node that is also reached where it was anchored
        }
        return false;
    }

    /** A node being rebuilt; {@code next} counts the children already handed out. */
    private static final class Frame {
        final YNode node;
        final String path;
        int next;
        final List<YNode> children = new ArrayList<>();

        Frame(YNode node, String path) {
            this.node = node;
            this.path = path;
        }
    }

    /** Post-order rebuild without recursion (documents may nest 10,000 levels deep). */
    private YNode rebuild(YNode root) {
        Map<YNode, YNode> rebuilt = new IdentityHashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, "$"));
        YNode result = null;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            YNode done = null;
            if (f.node instanceof YScalar s) {
                done = substitute(s, f.path);
            } else if (f.node instanceof YAlias a) {
                // anchors are complete before any alias to them, so the target is already rebuilt
                done = YAlias.of(a.anchor(), rebuilt.getOrDefault(a.target(), a.target()), a.line(), a.column());
            } else if (f.node instanceof YMap m) {
                if (f.next < m.entries().size()) {
                    Entry e = m.entries().get(f.next++);
                    checkKey(e.key(), f.path);
                    stack.push(new Frame(e.value(), f.path + "." + e.keyText()));
                    continue;
                }
                List<Entry> entries = new ArrayList<>(m.entries().size());
                for (int i = 0; i < m.entries().size(); i++) {
                    entries.add(new Entry(m.entries().get(i).key(), f.children.get(i)));
                }
                done = new YMap(m.tag(), m.line(), m.column(), List.copyOf(entries));
            } else if (f.node instanceof YSeq q) {
                if (f.next < q.items().size()) {
                    int i = f.next++;
                    stack.push(new Frame(q.items().get(i), f.path + "." + i));
                    continue;
                }
                done = new YSeq(q.tag(), q.line(), q.column(), List.copyOf(f.children));
            }
            stack.pop();
            rebuilt.put(f.node, done);
            if (stack.isEmpty()) {
                result = done;
            } else {
                stack.peek().children.add(done);
            }
        }
        return result;
    }

    private void checkKey(YNode key, String path) {
        if (key instanceof YScalar s && s.value().contains(OPENER)) {
            int at = s.value().indexOf(OPENER);
            int[] pos = position(s, occurrencesBefore(s.value(), at));
            error(IN_KEY, path, pos, "variables are not allowed in mapping keys; keys are taken as written");
        }
    }

    private YNode substitute(YScalar s, String path) {
        String v = s.value();
        if (!v.contains(OPENER)) {
            return s;
        }
        StringBuilder out = new StringBuilder(v.length() + 16);
        int occurrence = 0;
        int i = 0;
        while (i < v.length()) {
            if (v.startsWith(ESCAPE, i)) {
                out.append(OPENER);
                i += ESCAPE.length();
                occurrence++;
            } else if (v.startsWith(OPENER, i)) {
                int close = v.indexOf(CLOSER, i + OPENER.length());
                int nl = v.indexOf('\n', i);
                String name = close < 0 || (nl >= 0 && nl < close) ? null
                        : v.substring(i + OPENER.length(), close).strip();
                if (name == null || !Variables.isValidName(name)) {
                    error(MALFORMED, path, position(s, occurrence), name == null
                            ? "unterminated variable reference: " + OPENER + " needs a closing " + CLOSER
                                    + " on the same line (write " + ESCAPE + " for a literal " + OPENER + ")"
                            : "invalid variable name \"" + name + "\": use letters, digits, '_', '.' and '-',"
                                    + " starting with a letter or '_' (write " + ESCAPE + " for a literal "
                                    + OPENER + ")");
                    out.append(OPENER);
                    i += OPENER.length();
                } else {
                    var value = variables.value(name);
                    if (value.isPresent()) {
                        use.used.add(name);
                        out.append(value.get());
                    } else {
                        error(UNDEFINED, path, position(s, occurrence), "variable " + name + " is not defined");
                    }
                    i = close + CLOSER.length();
                }
                occurrence++;
            } else {
                out.append(v.charAt(i++));
            }
        }
        return new YScalar(s.tag(), out.toString(), s.style(), s.line(), s.column());
    }

    private void error(String code, String path, int[] pos, String message) {
        errors.add(new Diagnostic(Severity.ERROR, code, path, pos[0], pos[1], message));
    }

    /** How many openers (escaped or not) the value holds before index {@code at}. */
    private static int occurrencesBefore(String v, int at) {
        int n = 0;
        for (int i = v.indexOf(OPENER); i >= 0 && i < at; i = v.indexOf(OPENER, i + OPENER.length())) {
            n++;
        }
        return n;
    }

    /**
     * The line and column of the scalar's {@code occurrence}-th opener in the source text: the
     * openers of a scalar appear in its source in the same order as in its value. When the text
     * does not show it (an opener written with escapes in a double-quoted scalar), the scalar's
     * own position.
     */
    private int[] position(YScalar s, int occurrence) {
        int[] fallback = {s.line(), s.column()};
        if (text == null) {
            text = sourceText;
            if (text == null) {
                text = "";
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = new int[starts.size()];
            for (int k = 0; k < lineStarts.length; k++) {
                lineStarts[k] = starts.get(k);
            }
        }
        if (s.line() < 1 || s.line() > lineStarts.length) {
            return fallback;
        }
        int lineStart = lineStarts[s.line() - 1];
        int from;
        try {
            from = text.offsetByCodePoints(lineStart, s.column() - 1);
        } catch (IndexOutOfBoundsException e) {
            return fallback;
        }
        int at = from - OPENER.length();
        for (int k = 0; k <= occurrence; k++) {
            at = text.indexOf(OPENER, at + OPENER.length());
            if (at < 0) {
                return fallback;
            }
        }
        int line = s.line();
        while (line < lineStarts.length && lineStarts[line] <= at) {
            line++;
        }
        int start = lineStarts[line - 1];
        return new int[] {line, text.codePointCount(start, at) + 1};
    }
}
