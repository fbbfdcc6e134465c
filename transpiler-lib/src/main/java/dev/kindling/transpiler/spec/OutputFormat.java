package dev.kindling.transpiler.spec;

/** What a variant writes by default. */
public enum OutputFormat {
    IGNITION, MACHINE_CONFIG
}
