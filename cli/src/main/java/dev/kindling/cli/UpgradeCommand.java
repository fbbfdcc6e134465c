/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.report.ReportFormat;
import dev.kindling.transpiler.upgrade.UpgradeOptions;
import dev.kindling.transpiler.upgrade.UpgradeResult;
import dev.kindling.transpiler.upgrade.Upgrader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code kindling --upgrade [--to VERSION] [-d DIR] [-o FILE] INPUT}: writes the config rewritten
 * to another spec version of its variant (to standard output, or atomically to {@code -o}).
 * Problems are reported as for a transpile; exit status 1 when the rewrite is refused (or, with
 * {@code --strict}, when the target version warns).
 */
final class UpgradeCommand {
    private final Flags flags;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean colorize;

    UpgradeCommand(Flags flags, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean colorize) {
        this.flags = flags;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.colorize = colorize;
    }

    int run(String input) throws IOException {
        String fileName = input.isEmpty() ? "<stdin>" : input;
        byte[] source;
        try {
            if (input.isEmpty()) {
                source = stdin.readAllBytes();
            } else if (Files.isDirectory(Path.of(input))) {
                return fail("failed to read " + input + ": is a directory\n");
            } else {
                source = Files.readAllBytes(Path.of(input));
            }
        } catch (IOException e) {
            return fail("failed to open " + fileName + ": " + OutputFile.reason(e) + "\n");
        }
        UpgradeOptions options = UpgradeOptions.builder()
                .targetVersion(flags.to.isEmpty() ? null : flags.to)
                .filesDir(flags.filesDir.isEmpty() ? null : Path.of(flags.filesDir))
                .raw(flags.raw)
                .sourceName(fileName)
                .build();
        UpgradeResult result = Upgrader.create().upgrade(source, options);
        Streams.write(stderr, ReportPrinter.render(result.diagnostics(), fileName, source, colorize,
                flags.reportFormat() == ReportFormat.RAW));
        if (!result.success()) {
            String where = result.toVersion().isEmpty() ? "" : " to " + result.variant() + " " + result.toVersion();
            return fail("Error upgrading config" + where + ": " + result.errorCount() + " problem"
                    + (result.errorCount() == 1 ? "" : "s") + "; nothing was written\n");
        }
        if (flags.strict && result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING)) {
            return fail("Config produced warnings and --strict was specified\n");
        }
        byte[] out = result.output().orElseThrow();
        if (flags.output.isEmpty()) {
            Streams.write(stdout, out);
            return 0;
        }
        try {
            OutputFile.write(flags.output, out);
        } catch (OutputFile.OpenException e) {
            return fail("failed to open " + flags.output + ": " + e.getMessage() + "\n");
        } catch (IOException e) {
            return fail("Failed to write config to " + flags.output + ": " + OutputFile.reason(e) + "\n");
        }
        return 0;
    }

    private int fail(String message) throws IOException {
        Streams.print(stderr, message);
        return 1;
    }
}
