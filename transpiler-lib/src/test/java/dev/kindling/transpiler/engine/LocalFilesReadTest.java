/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.LocalFileRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files read in bounded calls, and what a run records of them. */
class LocalFilesReadTest {
    @TempDir
    Path dir;

    @Test
    void filesOfEverySizeAroundTheReadChunkAreReadExactly() throws Exception {
        Random random = new Random(9);
        int chunk = 1 << 20;
        for (int n : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 5}) {
            byte[] data = new byte[n];
            random.nextBytes(data);
            Files.write(dir.resolve("f" + n), data);
            LocalFiles tracked = new LocalFiles(dir);
            LocalFiles untracked = new LocalFiles(dir, false);
            assertThat(tracked.read("f" + n)).as("%d bytes", n).isEqualTo(data);
            assertThat(untracked.read("/f" + n)).isEqualTo(data);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            assertThat(tracked.reads()).containsExactly(
                    new LocalFileRead(dir.toAbsolutePath().normalize().resolve("f" + n), sha));
            assertThat(untracked.reads()).isEmpty();
        }
    }

    @Test
    void aFileReadTwiceIsRecordedOnce() throws Exception {
        Files.writeString(dir.resolve("a"), "x");
        LocalFiles files = new LocalFiles(dir);
        files.read("a");
        files.read("./a");
        assertThat(files.reads()).hasSize(1);
    }
}
