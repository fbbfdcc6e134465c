/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code transpile} build in a process of its own, for tests that kill it: the same work as
 * the goal (scan, transpile one config at a time, journal, state), without Maven.
 * Arguments: base folder, source folder, output folder, state file.
 */
public final class BuildProcess {
    private BuildProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path src = Path.of(args[1]);
        List<SourceFile> sources = SourceScanner.scan(base, src, PathPattern.list(List.of("**/*.bu"), List.of()),
                List.of());
        KindlingBuild.Settings settings = new KindlingBuild.Settings(base, src, false, false, Path.of(args[2]),
                Path.of(args[3]), 1);
        KindlingBuild.Result r = new KindlingBuild(settings).run(sources);
        System.out.println("finished " + r.files().size());
    }
}
