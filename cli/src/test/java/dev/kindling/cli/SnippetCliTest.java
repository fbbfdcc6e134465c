/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.cli.CliProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --snippet FILE ... INPUT}, run as a separate process. */
class SnippetCliTest {
    @TempDir
    Path dir;

    private Run kindling(String... args) throws IOException, InterruptedException {
        return kindlingWithInput("", args);
    }

    private Run kindlingWithInput(String stdin, String... args) throws IOException, InterruptedException {
        return CliProcess.run(dir, stdin, args);
    }

    @BeforeEach
    void configs() throws IOException {
        Files.createDirectories(dir.resolve("roles"));
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        Files.writeString(dir.resolve("base.bu"), """
                variant: fcos
                version: 1.5.0
                storage:
                  files:
                    - path: /etc/motd
                      contents:
                        inline: base
                """);
        Files.writeString(dir.resolve("roles/web.bu"), """
                variant: fcos
                version: 1.4.0
                storage:
                  files:
                    - path: /etc/motd
                      mode: 0600
                      contents:
                        local: motd
                """);
        Files.writeString(dir.resolve("roles/bad.bu"), """
                variant: fcos
                version: 1.4.0
                storage:
                  files:
                    - path: etc/relative
                """);
        Files.writeString(dir.resolve("roles/warn.bu"), """
                variant: fcos
                version: 1.4.0
                storage:
                  files:
                    - path: /etc/x
                      mode: 04755
                """);
        Files.writeString(dir.resolve("roles/new.bu"), "variant: fcos\nversion: 1.6.0\n");
        Files.writeString(dir.resolve("roles/flatcar.bu"), "variant: flatcar\nversion: 1.0.0\n");
    }

    @Test
    void mergesSnippetsInOrderWithFilesDirAndPretty() throws Exception {
        Run r = kindling("-p", "-d", "files", "--snippet", "roles/web.bu", "base.bu");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo("""
                {
                  "ignition": {
                    "version": "3.4.0"
                  },
                  "storage": {
                    "files": [
                      {
                        "path": "/etc/motd",
                        "contents": {
                          "compression": "",
                          "source": "data:,hello%0A"
                        },
                        "mode": 384
                      }
                    ]
                  }
                }
                """);
    }

    @Test
    void writesOutputFileAndCheckWritesNothing() throws Exception {
        Run r = kindling("-d", "files", "--snippet", "roles/web.bu", "-o", "out.ign", "base.bu");
        assertThat(r.status()).isZero();
        assertThat(Files.readString(dir.resolve("out.ign"))).contains("data:,hello%0A");
        Run c = kindling("-d", "files", "--check", "--snippet", "roles/web.bu", "base.bu");
        assertThat(c.status()).isZero();
        assertThat(c.stdout()).isEmpty();
    }

    @Test
    void humanReportQuotesTheSnippetFile() throws Exception {
        Run r = kindling("--snippet", "roles/bad.bu", "base.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("  --> roles/bad.bu:5:13\n").contains(" 5 |     - path: etc/relative\n")
                .endsWith("Error translating config: config generated was invalid\n");
    }

    @Test
    void rawReportPrefixesEachLineWithItsFile() throws Exception {
        Run r = kindling("--format", "raw", "--snippet", "roles/bad.bu", "base.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("roles/bad.bu: error at $.storage.files.0.path, line 5 col 13: ");
    }

    @Test
    void jsonSarifAndGithubReportsNameTheSnippetFile() throws Exception {
        Run json = kindling("--format", "json", "--check", "--snippet", "roles/bad.bu", "base.bu");
        assertThat(json.status()).isEqualTo(1);
        JsonNode entries = new ObjectMapper().readTree(json.stdout());
        assertThat(entries.get(0).get("file").asText()).isEqualTo("roles/bad.bu");
        assertThat(entries.get(0).get("line").asInt()).isEqualTo(5);

        Run sarif = kindling("--format", "sarif", "--check", "--snippet", "roles/bad.bu", "base.bu");
        assertThat(sarif.status()).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(sarif.stdout()).at("/runs/0/results/0");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("roles/bad.bu");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);

        Run github = kindling("--format", "github", "--snippet", "roles/bad.bu", "base.bu");
        assertThat(github.status()).isEqualTo(1);
        assertThat(github.stderr()).contains("::error file=roles/bad.bu,line=5,col=13,");
    }

    @Test
    void strictFailsOnASnippetsWarning() throws Exception {
        Run lax = kindling("--snippet", "roles/warn.bu", "base.bu");
        assertThat(lax.status()).isZero();
        assertThat(lax.stderr()).contains("--> roles/warn.bu:6:13");
        Run strict = kindling("-s", "--snippet", "roles/warn.bu", "base.bu");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.stdout()).isEmpty();
        assertThat(strict.stderr()).endsWith("Config produced warnings and --strict was specified\n");
    }

    @Test
    void aNewerSnippetIsAnErrorThatNamesIt() throws Exception {
        Run r = kindling("--format", "raw", "--snippet", "roles/new.bu", "base.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("roles/new.bu: error at $.version, line 2 col 10: the snippet roles/new.bu")
                .contains("is newer than the base config base.bu");
    }

    @Test
    void aVariantMismatchIsAnErrorThatNamesTheSnippet() throws Exception {
        Run r = kindling("--snippet", "roles/flatcar.bu", "base.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("--> roles/flatcar.bu:1:10")
                .contains("the snippet roles/flatcar.bu is for the variant flatcar");
    }

    @Test
    void aMissingSnippetFileIsReportedLikeAMissingInput() throws Exception {
        Run r = kindling("--snippet", "roles/none.bu", "base.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("failed to open roles/none.bu: open roles/none.bu: ");
    }

    @Test
    void severalInputsWithSnippetsIsAUsageError() throws Exception {
        Run r = kindling("--check", "--snippet", "roles/web.bu", "base.bu", "roles/warn.bu");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void readsTheBaseFromStandardInput() throws Exception {
        Run r = kindlingWithInput("variant: fcos\nversion: 1.5.0\n", "--snippet", "roles/warn.bu");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).startsWith("{\"ignition\":{\"version\":\"3.4.0\"}").contains("/etc/x").endsWith("\n");
    }
}
