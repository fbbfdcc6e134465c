/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -o writer's clean-up of temporaries that a killed run left beside its targets. */
class OutputFileTest {
    /** Above Linux's largest pid: no process has it, so its temporaries are stale. */
    private static final long GONE = 9_999_999_999L;

    @TempDir
    Path dir;

    private Path temporary(String target, long pid) throws Exception {
        Path p = dir.resolve("." + target + "." + pid + ".12345.tmp");
        Files.writeString(p, "partial");
        return p;
    }

    @Test
    void removesOnlyTheStaleTemporariesOfTheTargetWritten() throws Exception {
        Path deadA = temporary("a.ign", GONE);
        Path deadB = temporary("b.ign", GONE);
        Path liveA = temporary("a.ign", ProcessHandle.current().pid()); // ours and recent: kept
        Path foreign = dir.resolve(".a.ign.notours.tmp");
        Files.writeString(foreign, "x");

        OutputFile.write(dir.resolve("a.ign").toString(), "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(deadA).doesNotExist();
        assertThat(liveA).exists();
        assertThat(foreign).exists();
        assertThat(deadB).exists(); // another target's: left until that target is written

        // the folder was listed once, at the first write; later targets still find theirs
        OutputFile.write(dir.resolve("b.ign").toString(), "{}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(deadB).doesNotExist();
        assertThat(Files.readString(dir.resolve("a.ign"))).isEqualTo("{}\n");
        assertThat(Files.readString(dir.resolve("b.ign"))).isEqualTo("{}\n");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(liveA.getFileName().toString(), ".a.ign.notours.tmp", "a.ign",
                            "b.ign");
        }
    }
}
