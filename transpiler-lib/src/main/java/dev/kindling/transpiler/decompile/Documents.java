/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.decompile.JNode.JArr;
import dev.kindling.transpiler.decompile.JNode.JBool;
import dev.kindling.transpiler.decompile.JNode.JNull;
import dev.kindling.transpiler.decompile.JNode.JNum;
import dev.kindling.transpiler.decompile.JNode.JObj;
import dev.kindling.transpiler.decompile.JNode.JStr;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether two Ignition (or MachineConfig) documents say the same: the decompiler's guarantee.
 * Object key order does not matter, list order does. Two resources whose sources are both data
 * URLs are equal when their contents are, after undoing each side's compression: Butane picks
 * gzip or not by size, and gzip streams differ between implementations. Absent, null, empty
 * lists and empty objects are the same (Butane writes none of them), as are an empty and an
 * absent {@code compression}.
 */
final class Documents {
    private Documents() {
    }

    /**
     * The first difference between two JSON or YAML documents, as {@code $.path: what}; empty
     * when they are the same. Either text failing to parse is a difference.
     */
    static Optional<String> difference(byte[] expected, byte[] actual) {
        try {
            return difference(InputReader.read(expected).root(), InputReader.read(actual).root(), "$");
        } catch (InputReader.BadInput e) {
            return Optional.of("$: cannot read a document: " + e.getMessage());
        }
    }

    static Optional<String> difference(JNode a, JNode b, String path) {
        a = normal(a);
        b = normal(b);
        if (a == null || b == null) {
            return a == b ? Optional.empty() : Optional.of(path + ": " + (a == null ? "absent" : "present")
                    + " in the input, " + (b == null ? "absent" : "present") + " in the result");
        }
        if (a instanceof JObj x && b instanceof JObj y) {
            boolean data = isData(x) && isData(y);
            if (data) {
                Optional<byte[]> cx = contents(x);
                Optional<byte[]> cy = contents(y);
                if (cx.isEmpty() || cy.isEmpty() || !Arrays.equals(cx.get(), cy.get())) {
                    if (!equalStrings(x, y, "source") || !equalStrings(x, y, "compression")) {
                        return Optional.of(path + ".source: the contents differ");
                    }
                }
            }
            TreeSet<String> keys = new TreeSet<>(x.fields().keySet());
            keys.addAll(y.fields().keySet());
            for (String k : keys) {
                if (data && (k.equals("source") || k.equals("compression"))) {
                    continue;
                }
                JNode vx = x.fields().get(k);
                JNode vy = y.fields().get(k);
                if (k.equals("compression")) {
                    vx = emptyToNull(vx);
                    vy = emptyToNull(vy);
                }
                Optional<String> d = difference(vx, vy, path + "." + k);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (a instanceof JArr x && b instanceof JArr y) {
            if (x.items().size() != y.items().size()) {
                return Optional.of(path + ": " + x.items().size() + " items in the input, " + y.items().size()
                        + " in the result");
            }
            for (int i = 0; i < x.items().size(); i++) {
                Optional<String> d = difference(x.items().get(i), y.items().get(i), path + "." + i);
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        boolean same;
        if (a instanceof JStr x && b instanceof JStr y) {
            same = x.value().equals(y.value());
        } else if (a instanceof JNum x && b instanceof JNum y) {
            same = new BigDecimal(x.text()).compareTo(new BigDecimal(y.text())) == 0;
        } else if (a instanceof JBool x && b instanceof JBool y) {
            same = x.value() == y.value();
        } else {
            same = false;
        }
        return same ? Optional.empty() : Optional.of(path + ": " + show(a) + " in the input, " + show(b)
                + " in the result");
    }

    private static String show(JNode n) {
        if (n instanceof JStr s) {
            String v = s.value();
            return "\"" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "\"";
        } else if (n instanceof JNum x) {
            return x.text();
        } else if (n instanceof JBool b) {
            return String.valueOf(b.value());
        }
        return JNode.kind(n);
    }

    /** Null for what counts as absent. */
    private static JNode normal(JNode n) {
        if (n == null || n instanceof JNull) {
            return null;
        }
        if (n instanceof JArr a && a.items().isEmpty()) {
            return null;
        }
        if (n instanceof JObj o && o.fields().values().stream().allMatch(v -> normal(v) == null)) {
            return null;
        }
        return n;
    }

    private static JNode emptyToNull(JNode n) {
        return n instanceof JStr s && s.value().isEmpty() ? null : n;
    }

    private static boolean isData(JObj o) {
        return o.fields().get("source") instanceof JStr s && DataUrlCodec.isDataUrl(s.value());
    }

    private static Optional<byte[]> contents(JObj o) {
        String source = ((JStr) o.fields().get("source")).value();
        String compression = o.fields().get("compression") instanceof JStr c ? c.value() : "";
        return DataUrlCodec.contents(source, compression);
    }

    private static boolean equalStrings(JObj x, JObj y, String key) {
        JNode a = emptyToNull(x.fields().get(key));
        JNode b = emptyToNull(y.fields().get(key));
        return a == null ? b == null : b instanceof JStr sb && a instanceof JStr sa && sa.value().equals(sb.value());
    }
}
