/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates Butane-like inputs for the fuzzing test from one seed: mutated corpus configs,
 * random YAML structures over Butane's field names, and pathological shapes (long lines and
 * scalars, emoji near buffer boundaries, merge chains, many keys, deep nesting, alias fan-out).
 * The same seed and index always give the same input, so a failure names its reproducer.
 */
final class FuzzInputs {
    private static final String HEAD = "variant: fcos\nversion: 1.6.0\n";

    /** Text that often changes how YAML is read: indicators, tabs, odd breaks, escapes, tags. */
    private static final String[] TOKENS = {
        "\t", " ", "\n", ": ", ":", "- ", "-", "? ", "?", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b",
        "!!binary ", "!!timestamp ", "!!str ", "!!int ", "! ", "!x ", "<<: ", "<<: *a\n", "|", "|-", ">+",
        "'", "\"", "#", " # c", "\\L", "\\P", "\\N", "\\/", "\\u2028", "\\ud800", "\\U0001F600", "\\x41",
        "\u0085", "\u2028", "\u2029", "\uFEFF", "\uD83D\uDE00", "%YAML 1.1\n---\n", "%FOO x\n---\n",
        "---\n", "...\n", "\r", "\r\n", "\\", "0x1F", "0o17", "0644", "~", "null", "yes", "1e3", ".inf",
        "2001-12-14", "aGVsbG8=", "aGVsbG8", "\u00e9", "\u0000", "\u007f", "\t\t", "    ",
    };

    private static final String[] KEYS = {
        "variant", "version", "storage", "files", "path", "contents", "inline", "source", "mode", "overwrite",
        "directories", "links", "target", "hard", "systemd", "units", "name", "enabled", "dropins", "passwd",
        "users", "groups", "ssh_authorized_keys", "ignition", "config", "merge", "replace", "trees", "local",
        "filesystems", "device", "format", "with_mount_unit", "boot_device", "luks", "kernel_arguments",
        "should_exist", "compression", "verification", "hash", "append", "user", "id", "x-extra", "<<",
    };

    private final SplittableRandom random;
    private final List<String> seeds;
    private final int stressScale;

    /**
     * @param seed the run's seed
     * @param seeds corpus configs to mutate
     * @param stressScale bytes the largest stress shapes are built to (long lines, scalars)
     */
    FuzzInputs(long seed, List<String> seeds, int stressScale) {
        this.random = new SplittableRandom(seed);
        this.seeds = seeds;
        this.stressScale = stressScale;
    }

    /** One generated input and how it was made (for the failure message). */
    record Input(byte[] bytes, String kind) {
    }

