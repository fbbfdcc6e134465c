/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The descriptions of config types and fields shown by editors, read from
 * {@code descriptions.properties} next to this class. A missing description is a build error
 * (the generator throws), so every field that the type table gains must be described.
 */
final class Descriptions {
    private static final Properties TEXT = load();

    private Descriptions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Descriptions.class.getResourceAsStream("descriptions.properties")) {
            if (in == null) {
                throw new IllegalStateException("descriptions.properties is missing from the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The text for {@code key} ({@code Type} or {@code Type.field}); Ignition may override it. */
    static String of(String key, boolean ignition) {
        String text = ignition ? TEXT.getProperty("ignition." + key) : null;
        if (text == null) {
            text = TEXT.getProperty(key);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no description for " + key + " in descriptions.properties");
        }
        return text.strip();
    }

    /** Whether the resource has {@code key} (for tests). */
    static boolean has(String key) {
        return TEXT.getProperty(key) != null;
    }
}
