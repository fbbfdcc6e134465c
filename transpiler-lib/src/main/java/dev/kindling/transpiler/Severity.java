package dev.kindling.transpiler;

/** How bad a diagnostic is. Errors stop the output; warnings do so only in strict mode. */
public enum Severity {
    ERROR, WARNING;

    /** The word Butane prints: {@code error} or {@code warning}. */
    public String word() {
        return this == ERROR ? "error" : "warning";
    }
}
