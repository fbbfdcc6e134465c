/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kindling.transpiler.schema.InputValidator;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.DecodeException;
import dev.kindling.transpiler.yaml.Decoder;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine takes its unknown keys from the type table ({@code TypeDef.field}); the generated
 * JSON Schema (validated with networknt, as editors and {@code InputValidator} use it) must say
 * the same. This test fails when the two disagree on any input of the conformance corpus or the
 * examples, or on hand-written awkward inputs. It also checks
 * that the schema finds no unknown key at a place Butane's walk never looks at (those would be
 * silently dropped).
 */
class UnusedKeysAgreementTest {
    private static final java.nio.file.Path BASE = java.nio.file.Path.of(System.getProperty("basedir", "."));
    private static final java.nio.file.Path CASES = BASE.resolve("src/test/resources/conformance/cases");
    private static final java.nio.file.Path EXAMPLES = BASE.resolve("../examples");

    @TestFactory
    Stream<DynamicTest> corpusAndExamples() throws IOException {
        List<java.nio.file.Path> inputs = new ArrayList<>();
        for (java.nio.file.Path dir : List.of(CASES, EXAMPLES)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<java.nio.file.Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".bu") && Files.isRegularFile(p))
                        .filter(p -> !dir.relativize(p).toString().contains(".d/"))
                        .sorted().forEach(inputs::add);
            }
        }
        assertThat(inputs.size()).isGreaterThan(250);
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> agree(Files.readAllBytes(p))));
    }

    @Test
    void awkwardInputs() {
        String head = "variant: fcos\nversion: 1.6.0\n";
        for (String body : List.of(
                "storage:\n  files:\n    - ~\n    - path: /a\n      bogus: 1\n",
                "storage:\n  files:\n    - path: /a\n      bogus: 1\n    - null\n    - path: /b\n      typo: 2\n",
                "storage:\n  files: [null, null]\n",
                "x: &a {bogus: 1}\nstorage: *a\n",
                "passwd: &p\n  users: [{name: a, what: 1}]\n  extra: 2\nstorage:\n  <<: {files: []}\n  junk: 1\n",
                "systemd:\n  units:\n    - &u {name: a.service, nope: 1}\n    - *u\n",
                "storage:\n  files:\n    - path: /a\n      contents: {inline: x, sourc: y}\n      mode: 0644\n",
                "ignition: null\nstorage: ~\n",
                "? [a]\n: 1\n",
                "*x: 1\n",
                "boot_device: {layout: x86_64, luks: {tpm2: true, bogus: 1}}\ngrub: {users: [{name: r, x: 1}]}\n")) {
            agree((head + body).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyVariantAgreesOnFieldsFromOtherVariants() {
        for (SpecVersion spec : Specs.all()) {
            String doc = "variant: " + spec.variant() + "\nversion: " + spec.version() + "\n"
                    + "boot_device: {layout: x86_64}\ngrub: {users: []}\nmetadata: {name: a, labels: {a: b}}\n"
                    + "openshift: {fips: true}\nkernel_arguments: {should_exist: [a]}\n"
                    + "storage: {trees: [{local: x}], luks: [{name: a, device: /dev/a, cex: {enabled: false}}]}\n"
                    + "systemd: {quadlets: [{name: a.container}]}\n";
            agree(doc.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Asserts that the schema's unknown keys are the reference rule's, place by place. */
    private static void agree(byte[] input) {
        YNode root;
        SpecVersion spec;
        ObjValue config;
        try {
            root = new YamlLoader(YamlLimits.DEFAULT).load(input);
            String[] vv = Decoder.variantAndVersion(root);
            String version = SemVer.normalize(vv[1]);
            spec = version == null ? null : Specs.find(vv[0], version).orElse(null);
            if (spec == null) {
                return; // no spec, nothing is checked
            }
            config = Decoder.decode(root, spec);
        } catch (YamlException | DecodeException e) {
            return; // the run ends before unknown keys are looked for
        }
        Locator locator = new Locator(root);
        Set<String> reference = new TreeSet<>();
        Set<Path> visited = new java.util.HashSet<>();
        SpecVersion s = spec;
        SchemaWalk.walk(config, spec, (obj, type, path) -> {
            YNode node = locator.find(path);
            if (node instanceof YMap m) {
                visited.add(path);
                for (YNode.Entry e : m.entries()) {
                    if (type.field(e.keyText(), s) == null) {
                        reference.add(path + " " + e.keyText());
                    }
                }
            }
        });
        Map<Path, Set<String>> fromSchema = InputValidator.unknownKeys(root, spec);
        Set<String> schema = new TreeSet<>();
        List<String> unvisited = new ArrayList<>();
        fromSchema.forEach((path, keys) -> keys.forEach(k -> {
            if (visited.contains(path)) {
                schema.add(path + " " + k);
            } else {
                unvisited.add(path + " " + k);
            }
        }));
        if (!unvisited.isEmpty()) {
            fail("the schema finds unknown keys where Butane does not look: " + unvisited + "\n"
                    + new String(input, StandardCharsets.UTF_8));
        }
        assertThat(schema).as(new String(input, StandardCharsets.UTF_8)).isEqualTo(reference);
    }

    @Test
    void valuesNestedDeepBelowAnUnknownKeyAreNoProblem() {
        // the decoder never looks below an unknown key; the schema check must not fall over there
        String deep = "[".repeat(9_999) + "]".repeat(9_999);
        var r = EngineTestSupport.run("variant: fcos\nversion: 1.6.0\nbogus: " + deep + "\n");
        assertThat(EngineTestSupport.where(r)).containsExactly("warning $.bogus 3:1");
    }

    @Test
    void theEngineReportsWhatTheSchemaFinds() {
        var r = EngineTestSupport.run("variant: fcos\nversion: 1.4.0\nstorage:\n  filez: []\n"
                + "systemd:\n  units:\n    - name: a.service\n      contents_local: x\n      bogus: true\n");
        assertThat(EngineTestSupport.where(r)).containsExactly("warning $.storage.filez 4:3",
                "warning $.systemd.units.0.contents_local 8:7", "warning $.systemd.units.0.bogus 9:7");
        assertThat(r.diagnostics().stream().map(d -> d.code()).collect(Collectors.toSet()))
                .containsExactly("unused-key");
    }
}
