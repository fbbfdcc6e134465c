/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import java.util.Locale;
import java.util.Optional;

/** How the problems of a run are reported. */
public enum ReportFormat {
    /** Butane's report: the source around each problem with a caret under it. */
    HUMAN,
    /** One line per problem, like Butane's {@code --raw-errors}. */
    RAW,
    /** One JSON array of {@code {file, severity, code, path, line, column, message}}. */
    JSON,
    /** A SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers. */
    SARIF,
    /** GitHub Actions workflow commands ({@code ::error file=...::message}). */
    GITHUB;

    /** The name used on command lines and in build settings: {@code human}, {@code sarif}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the formats meant for programs (json, sarif, github) rather than people. */
    public boolean machineReadable() {
        return this == JSON || this == SARIF || this == GITHUB;
    }

    /** The format named {@code id} (case-insensitive), if there is one. */
    public static Optional<ReportFormat> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format names for messages: {@code human, raw, json, sarif, github}. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ReportFormat f : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.id());
        }
        return sb.toString();
    }
}
