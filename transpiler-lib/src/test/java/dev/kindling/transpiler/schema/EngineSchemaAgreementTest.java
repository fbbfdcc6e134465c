/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine and the full published schema (validated with networknt, as an editor would) agree
 * on every corpus input: a config the engine transpiles without any diagnostic is valid, and the
 * unknown keys the schema finds are exactly the engine's unused-key warnings, at the same YAML
 * positions (for configs without aliases, which Butane does not look through).
 */
class EngineSchemaAgreementTest {
    private static final Path CASES = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/conformance/cases");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> inputs;
        try (Stream<Path> walk = Files.walk(CASES)) {
            inputs = walk.filter(p -> p.toString().endsWith(".bu") && Files.isRegularFile(p))
                    .filter(p -> !CASES.relativize(p).toString().contains(".d/"))
                    .sorted().collect(Collectors.toList());
        }
        return inputs.stream().map(p -> DynamicTest.dynamicTest(CASES.relativize(p).toString(), () -> check(p)));
    }

    private static void check(Path bu) throws Exception {
        byte[] input = Files.readAllBytes(bu);
        String base = bu.getFileName().toString().replaceAll("\\.bu$", "");
        TranspileOptions.Builder options = TranspileOptions.builder();
        Path args = bu.resolveSibling(base + ".args");
        if (Files.exists(args) && Files.readString(args).contains("-r")) {
            options.raw(true);
        }
        Path filesDir = bu.resolveSibling(base + ".d");
        if (Files.isDirectory(filesDir)) {
            options.filesDir(filesDir.toAbsolutePath());
        }
        TranspileResult r = Transpiler.create().transpile(input, options.build());
        if (r.fatal().isPresent() || r.info().isEmpty()) {
            return; // no spec or not YAML that decodes: nothing to compare
        }
        SpecVersion spec = Specs.find(r.info().get().variant(), r.info().get().version()).orElseThrow();
        YNode root = new YamlLoader(YamlLimits.DEFAULT).load(input);
        List<InputValidator.Problem> problems = InputValidator.validate(root, spec);

        // Butane (Go) converts any float to an integer field, even .inf or 2.5 (golden cases in
        // yaml-dialect/); the editor schema refuses those on purpose, so they do not count here
        List<InputValidator.Problem> strict = problems.stream()
                .filter(p -> !(p.kind() == InputValidator.Kind.TYPE
                        && p.message().endsWith("number found, integer expected")))
                .collect(Collectors.toList());
        if (r.success() && r.diagnostics().isEmpty() && !strict.isEmpty()) {
            fail("the engine accepts it without a word, the schema does not: " + problems);
        }
        if (hasAlias(root) || hasInlineIgnitionConfig(root)) {
            return; // the schema does not look inside an inline Ignition config (a JSON string)
        }
        Set<String> engine = new TreeSet<>();
        for (Diagnostic d : r.diagnostics()) {
            if (d.code().equals("unused-key")) {
                engine.add(d.path() + " " + d.line() + ":" + d.column());
            }
        }
        Set<String> schema = new TreeSet<>();
        for (InputValidator.Problem p : problems) {
            if (p.kind() == InputValidator.Kind.UNKNOWN_KEY) {
                schema.add(p.at().append(p.property()) + " " + p.line() + ":" + p.column());
            }
        }
        if (!engine.equals(schema)) {
            fail("unused keys differ: engine " + engine + ", schema " + schema);
        }
    }

    /** Iterative: corpus inputs nest up to 10,000 levels deep. */
    private static boolean hasAlias(YNode root) {
        java.util.ArrayDeque<YNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (n instanceof YNode.YAlias) {
                return true;
            }
            if (n instanceof YNode.YMap m) {
                for (YNode.Entry e : m.entries()) {
                    todo.push(e.key());
                    todo.push(e.value());
                }
            } else if (n instanceof YNode.YSeq s) {
                s.items().forEach(todo::push);
            }
        }
        return false;
    }

    /** Whether {@code ignition.config.merge} or {@code .replace} holds an {@code inline} config. */
    private static boolean hasInlineIgnitionConfig(YNode root) {
        YNode config = child(child(root, "ignition"), "config");
        YNode replace = child(config, "replace");
        if (child(replace, "inline") != null) {
            return true;
        }
        return child(config, "merge") instanceof YNode.YSeq merge
                && merge.items().stream().anyMatch(m -> child(m, "inline") != null);
    }

    private static YNode child(YNode n, String key) {
        if (n instanceof YNode.YMap m) {
            for (YNode.Entry e : m.entries()) {
                if (key.equals(e.keyText())) {
                    return e.value();
                }
            }
        }
        return null;
    }
}
