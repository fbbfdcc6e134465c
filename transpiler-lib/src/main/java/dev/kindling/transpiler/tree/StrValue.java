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
        return new StrValue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), bytes.clone());
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
