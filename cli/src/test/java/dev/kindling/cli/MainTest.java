/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's flow, run in-process. */
class MainTest {
    private static final String WARNS = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n"
            + "      mode: 644\n";

    @TempDir
    Path dir;

    record Result(int status, String stdout, String stderr) {
    }

    private static Result run(String stdin, boolean tty, Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Terminal terminal = new Main.Terminal() {
            @Override
            public boolean stderrIsTerminal() {
                return tty;
            }

            @Override
            public String env(String name) {
                return env.get(name);
            }
        };
        int status = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, terminal)
                .run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void warningsArePrintedAndOutputStillWritten() throws Exception {
        Result r = run(WARNS, false, Map.of(), "--raw-errors");
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).startsWith("warning at $.storage.files.0.mode, line 6 col 13: ");
        assertThat(r.stdout()).startsWith("{\"ignition\":").endsWith("}\n");
    }

    @Test
    void strictFailsAfterPrintingTheReport() throws Exception {
        Result r = run(WARNS, false, Map.of(), "--raw-errors", "--strict");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("warning at $.storage.files.0.mode")
                .endsWith("\nConfig produced warnings and --strict was specified\n");
    }

    @Test
    void colourFollowsTheTerminalAndNoColor() throws Exception {
        assertThat(run(WARNS, true, Map.of()).stderr()).startsWith("\033[1;33mwarning\033[0m[");
        assertThat(run(WARNS, true, Map.of("NO_COLOR", "")).stderr()).startsWith("warning[");
        assertThat(run(WARNS, false, Map.of()).stderr()).startsWith("warning[");
        assertThat(run(WARNS, false, Map.of(), "--color").stderr()).startsWith("\033[1;33m");
        assertThat(run(WARNS, true, Map.of(), "--colour=no").stderr()).startsWith("warning[");
        assertThat(run(WARNS, true, Map.of(), "--color=bogus").stderr()).startsWith("warning[");
    }

    @Test
    void prettyReportNamesTheInputFile() throws Exception {
        Path bu = dir.resolve("c.bu");
        Files.writeString(bu, WARNS);
        Result r = run("", false, Map.of(), bu.toString());
        assertThat(r.stderr()).contains("  --> " + bu + ":6:13\n");
        assertThat(run(WARNS, false, Map.of()).stderr()).contains("  --> <stdin>:6:13\n");
    }

    @Test
    void unreadableInputsUseGoWording() throws Exception {
        Result missing = run("", false, Map.of(), "missing.bu");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("failed to open missing.bu: open missing.bu: no such file or directory\n");
        Result directory = run("", false, Map.of(), dir.toString());
        assertThat(directory.stderr()).isEqualTo("failed to read " + dir + ": read " + dir + ": is a directory\n");
    }

    @Test
    void outputIntoMissingDirectoryFails() throws Exception {
        String target = dir.resolve("no/such/out.ign").toString();
        Result r = run("variant: fcos\nversion: 1.5.0\n", false, Map.of(), "-o", target);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("failed to open " + target + ": open " + target
                + ": no such file or directory\n");
    }

    @Test
    void existingOutputIsReplacedKeepingItsMode() throws Exception {
        Path out = dir.resolve("o.ign");
        Files.writeString(out, "old content that is longer than the new one");
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Result r = run("variant: fcos\nversion: 1.5.0\n", false, Map.of(), "-o", out.toString());
        assertThat(r.status()).isZero();
        assertThat(out).hasContent("{\"ignition\":{\"version\":\"3.4.0\"}}");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-r-----");
    }

    @Test
    void positionalCountIsCheckedBeforeHelp() throws Exception {
        Result r = run("", false, Map.of(), "-h", "a", "b");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        Result both = run("", false, Map.of(), "--input=a", "b");
        assertThat(both.status()).isEqualTo(2);
    }
}
