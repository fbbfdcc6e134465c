/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.nio.file.Path;

/**
 * One Butane config found in the source folder.
 *
 * @param file the file
 * @param relative its path below the source folder, with {@code /} separators
 *     ({@code hosts/web.bu})
 * @param display the name used in the log: its path relative to the project's base folder
 *     ({@code src/main/butane/hosts/web.bu})
 */
record SourceFile(Path file, String relative, String display) implements Comparable<SourceFile> {
    @Override
    public int compareTo(SourceFile o) {
        return relative.compareTo(o.relative);
    }
}
