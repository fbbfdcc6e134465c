/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.util.List;

/**
 * GitHub Actions workflow commands, one line per problem, which the Actions runner turns into
 * annotations on the file and line:
 * {@code ::error file=hosts/web.bu,line=5,col=13,title=path-not-absolute::the path ...}
 * ({@code ::warning ...} for warnings). {@code line} and {@code col} are left out when unknown.
 * Values are escaped as the runner expects: {@code %}, CR and LF everywhere, and also
 * {@code :} and {@code ,} in the properties.
 */
public final class GithubReport {
    private GithubReport() {
    }

    /** The commands for every problem of every file, each line ending in {@code \n}. */
    public static String write(List<FileReport> files) {
        StringBuilder sb = new StringBuilder();
        for (FileReport f : files) {
            sb.append(write(f));
        }
        return sb.toString();
    }

    /** The commands for one file's problems, each line ending in {@code \n}. */
    public static String write(FileReport file) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : file.entries()) {
            sb.append(command(file.file(), d)).append('\n');
        }
        return sb.toString();
    }

    /** One workflow command, without a line end. */
    public static String command(String file, Diagnostic d) {
        StringBuilder sb = new StringBuilder("::");
        sb.append(d.severity() == Severity.ERROR ? "error" : "warning");
        sb.append(" file=").append(escapeProperty(file));
        if (d.hasPosition()) {
            sb.append(",line=").append(d.line());
            if (d.column() > 0) {
                sb.append(",col=").append(d.column());
            }
        }
        sb.append(",title=").append(escapeProperty(d.code()));
        sb.append("::").append(escapeData(d.message()));
        return sb.toString();
    }

    /** The escaping of a command's message: {@code %}, CR and LF. */
    public static String escapeData(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The escaping of a command's property value: as {@link #escapeData}, plus {@code :} and {@code ,}. */
    public static String escapeProperty(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                case ':' -> sb.append("%3A");
                case ',' -> sb.append("%2C");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
