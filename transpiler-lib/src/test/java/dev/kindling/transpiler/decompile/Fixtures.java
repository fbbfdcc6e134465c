/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;

/** Helpers for the decompiler's tests: Ignition made by our (corpus-checked) transpiler, drafts from it. */
final class Fixtures {
    private Fixtures() {
    }

    /** The Ignition JSON (or MachineConfig) Butane makes of a config; local files read from {@code dir}. */
    static String ignition(String butane, Path dir, boolean raw) {
        TranspileResult r = Transpiler.create().transpile(butane, TranspileOptions.builder().filesDir(dir).raw(raw)
                .build());
        assertThat(r.success()).as("transpiles: %s", r.allDiagnostics()).isTrue();
        return new String(r.output().orElseThrow(), StandardCharsets.UTF_8);
    }

    static String ignition(String butane) {
        return ignition(butane, null, false);
    }

    static SpecVersion spec(String variant, String version) {
        return Specs.find(variant, version).orElseThrow();
    }

    /** The plain-fields draft of an Ignition JSON text, before any pass. */
    static Draft draft(String json, SpecVersion spec) throws InputReader.BadInput {
        Problems problems = new Problems();
        BMap config = new PlainFields(spec, problems).config((JNode.JObj) InputReader.json(json));
        assertThat(problems.list()).isEmpty();
        config.put("variant", spec.variant());
        config.put("version", spec.version());
        return new Draft(config, new TreeMap<>());
    }

    static PassContext context(SpecVersion spec, DecompileOptions options) {
        return new PassContext(spec, options, new Problems());
    }

    static PassContext context(SpecVersion spec) {
        return context(spec, DecompileOptions.defaults());
    }

    static String yaml(Draft d) {
        return Emit.yaml(d, java.util.List.of(), true);
    }

    /** Decompiles, checks there are no errors, returns the Butane text. */
    static String decompile(String json, DecompileOptions options) {
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8), options);
        assertThat(r.success()).as("decompiles: %s", r.diagnostics()).isTrue();
        return r.butane().orElseThrow();
    }

    /** Transpiling {@code butane} gives the document {@code json} (data URLs by their bytes). */
    static void assertRoundTrip(String json, String butane) {
        String again = ignition(butane);
        assertThat(Documents.difference(json.getBytes(StandardCharsets.UTF_8),
                again.getBytes(StandardCharsets.UTF_8))).as("difference for\n%s", butane).isEmpty();
    }
}
