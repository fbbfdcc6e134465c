/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.cli.InProcessMain.Result;
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

    private static Result run(String stdin, boolean tty, Map<String, String> env, String... args) throws Exception {
        return InProcessMain.run(stdin, tty, env, args);
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

    private static final String BAD_YAML = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n"
            + "     mode: 0644\n";
    // Butane names line 4 (go-yaml: the enclosing sequence's line, counted from 0); the problem is on 6
    private static final String SYNTAX = "yaml: line 4: expected <block end>, but found '<block mapping start>'"
            + " while parsing a block collection";

    @Test
    void yamlSyntaxErrorIsShownAtItsPositionThenAsButaneSaysIt() throws Exception {
        Result r = run(BAD_YAML, false, Map.of());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("""
                error:
                  --> <stdin>:6:6
                   |
                 4 |   files:
                 5 |     - path: /a
                 6 |      mode: 0644
                   |      ^^^^^ expected <block end>, but found '<block mapping start>' while parsing a block collection
                 7 |\s
                   |
                Error translating config: %s
                """.formatted(SYNTAX));
    }

    @Test
    void yamlSyntaxErrorRawStaysButanes() throws Exception {
        for (String[] args : new String[][] {{"--raw-errors"}, {"--format", "raw"}}) {
            Result r = run(BAD_YAML, false, Map.of(), args);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.stderr()).isEqualTo("Error translating config: " + SYNTAX + "\n");
        }
    }

    @Test
    void typeErrorBlockShowsTheFirstProblemAndTheFailureListsAll() throws Exception {
        Result r = run("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n  - path: [1]\n    mode: abc\n", false,
                Map.of());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("error:\n  --> <stdin>:5:11\n")
                .contains("   |           ^^^ cannot unmarshal !!seq into string\n")
                .endsWith("Error translating config: yaml: unmarshal errors:\n"
                        + "  line 5: cannot unmarshal !!seq into string\n"
                        + "  line 6: cannot unmarshal !!str `abc` into int\n");
    }

    @Test
    void fatalProblemWithoutPositionIsOneLine() throws Exception {
        Result r = run("variant: fcos\nversion: 9.9.9\n", false, Map.of());
        assertThat(r.stderr()).isEqualTo("Error translating config: No translator exists for variant fcos with"
                + " version 9.9.9\n");
    }

    @Test
    void unknownKeysGetAHintInTheHumanReportOnly() throws Exception {
        String config = "variant: fcos\nversion: 1.6.0\nstorage:\n  trees:\n    - local: t\n      file_mode: 0644\n"
                + "  files:\n    - path: /a\n      contnets:\n        inline: x\n";
        Result human = run(config, false, Map.of(), "-d", dir.toString());
        assertThat(human.stderr())
                .contains("   |       ^^^^^^^^^^ unused key file_mode; `file_mode` is available from fcos 1.7.0\n")
                .contains("    |       ^^^^^^^^^ unused key contnets; did you mean `contents`?\n");
        Result raw = run(config, false, Map.of(), "-d", dir.toString(), "--raw-errors");
        assertThat(raw.stderr()).contains("warning at $.storage.trees.0.file_mode, line 6 col 7: unused key file_mode\n")
                .contains("warning at $.storage.files.0.contnets, line 9 col 7: unused key contnets\n")
                .doesNotContain("did you mean").doesNotContain("available from");
    }

    /** Every way the command line can be refused: exit status 2, Butane's usage text, then why. */
    @Test
    void everyUsageErrorSaysWhatWasWrong() throws Exception {
        Map<String[], String> errors = new java.util.LinkedHashMap<>();
        errors.put(new String[] {"a.bu", "b.bu"}, "2 inputs (a.bu b.bu): only one can be transpiled to standard"
                + " output; use --check to check them all, or -o OUTDIR/ to write one output per input");
        errors.put(new String[] {"-o", "x.ign", "a.bu", "b.bu"}, "2 inputs (a.bu b.bu) but -o x.ign names a file:"
                + " end it with \"/\" to write one output per input into that folder");
        errors.put(new String[] {"--input=a.bu", "b.bu"}, "the input is given twice (--input a.bu and b.bu); name it"
                + " once");
        errors.put(new String[] {"-h", "a.bu", "b.bu"}, "2 inputs (a.bu b.bu): only one can be transpiled to"
                + " standard output; use --check to check them all, or -o OUTDIR/ to write one output per input");
        errors.put(new String[] {"--nope"}, "unknown flag: --nope");
        errors.put(new String[] {"-x"}, "unknown shorthand flag: 'x' in -x");
        errors.put(new String[] {"-o"}, "flag needs an argument: 'o' in -o");
        errors.put(new String[] {"--strict=maybe"}, "invalid argument \"maybe\" for \"-s, --strict\" flag:"
                + " strconv.ParseBool: parsing \"maybe\": invalid syntax");
        errors.put(new String[] {"--format", "xml"}, "invalid argument \"xml\" for \"--format\" flag: must be one"
                + " of human, raw, json, sarif, github");
        errors.put(new String[] {"--completion", "fish"}, "invalid argument \"fish\" for \"--completion\" flag:"
                + " must be one of bash, zsh");
        for (Map.Entry<String[], String> e : errors.entrySet()) {
            Result r = run("", false, Map.of(), e.getKey());
            String args = String.join(" ", e.getKey());
            assertThat(r.status()).as(args).isEqualTo(2);
            assertThat(r.stdout()).as(args).isEmpty();
            // (--input is deprecated: pflag's notice comes first)
            String notice = args.startsWith("--input") ? "Flag --input has been deprecated, specify filename directly"
                    + " on command line\n" : "";
            assertThat(r.stderr()).as(args).isEqualTo(notice + Flags.usage("kindling") + e.getValue() + "\n");
        }
    }

    @Test
    void helpCompletionAndManGoToStandardOutput() throws Exception {
        Result help = run("", false, Map.of(), "--help");
        assertThat(help.status()).isZero();
        assertThat(help.stdout()).isEqualTo(Flags.help("kindling"));
        Result bash = run("", false, Map.of(), "--completion", "bash");
        assertThat(bash.status()).isZero();
        assertThat(bash.stdout()).isEqualTo(CommandDocs.completion("bash", "kindling"));
        Result zsh = run("", false, Map.of(), "--completion=zsh");
        assertThat(zsh.stdout()).startsWith("#compdef kindling\n");
        Result man = run("", false, Map.of(), "--man");
        assertThat(man.status()).isZero();
        assertThat(man.stdout()).isEqualTo(CommandDocs.man("kindling", Version.get()));
        assertThat(help.stderr() + bash.stderr() + zsh.stderr() + man.stderr()).isEmpty();
    }
}
