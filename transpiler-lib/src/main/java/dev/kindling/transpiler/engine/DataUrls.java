/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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
        // once and not every candidate in full. The rule is Butane's: percent-encoding unless
        // base64 is strictly shorter, then gzip+base64 if it is shorter than that by more than
        // the four characters of "gzip".
        long base64Length = ";base64,".length() + base64Length(data.length);
        Gzip gz = null;
        if (allowCompression && mayCompressShorter(data.length, base64Length)) {
            // gzip first, against base64 (never shorter than the best plain encoding): when its
            // stream beats even the shortest percent-encoding conceivable (one character a
            // byte), it wins whatever the percent-encoding's real length, and the scan of every
            // byte for it is skipped
            gz = Gzip.ifShorter(data, base64Length);
            if (gz != null && gzipWins(gz.length(), 1L + data.length)) {
                return new Encoded(gz.base64Url(), "gzip");
            }
        }
        // base64 wins once the percent-encoding reaches its length: counting stops there, which
        // for binary or markup-heavy data is after a small part of it
        long percentChars = percentEncodedLength(data, base64Length);
        boolean base64 = percentChars >= base64Length;
        long bestLength = base64 ? base64Length : 1 + percentChars;
        if (gz != null && gzipWins(gz.length(), bestLength)) {
            return new Encoded(gz.base64Url(), "gzip");
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
        return base64Url(bytes.length, bytes, null);
    }

    /**
     * {@code data:;base64,} and the base64 of {@code bytes} or, when it is given, of the stream
     * {@code gz} ({@code length} bytes either way), encoded straight into the string's bytes: no
     * intermediate copy of the base64. (Plain parameters rather than a lambda: a small run
     * should not spin a class for it.)
     */
    private static String base64Url(long length, byte[] bytes, Gzip gz) {
        byte[] prefix = "data:;base64,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long total = prefix.length + base64Length(length);
        if (total > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("data URL of " + length + " bytes is too long for a string");
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
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
            if (gz != null) {
                gz.writeTo(enc);
            } else {
                enc.write(bytes);
            }
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
        boolean userChose = userChoseCompression(resource);
        put(resource, encode(data, autoCompression && !userChose), userChose, origin);
    }

    /** Whether the resource names a compression of its own (its data is then taken as compressed). */
    static boolean userChoseCompression(dev.kindling.transpiler.tree.ObjValue resource) {
        String userCompression = resource.str("compression");
        return userCompression != null && !userCompression.isEmpty();
    }

    /** Puts an encoding's {@code source} and, unless the user chose one, its {@code compression}. */
    static void put(dev.kindling.transpiler.tree.ObjValue resource, Encoded enc, boolean userChose,
            dev.kindling.transpiler.tree.Path origin) {
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

    /** The gzip stream of {@code data} at the best compression level, with a header like Go's. */
    static byte[] gzip(byte[] data) {
        return Gzip.ifShorter(data, Long.MAX_VALUE).toByteArray();
    }

    /**
     * A gzip stream as Go's {@code gzip.NewWriterLevel(w, BestCompression)} frames it (no name,
     * modification time 0, XFL 2 for maximum compression, OS 255 for unknown) around zlib's raw
     * deflate at level 9, held in blocks: the stream grows without copying what it already has
     * and without reserving room for a copy of the input, which it rarely needs (a 32 MiB text
     * file gives a 0.3 MiB stream).
     */
    static final class Gzip {
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};
        private static final int TRAILER = 8;
        /** The first block's size; each further block is twice the size of the one before, up to {@link #MAX_BLOCK}. */
        private static final int FIRST_BLOCK = 4096;
        private static final int MAX_BLOCK = 1 << 20;

        private final List<byte[]> blocks;
        private final int lastUsed;
        private final long deflated;
        private final byte[] trailer;

        private Gzip(List<byte[]> blocks, int lastUsed, long deflated, byte[] trailer) {
            this.blocks = blocks;
            this.lastUsed = lastUsed;
            this.deflated = deflated;
            this.trailer = trailer;
        }

        /**
         * The gzip stream of {@code data} if its base64 could beat {@code bestLength}
         * characters, else null. Stops deflating as soon as the stream grows past what could
         * still win, so that data that does not compress costs little more than one pass.
         */
        static Gzip ifShorter(byte[] data, long bestLength) {
            // a longer stream cannot win (the exact rule is gzipWins, applied by the caller)
            long most = bestLength == Long.MAX_VALUE ? Long.MAX_VALUE
                    : 3 * ((bestLength - ";base64,".length() - 4) / 4) + 3;
            long room = most - HEADER.length - TRAILER; // for the deflate data
            if (room < 0) {
                return null;
            }
            List<byte[]> blocks = new ArrayList<>();
            Deflater deflater = IdleDeflaters.take();
            long deflated = 0;
            int used = 0;
            byte[] block = new byte[(int) Math.min(FIRST_BLOCK, room + 1)];
            try {
                deflater.setInput(data);
                deflater.finish();
                while (!deflater.finished()) {
                    if (used == block.length) {
                        blocks.add(block);
                        block = new byte[(int) Math.min(Math.min(2L * block.length, MAX_BLOCK), room - deflated + 1)];
                        used = 0;
                    }
                    int n = deflater.deflate(block, used, block.length - used);
                    used += n;
                    deflated += n;
                    if (deflated > room) {
                        return null;
                    }
                }
            } finally {
                IdleDeflaters.giveBack(deflater);
            }
            blocks.add(block);
            CRC32 crc = new CRC32();
            crc.update(data);
            long c = crc.getValue();
            int size = data.length;
            byte[] trailer = {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)};
            return new Gzip(blocks, used, deflated, trailer);
        }

        /** The length of the whole stream in bytes. */
        long length() {
            return HEADER.length + deflated + TRAILER;
        }

        private void writeTo(java.io.OutputStream out) throws IOException {
            out.write(HEADER);
            for (int i = 0; i < blocks.size(); i++) {
                byte[] b = blocks.get(i);
                out.write(b, 0, i == blocks.size() - 1 ? lastUsed : b.length);
            }
            out.write(trailer);
        }

        /** {@code data:;base64,} and the base64 of the stream, built from the blocks. */
        String base64Url() {
            return DataUrls.base64Url(length(), null, this);
        }

        byte[] toByteArray() {
            ByteArrayOutputStream bos = new ByteArrayOutputStream((int) length());
            try {
                writeTo(bos);
            } catch (IOException e) {
                throw new IllegalStateException("in-memory copy failed", e);
            }
            return bos.toByteArray();
        }
    }

    /**
     * Deflaters kept for the next file. A new one allocates and clears zlib's window and hash
     * tables (about 300 KiB at level 9) and frees them again: for a tree of thousands of small
     * files that was more work than compressing them. A reset deflater compresses exactly as a
     * new one. At most a few are kept (one per core), so an idle library holds little native
     * memory.
     */
    private static final class IdleDeflaters {
        private static final int MOST = Math.max(2, Runtime.getRuntime().availableProcessors());
        private static final java.util.concurrent.ConcurrentLinkedQueue<Deflater> IDLE =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private static final java.util.concurrent.atomic.AtomicInteger COUNT =
                new java.util.concurrent.atomic.AtomicInteger();

        private IdleDeflaters() {
        }

        static Deflater take() {
            Deflater d = IDLE.poll();
            if (d != null) {
                COUNT.decrementAndGet();
                return d;
            }
            return new Deflater(Deflater.BEST_COMPRESSION, true);
        }

        static void giveBack(Deflater d) {
            d.reset();
            if (COUNT.incrementAndGet() <= MOST) {
                IDLE.offer(d);
            } else {
                COUNT.decrementAndGet();
                d.end();
            }
        }
    }
}
