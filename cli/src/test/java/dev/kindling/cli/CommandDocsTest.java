/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion scripts and the manual page come from the flag table, and work in the real tools. */
class CommandDocsTest {
    @TempDir
    Path dir;

    @Test
    void everyVisibleFlagIsInEachScriptAndInTheManualPage() {
        String bash = CommandDocs.completion("bash", "kindling");
        String zsh = CommandDocs.completion("zsh", "kindling");
        String man = CommandDocs.man("kindling", "1.2.3");
        assertThat(Flags.visible()).hasSizeGreaterThan(10);
        for (Flags.Spec s : Flags.visible()) {
            assertThat(bash).as("bash: " + s.name()).containsPattern("['| ]--" + s.name() + "[ )]");
            assertThat(zsh).as("zsh: " + s.name()).containsPattern("--" + s.name() + (s.bool() ? "" : "=-?")
                    + "(\\}')?\\[");
            assertThat(man).as("man: " + s.name()).contains("\\fB\\-\\-" + CommandDocs.roff(s.name()) + "\\fR");
            if (s.shorthand() != '\0') {
                assertThat(bash).containsPattern("[ ']-" + s.shorthand() + "[ |']");
                assertThat(zsh).contains("{-" + s.shorthand());
                assertThat(man).contains("\\fB\\-" + s.shorthand() + "\\fR");
            }
            for (String v : s.values()) {
                assertThat(bash).as("bash value " + v).contains(v);
                assertThat(zsh).as("zsh value " + v).contains(v);
            }
        }
        assertThat(bash).doesNotContain("--colour", "--input ", "--debug");
        assertThat(man).contains(".SH EXIT STATUS", ".TH KINDLING 1 \"\" \"Kindling 1.2.3\"");
        assertThatThrownBy(() -> CommandDocs.completion("fish", "kindling"))
                .hasMessage("invalid argument \"fish\" for \"--completion\" flag: must be one of bash, zsh");
    }

    /** Runs the bash script in bash, asks for completions the way readline does, returns them. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        Path script = dir.resolve("kindling.bash");
        Files.writeString(script, CommandDocs.completion("bash", "kindling"));
        Files.createDirectories(dir.resolve("hosts"));
        Files.writeString(dir.resolve("web.bu"), "");
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String test = "source " + script + "\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\n_kindling\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", test).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void theBashScriptCompletesFlagsValuesAndFiles() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is installed");
        assertThat(complete("kindling", "--fo")).containsExactly("--format");
        assertThat(complete("kindling", "--format", "s")).containsExactly("sarif");
        assertThat(complete("kindling", "--color", "=", "n")).containsExactly("never");
        assertThat(complete("kindling", "--color", "=")).containsExactly("always", "auto", "never");
        assertThat(complete("kindling", "--completion", "")).containsExactly("bash", "zsh");
        assertThat(complete("kindling", "-d", "")).containsExactly("hosts");
        assertThat(complete("kindling", "-p", "w")).containsExactly("web.bu");
        // --color takes no separate value (as in Butane): after it come files
        assertThat(complete("kindling", "--color", "w")).containsExactly("web.bu");
    }

    @Test
    void theZshScriptIsValidZsh() throws Exception {
        Path zsh = Path.of("/usr/bin/zsh");
        Assumptions.assumeTrue(Files.isExecutable(zsh), "zsh is installed");
        Path script = dir.resolve("_kindling");
        Files.writeString(script, CommandDocs.completion("zsh", "kindling"));
        Process p = new ProcessBuilder(zsh.toString(), "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void theManualPageRendersWithoutWarnings() throws Exception {
        Path groff = Path.of("/usr/bin/groff");
        Assumptions.assumeTrue(Files.isExecutable(groff), "groff is installed");
        Path page = dir.resolve("kindling.1");
        Files.writeString(page, CommandDocs.man("kindling", "1.2.3"));
        Process p = new ProcessBuilder(groff.toString(), "-man", "-Tutf8", "-ww", "-z", page.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
