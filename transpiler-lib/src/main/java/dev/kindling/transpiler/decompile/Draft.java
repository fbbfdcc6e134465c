/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import java.util.TreeMap;

/** A candidate Butane config and the local files it names; passes edit copies of it. */
final class Draft {
    final BMap config;
    final TreeMap<String, byte[]> files;
    /** The local files that must be executable (a tree's 0755 files). */
    final java.util.TreeSet<String> executables = new java.util.TreeSet<>();

    Draft(BMap config, TreeMap<String, byte[]> files) {
        this.config = config;
        this.files = files;
    }

    Draft copy() {
        Draft d = new Draft(config.copy(), new TreeMap<>(files));
        d.executables.addAll(executables);
        return d;
    }

    /**
     * A free name below the files directory, close to {@code wanted}: segments that could leave
     * the directory are dropped, and a suffix is added when the name (or a folder on its way)
     * is taken already.
     */
    String freeName(String wanted) {
        StringBuilder clean = new StringBuilder();
        for (String seg : wanted.split("/")) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                continue;
            }
            if (clean.length() > 0) {
                clean.append('/');
            }
            clean.append(seg.replace('\\', '_').replace('\0', '_'));
        }
        String base = clean.length() == 0 ? "contents" : clean.toString();
        String name = base;
        for (int n = 2; taken(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private boolean taken(String name) {
        for (String f : files.keySet()) {
            if (f.equals(name) || f.startsWith(name + "/") || name.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }
}
