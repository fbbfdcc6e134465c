/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/** What a variant writes by default. */
public enum OutputFormat {
    IGNITION, MACHINE_CONFIG
}
