/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @TempDir
    Path base;

    private Path touch(String rel) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
        return p;
    }

    @Test
    void findsMatchingFilesSortedWithRelativeAndDisplayNames() throws IOException {
        touch("src/main/butane/web.bu");
        touch("src/main/butane/hosts/web.bu");
        touch("src/main/butane/hosts/bastion.bu");
        touch("src/main/butane/hosts/notes.txt");
        touch("src/main/butane/drafts/wip.bu");
        touch("src/main/butane/files/motd");
        Files.createDirectories(base.resolve("src/main/butane/empty.bu")); // a folder, not a config

        List<SourceFile> found = SourceScanner.scan(base, base.resolve("src/main/butane"),
                PathPattern.list(null, List.of("**/*.bu")), PathPattern.list(List.of("drafts/**"), List.of()));
        assertThat(found).extracting(SourceFile::relative)
                .containsExactly("hosts/bastion.bu", "hosts/web.bu", "web.bu");
        assertThat(found).extracting(SourceFile::display).containsExactly("src/main/butane/hosts/bastion.bu",
                "src/main/butane/hosts/web.bu", "src/main/butane/web.bu");
        assertThat(found.get(0).file()).isEqualTo(base.resolve("src/main/butane/hosts/bastion.bu"));
    }

    @Test
    void severalIncludesAndExcludes() throws IOException {
        touch("s/a.bu");
        touch("s/b.yaml");
        touch("s/c/d.bu");
        touch("s/c/e.bu");
        List<SourceFile> found = SourceScanner.scan(base, base.resolve("s"),
                PathPattern.list(List.of("*.bu", "*.yaml", "c/*.bu"), List.of()),
                PathPattern.list(List.of("**/e.*"), List.of()));
        assertThat(found).extracting(SourceFile::relative).containsExactly("a.bu", "b.yaml", "c/d.bu");
    }

    @Test
    void missingSourceFolderIsNoConfigs() throws IOException {
        assertThat(SourceScanner.scan(base, base.resolve("nope"), PathPattern.list(null, List.of("**/*.bu")),
                List.of())).isEmpty();
    }

    @Test
    void followsLinkedFoldersButNotLoops() throws IOException {
        touch("real/x.bu");
        Files.createDirectories(base.resolve("s"));
        Files.createSymbolicLink(base.resolve("s/linked"), base.resolve("real"));
        Files.createSymbolicLink(base.resolve("real/loop"), base.resolve("real"));
        List<SourceFile> found = SourceScanner.scan(base, base.resolve("s"), PathPattern.list(null,
                List.of("**/*.bu")), List.of());
        assertThat(found).extracting(SourceFile::relative).containsExactly("linked/x.bu");
    }

    @Test
    void displayIsRelativeToTheBaseFolderOrAbsolute() {
        assertThat(SourceScanner.display(base, base.resolve("src/a.bu"))).isEqualTo("src/a.bu");
        assertThat(SourceScanner.display(base, base)).isEqualTo(".");
        Path outside = base.getParent().resolve("elsewhere/a.bu").toAbsolutePath();
        assertThat(SourceScanner.display(base, outside)).isEqualTo(outside.toString());
    }
}
