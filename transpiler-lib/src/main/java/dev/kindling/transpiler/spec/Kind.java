/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/** The shape of a field's value. */
public enum Kind {
    STRING, INT, BOOL, OBJECT, LIST, STRING_MAP
}
