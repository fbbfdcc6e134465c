/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;

/** Real configs run through the transpiler, and the golden files their reports are compared with. */
final class ReportFixtures {
    static final Path GOLDEN = Path.of("src/test/resources/report-golden");
    /** Set {@code -Dkindling.updateGolden=true} to rewrite the golden files from the current output. */
    static final boolean UPDATE = Boolean.getBoolean("kindling.updateGolden");
    static final String VERSION = "1.2.3-test";

    private static final Transpiler TRANSPILER = Transpiler.create();

    private ReportFixtures() {
    }

    /**
     * The config {@code configs/NAME.bu}, reported under {@code label} (labels need not be real
     * paths, which lets the tests use names that need escaping).
     */
    static FileReport report(String name, String label, boolean strict) {
        byte[] source = read("configs/" + name + ".bu");
        TranspileOptions options = TranspileOptions.builder().sourceName(label).strict(strict).build();
        return new FileReport(label, TRANSPILER.transpile(source, options), source);
    }

    /** Every kind of case: clean, warnings, errors, a YAML syntax error, type errors, an unknown version. */
    static List<FileReport> mixed() {
        List<FileReport> files = new ArrayList<>();
        files.add(report("clean", "configs/clean.bu", false));
        files.add(report("warnings", "configs/warnings.bu", false));
        files.add(report("errors", "hosts/odd name, v2:100%.bu", false));
        files.add(report("yaml-syntax", "configs/yaml-syntax.bu", false));
        files.add(report("yaml-type", "configs/yaml-type.bu", false));
        files.add(report("unknown-version", "configs/unknown-version.bu", false));
        return files;
    }

    /** Warnings in strict mode: the warnings plus the strict failure. */
    static List<FileReport> strict() {
        return List.of(report("warnings", "configs/warnings.bu", true), report("clean", "configs/clean.bu", true));
    }

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(GOLDEN.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the golden file, or rewrites the golden file in update mode. */
    static void assertGolden(String relative, byte[] actual) {
        Path golden = GOLDEN.resolve(relative);
        try {
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.write(golden, actual);
                return;
            }
            Assertions.assertThat(golden).as("golden file %s (run with -Dkindling.updateGolden=true to create it)",
                    golden).exists();
            Assertions.assertThat(new String(actual, StandardCharsets.UTF_8)).as(relative)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
