/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.cli.CliProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --upgrade} as a real process. */
class UpgradeCommandTest {
    private static final String CONFIG = """
            # the web server
            variant: fcos
            version: '1.4.0'  # keep in step with the fleet
            storage:
              files:
                - path: /etc/motd
                  mode: 0644
                  contents:
                    inline: |
                      Welcome!
            """;
    private static final String NEWER_FIELD = """
            variant: fcos
            version: 1.6.0
            storage:
              luks:
                - name: data
                  device: /dev/vdb
                  discard: true
            """;

    @TempDir
    Path dir;

    private Run kindling(String stdin, String... args) throws IOException, InterruptedException {
        return CliProcess.run(dir, stdin, args);
    }

    @Test
    void upgradesToTheNewestStableVersionKeepingTheText() throws Exception {
        Files.writeString(dir.resolve("web.bu"), CONFIG);
        Run r = kindling(null, "--upgrade", "web.bu");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo(CONFIG.replace("'1.4.0'", "'1.7.0'"));
    }

    @Test
    void upgradesStdinToAGivenVersionIntoAFile() throws Exception {
        Run r = kindling(CONFIG, "--upgrade", "--to", "1.5.0", "-o", "out.bu");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(Files.readString(dir.resolve("out.bu"))).isEqualTo(CONFIG.replace("'1.4.0'", "'1.5.0'"));
    }

    @Test
    void refusesADowngradeAtTheNewerField() throws Exception {
        Files.writeString(dir.resolve("disk.bu"), NEWER_FIELD);
        Run r = kindling(null, "--upgrade", "--to", "1.4.0", "-o", "out.bu", "disk.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("--> disk.bu:7:7")
                .contains("fcos 1.4.0 has no field storage.luks.discard (added in fcos 1.5.0)")
                .endsWith("Error upgrading config to fcos 1.4.0: 1 problem; nothing was written\n");
        assertThat(dir.resolve("out.bu")).doesNotExist();

        Run raw = kindling(null, "--upgrade", "--to", "1.4.0", "--raw-errors", "disk.bu");
        assertThat(raw.stderr()).startsWith("error at $.storage.luks.0.discard, line 7 col 7: ");
    }

    @Test
    void toNeedsUpgrade() throws Exception {
        Run r = kindling(null, "--to", "1.5.0", "web.bu");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).endsWith("--to needs --upgrade\n");
    }

    @Test
    void unknownTargetVersion() throws Exception {
        Run r = kindling(CONFIG, "--upgrade", "--to", "2.0.0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("variant fcos has no version 2.0.0; its versions are 1.0.0, 1.1.0");
    }
}
