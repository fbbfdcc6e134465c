/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.util.ArrayList;
import java.util.List;

/**
 * Slash-separated path arithmetic with the semantics of Go's {@code path} package, which Ignition
 * uses to judge node paths: purely lexical, no file system access.
 */
final class GoPath {
    private GoPath() {
    }

    static boolean isAbs(String p) {
        return p.startsWith("/");
    }

    /**
     * The shortest equivalent path: repeated slashes collapsed, {@code .} segments dropped,
     * {@code ..} segments folded into their parent (never above the root of a rooted path), no
     * trailing slash; {@code "."} when nothing remains.
     */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        List<String> kept = new ArrayList<>();
        int leadingUps = 0; // ".." segments that cannot be folded (relative paths only)
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                } else if (!rooted) {
                    leadingUps++;
                }
                continue;
            }
            kept.add(segment);
        }
        StringBuilder sb = new StringBuilder();
        if (rooted) {
            sb.append('/');
        }
        for (int i = 0; i < leadingUps; i++) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            sb.append("..");
        }
        for (String segment : kept) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            sb.append(segment);
        }
        return sb.length() == 0 ? "." : sb.toString();
    }

    /** Joins the non-empty elements with slashes and cleans the result; "" when all are empty. */
    static String join(String... elements) {
        StringBuilder sb = new StringBuilder();
        for (String e : elements) {
            if (e.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(e);
        }
        return sb.length() == 0 ? "" : clean(sb.toString());
    }

    /** The extension of the last path element, dot included, or "" when it has none. */
    static String ext(String p) {
        for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
            if (p.charAt(i) == '.') {
                return p.substring(i);
            }
        }
        return "";
    }
}
