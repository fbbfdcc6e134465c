/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip of a build's outputs that {@code transpile} attaches to the project. It is made with
 * {@code java.util.zip} rather than an archiver library because it holds a handful of plain
 * files: entries sorted by name, '/' separators, one fixed time, so the same outputs always give
 * the same bytes (reproducible builds).
 */
final class OutputArchive {
    /** When {@code project.build.outputTimestamp} is not set: the earliest time zip can store. */
    static final Instant DEFAULT_TIME = Instant.parse("1980-01-01T00:00:00Z");

    private OutputArchive() {
    }

    /**
     * Writes {@code zip} (atomically) with the given files, named relative to {@code root}.
     *
     * @param files files below {@code root}
     */
    static void write(Path zip, Path root, List<Path> files, Instant time) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(root.relativize(f).toString().replace('\\', '/'));
        }
        names.sort(null);
        FileTime t = FileTime.from(time);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                ZipEntry e = new ZipEntry(name);
                e.setLastModifiedTime(t);
                out.putNextEntry(e);
                out.write(Files.readAllBytes(root.resolve(name)));
                out.closeEntry();
            }
        }
        AtomicFiles.write(zip, bytes.toByteArray());
    }

    /**
     * The archive time from Maven's {@code project.build.outputTimestamp}: ISO-8601 or seconds
     * since the epoch; {@link #DEFAULT_TIME} when unset or unreadable (never the clock).
     */
    static Instant time(String outputTimestamp) {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() < 2) {
            return DEFAULT_TIME;
        }
        Instant t;
        try {
            t = Instant.ofEpochSecond(Long.parseLong(outputTimestamp.trim()));
        } catch (NumberFormatException e) {
            try {
                t = OffsetDateTime.parse(outputTimestamp.trim()).toInstant();
            } catch (DateTimeParseException e2) {
                return DEFAULT_TIME;
            }
        }
        return t.isBefore(DEFAULT_TIME) ? DEFAULT_TIME : t;
    }
}
