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

    /** {@code os}, except that a failed write or flush is ignored (for the report stream). */
    static OutputStream ignoringErrors(OutputStream os) {
        return new java.io.FilterOutputStream(os) {
            @Override
            public void write(int b) {
                try {
                    out.write(b);
                } catch (IOException e) {
                    // nowhere left to report to
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    // nowhere left to report to
                }
            }

            @Override
            public void flush() {
                try {
                    out.flush();
                } catch (IOException e) {
                    // nowhere left to report to
                }
            }
        };
    }

    static void write(OutputStream os, byte[] b) throws IOException {
        if (b.length > 0) {
            os.write(b);
            os.flush();
        }
    }
}
