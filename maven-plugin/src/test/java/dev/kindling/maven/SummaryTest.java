/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static FileOutcome outcome(String name, FileOutcome.Status status, Severity... severities) {
        List<Diagnostic> ds = java.util.Arrays.stream(severities)
                .map(s -> new Diagnostic(s, "c", "$.x", 1, 1, "m")).toList();
        return new FileOutcome(new SourceFile(Path.of(name), name, name), status, ds, null, List.of());
    }

    @Test
    void errorsFailWithCounts() {
        Summary s = Summary.of(List.of(
                outcome("a.bu", FileOutcome.Status.FAILED, Severity.ERROR, Severity.ERROR),
                outcome("b.bu", FileOutcome.Status.FAILED, Severity.ERROR, Severity.WARNING),
                outcome("c.bu", FileOutcome.Status.TRANSPILED, Severity.WARNING),
                outcome("d.bu", FileOutcome.Status.UP_TO_DATE)), false);
        assertThat(s.failing()).isTrue();
        assertThat(s.failureMessage()).isEqualTo("3 errors in 2 files");
        assertThat(s.transpiled()).isEqualTo(1);
        assertThat(s.upToDate()).isEqualTo(1);
        assertThat(s.failed()).isEqualTo(2);
        assertThat(s.warnings()).isEqualTo(2);
    }

    @Test
    void singular() {
        Summary s = Summary.of(List.of(outcome("a.bu", FileOutcome.Status.FAILED, Severity.ERROR)), false);
        assertThat(s.failureMessage()).isEqualTo("1 error in 1 file");
    }

    @Test
    void warningsFailOnlyWithStrict() {
        List<FileOutcome> relaxed = List.of(outcome("a.bu", FileOutcome.Status.TRANSPILED, Severity.WARNING));
        assertThat(Summary.of(relaxed, false).failing()).isFalse();
        List<FileOutcome> strict = List.of(outcome("a.bu", FileOutcome.Status.FAILED, Severity.WARNING),
                outcome("b.bu", FileOutcome.Status.FAILED, Severity.WARNING, Severity.WARNING));
        Summary s = Summary.of(strict, true);
        assertThat(s.failing()).isTrue();
        assertThat(s.failureMessage()).isEqualTo("3 warnings in 2 files (strict: warnings fail the build)");
        Summary both = Summary.of(List.of(outcome("a.bu", FileOutcome.Status.FAILED, Severity.ERROR, Severity.WARNING)),
                true);
        assertThat(both.failureMessage()).isEqualTo("1 error and 1 warning in 1 file (strict: warnings fail the build)");
    }

    @Test
    void cleanBuildDoesNotFail() {
        assertThat(Summary.of(List.of(), true).failing()).isFalse();
        assertThat(Summary.of(List.of(outcome("a.bu", FileOutcome.Status.TRANSPILED)), true).failing()).isFalse();
    }
}
