/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.util.List;

/**
 * What happened to one config in a build.
 *
 * @param source the config
 * @param status what was done
 * @param diagnostics its problems, in the library's report order (for an up-to-date config,
 *     the warnings of the build that wrote its output)
 * @param output the output written or kept, relative to the project's base folder; null when
 *     there is none
 * @param removed earlier outputs of this config that were deleted because it now fails or now
 *     produces a differently named output, relative to the project's base folder
 * @param memo what the build state remembers of this config; null when nothing
 */
record FileOutcome(SourceFile source, Status status, List<Diagnostic> diagnostics, String output,
        List<String> removed, KindlingBuild.Memo memo) {

    enum Status {
        /** Transpiled and written (or, for {@code check}, transpiled without writing). */
        TRANSPILED,
        /** Its output is newer than everything it is made from; nothing was done. */
        UP_TO_DATE,
        /** It has errors (or warnings, with strict): no output. */
        FAILED
    }

    FileOutcome {
        diagnostics = List.copyOf(diagnostics);
        removed = List.copyOf(removed);
    }

    FileOutcome(SourceFile source, Status status, List<Diagnostic> diagnostics, String output, List<String> removed) {
        this(source, status, diagnostics, output, removed, null);
    }

    long errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    long warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    /** Log lines for the diagnostics, in report order. */
    List<String> lines() {
        return diagnostics.stream().map(d -> DiagnosticFormat.line(fileOf(d), d)).toList();
    }

    /** The file a diagnostic is about: the source it names (a host's snippet), else the config. */
    String fileOf(Diagnostic d) {
        return d.source() != null && !d.source().isEmpty() ? d.source() : source.display();
    }
}
