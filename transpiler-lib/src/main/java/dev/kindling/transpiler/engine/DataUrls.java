/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Butane's encoding of file contents as a data URL: percent-encoding or base64, whichever is
 * shorter, and gzip+base64 when that saves more than a few bytes.
 */
final class DataUrls {
    /** The encoded URL and the compression value to emit ("" or "gzip"). */
    record Encoded(String url, String compression) {
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private DataUrls() {
    }

    /**
     * @param data the bytes
     * @param allowCompression whether gzip may be chosen (the user left compression empty and
     *     the variant permits it)
     */
    static Encoded encode(byte[] data, boolean allowCompression) {
        // Only lengths are compared; just the winner is built, so a large file costs its data URL
        // once and not every candidate in full.
        long base64Length = ";base64,".length() + base64Length(data.length);
        // base64 wins once the percent-encoding reaches its length: counting stops there, which
        // for binary or markup-heavy data is after a small part of it
        long percentChars = percentEncodedLength(data, base64Length);
        boolean base64 = percentChars >= base64Length;
        long bestLength = base64 ? base64Length : 1 + percentChars;
        if (allowCompression && mayCompressShorter(data.length, bestLength)) {
            byte[] gz = gzipIfShorter(data, bestLength);
            if (gz != null) {
                return new Encoded(base64Url(gz), "gzip");
            }
        }
        return new Encoded(base64 ? base64Url(data) : "data:," + percentEncode(data), "");
    }

    /** Whether gzip+base64 wins against an encoding of {@code bestLength} characters. */
    private static boolean gzipWins(long gzipLength, long bestLength) {
        return ";base64,".length() + base64Length(gzipLength) + 4 < bestLength;
    }

    static long base64Length(long n) {
        return 4 * ((n + 2) / 3);
    }

    static long percentEncodedLength(byte[] data) {
        return percentEncodedLength(data, Long.MAX_VALUE);
    }

    /** The percent-encoded length of {@code data}, or some value at or above {@code limit} once it gets there. */
    static long percentEncodedLength(byte[] data, long limit) {
        long n = 0;
        int i = 0;
        while (i < data.length && n < limit) {
            // in blocks, so that the limit costs one comparison per 4 KiB and the loop stays tight
            int start = i;
            int end = Math.min(data.length, i + 4096);
            int escaped = 0;
            for (; i < end; i++) {
                escaped += ESCAPED[data[i] & 0xff];
            }
            n += (end - start) + 2L * escaped;
        }
        return n;
    }

    /** 1 for a byte that percent-encoding escapes (3 characters instead of 1), else 0. */
    private static final byte[] ESCAPED = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            ESCAPED[c] = (byte) (unreserved(c) ? 0 : 1);
        }
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
    }

    /** {@code data:;base64,} and the base64 of {@code bytes}, written once into the string's own bytes. */
    static String base64Url(byte[] bytes) {
        byte[] prefix = "data:;base64,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long total = prefix.length + base64Length(bytes.length);
        if (total > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("data URL of " + bytes.length + " bytes is too long for a string");
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        // the encoder streams straight into the array: no intermediate copy of the base64
        java.io.OutputStream into = new java.io.OutputStream() {
            private int at = prefix.length;

            @Override
            public void write(int b) {
                out[at++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.arraycopy(b, off, out, at, len);
                at += len;
            }
        };
        try (java.io.OutputStream enc = Base64.getEncoder().wrap(into)) {
            enc.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory base64 failed", e);
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Sets a resource's {@code source} to the data URL of {@code data}, and its
     * {@code compression} to what the encoding chose, unless the user set a compression (then
     * the data is taken as already compressed and left alone).
     */
    static void fill(dev.kindling.transpiler.tree.ObjValue resource, byte[] data, boolean autoCompression,
            dev.kindling.transpiler.tree.Path origin) {
        String userCompression = resource.str("compression");
        boolean userChose = userCompression != null && !userCompression.isEmpty();
        Encoded enc = encode(data, autoCompression && !userChose);
        resource.put("source", new dev.kindling.transpiler.tree.StrValue(enc.url()).withOrigin(origin));
        if (!userChose) {
            resource.put("compression", new dev.kindling.transpiler.tree.StrValue(enc.compression()).withOrigin(origin));
        }
    }

    /**
     * Whether gzip could possibly beat an encoding of {@code bestLength} characters. A gzip
     * stream has 18 bytes of header and trailer and deflate shrinks data at most about 1032
     * times, which bounds its base64 length from below; most small files cannot win, and
     * skipping the attempt saves a deflater per file. The bound never changes a decision.
     */
    static boolean mayCompressShorter(long dataLength, long bestLength) {
        long minGzip = 18 + (dataLength + 1031L) / 1032;
        long minEncoded = ";base64,".length() + 4 * ((minGzip + 2) / 3);
        return minEncoded + 4 < bestLength;
    }

    /** fcos 1.0's form: always percent-encoded. */
    static String percentOnly(byte[] data) {
        return "data:," + percentEncode(data);
    }

    static String percentEncode(byte[] data) {
        StringBuilder sb = new StringBuilder((int) Math.min(percentEncodedLength(data), Integer.MAX_VALUE - 16));
        for (byte b : data) {
            int c = b & 0xff;
            if (unreserved(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    /** Thrown inside the gzip stream once its output can no longer win. */
    private static final class TooLong extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super(null, null);
        }
    }

    /**
     * The gzip stream of {@code data} if its base64 beats {@code bestLength}, else null. Stops
     * compressing as soon as the stream grows past what could still win, so a file that does
     * not compress never costs a second copy of itself.
     */
    static byte[] gzipIfShorter(byte[] data, long bestLength) {
        long most = 3 * ((bestLength - ";base64,".length() - 4) / 4) + 3; // a longer stream cannot win
        ByteArrayOutputStream bos = new ByteArrayOutputStream((int) Math.min(data.length / 2 + 32, most + 1)) {
            @Override
            public void write(byte[] b, int off, int len) {
                if (count + (long) len > most) {
                    throw new java.io.UncheckedIOException(new TooLong());
                }
                if (count + len > buf.length) {
                    // grow as usual, but never past what could still win
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(Math.max(2L * buf.length, count + (long) len),
                            most));
                }
                super.write(b, off, len);
            }

            @Override
            public void write(int b) {
                if (count + 1L > most) {
                    throw new java.io.UncheckedIOException(new TooLong());
                }
                super.write(b);
            }
        };
        try {
            gzipTo(data, bos);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof TooLong) {
                return null;
            }
            throw e;
        }
        byte[] gz = bos.toByteArray();
        return gzipWins(gz.length, bestLength) ? gz : null;
    }

    /** Gzip at the best compression level, with a header like Go's (no name, mtime 0). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
        gzipTo(data, bos);
        return bos.toByteArray();
    }

    private static void gzipTo(byte[] data, ByteArrayOutputStream bos) {
        // the header is written first: patch XFL (maximum compression) and OS (unknown) as Go
        // writes them, as soon as they are out
        java.io.OutputStream patched = new java.io.FilterOutputStream(bos) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (written == 8) {
                    b = 2;
                } else if (written == 9) {
                    b = 255;
                }
                written++;
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written < 10) {
                    for (int i = 0; i < len; i++) {
                        write(b[off + i]);
                    }
                    return;
                }
                written += len;
                out.write(b, off, len);
            }
        };
        try (GZIPOutputStream gz = new GZIPOutputStream(patched, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
    }
}
