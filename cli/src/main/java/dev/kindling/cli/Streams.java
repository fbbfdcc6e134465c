/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes to the process's streams, flushing at once so stdout and stderr interleave as Butane's do. */
final class Streams {
    private Streams() {
    }

    static void print(OutputStream os, String s) throws IOException {
        if (!s.isEmpty()) {
            write(os, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void write(OutputStream os, byte[] b) throws IOException {
        if (b.length > 0) {
            os.write(b);
            os.flush();
        }
    }
}
