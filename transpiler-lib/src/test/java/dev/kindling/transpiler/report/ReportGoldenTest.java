/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import static dev.kindling.transpiler.report.ReportFixtures.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each report format on errors, warnings, fatal problems and strict mode, against golden files. */
class ReportGoldenTest {

    @Test
    void json() {
        assertGolden("mixed.json", JsonReport.write(ReportFixtures.mixed()));
        assertGolden("strict.json", JsonReport.write(ReportFixtures.strict()));
    }

    @Test
    void sarif() {
        assertGolden("mixed.sarif", SarifReport.write(ReportFixtures.mixed(), ReportFixtures.VERSION));
        assertGolden("strict.sarif", SarifReport.write(ReportFixtures.strict(), ReportFixtures.VERSION));
    }

    @Test
    void github() {
        assertGolden("mixed.github.txt", GithubReport.write(ReportFixtures.mixed()).getBytes(StandardCharsets.UTF_8));
        assertGolden("strict.github.txt",
                GithubReport.write(ReportFixtures.strict()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noProblemsGiveEmptyReports() {
        List<FileReport> clean = List.of(ReportFixtures.report("clean", "clean.bu", true));
        assertThat(new String(JsonReport.write(clean), StandardCharsets.UTF_8)).isEqualTo("[]\n");
        assertThat(new String(JsonReport.write(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]\n");
        assertThat(GithubReport.write(clean)).isEmpty();
        assertThat(new String(SarifReport.write(clean, "1"), StandardCharsets.UTF_8))
                .contains("\"rules\": []", "\"results\": []");
    }

    @Test
    void reportsAreDeterministic() {
        assertThat(SarifReport.write(ReportFixtures.mixed(), "v")).isEqualTo(SarifReport.write(ReportFixtures.mixed(),
                "v"));
        assertThat(JsonReport.write(ReportFixtures.mixed())).isEqualTo(JsonReport.write(ReportFixtures.mixed()));
    }
}
