/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class LogFormatTest {
    /** A Maven log that remembers what it was given. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            lines.add("[ERROR] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }
    }

    @Test
    void diagnosticsInFileOrderThenStaleOutputs() {
        SourceFile a = new SourceFile(Path.of("a.bu"), "a.bu", "src/main/butane/a.bu");
        SourceFile b = new SourceFile(Path.of("b.bu"), "hosts/b.bu", "src/main/butane/hosts/b.bu");
        List<FileOutcome> outcomes = List.of(
                new FileOutcome(a, FileOutcome.Status.FAILED, List.of(
                        new Diagnostic(Severity.WARNING, "w", "$.storage.files.0.mode", 6, 13, "odd mode"),
                        new Diagnostic(Severity.ERROR, "e", "$.storage.files.0.path", 5, 13, "not absolute")),
                        null, List.of("target/ignition/a.ign")),
                new FileOutcome(b, FileOutcome.Status.FAILED, List.of(
                        new Diagnostic(Severity.ERROR, "yaml", null, 0, 0, "unknown version")), null, List.of()));
        RecordingLog log = new RecordingLog();
        AbstractKindlingMojo.logOutcomes(log, outcomes);
        assertThat(log.lines).containsExactly(
                "[WARNING] src/main/butane/a.bu:6:13: warning: odd mode [$.storage.files.0.mode]",
                "[ERROR] src/main/butane/a.bu:5:13: error: not absolute [$.storage.files.0.path]",
                "[INFO] Deleted stale output target/ignition/a.ign",
                "[ERROR] src/main/butane/hosts/b.bu: error: unknown version");
    }
}
