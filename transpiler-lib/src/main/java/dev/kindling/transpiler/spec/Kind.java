package dev.kindling.transpiler.spec;

/** The shape of a field's value. */
public enum Kind {
    STRING, INT, BOOL, OBJECT, LIST, STRING_MAP
}
