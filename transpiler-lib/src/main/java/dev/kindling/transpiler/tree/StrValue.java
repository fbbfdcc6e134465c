/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.tree;

/** A string scalar. */
public final class StrValue extends Value {
    private final String value;
    private final byte[] bytes;

    public StrValue(String value) {
        this.value = value;
        this.bytes = null;
    }

    private StrValue(String value, byte[] bytes) {
        this.value = value;
        this.bytes = bytes;
    }

    /**
     * A string that came from bytes (a {@code !!binary} scalar). Go strings are byte strings, so
     * the bytes are kept as they are even when they are not valid UTF-8; {@link #value()} is
     * their lenient UTF-8 reading.
     */
    public static StrValue ofBytes(byte[] bytes) {
        return new StrValue(goText(bytes), bytes.clone());
    }

    /**
     * The text of a Go byte string as Go reads it: valid UTF-8 as it is, and each byte that does
     * not begin a valid sequence as one U+FFFD (Java's decoder gives one U+FFFD per malformed
     * sequence, which may span several bytes).
     */
    public static String goText(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 1 : c < 0xc2 ? 0 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : c < 0xf5 ? 4 : 0;
            if (n > 1 && i + n <= b.length) {
                int lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
                int hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
                int b1 = b[i + 1] & 0xff;
                boolean ok = b1 >= lo && b1 <= hi;
                for (int k = 2; ok && k < n; k++) {
                    int bk = b[i + k] & 0xff;
                    ok = bk >= 0x80 && bk <= 0xbf;
                }
                if (!ok) {
                    n = 0;
                }
            } else if (n > 1) {
                n = 0;
            }
            if (n == 0) {
                sb.append('\uFFFD');
                i++;
            } else {
                sb.append(new String(b, i, n, java.nio.charset.StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** The exact bytes of this string (UTF-8 unless it came from binary data). */
    public byte[] bytes() {
        return bytes != null ? bytes.clone() : value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether {@link #bytes()} differ from the UTF-8 encoding of {@link #value()}. */
    public boolean hasRawBytes() {
        return bytes != null;
    }

    public String value() {
        return value;
    }

    @Override
    public StrValue copy() {
        return new StrValue(value, bytes).withOrigin(origin());
    }

    @Override
    public boolean isZeroScalar() {
        return value.isEmpty();
    }

    @Override
    public boolean isZero() {
        return false; // present scalars are Go's non-nil pointers
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
