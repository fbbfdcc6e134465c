/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Writes files so that a reader never sees a half-written one: the bytes go to a temporary file
 * in the same folder, which is then renamed over the target in one step.
 */
final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code data} to {@code target}, creating its folders. A target that already holds
     * exactly these bytes is left alone (its time too, for tools that look at times).
     *
     * @return whether the file was written
     */
    static boolean write(Path target, byte[] data) throws IOException {
        if (sameContents(target, data)) {
            return false;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTemp(dir, target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(data);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /**
     * A new empty file beside the target. Not {@link Files#createTempFile}: its files are
     * private (0600), and outputs should get the usual mode.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // unlucky: try another name
            }
        }
    }

    private static boolean sameContents(Path target, byte[] data) {
        try {
            if (!Files.isRegularFile(target) || Files.size(target) != data.length) {
                return false;
            }
            return Arrays.equals(Files.readAllBytes(target), data);
        } catch (IOException e) {
            return false;
        }
    }
}
