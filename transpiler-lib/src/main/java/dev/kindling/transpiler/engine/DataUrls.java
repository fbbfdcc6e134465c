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
        String best = "," + percentEncode(data);
        String b64 = ";base64," + Base64.getEncoder().encodeToString(data);
        if (b64.length() < best.length()) {
            best = b64;
        }
        if (allowCompression && mayCompressShorter(data.length, best.length())) {
            String gz = ";base64," + Base64.getEncoder().encodeToString(gzip(data));
            if (gz.length() + 4 < best.length()) {
                return new Encoded("data:" + gz, "gzip");
            }
        }
        return new Encoded("data:" + best, "");
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
    static boolean mayCompressShorter(int dataLength, int bestLength) {
        long minGzip = 18 + (dataLength + 1031L) / 1032;
        long minEncoded = ";base64,".length() + 4 * ((minGzip + 2) / 3);
        return minEncoded + 4 < bestLength;
    }

    /** fcos 1.0's form: always percent-encoded. */
    static String percentOnly(byte[] data) {
        return "data:," + percentEncode(data);
    }

    static String percentEncode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length + 16);
        for (byte b : data) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    /** Gzip at the best compression level, with a header like Go's (no name, mtime 0). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory gzip failed", e);
        }
        byte[] out = bos.toByteArray();
        out[8] = 2; // XFL: maximum compression, as Go writes it
        out[9] = (byte) 255; // OS: unknown, as Go writes it
        return out;
    }
}
