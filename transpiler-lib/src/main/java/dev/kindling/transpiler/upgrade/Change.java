/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import java.util.Locale;

/**
 * One difference between two consecutive spec versions of a variant, as it matters to someone
 * who maintains a config. Paths are Butane paths written with dots and without list indices,
 * e.g. {@code storage.luks.discard}; a path starting with {@code *.} matches that key anywhere
 * ({@code *.source}).
 */
public sealed interface Change {
    /**
     * The Butane path the change is about.
     *
     * @return the path, with dots and without list indices
     */
    String path();

    /**
     * One sentence for people, e.g. {@code field storage.luks.discard added}.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether a diagnostic at {@code butanePath} (e.g. {@code $.storage.luks.0.discard}) is about
     * this change: the path, without list indices, is this change's path or lies below it.
     *
     * @param butanePath a diagnostic's path; null is the root
     * @return true when the diagnostic is about this change
     */
    default boolean covers(String butanePath) {
        String p = withoutIndices(butanePath);
        String mine = path();
        if (mine.startsWith("*.")) {
            String key = mine.substring(1);
            return p.endsWith(key) || p.contains(key + ".");
        }
        return p.equals(mine) || p.startsWith(mine + ".");
    }

    /**
     * A diagnostic's path in the form {@link #path()} uses: {@code $.storage.files.0.mode} as
     * {@code storage.files.mode}.
     *
     * @param butanePath a path starting with {@code $}, or null
     * @return the path without {@code $.} and list indices; empty for the root or null
     */
    static String withoutIndices(String butanePath) {
        if (butanePath == null) {
            return "";
        }
        String p = butanePath.startsWith("$.") ? butanePath.substring(2) : butanePath.equals("$") ? "" : butanePath;
        StringBuilder sb = new StringBuilder();
        for (String part : p.split("\\.")) {
            if (part.isEmpty() || part.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** A field the newer version has and the older one lacks (derived from the type table). */
    record FieldAdded(String path) implements Change {
        @Override
        public String describe() {
            return "field " + path + " added";
        }
    }

    /** A field the older version has and the newer one lacks (derived from the type table). */
    record FieldRemoved(String path) implements Change {
        @Override
        public String describe() {
            return "field " + path + " removed";
        }
    }

    /** A key written {@code path} in the older version is written {@code newName} in the newer one. */
    record KeyRenamed(String path, String newName) implements Change {
        @Override
        public String describe() {
            return "key " + path + " renamed to " + newName;
        }
    }

    /** A value (or form of value) the newer version accepts at {@code path}. */
    record ValueAdded(String path, String value) implements Change {
        @Override
        public String describe() {
            return path + " accepts " + value;
        }
    }

    /** The same config means something else, or gives other output bytes, in the newer version. */
    record SemanticsChanged(String path, String what) implements Change {
        @Override
        public String describe() {
            return path + ": " + what;
        }
    }

    /**
     * A check of the variant (a refused output field or a rule of {@code spec/Specs}) that the
     * newer version starts ({@code added}) or stops making.
     */
    record RestrictionChanged(String path, boolean added, String what) implements Change {
        @Override
        public String describe() {
            return (added ? "new check at " : "check dropped at ") + path + ": " + what;
        }
    }

    /**
     * {@code passwordHash} as {@code password_hash}: output (Ignition) names as Butane writes them.
     *
     * @param camel a camel-case name
     * @return the name in snake case
     */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
