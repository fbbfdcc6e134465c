/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputArchiveTest {
    @TempDir
    Path dir;

    @Test
    void sameOutputsGiveTheSameBytesWhateverTheOrderAndTheClock() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out/hosts"));
        Path a = Files.writeString(out.resolve("a.ign"), "{}\n");
        Path b = Files.writeString(dir.resolve("out/b.ign"), "{\"x\":1}\n");
        Instant t = OutputArchive.time("2026-01-01T00:00:00Z");
        OutputArchive.write(dir.resolve("one.zip"), dir.resolve("out"), List.of(a, b), t);
        Thread.sleep(1100);
        OutputArchive.write(dir.resolve("two.zip"), dir.resolve("out"), List.of(b, a), t);
        assertThat(Files.readAllBytes(dir.resolve("one.zip"))).isEqualTo(Files.readAllBytes(dir.resolve("two.zip")));
        try (ZipFile z = new ZipFile(dir.resolve("one.zip").toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().map(ZipEntry::getName).forEach(names::add);
            assertThat(names).containsExactly("b.ign", "hosts/a.ign");
            assertThat(z.getEntry("b.ign").getLastModifiedTime().toInstant()).isEqualTo(t);
        }
    }

    @Test
    void timeFollowsOutputTimestampAndNeverTheClock() {
        assertThat(OutputArchive.time("1767225600")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(OutputArchive.time("2026-01-01T01:00:00+01:00")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(OutputArchive.time(null)).isEqualTo(OutputArchive.DEFAULT_TIME);
        assertThat(OutputArchive.time("not a time")).isEqualTo(OutputArchive.DEFAULT_TIME);
        assertThat(OutputArchive.time("1970-01-01T00:00:00Z")).isEqualTo(OutputArchive.DEFAULT_TIME);
    }
}
