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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --var, --vars and --var-env, run in-process. */
class VariablesCliTest {
    private static final String CONFIG = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
            + "    - path: /etc/hostname\n      contents:\n        inline: $[[host]]\n";
    private static final String SECRET = "hunter2-\"quoted\"";

    @TempDir
    Path dir;

    private static Result run(String stdin, Map<String, String> env, String... args) throws Exception {
        return InProcessMain.run(stdin, false, env, args);
    }

    @Test
    void varOnTheCommandLine() throws Exception {
        Result r = run(CONFIG, Map.of(), "--var", "host=web-1");
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).contains("\"source\":\"data:,web-1\"");
        // the value keeps everything after the first '='
        assertThat(run(CONFIG, Map.of(), "--var=host=a=b").stdout()).contains("data:,a%3Db");
    }

    @Test
    void varsFileAndLaterFlagsWin() throws Exception {
        Path vars = dir.resolve("vars.yaml");
        Files.writeString(vars, "host: from-file\nport: 8080\n");
        assertThat(run(CONFIG, Map.of(), "--vars", vars.toString(), "--var", "port=1").stderr())
                .contains("variable port is defined but not used");
        assertThat(run(CONFIG, Map.of(), "--vars", vars.toString()).stdout()).contains("data:,from-file");
        assertThat(run(CONFIG, Map.of(), "--vars", vars.toString(), "--var", "host=flag").stdout())
                .contains("data:,flag");
        assertThat(run(CONFIG, Map.of(), "--var", "host=flag", "--vars", vars.toString()).stdout())
                .contains("data:,from-file");
    }

    @Test
    void undefinedVariableIsReportedAtTheReference() throws Exception {
        Result r = run(CONFIG, Map.of());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("variable host is not defined").contains("--> <stdin>:7:17")
                .endsWith("Error translating config: source config is invalid\n");
        assertThat(run(CONFIG, Map.of(), "--raw-errors").stderr()).startsWith(
                "error at $.storage.files.0.contents.inline, line 7 col 17: variable host is not defined\n");
    }

    @Test
    void unusedVariableIsAWarningAndFailsWithStrict() throws Exception {
        Result r = run(CONFIG, Map.of(), "--var", "host=a", "--var", "hots=b");
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).contains("variable hots is defined but not used");
        assertThat(run(CONFIG, Map.of(), "--strict", "--var", "host=a", "--var", "hots=b").status()).isEqualTo(1);
    }

    @Test
    void badFlagsAreUsageErrors() throws Exception {
        Result r = run(CONFIG, Map.of(), "--var", "novalue");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).contains("--var").contains("NAME=VALUE").doesNotContain("novalue");
        assertThat(run(CONFIG, Map.of(), "--var-env", "1x=Y").status()).isEqualTo(2);
    }

    @Test
    void missingEnvironmentVariableOrVarsFileIsAnError() throws Exception {
        Result r = run(CONFIG, Map.of(), "--var-env", "host=NOPE");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Error: --var-env host=NOPE: the environment variable NOPE is not set\n");
        Result f = run(CONFIG, Map.of(), "--vars", dir.resolve("missing.yaml").toString());
        assertThat(f.status()).isEqualTo(1);
        assertThat(f.stderr()).startsWith("Error: failed to read variables file ");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "host:\n  - a\n");
        assertThat(run(CONFIG, Map.of(), "--vars", bad.toString()).stderr()).contains("bad.yaml:2:3: error: ");
    }

    /** A secret that an error message would quote, in every report format. */
    @ParameterizedTest
    @ValueSource(strings = {"human", "raw", "json", "sarif", "github"})
    void secretsNeverReachAReport(String format) throws Exception {
        String config = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: $[[token]]\n"
                + "      contents:\n        inline: $[[token]]\n";
        Path vars = dir.resolve("secret.yaml");
        Files.writeString(vars, "token2: {env: TOKEN2}\n");
        Map<String, String> env = Map.of("TOKEN", SECRET, "TOKEN2", SECRET + "-2");
        Result r = run(config, env, "--format", format, "--var-env", "token=TOKEN", "--vars", vars.toString());
        assertThat(r.status()).isEqualTo(1);
        String all = r.stdout() + r.stderr();
        assertThat(all).contains("[secret token]");
        assertThat(all).doesNotContain("hunter2").contains("token2");
        // checked too: the unused warning names the secret variable, never its value
        Result ok = run("variant: fcos\nversion: 1.5.0\n", env, "--format", format, "--check", "--var-env",
                "token=TOKEN");
        assertThat(ok.stdout() + ok.stderr()).contains("token").doesNotContain("hunter2");
    }
}
