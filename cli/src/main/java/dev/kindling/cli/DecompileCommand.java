/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.decompile.DecompileOptions;
import dev.kindling.transpiler.decompile.DecompileResult;
import dev.kindling.transpiler.decompile.Decompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code kindling --decompile [--variant V] [--version X] [-d FILES_DIR] [-o OUT] [INPUT]}:
 * writes the Butane config for an Ignition config (or an OpenShift MachineConfig) to standard
 * output or {@code -o}, and the contents that become {@code local} files below FILES_DIR.
 *
 * <p>Nothing is written unless everything can be: a local file that exists with other contents
 * is an error (existing identical files are left alone), and local files never leave FILES_DIR,
 * not through {@code ..} and not through a symbolic link. Without {@code -d}, binary contents
 * are an error (they cannot be inline text) and large text stays inline.
 */
final class DecompileCommand {
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean colorize;

    DecompileCommand(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean colorize) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.colorize = colorize;
    }

    int run(Flags flags, String input) throws IOException {
        int threshold = DecompileOptions.DEFAULT_LOCAL_THRESHOLD;
        if (!flags.localThreshold.isEmpty()) {
            try {
                threshold = Integer.parseInt(flags.localThreshold);
            } catch (NumberFormatException e) {
                threshold = -1;
            }
            if (threshold < 0) {
                Streams.print(stderr, "invalid argument \"" + flags.localThreshold + "\" for \"--local-threshold\""
                        + " flag: a number of bytes is needed\n");
                return 2;
            }
        }
        String fileName = "<stdin>";
        byte[] source;
        if (input.isEmpty()) {
            source = stdin.readAllBytes();
        } else {
            fileName = input;
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                return fail("failed to read " + input + ": is a directory\n");
            }
            try {
                source = Files.readAllBytes(p);
            } catch (IOException e) {
                return fail("failed to open " + input + ": " + OutputFile.reason(e) + "\n");
            }
        }
        DecompileOptions options = DecompileOptions.builder()
                .variant(flags.variant.isEmpty() ? null : flags.variant)
                .version(flags.decompileVersion.isEmpty() ? null : flags.decompileVersion)
                .localFiles(!flags.filesDir.isEmpty())
                .localThreshold(threshold)
                .trees(flags.trees)
                .sourceName(fileName)
                .build();
        DecompileResult result = Decompiler.create().decompile(source, options);
        Streams.write(stderr, ReportPrinter.render(result.diagnostics(), fileName, source, colorize,
                flags.reportFormat() == dev.kindling.transpiler.report.ReportFormat.RAW));
        if (!result.success()) {
            String why = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(Diagnostic::message).findFirst().orElse("the config cannot be decompiled");
            return fail("Error decompiling config: " + why + "\n");
        }
        if (flags.strict && !result.diagnostics().isEmpty()) {
            return fail("Config produced warnings and --strict was specified\n");
        }
        if (!result.localFiles().isEmpty()) {
            String problem = writeLocalFiles(Path.of(flags.filesDir), result.localFiles(), result.executableFiles());
            if (problem != null) {
                return fail("Error writing local files: " + problem + "\n");
            }
        }
        byte[] text = result.butane().orElseThrow().getBytes(StandardCharsets.UTF_8);
        if (flags.output.isEmpty()) {
            Streams.write(stdout, text);
            return 0;
        }
        try {
            OutputFile.write(flags.output, text);
        } catch (OutputFile.OpenException e) {
            return fail("failed to open " + flags.output + ": " + e.getMessage() + "\n");
        }
        return 0;
    }

    /** Checks every file first, then writes; returns why it cannot, or null. */
    private static String writeLocalFiles(Path dir, Map<String, byte[]> files, java.util.Set<String> executables)
            throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = root.resolve(f.getKey()).normalize();
            if (!target.startsWith(root)) {
                return f.getKey() + " would leave " + dir;
            }
            // the nearest existing folder on the way must be inside the files directory
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
                return f.getKey() + " would leave " + dir + " through a symbolic link";
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        || !Arrays.equals(Files.readAllBytes(target), f.getValue())
                        || executables.contains(f.getKey()) != Files.isExecutable(target)) {
                    return dir.resolve(f.getKey()) + " exists with other contents; it is not replaced";
                }
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = root.resolve(f.getKey()).normalize();
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
                if (executables.contains(f.getKey())) {
                    executable(target);
                }
            }
        }
        return null;
    }

    /** Adds the execute bits where the read bits are (0644 becomes 0755), as chmod +x would under umask 022. */
    private static void executable(Path p) throws IOException {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
                    new java.util.HashSet<>(Files.getPosixFilePermissions(p));
            perms.add(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
                perms.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
            }
            if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            }
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            if (!p.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + p + " executable", e);
            }
        }
    }

    private int fail(String message) throws IOException {
        Streams.print(stderr, message);
        return 1;
    }
}
