/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * An Ant-style path pattern, as Maven users write in {@code <includes>}: {@code *} matches any
 * characters within one folder or file name, {@code ?} one character, and a {@code **} segment
 * any number of folders, including none ({@code **}{@code /*.bu} matches {@code web.bu} and
 * {@code hosts/web.bu}). A pattern that ends with {@code /} matches everything below that
 * folder. Matching is case-sensitive and uses {@code /} as the separator ({@code \} in a
 * pattern is read as {@code /}).
 */
final class PathPattern {
    private final String text;
    private final String[] segments;

    private PathPattern(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    static PathPattern of(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.endsWith("/")) {
            p = p + "**";
        }
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/+")) {
            // a run of ** segments means the same as one
            if (s.equals("**") && !parts.isEmpty() && parts.get(parts.size() - 1).equals("**")) {
                continue;
            }
            parts.add(s);
        }
        return new PathPattern(pattern, parts.toArray(new String[0]));
    }

    /** Whether {@code relativePath} (segments separated by {@code /}) matches. */
    boolean matches(String relativePath) {
        String[] path = relativePath.isEmpty() ? new String[0] : relativePath.split("/");
        return matchSegments(0, path, 0, new Boolean[segments.length + 1][path.length + 1]);
    }

    private boolean matchSegments(int pi, String[] path, int si, Boolean[][] memo) {
        Boolean known = memo[pi][si];
        if (known != null) {
            return known;
        }
        boolean result;
        if (pi == segments.length) {
            result = si == path.length;
        } else if (segments[pi].equals("**")) {
            // none, or one more folder, consumed by **
            result = matchSegments(pi + 1, path, si, memo)
                    || (si < path.length && matchSegments(pi, path, si + 1, memo));
        } else {
            result = si < path.length && matchName(segments[pi], path[si])
                    && matchSegments(pi + 1, path, si + 1, memo);
        }
        memo[pi][si] = result;
        return result;
    }

    /** Wildcard match of one name: {@code *} any run of characters, {@code ?} one character. */
    static boolean matchName(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starN = n;
            } else if (starP >= 0) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Patterns from a parameter: null or empty means {@code defaults}; blanks are dropped. */
    static List<PathPattern> list(List<String> patterns, List<String> defaults) {
        List<PathPattern> out = new ArrayList<>();
        for (String p : patterns == null ? List.<String>of() : patterns) {
            // -Dkindling.includes=a,b arrives as one string on some Maven versions
            for (String part : p == null ? new String[0] : p.split(",")) {
                if (!part.isBlank()) {
                    out.add(of(part));
                }
            }
        }
        if (out.isEmpty()) {
            for (String d : defaults) {
                out.add(of(d));
            }
        }
        return out;
    }

    static String describe(List<PathPattern> patterns) {
        return String.join(",", patterns.stream().map(p -> p.text.trim()).toList());
    }
}
