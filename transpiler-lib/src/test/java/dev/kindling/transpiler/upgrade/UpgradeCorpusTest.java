/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The upgrade guarantee on the whole conformance corpus. For every input Butane accepts (its
 * recorded exit status is 0):
 * <ul>
 * <li>upgraded to the newest stable version of its variant, it transpiles to the config Butane
 * recorded for the original, once both are in the same Ignition version ({@link
 * IgnitionEquivalence}); an input of an experimental version is thereby moved down to the
 * stable one and must either keep its output or be refused at the fields the stable version
 * lacks;
 * <li>the rewrite keeps every comment line and changes no line but the version's;
 * <li>moved down to every older version of its variant, it is refused with an error at the line
 * and column of each field it uses that the older version lacks (found independently, by walking
 * its YAML against the type table), and when it is not refused, its output is unchanged.
 * </ul>
 */
class UpgradeCorpusTest {
    private static final Path CASES = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/conformance/cases");
    private static final Upgrader UPGRADER = Upgrader.create();
    private static final Transpiler TRANSPILER = Transpiler.create();
    private static final AtomicInteger UPGRADED = new AtomicInteger();
    private static final AtomicInteger UNCHANGED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger COMMENTED = new AtomicInteger();
    private static final AtomicInteger DOWNGRADES = new AtomicInteger();
    private static final AtomicInteger DOWNGRADES_REFUSED = new AtomicInteger();
    private static final Map<String, String> REFUSALS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CASES)) {
            s.filter(p -> p.toString().endsWith(".bu")).sorted().forEach(inputs::add);
        }
        assertThat(inputs).hasSizeGreaterThan(100);
        return inputs.stream().filter(UpgradeCorpusTest::accepted)
                .map(p -> DynamicTest.dynamicTest(CASES.relativize(p).toString(), () -> check(p)));
    }

    @AfterAll
    static void summary() {
        System.out.printf("upgrade corpus: %d upgraded (%d with ignored keys commented out), %d already newest,"
                + " %d refused; %d downgrades, %d refused%n", UPGRADED.get(), COMMENTED.get(), UNCHANGED.get(),
                REFUSED.get(), DOWNGRADES.get(), DOWNGRADES_REFUSED.get());
        new TreeMap<>(REFUSALS).forEach((k, v) -> System.out.println("  refused " + k + ": " + v));
    }

    private static boolean accepted(Path bu) {
        try {
            if (!read(sibling(bu, ".rc")).trim().equals("0")) {
                return false;
            }
            // the upgrade rewrites text: a config that is not valid UTF-8 (Butane accepts one whose
            // bad bytes lie past what it reads) is refused with an error, not upgraded
            YamlLoader.decode(Files.readAllBytes(bu));
            return true;
        } catch (IOException | YamlException e) {
            return false;
        }
    }

    private static void check(Path bu) throws Exception {
        byte[] input = Files.readAllBytes(bu);
        boolean raw = read(sibling(bu, ".args")).contains("--raw");
        Path filesDir = sibling(bu, ".d");
        UpgradeOptions.Builder options = UpgradeOptions.builder().raw(raw).sourceName(bu.getFileName().toString());
        if (Files.isDirectory(filesDir)) {
            options.filesDir(filesDir.toAbsolutePath());
        }
        byte[] butaneOutput = Files.readAllBytes(sibling(bu, ".stdout"));
        TranspileResult original = TRANSPILER.transpile(input, transpileOptions(filesDir, raw));
        assertThat(original.success()).as("the original transpiles").isTrue();
        SpecVersion from = spec(original);
        boolean yamlOutput = from.variant().equals("openshift") && !raw;

        UpgradeResult up = UPGRADER.upgrade(input, options.build());
        SpecVersion newest = VersionSteps.newestStable(from.variant()).orElseThrow();
        assertThat(up.toVersion()).isEqualTo(newest.version());
        if (up.success()) {
            if (up.changed()) {
                UPGRADED.incrementAndGet();
            } else {
                UNCHANGED.incrementAndGet();
                assertThat(from).isEqualTo(newest);
            }
            String before = YamlLoader.decode(input);
            String after = up.text().orElseThrow();
            assertCommentsSurvive(before, after);
            // only the version line changes, and lines of keys the old version ignored become comments
            long commented = up.diagnostics().stream().filter(d -> d.code().equals("upgrade-ignored-field-commented"))
                    .count();
            if (commented > 0) {
                COMMENTED.incrementAndGet();
            }
            int versionLine = versionLine(input);
            for (UpgradeResult.LineChange c : up.lineChanges()) {
                if (c.line() == versionLine) {
                    assertThat(c.after()).contains(newest.version());
                } else {
                    assertThat(commented).as("line %d: only lines of ignored keys become comments", c.line())
                            .isPositive();
                    assertThat(c.after().replaceFirst("# ", "")).isEqualTo(c.before());
                }
            }
            TranspileResult upgraded = TRANSPILER.transpile(up.output().orElseThrow(), transpileOptions(filesDir, raw));
            assertThat(upgraded.success()).isTrue();
            assertThat(spec(upgraded)).isEqualTo(newest);
            assertThat(IgnitionEquivalence.normalized(upgraded.output().orElseThrow(), yamlOutput))
                    .as("the upgraded config gives Butane's output modulo version")
                    .isEqualTo(IgnitionEquivalence.normalized(stripNewline(butaneOutput), yamlOutput));
        } else {
            REFUSED.incrementAndGet();
            REFUSALS.put(CASES.relativize(bu).toString(), up.diagnostics().get(0).toRawString());
            if (!from.experimental()) {
                // going up, only a change of meaning the version steps declare may stop the upgrade,
                // and it is shown at the key it is about
                for (Diagnostic d : up.diagnostics()) {
                    assertThat(d.code()).as("refusal %s", d).isIn("upgrade-ignored-field", "upgrade-target-error",
                            "upgrade-output-differs");
                    assertThat(d.line()).as("refusal %s", d).isPositive();
                    assertThat(d.message()).as("refusal names its version step: %s", d)
                            .containsPattern("\\((added in |removed in |" + from.variant() + " )");
                }
            }
            assertRefusalsPositioned(up);
        }

        // every older version: refused at each newer field the config uses
        List<SpecVersion> line = VersionSteps.line(from.variant());
        YNode root = new YamlLoader(YamlLimits.DEFAULT).load(input);
        boolean plainTree = plainTree(root, 0);
        for (SpecVersion older : line.subList(0, line.indexOf(from))) {
            DOWNGRADES.incrementAndGet();
            UpgradeResult down = UPGRADER.upgrade(input, options.targetVersion(older.version()).build());
            List<int[]> expected = new ArrayList<>();
            if (plainTree) {
                newerFields(root, "", VersionSteps.fields(from), VersionSteps.fields(older), expected);
            }
            if (!down.success()) {
                DOWNGRADES_REFUSED.incrementAndGet();
                assertRefusalsPositioned(down);
            } else {
                TranspileResult t = TRANSPILER.transpile(down.output().orElseThrow(), transpileOptions(filesDir, raw));
                assertThat(IgnitionEquivalence.normalized(t.output().orElseThrow(), yamlOutput))
                        .isEqualTo(IgnitionEquivalence.normalized(original.output().orElseThrow(), yamlOutput));
            }
            for (int[] at : expected) {
                assertThat(down.diagnostics()).as("%s: a field of a newer version at line %d col %d", older,
                        at[0], at[1]).anyMatch(d -> d.severity() == Severity.ERROR
                        && d.code().equals("upgrade-field-unavailable") && d.line() == at[0]
                        && d.column() == at[1]);
            }
        }
    }

    private static int versionLine(byte[] input) throws Exception {
        YNode root = new YamlLoader(YamlLimits.DEFAULT).load(input);
        if (root instanceof YNode.YMap map) {
            for (YNode.Entry e : map.entries()) {
                if (e.keyText().equals("version")) {
                    return e.value().line();
                }
            }
        }
        return -1;
    }

    /** Every line that is a comment, and every trailing comment, is still in the rewritten text. */
    static void assertCommentsSurvive(String before, String after) {
        List<String> lines = List.of(after.split("\r\n|\r|\n", -1));
        for (String l : before.split("\r\n|\r|\n", -1)) {
            if (l.strip().startsWith("#")) {
                assertThat(lines).as("comment line kept").contains(l);
            }
            int hash = l.indexOf(" #");
            if (hash >= 0) {
                String tail = l.substring(hash);
                assertThat(after).as("trailing comment kept").contains(tail);
            }
        }
    }

    private static void assertRefusalsPositioned(UpgradeResult r) {
        assertThat(r.diagnostics()).isNotEmpty();
        for (Diagnostic d : r.diagnostics()) {
            if (d.severity() == Severity.ERROR && d.path() != null) {
                assertThat(d.line()).as("refusal positioned: %s", d).isPositive();
                assertThat(d.column()).as("refusal positioned: %s", d).isPositive();
            }
        }
    }

    /** Keys at paths the newer version has and the older lacks, topmost only: their positions. */
    private static void newerFields(YNode node, String path, Set<String> newer, Set<String> older,
            List<int[]> out) {
        if (node instanceof YNode.YSeq seq) {
            seq.items().forEach(i -> newerFields(i, path, newer, older, out));
        } else if (node instanceof YNode.YMap map) {
            for (YNode.Entry e : map.entries()) {
                String p = path.isEmpty() ? e.keyText() : path + "." + e.keyText();
                if (!newer.contains(p)) {
                    continue; // an unknown key of the version itself: not the upgrade's business
                }
                if (!older.contains(p)) {
                    if (!(e.value() instanceof YNode.YScalar s && s.value().isEmpty() && s.plain())) {
                        out.add(new int[] {e.key().line(), e.key().column()});
                    }
                    continue;
                }
                newerFields(e.value(), p, newer, older, out);
            }
        }
    }

    /** No aliases and no merge keys: the YAML as written is the config as decoded. */
    private static boolean plainTree(YNode node, int depth) {
        if (node instanceof YNode.YAlias || depth > 200) {
            return false;
        }
        if (node instanceof YNode.YSeq seq) {
            return seq.items().stream().allMatch(i -> plainTree(i, depth + 1));
        }
        if (node instanceof YNode.YMap map) {
            return map.entries().stream().allMatch(e -> !e.keyText().equals("<<") && plainTree(e.key(), depth + 1)
                    && plainTree(e.value(), depth + 1));
        }
        return true;
    }

    private static SpecVersion spec(TranspileResult r) {
        var info = r.info().orElseThrow();
        return Specs.find(info.variant(), info.version()).orElseThrow();
    }

    private static TranspileOptions transpileOptions(Path filesDir, boolean raw) {
        return TranspileOptions.builder().raw(raw).filesDir(Files.isDirectory(filesDir) ? filesDir.toAbsolutePath()
                : null).build();
    }

    private static byte[] stripNewline(byte[] b) {
        return b.length > 0 && b[b.length - 1] == '\n' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
    }

    private static Path sibling(Path bu, String ext) {
        String name = bu.getFileName().toString();
        return bu.resolveSibling(name.substring(0, name.length() - 3) + ext);
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
