/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.yaml.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.yaml.scanner.GoYamlScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our parser against snakeyaml-engine's ParserImpl, which it replaces: both over our scanner, on
 * the conformance configs and on a few thousand generated and broken texts. They must give the
 * same events (every field, every mark) or fail with the same error at the same event, and leave
 * the scanner with the same tokens when the reader stops early (as YamlLoader does).
 */
class EventParserDifferentialTest {
    private static final Path CASES = Path.of("src/test/resources/conformance/cases");
    private static final long SEED = 20261202L;
    private static final int GENERATED = 3000;

    @Test
    void conformanceConfigsGiveTheSameEvents() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CASES)) {
            files = s.filter(p -> p.toString().endsWith(".bu")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        Random random = new Random(SEED);
        int broken = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            same(f.toString(), text, Integer.MAX_VALUE);
            same(f + " (stopped early)", text, 1 + random.nextInt(40));
            same(f + " (stopped as YamlLoader does)", text, EventText.AT_ROOT_END);
            String mutated = Mutator.mutate(text, random);
            if (compare(f + " (mutated)", mutated, Integer.MAX_VALUE).contains("ERROR")) {
                broken++;
            }
        }
        // the mutations must reach the error paths, not only the happy ones
        assertThat(broken).isGreaterThan(files.size() / 10);
    }

    @Test
    void generatedAndBrokenTextsGiveTheSameEventsAndErrors() {
        Random random = new Random(SEED);
        Set<EventParser.State> visited = EnumSet.noneOf(EventParser.State.class);
        int errors = 0;
        for (int i = 0; i < GENERATED; i++) {
            String text = Generator.document(random);
            if (i % 2 == 1) {
                text = Mutator.mutate(text, random);
            }
            boolean comments = i % 5 == 0;
            String label = "#" + i + (comments ? " (comments)" : "") + ":\n" + text;
            String last = compare(label, text, Integer.MAX_VALUE, comments);
            if (last.startsWith("ERROR")) {
                errors++;
            }
            compare(label + "\n(stopped early)", text, 1 + random.nextInt(25), comments);
            compare(label + "\n(stopped as YamlLoader does)", text, EventText.AT_ROOT_END, comments);
            visited.addAll(states(text, comments));
        }
        // both well-formed and broken texts, and every state of the parser reached
        assertThat(errors).isBetween(GENERATED / 10, GENERATED * 9 / 10);
        assertThat(visited).containsAll(EnumSet.complementOf(EnumSet.of(EventParser.State.DONE)));
    }

    @Test
    void handPickedTextsGiveTheSameEventsAndErrors() {
        String[] texts = {
            "", " ", "\n", "#c\n", "---", "...", "--- a\n...\n--- b\n", "a: 1\n--- b\n", "%YAML 1.1\n---\na\n",
            "%YAML 1.1\n%YAML 1.1\n---\na\n", "%YAML 2.0\n---\na\n", "%YAML 1.3\n--- x\n", "%TAG !e! tag:e,2000:\n--- !e!x a\n",
            "%TAG !e! a\n%TAG !e! b\n---\n", "%FOO bar\n--- a\n", "!e!x a\n", "--- !e!x a\n", "a\n%YAML 1.1\n---\n",
            "a\n...\n%YAML 1.1\n--- b\n", "a\n...\nb\n", "- a\n- \n-\n- - b\n  -\n", "a:\n- b\n-\nc: d\n",
            "? a\n? b\n: c\n:\n", "? - a\n  - b\n: - c\n", "a: &x 1\nb: *x\n", "&a !t\n", "!t &a\n", "&a\n",
            "[a, b, [c], {d: e}, ? f : g, h: i, : j, ]", "[? : , ? a, ? b :]", "{a, ? b, c: , : d, ? : }",
            "{a: [b, c], d: {e: f}}", "[a b]", "{a: b c: d}", "[a,,b]", "{,}", "[", "]", "{", "}", "[a", "{a: [",
            "a: b: c", "- a\nb: c", "a: b\n- c", "\ta: b", "a:\n\tb", "a: |\n  x\n b\n", "a: >-\n  x\n\n  y\n",
            "'a': \"b\"\n", "!!str a", "!<tag:x> a", "!!map {a: b}", "--- !!seq\n- a\n", "*a", "a: *b\nb: &b c\n",
            "{a: 1} # c\n", "[a] # c\n# d\nb\n", "a: # c\n  # d\n  b\n", "a: # c\n\nb: c\n", "- # c\n  a\n",
            "? # c\n  a\n: b\n", "key:    # c\n  - x\n", "a:\n  # c\nb: 1\n", "--- # c\na\n", "# c\n--- a\n",
            "a: b\n# c\n...\n# d\n--- e\n", "[a, # c\n b]", "{a: 1, # c\n b: 2}", "- a\n# c\n- b\n",
        };
        for (String t : texts) {
            for (boolean comments : new boolean[] {false, true}) {
                compare(t, t, Integer.MAX_VALUE, comments);
                compare(t + " (stopped as YamlLoader does)", t, EventText.AT_ROOT_END, comments);
                for (int stop = 1; stop < 12; stop++) {
                    compare(t + " (stopped after " + stop + ")", t, stop, comments);
                }
            }
        }
    }

    private static void same(String label, String text, int stopAfter) {
        compare(label, text, stopAfter, false);
    }

    private static String compare(String label, String text, int stopAfter) {
        return compare(label, text, stopAfter, false);
    }

    /** Compares both parsers' runs; returns the last line of ours. */
    private static String compare(String label, String text, int stopAfter, boolean comments) {
        List<String> theirs = EventText.snakeyaml(text, comments, stopAfter);
        List<String> ours = EventText.ours(text, comments, stopAfter);
        assertThat(ours).as(label).isEqualTo(theirs);
        return ours.isEmpty() ? "" : ours.get(ours.size() - 1);
    }

    /** The states our parser passes through on a text (until it ends or fails). */
    private static Set<EventParser.State> states(String text, boolean comments) {
        Set<EventParser.State> seen = EnumSet.noneOf(EventParser.State.class);
        try {
            EventParser p = new EventParser(new GoYamlScanner("reader", Integer.MAX_VALUE - 1, comments, text, 0, -1, false));
            seen.add(p.state());
            while (p.hasNext()) {
                p.next();
                seen.add(p.state());
            }
        } catch (RuntimeException e) {
            // a broken text: the states up to the error count
        }
        return seen;
    }

    /** Random YAML: block and flow nesting, properties, aliases, directives, documents, empty nodes. */
    static final class Generator {
        private Generator() {
        }

        static String document(Random r) {
            StringBuilder b = new StringBuilder();
            int docs = r.nextInt(10) < 7 ? 1 : 1 + r.nextInt(3);
            for (int d = 0; d < docs; d++) {
                boolean explicit = d > 0 || r.nextInt(4) == 0;
                if (explicit && r.nextInt(4) == 0) {
                    b.append(pick(r, "%YAML 1.1\n", "%YAML 1.2\n", "%TAG !e! tag:example.com,2000:\n",
                            "%TAG !! tag:other,2001:\n", "%TAG ! !local-\n", "%RESERVED x y\n"));
                    if (r.nextInt(5) == 0) {
                        b.append(pick(r, "%TAG !f! tag:f/\n", "%YAML 1.1\n", "# c\n"));
                    }
                }
                if (explicit) {
                    b.append("---");
                    if (r.nextInt(3) == 0) {
                        b.append(' ').append(flowNode(r, 0));
                        b.append('\n');
                    } else {
                        b.append('\n');
                        if (r.nextInt(8) != 0) {
                            blockNode(b, r, 0, 0, false);
                        }
                    }
                } else {
                    blockNode(b, r, 0, 0, false);
                }
                if (r.nextInt(4) == 0) {
                    b.append("...\n");
                    if (r.nextInt(3) == 0) {
                        b.append("...\n");
                    }
                }
                if (r.nextInt(6) == 0) {
                    b.append("# comment\n");
                }
            }
            return b.toString();
        }

        private static String pick(Random r, String... options) {
            return options[r.nextInt(options.length)];
        }

        private static String indent(int n) {
            return " ".repeat(n);
        }

        private static String properties(Random r) {
            return switch (r.nextInt(12)) {
                case 0 -> "&a" + r.nextInt(3) + " ";
                case 1 -> pick(r, "!!str ", "!!int ", "!e!x ", "!local ", "!<tag:verbatim> ", "! ", "!!map ", "!!seq ");
                case 2 -> "&a" + r.nextInt(3) + " " + pick(r, "!!str ", "!t ", "!e!y ");
                case 3 -> pick(r, "!!str ", "!t ") + "&b" + r.nextInt(2) + " ";
                default -> "";
            };
        }

        private static String scalar(Random r) {
            return switch (r.nextInt(14)) {
                case 0 -> "'single " + r.nextInt(9) + "'";
                case 1 -> "\"double\\t" + r.nextInt(9) + "\"";
                case 2 -> "*a" + r.nextInt(3);
                case 3 -> "";
                case 4 -> pick(r, "true", "0644", "~", "null", "1.5e3", "-.inf");
                case 5 -> "x y";
                default -> "w" + r.nextInt(50);
            };
        }

        private static String flowNode(Random r, int depth) {
            int k = depth > 3 ? 0 : r.nextInt(6);
            if (k == 0 || k == 1 || k == 2) {
                String s = scalar(r);
                return s.startsWith("*") ? s : properties(r) + s;
            }
            StringBuilder b = new StringBuilder(properties(r));
            boolean map = k == 3 || (k == 5 && r.nextBoolean());
            b.append(map ? '{' : '[');
            if (r.nextInt(8) == 0) {
                b.append(" # c\n  ");
            }
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(pick(r, ", ", ",", " , ", ",\n  ", ", # c\n  "));
                }
                switch (r.nextInt(6)) {
                    case 0 -> b.append("? ").append(flowNode(r, depth + 1));
                    case 1 -> b.append(flowNode(r, depth + 1)).append(": ").append(flowNode(r, depth + 1));
                    case 2 -> b.append("? ").append(flowNode(r, depth + 1)).append(" : ").append(flowNode(r, depth + 1));
                    case 3 -> b.append(": ").append(flowNode(r, depth + 1));
                    default -> b.append(flowNode(r, depth + 1));
                }
            }
            if (n > 0 && r.nextInt(6) == 0) {
                b.append(',');
            }
            b.append(map ? '}' : ']');
            return b.toString();
        }

        /** A block node at column {@code col}, its first line starting after what {@code b} already holds. */
        private static void blockNode(StringBuilder b, Random r, int col, int depth, boolean inline) {
            int k = depth > 3 ? 0 : r.nextInt(7);
            if (k <= 1) {
                b.append(r.nextInt(5) == 0 ? flowNode(r, depth) : properties(r) + scalar(r));
                b.append(r.nextInt(8) == 0 ? " # c\n" : "\n");
                return;
            }
            if (k == 2) {
                b.append(properties(r)).append(pick(r, "|\n", ">-\n", "|+\n", ">2\n"))
                        .append(indent(col + 2)).append("text\n");
                if (r.nextBoolean()) {
                    b.append('\n').append(indent(col + 2)).append("more\n");
                }
                return;
            }
            String props = r.nextInt(4) == 0 ? properties(r) : "";
            boolean first = true;
            if (!props.isEmpty() || !inline) {
                if (!props.isEmpty()) {
                    b.append(props);
                }
                if (inline || !props.isEmpty()) {
                    b.append('\n');
                    first = false;
                }
            }
            int n = 1 + r.nextInt(3);
            boolean seq = k == 3 || k == 4;
            for (int i = 0; i < n; i++) {
                if (!(first && i == 0 && inline)) {
                    b.append(indent(col));
                }
                if (seq) {
                    b.append('-');
                    if (r.nextInt(6) == 0) {
                        b.append('\n'); // an empty entry
                        continue;
                    }
                    b.append(' ');
                    blockNode(b, r, col + 2, depth + 1, true);
                } else {
                    boolean complex = r.nextInt(7) == 0;
                    if (complex) {
                        b.append("? ");
                        blockNode(b, r, col + 2, depth + 1, true);
                        if (r.nextInt(3) == 0) {
                            continue; // a key without value
                        }
                        b.append(indent(col)).append(':');
                    } else {
                        b.append(r.nextInt(10) == 0 ? "" : r.nextInt(6) == 0 ? flowNode(r, depth + 1) : "k" + r.nextInt(9))
                                .append(':');
                    }
                    int v = r.nextInt(8);
                    if (v == 0) {
                        b.append('\n'); // an empty value
                    } else if (v == 1 && !complex) {
                        // an indentless sequence as the value
                        b.append('\n');
                        int m = 1 + r.nextInt(2);
                        for (int j = 0; j < m; j++) {
                            b.append(indent(col)).append("- ");
                            if (r.nextInt(8) == 0) {
                                b.append("# c\n").append(indent(col + 2));
                            }
                            blockNode(b, r, col + 2, depth + 1, true);
                        }
                    } else if (v == 2) {
                        b.append(" # c\n");
                        b.append(indent(col + 2));
                        blockNode(b, r, col + 2, depth + 1, true);
                    } else if (v <= 4) {
                        b.append('\n').append(indent(col + 2));
                        blockNode(b, r, col + 2, depth + 1, true);
                    } else {
                        b.append(' ');
                        if (r.nextInt(3) == 0) {
                            b.append(properties(r)).append(scalar(r)).append('\n');
                        } else {
                            b.append(flowNode(r, depth + 1)).append('\n');
                        }
                    }
                }
            }
        }
    }

    /** Breaks a text: truncations, stray indicators, tabs, deleted or doubled characters and lines. */
    static final class Mutator {
        private static final String[] STRAY = {"]", "[", "}", "{", ":", ": ", "-", "- ", ",", "?", "? ", "\t", "&", "*",
            "!", "!e!", "#", "|", ">", "'", "\"", "\n", " ", "---\n", "...\n", "%YAML 1.1\n", "%TAG !x! y\n", "\\",
            "@", "`", "\u00a0", "\ufeff", "\r"};

        private Mutator() {
        }

        static String mutate(String text, Random r) {
            String t = text;
            int rounds = 1 + r.nextInt(3);
            for (int i = 0; i < rounds; i++) {
                if (t.isEmpty()) {
                    t = STRAY[r.nextInt(STRAY.length)];
                    continue;
                }
                int at = r.nextInt(t.length() + 1);
                t = switch (r.nextInt(7)) {
                    case 0 -> t.substring(0, at); // truncated
                    case 1, 2 -> t.substring(0, at) + STRAY[r.nextInt(STRAY.length)] + t.substring(at);
                    case 3 -> at < t.length() ? t.substring(0, at) + t.substring(at + 1) : t;
                    case 4 -> at < t.length() ? t.substring(0, at) + t.charAt(at) + t.substring(at) : t;
                    case 5 -> lines(t, r);
                    default -> {
                        int nl = t.lastIndexOf('\n', Math.max(0, at - 1));
                        // indent or outdent the line at `at`
                        int start = nl + 1;
                        yield r.nextBoolean() ? t.substring(0, start) + " " + t.substring(start)
                                : t.startsWith(" ", start) ? t.substring(0, start) + t.substring(start + 1) : t;
                    }
                };
            }
            return t;
        }

        private static String lines(String t, Random r) {
            List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
            int i = r.nextInt(lines.size());
            if (r.nextBoolean()) {
                lines.add(i, lines.get(i));
            } else {
                lines.remove(i);
            }
            return String.join("\n", lines);
        }
    }
}
