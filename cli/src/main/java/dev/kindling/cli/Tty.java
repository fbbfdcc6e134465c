/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a character device, as Butane decides for {@code --color=auto}. */
final class Tty {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private Tty() {
    }

    static boolean isCharDevice(int fd) {
        try {
            Object mode = Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:mode");
            return mode instanceof Integer m && (m & S_IFMT) == S_IFCHR;
        } catch (Exception | LinkageError e) {
            // no /proc (not Linux): the JDK only knows whether there is an interactive console
            return System.console() != null;
        }
    }
}
