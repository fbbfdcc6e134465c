/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each diagnostic code means: a one-line summary and a help text, read from
 * {@code rules.properties} beside this class. The catalogue covers every code the engine
 * reports; SARIF reports describe their rules with it.
 */
public final class RuleCatalog {
    /**
     * One rule.
     *
     * @param code the diagnostic code, e.g. {@code path-not-absolute}
     * @param summary one line, e.g. {@code Path is not absolute}
     * @param help what the rule checks and how to fix the config
     */
    public record Rule(String code, String summary, String help) {
    }

    private static final Map<String, Rule> RULES = load();

    private RuleCatalog() {
    }

    /** The rule of {@code code}, if the catalogue has it. */
    public static Optional<Rule> find(String code) {
        return Optional.ofNullable(RULES.get(code));
    }

    /**
     * The rule of {@code code}; for a code the catalogue lacks, a rule whose summary and help
     * are the code itself, so that a report is never incomplete.
     */
    public static Rule rule(String code) {
        Rule r = RULES.get(code);
        return r != null ? r : new Rule(code, code, code);
    }

    /** Every code of the catalogue, sorted. */
    public static SortedSet<String> codes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(RULES.keySet()));
    }

    private static Map<String, Rule> load() {
        Properties p = new Properties();
        try (InputStream in = RuleCatalog.class.getResourceAsStream("rules.properties")) {
            if (in == null) {
                throw new IllegalStateException("rules.properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Rule> rules = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".short")) {
                String code = key.substring(0, key.length() - ".short".length());
                String help = p.getProperty(code + ".help");
                if (help == null) {
                    throw new IllegalStateException("rules.properties: " + code + " has no help text");
                }
                rules.put(code, new Rule(code, p.getProperty(key).strip(), help.strip()));
            } else if (!key.endsWith(".help")) {
                throw new IllegalStateException("rules.properties: unexpected key " + key);
            } else if (p.getProperty(key.substring(0, key.length() - ".help".length()) + ".short") == null) {
                throw new IllegalStateException("rules.properties: " + key + " has no summary");
            }
        }
        return Collections.unmodifiableMap(rules);
    }
}
