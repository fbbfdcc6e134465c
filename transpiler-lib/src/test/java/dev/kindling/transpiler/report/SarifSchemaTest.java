/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF log is valid against the official SARIF 2.1.0 schema, and has every property that
 * GitHub code scanning and the issue ask for.
 */
class SarifSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(ReportFixtures.GOLDEN.resolve("schema/sarif-schema-2.1.0.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        }
    }

    private static JsonNode log(List<FileReport> files) throws Exception {
        return MAPPER.readTree(SarifReport.write(files, "0.1.0"));
    }

    @Test
    void logsAreValidAgainstTheSchema() throws Exception {
        for (List<FileReport> files : List.of(ReportFixtures.mixed(), ReportFixtures.strict(), List.<FileReport>of())) {
            Set<ValidationMessage> problems = schema.validate(log(files));
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesBrokenLogs() throws Exception {
        ObjectNode broken = (ObjectNode) log(ReportFixtures.mixed());
        ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
        ((ObjectNode) broken.at("/runs/0/results/1/locations/0/physicalLocation/region")).put("startLine", 0);
        ((ObjectNode) broken.at("/runs/0/tool/driver")).remove("name");
        broken.put("version", "2.0.0");
        assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(4);

        ObjectNode badUri = (ObjectNode) log(ReportFixtures.mixed());
        ((ObjectNode) badUri.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation")).put("uri",
                "a b\\c.bu");
        assertThat(schema.validate(badUri)).as("URIs are checked").isNotEmpty();
    }

    @Test
    void requiredPropertiesArePresent() throws Exception {
        List<FileReport> files = ReportFixtures.mixed();
        JsonNode log = log(files);
        assertThat(log.path("$schema").asText()).startsWith("https://");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs")).hasSize(1);
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("Kindling");
        assertThat(driver.path("version").asText()).isEqualTo("0.1.0");
        assertThat(driver.path("informationUri").asText()).isEqualTo(SarifReport.INFORMATION_URI);

        Set<String> ruleIds = new HashSet<>();
        for (JsonNode rule : driver.path("rules")) {
            assertThat(ruleIds.add(rule.path("id").asText())).as("one rule per code").isTrue();
            assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).isNotBlank();
        }

        long expected = files.stream().mapToLong(f -> f.entries().size()).sum();
        JsonNode results = run.path("results");
        assertThat(results).hasSize((int) expected);
        Set<String> used = new HashSet<>();
        int withRegion = 0;
        for (JsonNode r : results) {
            String ruleId = r.path("ruleId").asText();
            used.add(ruleId);
            assertThat(driver.path("rules").get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
            assertThat(r.path("level").asText()).isIn("error", "warning");
            assertThat(r.path("message").path("text").asText()).isNotBlank();
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asText()).isNotBlank();
            JsonNode region = physical.path("region");
            if (!region.isMissingNode()) {
                withRegion++;
                assertThat(region.path("startLine").asInt()).isPositive();
                assertThat(region.path("startColumn").asInt()).isPositive();
                if (region.has("endColumn")) {
                    assertThat(region.path("endColumn").asInt()).isGreaterThan(region.path("startColumn").asInt());
                }
            }
        }
        assertThat(used).isEqualTo(ruleIds);
        assertThat(withRegion).isEqualTo(8); // all but the unknown version, which has no position
        assertThat(results.get(3).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("hosts/odd%20name,%20v2%3A100%25.bu");
    }
}
