/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.nio.charset.StandardCharsets;

/** An application that uses only the library: one transpile (with a warning), output on stdout. */
public final class LibraryOnlyMain {
    private LibraryOnlyMain() {
    }

    public static void main(String[] args) {
        TranspileResult r = Transpiler.create().transpile("variant: fcos\nversion: 1.6.0\nunknown: 1\n",
                TranspileOptions.defaults());
        System.out.println(new String(r.output().orElseThrow(), StandardCharsets.UTF_8) + " " + r.warningCount());
    }
}
