/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file (or one folder of a tree) that a transpilation read, so that callers can tell
 * whether a later run would read the same thing without parsing the config themselves.
 *
 * @param path where it was read, as resolved below the files directory (absolute, normalised,
 *     symbolic links not resolved)
 * @param sha256 lower-case hex SHA-256 of what was read: a file's bytes; for a folder of a
 *     tree, the names of its entries in the order they were walked, each followed by a newline
 */
public record LocalFileRead(Path path, String sha256) {
    /**
     * Checks that both parts are present.
     *
     * @param path where it was read
     * @param sha256 the digest of what was read
     */
    public LocalFileRead {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
