/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Butane config given as bytes, with the name that diagnostics use for it (a file name such
 * as {@code roles/web.bu}). The library never reads a source from disk itself; the caller
 * decides where the bytes come from.
 *
 * @param name how diagnostics name this config
 * @param content the config (UTF-8, or UTF-16 with a byte-order mark); copied on the way in and
 *     out, so a source cannot change after it is made
 */
public record Source(String name, byte[] content) {
    /**
     * Checks and copies the parts.
     *
     * @param name how diagnostics name this config
     * @param content the config's bytes
     */
    public Source {
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * A source made of text, encoded as UTF-8.
     *
     * @param name how diagnostics name this config
     * @param text the config
     * @return the source
     */
    public static Source of(String name, String text) {
        return new Source(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The config's bytes.
     *
     * @return a copy of them
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Source s && name.equals(s.name) && Arrays.equals(content, s.content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Source[" + name + ", " + content.length + " bytes]";
    }
}
