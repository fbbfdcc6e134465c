/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import java.nio.charset.StandardCharsets;

/** systemd's path escaping for unit names ({@code systemd-escape --path}). */
final class SystemdEscape {
    private SystemdEscape() {
    }

    static String path(String path) {
        String p = path;
        // collapse repeated slashes, drop leading and trailing ones
        StringBuilder trimmed = new StringBuilder();
        boolean slash = true;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '/') {
                if (!slash) {
                    trimmed.append('/');
                }
                slash = true;
            } else {
                trimmed.append(c);
                slash = false;
            }
        }
        if (trimmed.length() > 0 && trimmed.charAt(trimmed.length() - 1) == '/') {
            trimmed.setLength(trimmed.length() - 1);
        }
        if (trimmed.length() == 0) {
            return "-";
        }
        byte[] bytes = trimmed.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '/') {
                out.append('-');
            } else if ((i == 0 && b == '.') || !(Character.isLetterOrDigit(b) && b < 128 || b == ':' || b == '_'
                    || b == '.')) {
                out.append("\\x").append(Integer.toHexString(b));
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }
}
