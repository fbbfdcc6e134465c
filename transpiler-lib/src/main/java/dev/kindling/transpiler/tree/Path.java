/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable JSON path such as {@code $.storage.files.0.path}. Elements are field names
 * (String), list indices (Integer) or {@link Key} markers that point at a mapping key token
 * rather than at its value.
 */
public final class Path {
    /** Marks a path element that designates the key token of a mapping entry. */
    public record Key(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final Path ROOT = new Path(new Object[0], null);

    private final Object[] elements;
    /**
     * The name of the config the path is in when several are composed (null for a single
     * config). Every path derived from this one keeps it, so that the origins of merged values
     * still say which file they came from.
     */
    private final String source;

    private Path(Object[] elements, String source) {
        this.elements = elements;
        this.source = source;
    }

    private Path(Object[] elements) {
        this(elements, null);
    }

    /** The same path in the named source config (see {@link #source()}). */
    public Path inSource(String sourceName) {
        return new Path(elements, sourceName);
    }

    /** The source config this path is in, or null when only one config is involved. */
    public String source() {
        return source;
    }

    public static Path of(Object... elements) {
        return elements.length == 0 ? ROOT : new Path(elements.clone());
    }

    public Path append(Object... more) {
        Object[] joined = Arrays.copyOf(elements, elements.length + more.length);
        System.arraycopy(more, 0, joined, elements.length, more.length);
        return new Path(joined, source);
    }

    public Path append(Path more) {
        return append(more.elements);
    }

    public Path parent() {
        return elements.length == 0 ? this : new Path(Arrays.copyOf(elements, elements.length - 1), source);
    }

    public int size() {
        return elements.length;
    }

    public Object get(int i) {
        return elements[i];
    }

    public Object last() {
        return elements.length == 0 ? null : elements[elements.length - 1];
    }

    public boolean startsWith(Path prefix) {
        if (prefix.elements.length > elements.length) {
            return false;
        }
        for (int i = 0; i < prefix.elements.length; i++) {
            if (!prefix.elements[i].equals(elements[i])) {
                return false;
            }
        }
        return true;
    }

    /** Replaces a leading {@code prefix} with {@code replacement}. */
    public Path rebase(Path prefix, Path replacement) {
        Object[] rest = Arrays.copyOfRange(elements, prefix.elements.length, elements.length);
        return replacement.append(rest);
    }

    public List<Object> elements() {
        return List.of(elements);
    }

    /** Converts each camelCase field name to Butane's snake_case ({@code sizeMiB} to {@code size_mib}). */
    public Path toSnakeCase() {
        List<Object> out = new ArrayList<>(elements.length);
        for (Object e : elements) {
            out.add(e instanceof String s ? Names.camelToSnake(s) : e);
        }
        return new Path(out.toArray(), source);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (Object e : elements) {
            sb.append('.').append(e);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && Arrays.equals(elements, p.elements) && java.util.Objects.equals(source, p.source);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements) * 31 + (source == null ? 0 : source.hashCode());
    }
}
