/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportNameTest {
    @Test
    void reportNamesAreRelativeToTheReportBase() {
        Path base = Path.of("/repo").toAbsolutePath();
        assertThat(CheckMojo.reportName(base, base.resolve("infra/src/main/butane/hosts/web.bu")))
                .isEqualTo("infra/src/main/butane/hosts/web.bu");
    }

    @Test
    void filesOutsideTheBaseKeepTheirAbsolutePath() {
        Path base = Path.of("/repo").toAbsolutePath();
        Path outside = Path.of("/elsewhere/web.bu").toAbsolutePath();
        assertThat(CheckMojo.reportName(base, outside)).isEqualTo(outside.toString().replace('\\', '/'));
    }
}
