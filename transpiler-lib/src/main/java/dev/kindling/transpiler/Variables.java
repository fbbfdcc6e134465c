/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Values for the {@code $[[NAME]]} references of Butane configs: an immutable map from name to
 * value, each value plain or secret. A secret value is used like any other, but never printed:
 * diagnostics that would quote it show {@code [secret NAME]} instead, and {@link #toString()}
 * names secrets without their values.
 *
 * <pre>{@code
 * Variables vars = Variables.builder()
 *         .put("hostname", "web-1")
 *         .putSecret("token", System.getenv("K3S_TOKEN"))
 *         .build();
 * TranspileOptions options = TranspileOptions.builder().variables(vars).build();
 * }</pre>
 */
public final class Variables {
    private static final Variables EMPTY = new Variables(new TreeMap<>());

    /** One value, and whether it is a secret. */
    private record Value(String text, boolean secret) {
    }

    private final Map<String, Value> values;

    private Variables(TreeMap<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * No variables.
     *
     * @return the empty set of variables
     */
    public static Variables empty() {
        return EMPTY;
    }

    /**
     * A builder with no variables yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these variables.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /**
     * Whether a name is a valid variable name.
     *
     * @param name the name
     * @return true when it is a letter or underscore, then letters, digits, {@code _ . -}
     */
    public static boolean isValidName(String name) {
        // A loop rather than a regular expression: this class is loaded on every run, and
        // compiling the pattern in a cold JVM cost about 9 ms of a 140 ms small run.
        if (name == null || name.isEmpty() || !nameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!nameStart(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean nameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    /**
     * Whether no variable is defined.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The defined names.
     *
     * @return the names, sorted
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Whether a variable is defined.
     *
     * @param name the name
     * @return true when it has a value
     */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of a variable.
     *
     * @param name the name
     * @return the value, absent when the variable is not defined
     */
    public Optional<String> value(String name) {
        Value v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.text());
    }

    /**
     * Whether a variable is defined as a secret.
     *
     * @param name the name
     * @return true for a secret
     */
    public boolean isSecret(String name) {
        Value v = values.get(name);
        return v != null && v.secret();
    }

    /**
     * Whether any variable is a secret.
     *
     * @return true when there is a secret
     */
    public boolean hasSecrets() {
        // a loop, not a stream: every run asks this, and a stream's lambdas cost a cold JVM time
        for (Value v : values.values()) {
            if (v.secret()) {
                return true;
            }
        }
        return false;
    }

    /**
     * These variables with every variable of {@code overrides} put on top.
     *
     * @param overrides the variables that win
     * @return the combined variables
     */
    public Variables with(Variables overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return overrides;
        }
        Builder b = toBuilder();
        b.values.putAll(overrides.values);
        return b.build();
    }

    /**
     * Replaces every secret value that occurs in a text (as written, or escaped as in a quoted
     * JSON or Go string) by {@code [secret NAME]}; used on every message that leaves the library.
     *
     * @param text a message, or null
     * @return the message without secret values
     */
    public String redact(String text) {
        if (text == null || !hasSecrets()) {
            return text;
        }
        String out = text;
        // longer values first, so that a secret containing another one is replaced as a whole
        var secrets = values.entrySet().stream().filter(e -> e.getValue().secret() && !e.getValue().text().isEmpty())
                .sorted((a, b) -> Integer.compare(b.getValue().text().length(), a.getValue().text().length()))
                .toList();
        for (var e : secrets) {
            String marker = "[secret " + e.getKey() + "]";
            String raw = e.getValue().text();
            out = out.replace(raw, marker);
            String quoted = quotedForm(raw);
            if (!quoted.equals(raw)) {
                out = out.replace(quoted, marker);
            }
        }
        return out;
    }

    /** The inside of a double-quoted JSON/Go string holding {@code s}. */
    private static String quotedForm(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Names and values; secret values are shown as {@code <secret>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Variables{");
        String sep = "";
        for (var e : values.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(e.getValue().secret() ? "<secret>" : e.getValue().text());
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Variables v && v.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Builds {@link Variables}; a name given twice keeps its last value. */
    public static final class Builder {
        private final TreeMap<String, Value> values = new TreeMap<>();

        private Builder() {
        }

        /**
         * A plain value.
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a null value
         */
        public Builder put(String name, String value) {
            return add(name, value, false);
        }

        /**
         * A secret value: substituted like any other, never shown in a diagnostic.
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException for an invalid name or a null value
         */
        public Builder putSecret(String name, String value) {
            return add(name, value, true);
        }

        /**
         * Every variable of {@code other}, secrets staying secret.
         *
         * @param other the variables to add
         * @return this builder
         */
        public Builder putAll(Variables other) {
            values.putAll(other.values);
            return this;
        }

        private Builder add(String name, String value, boolean secret) {
            if (!isValidName(name)) {
                throw new IllegalArgumentException("invalid variable name \"" + name
                        + "\": use letters, digits, '_', '.' and '-', starting with a letter or '_'");
            }
            if (value == null) {
                throw new IllegalArgumentException("variable " + name + " has no value");
            }
            values.put(name, new Value(value, secret));
            return this;
        }

        /**
         * The variables defined so far.
         *
         * @return immutable variables
         */
        public Variables build() {
            return values.isEmpty() ? EMPTY : new Variables(new TreeMap<>(values));
        }
    }
}
