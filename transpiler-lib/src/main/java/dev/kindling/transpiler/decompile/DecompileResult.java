/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one decompilation: the Butane config (absent on errors), the local files it
 * names (path relative to the files directory, '/'-separated, to bytes; the library writes
 * nothing itself), the chosen variant and version, and diagnostics at positions of the input.
 */
public final class DecompileResult {
    private final String butane;
    private final SortedMap<String, byte[]> files;
    private final List<Diagnostic> diagnostics;
    private final String variant;
    private final String version;
    private final java.util.SortedSet<String> executables;

    DecompileResult(String butane, Map<String, byte[]> files, List<Diagnostic> diagnostics, String variant,
            String version) {
        this(butane, files, java.util.Set.of(), diagnostics, variant, version);
    }

    DecompileResult(String butane, Map<String, byte[]> files, java.util.Set<String> executables,
            List<Diagnostic> diagnostics, String variant, String version) {
        this.butane = butane;
        this.executables = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(executables));
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((k, v) -> copy.put(k, v.clone()));
        this.files = Collections.unmodifiableSortedMap(copy);
        this.diagnostics = List.copyOf(diagnostics);
        this.variant = variant;
        this.version = version;
    }

    /**
     * Whether a Butane config was produced, that is whether there were no errors.
     *
     * @return true when {@link #butane()} is present
     */
    public boolean success() {
        return butane != null;
    }

    /**
     * The Butane config, ending with a line break; absent when there are errors.
     *
     * @return the config, if decompiled
     */
    public Optional<String> butane() {
        return Optional.ofNullable(butane);
    }

    /**
     * Files for {@code local} and {@code contents_local}, by path below the files directory.
     *
     * @return a copy of the files, path to contents, sorted by path
     */
    public SortedMap<String, byte[]> localFiles() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The {@link #localFiles} to write executable (files of a tree that had mode 0755).
     *
     * @return the paths of the executable files, immutable
     */
    public java.util.SortedSet<String> executableFiles() {
        return executables;
    }

    /**
     * Errors and warnings, with the JSON path and line/column in the input.
     *
     * @return the diagnostics, immutable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The variant written, when one was chosen.
     *
     * @return the variant, if any
     */
    public Optional<String> variant() {
        return Optional.ofNullable(variant);
    }

    /**
     * The spec version written, when one was chosen.
     *
     * @return the version, if any
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /**
     * The number of error diagnostics.
     *
     * @return how many diagnostics are errors
     */
    public long errorCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }
}
