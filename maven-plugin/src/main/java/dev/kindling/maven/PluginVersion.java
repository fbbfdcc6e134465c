/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plugin's version, from a resource filled in at build time. */
final class PluginVersion {
    static final String VERSION = load();

    private PluginVersion() {
    }

    private static String load() {
        try (InputStream in = PluginVersion.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
