/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import dev.kindling.transpiler.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a config without ever holding more of it than the transpiler accepts. An input larger
 * than {@link #MAX_BYTES} is cut one byte past the limit: enough for
 * {@link Transpiler#transpile(byte[], TranspileOptions)} to refuse it with its usual
 * diagnostic, while a gigabyte on standard input costs 32 MiB, not gigabytes.
 */
public final class ConfigInput {
    /** The largest config the transpiler accepts, in bytes (32 MiB). */
    public static final int MAX_BYTES = YamlLimits.DEFAULT.maxInputBytes();

    private ConfigInput() {
    }

    /**
     * Reads {@code in} to its end or to one byte past {@link #MAX_BYTES}, whichever comes
     * first. The stream is not closed.
     *
     * @param in the stream to read the config from
     * @return the bytes read, at most {@code MAX_BYTES + 1} of them
     * @throws NullPointerException if {@code in} is null
     * @throws IOException if reading fails
     */
    public static byte[] read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        int limit = MAX_BYTES + 1;
        byte[] buf = new byte[8192];
        int n = 0;
        while (n < limit) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(2L * n, limit));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /**
     * Reads the file at {@code file} like {@link #read(InputStream)}.
     *
     * @param file the config file
     * @return the bytes read, at most {@code MAX_BYTES + 1} of them
     * @throws NullPointerException if {@code file} is null
     * @throws IOException if the file cannot be opened or read
     */
    public static byte[] read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }
}
