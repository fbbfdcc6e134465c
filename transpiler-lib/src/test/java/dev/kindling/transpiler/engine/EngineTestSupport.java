/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Runs small configs through the whole engine. */
final class EngineTestSupport {
    private static final Transpiler TRANSPILER = Transpiler.create();

    private EngineTestSupport() {
    }

    static TranspileResult run(String yaml) {
        return TRANSPILER.transpile(yaml, TranspileOptions.defaults());
    }

    static TranspileResult run(String yaml, Path filesDir) {
        return TRANSPILER.transpile(yaml, TranspileOptions.builder().filesDir(filesDir).build());
    }

    static String json(TranspileResult r) {
        return new String(r.output().orElseThrow(() -> new AssertionError("no output: " + r.diagnostics()
                + " " + r.fatal())), StandardCharsets.UTF_8);
    }

    /** "severity path line:col" for each diagnostic, e.g. "error $.storage.files.0.path 5:13". */
    static List<String> where(TranspileResult r) {
        return r.diagnostics().stream().map(EngineTestSupport::where).collect(Collectors.toList());
    }

    static String where(Diagnostic d) {
        return d.severity().word() + " " + d.path() + " " + d.line() + ":" + d.column();
    }

    static String codes(TranspileResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).collect(Collectors.joining(","));
    }
}