    Input next() {
        int pick = random.nextInt(100);
        if (pick < 60 && !seeds.isEmpty()) {
            return new Input(utf8(mutate(seeds.get(random.nextInt(seeds.size())))), "mutate");
        }
        if (pick < 92) {
            return new Input(utf8(structure()), "struct");
        }
        return stress();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- mutation --------------------------------------------------------------------------

    private String mutate(String text) {
        StringBuilder b = new StringBuilder(text);
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(7)) {
                case 0, 1, 2 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 3 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(10)));
                case 4 -> {
                    List<String> lines = lines(b);
                    if (!lines.isEmpty()) {
                        int i = random.nextInt(lines.size());
                        lines.add(i, lines.get(random.nextInt(lines.size())));
                        b = new StringBuilder(String.join("\n", lines));
                    }
                }
                case 5 -> {
                    List<String> lines = lines(b);
                    if (lines.size() > 1) {
                        int i = random.nextInt(lines.size());
                        int j = random.nextInt(lines.size());
                        String t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                        b = new StringBuilder(String.join("\n", lines));
                    }
                }
                default -> b.setLength(Math.min(b.length(), at));
            }
        }
        return b.toString();
    }

    private static List<String> lines(CharSequence s) {
        return new ArrayList<>(List.of(s.toString().split("\n", -1)));
    }

    // ---- random structure ------------------------------------------------------------------

    private String structure() {
        StringBuilder b = new StringBuilder(HEAD);
        int anchors = 0;
        int top = 1 + random.nextInt(4);
        for (int i = 0; i < top; i++) {
            b.append(key()).append(':');
            anchors = value(b, 1, 0, anchors);
        }
        return b.toString();
    }

    private String key() {
        return KEYS[random.nextInt(KEYS.length)];
    }

    /** Appends a value after "key:" (block style at {@code indent}); returns the anchor count. */
    private int value(StringBuilder b, int indent, int depth, int anchors) {
        int kind = depth > 4 ? 0 : random.nextInt(6);
        String pad = "  ".repeat(indent);
        if (random.nextInt(8) == 0) {
            b.append(" &a").append(anchors++);
        }
        switch (kind) {
            case 0, 1 -> b.append(' ').append(scalar(anchors)).append('\n');
            case 2 -> {
                b.append('\n');
                int n = 1 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(pad).append(key()).append(':');
                    anchors = value(b, indent + 1, depth + 1, anchors);
                }
            }
            case 3 -> {
                b.append('\n');
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.append(pad).append("- ").append(key()).append(':');
                    anchors = value(b, indent + 2, depth + 1, anchors);
                }
            }
            case 4 -> b.append(' ').append(flow(depth, anchors)).append('\n');
            default -> {
                b.append(random.nextBoolean() ? " |" : " >-").append('\n');
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.append(pad).append(scalar(0).replace("\n", "")).append('\n');
                }
            }
        }
        return anchors;
    }

    private String flow(int depth, int anchors) {
        if (depth > 5 || random.nextInt(3) == 0) {
            return scalar(anchors);
        }
        StringBuilder b = new StringBuilder();
        boolean map = random.nextBoolean();
        b.append(map ? '{' : '[');
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(random.nextInt(10) == 0 ? "," : ", ");
            }
            if (map) {
                b.append(key()).append(random.nextInt(10) == 0 ? ":" : ": ");
            }
            b.append(flow(depth + 1, anchors));
        }
        return b.append(map ? '}' : ']').toString();
    }

    private String scalar(int anchors) {
        return switch (random.nextInt(12)) {
            case 0 -> String.valueOf(random.nextInt(5000) - 100);
            case 1 -> "0" + Integer.toOctalString(random.nextInt(4096));
            case 2 -> random.nextBoolean() ? "true" : "no";
            case 3 -> "/etc/" + key();
            case 4 -> "\"" + TOKENS[random.nextInt(TOKENS.length)].replace("\"", "\\\"") + "x\"";
            case 5 -> "'" + TOKENS[random.nextInt(TOKENS.length)].replace("'", "''") + "'";
            case 6 -> anchors > 0 ? "*a" + random.nextInt(anchors) : "~";
            case 7 -> "data:,hello";
            case 8 -> "!!binary " + (random.nextBoolean() ? "aGVsbG8=" : "aGVsbG8");
            case 9 -> "https://example.com/" + key();
            case 10 -> TOKENS[random.nextInt(TOKENS.length)].trim() + key();
            default -> "";
        };
    }

    // ---- pathological shapes ---------------------------------------------------------------

    private Input stress() {
        int n = stressScale;
        return switch (random.nextInt(11)) {
            case 0 -> shape("long-line", HEAD + "storage:\n  files:\n    - path: /etc/x\n      contents:\n        inline: "
                    + "a".repeat(1 + random.nextInt(n)) + "\n");
            case 1 -> shape("long-quoted", HEAD + "x: \"" + "ab\\n".repeat(1 + random.nextInt(n / 4)) + "\"\n");
            case 2 -> {
                // an emoji just before, on or after snakeyaml's old 1 KiB read boundary
                int pad = 985 + random.nextInt(50);
                yield shape("emoji-boundary", HEAD + "x: " + "a".repeat(pad) + "\uD83D\uDE00b\n");
            }
            case 3 -> {
                int len = 500 + random.nextInt(2500);
                StringBuilder b = new StringBuilder(HEAD).append("x-m0: &m0 {k0: 0}\n");
                for (int i = 1; i < len; i++) {
                    b.append("x-m").append(i).append(": &m").append(i).append(" {<<: *m").append(i - 1)
                            .append(", k").append(i).append(": ").append(i).append("}\n");
                }
                b.append("storage:\n  files:\n    - path: /etc/x\n      <<: *m").append(len - 1).append('\n');
                yield shape("merge-chain", b.toString());
            }
            case 4 -> {
                int keys = 1000 + random.nextInt(4000);
                StringBuilder b = new StringBuilder(HEAD).append("storage:\n  files:\n    - path: /a\n");
                for (int i = 0; i < keys; i++) {
                    b.append("      k").append(random.nextInt(keys)).append(": ").append(i).append('\n');
                }
                yield shape("many-keys", b.toString());
            }
            case 5 -> {
                int depth = random.nextBoolean() ? 10_000 : 10_001;
                yield shape("deep-flow", HEAD + "x: " + "[".repeat(depth) + "]".repeat(depth) + "\n");
            }
            case 6 -> {
                StringBuilder b = new StringBuilder(HEAD).append("x-a0: &a0 [lol]\n");
                for (int i = 1; i < 10; i++) {
                    b.append("x-a").append(i).append(": &a").append(i).append(" [")
                            .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
                }
                b.append("storage:\n  files: *a9\n");
                yield shape("alias-bomb", b.toString());
            }
            case 7 -> shape("many-escapes", HEAD + "storage:\n  files:\n    - path: /etc/x\n      contents:\n        inline: \""
                    + "a\\L".repeat(1 + random.nextInt(3000)) + "\"\n# " + "p".repeat(random.nextInt(3000)) + "\n");
            case 8 -> shape("many-docs", HEAD + "---\na: 1\n".repeat(1 + random.nextInt(20_000)));
            case 9 -> {
                int depth = 200 + random.nextInt(800);
                StringBuilder b = new StringBuilder(HEAD).append("x:\n");
                for (int i = 0; i < depth; i++) {
                    b.append(" ".repeat(i + 1)).append("k:\n");
                }
                yield shape("deep-block", b.append(" ".repeat(depth + 1)).append("1\n").toString());
            }
            default -> shape("recursive-alias", HEAD + "storage: &s\n  files:\n    - path: /a\n  x: [*s, {y: *s}]\n"
                    + "x: &r {a: *r, <<: *r}\n");
        };
    }

    private static Input shape(String kind, String text) {
        return new Input(utf8(text), "stress:" + kind);
    }
}
