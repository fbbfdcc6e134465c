/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What to tell a user about a key that a config object does not have, worked out from the same
 * declarations the engine runs on ({@link ButaneSchema} for the fields and their version ranges,
 * {@link Specs} for the variants and versions):
 * <ul>
 * <li>a field of the same object in other versions: from which version of the variant it exists
 * ({@code `file_mode` is available from fcos 1.7.0}), up to which one, or in which variants;
 * <li>otherwise a known field of the object in this version with a close name (same letters
 * ignoring case, {@code _} and {@code -}, or a small edit distance): {@code did you mean
 * `contents`?}.
 * </ul>
 * Nothing here changes a diagnostic: callers add the text to human-facing output only.
 */
public final class KeyHints {
    private KeyHints() {
    }

    /**
     * The hint for an unknown {@code key} of an object of {@code type} in {@code spec}, if any.
     * The availability of the same field in other versions wins over a similar name.
     */
    public static Optional<String> forUnknownKey(TypeDef type, String key, SpecVersion spec) {
        Optional<String> elsewhere = availability(type, key, spec);
        if (elsewhere.isPresent()) {
            return elsewhere;
        }
        Optional<String> name = closest(key, names(type.fields(spec)));
        return name.isEmpty() ? Optional.empty() : Optional.of("did you mean `" + name.get() + "`?");
    }

    /**
     * The hint for a Butane diagnostic path such as {@code $.storage.trees.0.file_mode} naming an
     * unknown key: the path is followed through the config types of {@code spec} as far as it
     * names fields; what remains is the key.
     */
    public static Optional<String> forUnknownKeyAt(String path, SpecVersion spec) {
        if (path == null || !path.startsWith("$.")) {
            return Optional.empty();
        }
        String[] segments = path.substring(2).split("\\.", -1);
        TypeDef type = ButaneSchema.type("Config");
        int i = 0;
        while (i < segments.length - 1) {
            FieldDef f = type.field(segments[i], spec);
            if (f == null || f.ref() == null || !(f.kind() == Kind.OBJECT || f.kind() == Kind.LIST)) {
                break;
            }
            type = ButaneSchema.type(f.ref());
            i++;
            if (f.kind() == Kind.LIST) {
                if (i >= segments.length - 1 || !segments[i].matches("\\d+")) {
                    return Optional.empty();
                }
                i++; // the item's index
            }
        }
        String key = String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length));
        return key.isEmpty() ? Optional.empty() : forUnknownKey(type, key, spec);
    }

    /**
     * Where a field that {@code spec} lacks on {@code type} does exist: in later or earlier
     * versions of the same variant, or only in other variants. Empty when no spec has it.
     */
    public static Optional<String> availability(TypeDef type, String key, SpecVersion spec) {
        FieldDef here = type.field(key, spec);
        if (here != null) {
            return Optional.empty();
        }
        List<SpecVersion> sameVariant = new ArrayList<>();
        Set<String> otherVariants = new LinkedHashSet<>();
        for (SpecVersion s : Specs.all()) {
            if (type.field(key, s) == null) {
                continue;
            }
            if (s.variant().equals(spec.variant())) {
                sameVariant.add(s);
            } else {
                otherVariants.add(s.variant());
            }
        }
        String name = "`" + key + "`";
        if (!sameVariant.isEmpty()) {
            SpecVersion later = null;
            SpecVersion earlier = null;
            for (SpecVersion s : sameVariant) {
                boolean after = compareVersions(s.version(), spec.version()) > 0;
                if (after && (later == null || compareVersions(s.version(), later.version()) < 0)) {
                    later = s;
                } else if (!after && (earlier == null || compareVersions(s.version(), earlier.version()) > 0)) {
                    earlier = s;
                }
            }
            if (later != null) {
                return Optional.of(name + " is available from " + later);
            }
            return Optional.of(name + " is only available up to " + earlier);
        }
        if (!otherVariants.isEmpty()) {
            return Optional.of(name + " is only available in the " + String.join(", ", otherVariants) + " variant"
                    + (otherVariants.size() > 1 ? "s" : ""));
        }
        return Optional.empty();
    }

    /**
     * Where an Ignition field that version 3.{@code minor}.0 lacks does exist, by its
     * Ignition (camelCase) name: {@code `ignitionName` is available from Ignition 3.4.0}.
     */
    public static Optional<String> ignitionAvailability(FieldDef f, String ignitionName, int minor) {
        if (f.butaneOnly() || f.feature() != null || (f.since() <= minor && minor <= f.until())) {
            return Optional.empty();
        }
        String name = "`" + ignitionName + "`";
        if (f.since() > minor) {
            return Optional.of(name + " is available from Ignition " + SpecVersion.ignitionVersionOf(f.since()));
        }
        return Optional.of(name + " is only available up to Ignition " + SpecVersion.ignitionVersionOf(f.until()));
    }

    /**
     * Orders {@code X.Y.Z} versions numerically; of equal numbers, the one with a suffix sorts
     * later (only experimental versions have one).
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static List<String> names(List<FieldDef> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (FieldDef f : fields) {
            out.add(f.name());
        }
        return out;
    }

    /**
     * The known name closest to {@code key}: one that differs only in case, {@code _} and
     * {@code -} (e.g. {@code fileMode} for {@code file_mode}), else the one at the smallest
     * edit distance if that is small for the key's length (at most 1 for keys of up to 4
     * characters, 2 up to 8, else 3); ties go to the first declared.
     */
    static Optional<String> closest(String key, List<String> known) {
        String folded = fold(key);
        for (String k : known) {
            if (fold(k).equals(folded)) {
                return Optional.of(k);
            }
        }
        int limit = key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String other = fold(k);
            if (Math.abs(other.length() - folded.length()) > limit) {
                continue; // too far apart in length alone (and keeps a huge key from costing anything)
            }
            int d = distance(folded, other);
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String fold(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
