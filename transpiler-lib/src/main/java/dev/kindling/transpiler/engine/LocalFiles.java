package dev.kindling.transpiler.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The only way the engine touches the file system: reads below the files directory. A path
 * that leaves the directory, lexically or through a symbolic link, is refused; this is
 * stricter than Butane, which follows symbolic links anywhere.
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
    /** Files given in memory instead of a directory (see {@link #inMemory}); null normally. */
    private final java.util.Map<String, byte[]> memory;

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
        this.memory = null;
    }

    private LocalFiles(java.util.Map<String, byte[]> memory) {
        this.root = null;
        this.realRoot = null;
        this.memory = java.util.Map.copyOf(memory);
    }

    /**
     * Local files served from memory, keyed by their path relative to the files directory
     * (no leading slash, normalised). The decompiler uses this to transpile its candidate
     * config in-process without writing the files it proposes anywhere. Only plain file reads
     * ({@code local}, {@code contents_local}, ...) are served; trees need a real directory.
     */
    public static LocalFiles inMemory(java.util.Map<String, byte[]> files) {
        return new LocalFiles(files);
    }

    /** The key {@link #inMemory} files are looked up by: relative, normalised, '/'-separated. */
    public static String memoryKey(String configPath) {
        String rel = configPath;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        return java.nio.file.Path.of(rel.isEmpty() ? "." : rel).normalize().toString().replace('\\', '/');
    }

    public boolean enabled() {
        return root != null || memory != null;
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
        if (memory != null) {
            byte[] data = memory.get(memoryKey(configPath));
            if (data == null) {
                throw new LocalFileException("local-file-missing", "open " + configPath + ": no such file or directory");
            }
            return data.clone();
        }
        Path p = resolve(configPath);
        checkRealPath(p, configPath);
        if (Files.isDirectory(p)) {
            throw new LocalFileException("local-file-unreadable", "read " + p + ": is a directory");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw ioError(p, e);
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
