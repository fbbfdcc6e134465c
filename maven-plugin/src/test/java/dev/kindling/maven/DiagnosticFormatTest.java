/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import org.junit.jupiter.api.Test;

class DiagnosticFormatTest {
    @Test
    void fileLineColumnSeverityMessageAndPath() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "path-not-absolute", "$.storage.files.0.path", 5, 13,
                "path must be absolute");
        assertThat(DiagnosticFormat.line("src/main/butane/bad.bu", d))
                .isEqualTo("src/main/butane/bad.bu:5:13: error: path must be absolute [$.storage.files.0.path]");
        Diagnostic w = new Diagnostic(Severity.WARNING, "unused-key", "$.foo", 2, 1, "unused key foo");
        assertThat(DiagnosticFormat.line("web.bu", w)).isEqualTo("web.bu:2:1: warning: unused key foo [$.foo]");
    }

    @Test
    void withoutPositionOrPath() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "unknown-version", null, 0, 0, "no translator");
        assertThat(DiagnosticFormat.line("a.bu", d)).isEqualTo("a.bu: error: no translator");
        Diagnostic p = new Diagnostic(Severity.ERROR, "x", "$.a", 0, 0, "bad");
        assertThat(DiagnosticFormat.line("a.bu", p)).isEqualTo("a.bu: error: bad [$.a]");
        Diagnostic lineOnly = new Diagnostic(Severity.ERROR, "yaml", "", 3, 0, "bad");
        assertThat(DiagnosticFormat.line("a.bu", lineOnly)).isEqualTo("a.bu:3: error: bad");
    }

    @Test
    void messagesStayOnOneLine() {
        Diagnostic d = new Diagnostic(Severity.ERROR, "yaml", null, 1, 2, "did not find expected key\n  while parsing\r\n");
        assertThat(DiagnosticFormat.line("a.bu", d)).isEqualTo("a.bu:1:2: error: did not find expected key while parsing");
    }
}
