/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import dev.kindling.transpiler.Variables;
import java.nio.file.Path;
import java.util.List;

/**
 * One Butane config found in the source folder, or one host of a fleet inventory (its base
 * config, with snippets merged on top and its own variables).
 *
 * @param file the file (a host's base config)
 * @param relative its path below the source folder, with {@code /} separators
 *     ({@code hosts/web.bu}); for a host, its output name with {@code .bu} appended
 * @param display the name used in the log: its path relative to the project's base folder
 *     ({@code src/main/butane/hosts/web.bu})
 * @param snippets a host's snippets, in merge order (empty for a plain config)
 * @param variables a host's variables from the inventory (empty for a plain config)
 * @param host the host's name; null for a plain config
 */
record SourceFile(Path file, String relative, String display, List<SourceFile> snippets, Variables variables,
        String host) implements Comparable<SourceFile> {

    SourceFile {
        snippets = List.copyOf(snippets);
        variables = variables == null ? Variables.empty() : variables;
    }

    /** A plain config. */
    SourceFile(Path file, String relative, String display) {
        this(file, relative, display, List.of(), Variables.empty(), null);
    }

    /** True for a host of a fleet, which is composed rather than transpiled. */
    boolean isHost() {
        return host != null;
    }

    @Override
    public int compareTo(SourceFile o) {
        return relative.compareTo(o.relative);
    }
}
