/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.ignition.IgnitionCodes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue describes every code the engine can report. */
class RuleCatalogTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java/dev/kindling/transpiler");
    private static final Path CORPUS = Path.of("src/test/resources/conformance/cases");

    /** A kebab-case string literal. */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    /** What precedes a literal that is a diagnostic code (within its statement). */
    private static final Pattern CODE_CONTEXT = Pattern.compile(
            "(?:\\b(?:error|warning|fatal|ban|mc)\\(|Exception\\(|static final String [A-Z_]+ =)[^;{}]*$");

    @Test
    void everyIgnitionCodeIsDescribed() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (Field f : IgnitionCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String code = (String) f.get(null);
                if (RuleCatalog.find(code).isEmpty()) {
                    missing.add(code);
                }
            }
        }
        assertThat(missing).as("codes without a rule in rules.properties").isEmpty();
    }

    @Test
    void everyCodeInTheEngineSourcesIsDescribed() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (p.startsWith(MAIN_SOURCES.resolve("report"))) {
                    continue;
                }
                String text = Files.readString(p);
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    String before = text.substring(Math.max(0, m.start() - 300), m.start());
                    if (CODE_CONTEXT.matcher(before).find() && m.group(1).contains("-")) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        found.removeIf(code -> code.startsWith("s390x-")); // boot layout names passed to helpers
        assertThat(found).as("codes found in the sources").hasSizeGreaterThan(60);
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(RuleCatalog.codes());
        assertThat(missing).as("codes without a rule in rules.properties").isEmpty();
    }

    @Test
    void everyCodeTheCorpusProducesIsDescribed() throws IOException {
        Transpiler transpiler = Transpiler.create();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            List<Path> configs = files.filter(f -> f.toString().endsWith(".bu")).sorted().toList();
            for (Path bu : configs) {
                String name = bu.getFileName().toString();
                Path filesDir = bu.resolveSibling(name.substring(0, name.length() - 3) + ".d");
                TranspileOptions options = TranspileOptions.builder()
                        .filesDir(Files.isDirectory(filesDir) ? filesDir : null).build();
                for (Diagnostic d : new FileReport(name, transpiler.transpile(Files.readAllBytes(bu), options))
                        .entries()) {
                    seen.add(d.code());
                }
            }
        }
        assertThat(seen).as("codes seen in the corpus").hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>(seen);
        missing.removeAll(RuleCatalog.codes());
        assertThat(missing).as("codes without a rule in rules.properties").isEmpty();
    }

    @Test
    void everyRuleHasASummaryAndAHelpText() {
        assertThat(RuleCatalog.codes()).contains(FileReport.STRICT_WARNINGS, "unused-key", "yaml-syntax");
        for (String code : RuleCatalog.codes()) {
            RuleCatalog.Rule r = RuleCatalog.rule(code);
            assertThat(r.summary()).as(code).isNotBlank().doesNotContain("\n");
            assertThat(r.help()).as(code).isNotBlank().endsWith(".").isNotEqualTo(r.summary());
        }
        assertThat(RuleCatalog.find("no-such-code")).isEmpty();
        assertThat(RuleCatalog.rule("no-such-code").help()).isEqualTo("no-such-code");
    }
}
