/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.LocalFileRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only way the engine touches the file system: reads below the files directory. A path
 * that leaves the directory, lexically or through a symbolic link, is refused; this is
 * stricter than Butane, which follows symbolic links anywhere.
 *
 * <p>One instance serves one run and records what it handed out ({@link #reads()}), which the
 * result reports as {@code TranspileResult.localFiles()}; every read of a local file's bytes
 * goes through {@link #handOut}, and every folder a tree lists through {@link #listed}.
 */
public final class LocalFiles {
    /** Why a local read failed; the message is shown to the user. */
    public static final class LocalFileException extends Exception {
        private final String code;

        LocalFileException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Path root;
    private final Path realRoot;
    /** What this run read, by path, in the order first read; a run is single-threaded. */
    private final Map<Path, LocalFileRead> reads = new LinkedHashMap<>();

    /** @param root the files directory, or null when none was given */
    public LocalFiles(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        Path real = null;
        if (this.root != null) {
            try {
                real = this.root.toRealPath();
            } catch (IOException e) {
                real = null;
            }
        }
        this.realRoot = real;
    }

    public boolean enabled() {
        return root != null;
    }

    /** Resolves a config path (always relative to the files directory, even if it starts with /). */
    public Path resolve(String configPath) throws LocalFileException {
        if (root == null) {
            throw new LocalFileException("no-files-dir", "local file paths are relative to a files directory,"
                    + " which must be given with -d/--files-dir");
        }
        String rel = configPath;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        Path p = rel.isEmpty() ? root : root.resolve(rel).normalize();
        if (!p.equals(root) && !p.startsWith(root)) {
            throw new LocalFileException("files-dir-escape", "local file path " + configPath
                    + " leads outside the files directory");
        }
        return p;
    }

    /** Checks that an existing path, once symbolic links are followed, stays inside the files directory. */
    public void checkRealPath(Path p, String configPath) throws LocalFileException {
        try {
            Path real = p.toRealPath();
            if (realRoot == null || (!real.equals(realRoot) && !real.startsWith(realRoot))) {
                throw new LocalFileException("files-dir-escape", "local file path " + configPath
                        + " leads outside the files directory through a symbolic link");
            }
        } catch (IOException e) {
            throw ioError(p, e);
        }
    }

    /** Reads a regular file below the files directory. */
    public byte[] read(String configPath) throws LocalFileException {
        Path p = resolve(configPath);
        checkRealPath(p, configPath);
        if (Files.isDirectory(p)) {
            throw new LocalFileException("local-file-unreadable", "read " + p + ": is a directory");
        }
        try {
            return handOut(p, Files.readAllBytes(p));
        } catch (IOException e) {
            throw ioError(p, e);
        }
    }

    /** Records that {@code data} was read from {@code p} and returns it. */
    byte[] handOut(Path p, byte[] data) {
        reads.putIfAbsent(p, new LocalFileRead(p, sha256(data)));
        return data;
    }

    /** Records that the folder {@code dir} of a tree was listed, with its entries in walk order. */
    void listed(Path dir, List<Path> children) {
        StringBuilder names = new StringBuilder();
        for (Path c : children) {
            names.append(c.getFileName().toString()).append('\n');
        }
        reads.putIfAbsent(dir, new LocalFileRead(dir, sha256(names.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** Every file and tree folder read so far, in the order first read. */
    public List<LocalFileRead> reads() {
        return List.copyOf(reads.values());
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e); // every JDK has it
        }
    }

    static LocalFileException ioError(Path p, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new LocalFileException("local-file-missing", "open " + p + ": no such file or directory");
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new LocalFileException("local-file-unreadable", "cannot read " + p + ": " + why);
    }

    static boolean isSymlink(Path p) {
        return Files.isSymbolicLink(p);
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
