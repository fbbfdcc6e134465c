/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads the contents of {@code data:} URLs (RFC 2397: an optional media type, an optional
 * {@code ;base64}, a comma, then the data, percent-encoded unless base64) and undoes gzip
 * compression, bounded in size. Also tells text from binary.
 */
final class DataUrlCodec {
    /** Decompressed contents larger than this are refused (a gzip bomb would be). */
    static final int MAX_DECODED = 64 << 20;

    private DataUrlCodec() {
    }

    static boolean isDataUrl(String source) {
        return source != null && source.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The bytes of a data URL, or empty when it is malformed. */
    static Optional<byte[]> decode(String url) {
        if (!isDataUrl(url)) {
            return Optional.empty();
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String meta = url.substring(5, comma);
        String data = url.substring(comma + 1);
        boolean base64 = false;
        for (String param : meta.split(";", -1)) {
            if (param.equalsIgnoreCase("base64")) {
                base64 = true;
            }
        }
        try {
            if (base64) {
                String unescaped = new String(percentDecode(data), StandardCharsets.US_ASCII);
                return Optional.of(Base64.getDecoder().decode(unescaped.replaceAll("[\\s]", "")));
            }
            return Optional.of(percentDecode(data));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%') {
                if (i + 2 >= raw.length) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int hi = Character.digit(raw[i + 1], 16);
                int lo = Character.digit(raw[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** The contents after undoing {@code compression} ("" or null: none; "gzip"), or empty on failure. */
    static Optional<byte[]> uncompress(byte[] data, String compression) {
        if (compression == null || compression.isEmpty()) {
            return Optional.of(data);
        }
        if (!compression.equals("gzip")) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_DECODED) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The contents of a resource's source with its compression undone, or empty. */
    static Optional<byte[]> contents(String source, String compression) {
        return decode(source).flatMap(d -> uncompress(d, compression));
    }

    /**
     * The bytes as text, when they are text: valid UTF-8 without NUL and without control
     * characters other than tab, line feed, carriage return, form feed and escape.
     */
    static Optional<String> asText(byte[] data) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
