/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A value of the input document (Ignition JSON, or a MachineConfig's YAML) that remembers where
 * it was written, so that diagnostics can point at the user's text.
 */
sealed interface JNode {
    int line();

    int column();

    /** A JSON object; keys in the order written. */
    record JObj(LinkedHashMap<String, JNode> fields, int line, int column) implements JNode {
    }

    record JArr(List<JNode> items, int line, int column) implements JNode {
    }

    record JStr(String value, int line, int column) implements JNode {
    }

    /** An integer; {@code integral} is false for a number with a fraction or exponent. */
    record JNum(String text, boolean integral, int line, int column) implements JNode {
    }

    record JBool(boolean value, int line, int column) implements JNode {
    }

    record JNull(int line, int column) implements JNode {
    }

    /** What a JSON type is called in messages. */
    static String kind(JNode n) {
        if (n instanceof JObj) {
            return "an object";
        } else if (n instanceof JArr) {
            return "an array";
        } else if (n instanceof JStr) {
            return "a string";
        } else if (n instanceof JNum) {
            return "a number";
        } else if (n instanceof JBool) {
            return "a boolean";
        }
        return "null";
    }
}
