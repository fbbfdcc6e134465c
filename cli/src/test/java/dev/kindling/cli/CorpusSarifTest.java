/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One {@code --check --format sarif} call over the conformance corpus (the cases that need no
 * flags of their own) reports, for every file, the same levels, lines and columns as Butane's
 * recorded report, and exits 1 because some of them have errors.
 */
class CorpusSarifTest {
    private static final Path CASES = Path.of("../transpiler-lib/src/test/resources/conformance/cases");
    // Butane also reports some problems with a position but no path ("error at line 1 col 1: ...",
    // e.g. invalid inline Ignition JSON)
    private static final Pattern DIAG = Pattern.compile("^(warning|error) at (\\$\\S*?|)(?:,? ?line (\\d+) col (\\d+))?: ");
    /** Problems Butane reports as its one-line failure rather than as report entries. */
    private static final Set<String> FATAL = Set.of("yaml-syntax", "yaml-type", "unknown-version", "invalid-version",
            "no-variant", "rhcos-removed", "strict-warnings");

    @Test
    void sameLevelsLinesAndColumnsAsButane() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CASES), "the corpus is beside this module");
        List<Path> configs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CASES)) {
            files.filter(p -> p.toString().endsWith(".bu")).sorted().forEach(bu -> {
                String base = bu.toString().substring(0, bu.toString().length() - 3);
                if (!Files.exists(Path.of(base + ".args")) && !Files.isDirectory(Path.of(base + ".d"))
                        && !bu.toString().contains(".d/")) {
                    configs.add(bu);
                }
            });
        }
        assertThat(configs).hasSizeGreaterThan(100);

        List<String> args = new ArrayList<>(List.of("--check", "--format", "sarif"));
        configs.forEach(p -> args.add(p.toString()));
        InProcessMain.Result run = InProcessMain.run("", args.toArray(String[]::new));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).isEmpty();

        Map<String, List<String>> got = new HashMap<>();
        JsonNode log = new ObjectMapper().readTree(run.stdout());
        for (JsonNode r : log.at("/runs/0/results")) {
            // (an embedded config's version error shares its rule with the fatal one, but has a path)
            if (FATAL.contains(r.path("ruleId").asText()) && r.at("/locations/0/logicalLocations").isMissingNode()) {
                continue;
            }
            JsonNode loc = r.at("/locations/0/physicalLocation");
            String file = URLDecoder.decode(loc.at("/artifactLocation/uri").asText().replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            JsonNode region = loc.path("region");
            got.computeIfAbsent(file, k -> new ArrayList<>()).add(r.path("level").asText() + " "
                    + region.path("startLine").asInt() + ":" + region.path("startColumn").asInt());
        }
        int compared = 0;
        for (Path bu : configs) {
            String base = bu.toString().substring(0, bu.toString().length() - 3);
            List<String> want = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(base + ".stderr"))) {
                Matcher m = DIAG.matcher(line.strip());
                if (m.find()) {
                    want.add(m.group(1) + " " + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3))) + ":"
                            + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
                }
            }
            String name = Batch.reportName(bu.toString());
            assertThat(got.getOrDefault(name, List.of())).as(name).containsExactlyInAnyOrderElementsOf(want);
            compared += want.size();
        }
        assertThat(compared).as("diagnostics compared").isGreaterThan(100);
    }
}
