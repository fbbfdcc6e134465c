/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

/** Finds the configs below a source folder that match the includes and none of the excludes. */
final class SourceScanner {
    private SourceScanner() {
    }

    /**
     * The matching regular files below {@code root}, sorted by relative path; empty when
     * {@code root} does not exist. Folders reached through symbolic links are searched too
     * (a loop is searched once).
     */
    static List<SourceFile> scan(Path baseDir, Path root, List<PathPattern> includes, List<PathPattern> excludes)
            throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SourceFile> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            String rel = relative(root, file);
                            if (selected(rel, includes, excludes)) {
                                found.add(new SourceFile(file, rel, display(baseDir, file)));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult.CONTINUE;
                        }
                        throw e;
                    }
                });
        Collections.sort(found);
        return found;
    }

    static boolean selected(String relative, List<PathPattern> includes, List<PathPattern> excludes) {
        return includes.stream().anyMatch(p -> p.matches(relative))
                && excludes.stream().noneMatch(p -> p.matches(relative));
    }

    /** {@code file} relative to {@code root} with {@code /} separators. */
    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /**
     * How the log names {@code file}: relative to the project's base folder when it is inside
     * it ({@code .} for the folder itself), otherwise its absolute path.
     */
    static String display(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        if (abs.equals(base)) {
            return ".";
        }
        if (abs.startsWith(base)) {
            return relative(base, abs);
        }
        return abs.toString();
    }
}
