/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.cli.CliProcess.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command as a separate process, the way users and scripts do. */
class CliProcessTest {
    private static final String VALID = "variant: fcos\nversion: 1.5.0\n";
    private static final String INVALID = "variant: fcos\nversion: 9.9.9\n";

    @TempDir
    Path dir;

    private Run kindling(String stdin, String... args) throws IOException, InterruptedException {
        return CliProcess.run(dir, stdin, args);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Run twoInputs = kindling(null, "a.bu", "b.bu");
        assertThat(twoInputs.status()).isEqualTo(2);
        assertThat(twoInputs.stdout()).isEmpty();
        assertThat(twoInputs.stderr()).startsWith("Usage: kindling [options] [input-file]\n")
                .endsWith("2 inputs (a.bu b.bu): only one can be transpiled to standard output; use --check to"
                        + " check them all, or -o OUTDIR/ to write one output per input\n");

        Run unknown = kindling(null, "--no-such-flag");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.stderr()).endsWith("unknown flag: --no-such-flag\n");
    }

    @Test
    void versionAndHelp() throws Exception {
        Run v = kindling(null, "-V");
        assertThat(v.status()).isZero();
        assertThat(v.stdout()).matches("Kindling \\S+\n");
        Run h = kindling(null, "--help");
        assertThat(h.status()).isZero();
        assertThat(h.stdout()).startsWith("Usage: kindling [options] [input-file]\nOptions:\n");
        assertThat(h.stderr()).isEmpty();
    }

    @Test
    void readsStdinAndWritesStdout() throws Exception {
        Run r = kindling(VALID);
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"}}\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void outputFileIsNotCreatedOnError() throws Exception {
        Files.writeString(dir.resolve("bad.bu"), INVALID);
        Run r = kindling(null, "--raw-errors", "-o", "out.ign", "bad.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Error translating config: No translator exists for variant fcos with version"
                + " 9.9.9\n");
        assertThat(r.stdout()).isEmpty();
        assertThat(dir.resolve("out.ign")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.bu", ".stdout",
                    ".stderr");
        }
    }

    @Test
    void outputFileWrittenOnSuccessAndCheckWritesNothing() throws Exception {
        Files.writeString(dir.resolve("ok.bu"), VALID);
        Run check = kindling(null, "--check", "-o", "out.ign", "ok.bu");
        assertThat(check.status()).isZero();
        assertThat(check.stdout()).isEmpty();
        assertThat(dir.resolve("out.ign")).doesNotExist();

        Run write = kindling(null, "-o" + dir.resolve("out.ign"), "ok.bu");
        assertThat(write.status()).isZero();
        assertThat(write.stdout()).isEmpty();
        assertThat(dir.resolve("out.ign")).hasContent("{\"ignition\":{\"version\":\"3.4.0\"}}");
        if (File.separatorChar == '/') {
            assertThat(Files.getPosixFilePermissions(dir.resolve("out.ign")).toString())
                    .doesNotContain("GROUP_WRITE", "OTHERS_WRITE", "EXECUTE");
        }
    }
}
