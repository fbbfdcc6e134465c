/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.util.List;

/**
 * Where the output of a config goes: the same relative folder below the output folder, the
 * config's name without its extension, then {@code .ign} for Ignition JSON or {@code .yaml}
 * for an openshift MachineConfig ({@code hosts/web.bu} becomes {@code hosts/web.ign}).
 */
final class OutputNames {
    static final String IGNITION = ".ign";
    static final String MACHINE_CONFIG = ".yaml";
    /** Every extension an output can have, so that any earlier output of a config can be found. */
    static final List<String> ALL = List.of(IGNITION, MACHINE_CONFIG);

    private OutputNames() {
    }

    /**
     * The relative path without the file name's last extension: {@code hosts/web.bu} gives
     * {@code hosts/web}, {@code web.prod.bu} gives {@code web.prod}; a name without an extension
     * or starting with its only dot ({@code .bu}) is kept whole.
     */
    static String base(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        if (dot > slash + 1) {
            return relative.substring(0, dot);
        }
        return relative;
    }

    /** The output's relative path for an output extension such as {@code .ign}. */
    static String output(String relative, String extension) {
        return base(relative) + normalizeExtension(extension);
    }

    /** The extension the library chose; {@code .ign} when it gave none. */
    static String normalizeExtension(String extension) {
        if (extension == null || extension.isEmpty()) {
            return IGNITION;
        }
        return extension.startsWith(".") ? extension : "." + extension;
    }
}
