/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.LocalFileRead;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The only way the engine touches the file system: reads below the files directory. A path
 * that leaves the directory, lexically or through a symbolic link, is refused; this is
 * stricter than Butane, which follows symbolic links anywhere.
 *
 * <p>Files are opened first and checked as opened, never checked by name and then read by
 * name: a concurrent writer could swap a symbolic link in between. Where the platform offers
 * {@link SecureDirectoryStream} (Linux and macOS do), every path is walked down from a handle
 * on the files directory one component at a time, each opened relative to its parent's handle
 * without following symbolic links; a symbolic link met on the way is read and resolved by
 * this class, inside the files directory, so the kernel never follows a link for us. Only
 * regular files are read (a FIFO would block forever, a device never end), and at most
 * {@link #MAX_FILE_BYTES} of them. Without a secure directory stream the names are checked
 * through their real paths, which leaves a race that cannot be closed with Java's API alone.
 *
 * <p>One instance serves one run and records what it handed out ({@link #reads()}), which the
 * result reports as {@code TranspileResult.localFiles()}: every local file's bytes leave this
 * class through {@link #deliver}, and every folder a tree lists is recorded by {@link #listed}.
 * Recording hashes every byte read (SHA-256, which a JVM limited to its C1 compiler runs at
 * well under 100 MB/s, slower than the gzip of the same bytes), so a run whose caller does not
 * want the list ({@code TranspileOptions.trackLocalFiles} off, as the command line sets it)
 * records nothing and hashes nothing.
 */
public final class LocalFiles {
    /**
     * The largest local file read: the data URL of anything bigger would not fit in a Java
     * string (base64 grows it by a third), so such a file could never be transpiled.
     */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** The most bytes one read call asks for (see {@link #readBounded}). */
    private static final int READ_CHUNK = 1 << 20;

    /** At most this many symbolic links are followed for one path, as Linux's ELOOP limit. */
    private static final int MAX_LINKS = 40;

    private static final Set<OpenOption> READ_NOFOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    /** Why a local read failed; the message is shown to the user. */
    public static final class LocalFileException extends Exception {
        private static final long serialVersionUID = 1L;
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
    /** What this run read, by path, in the order first read; a run is single-threaded. */
    private final Map<Path, LocalFileRead> reads = new LinkedHashMap<>();
    /** Whether {@link #reads} is kept (with a digest of everything read). */
    private final boolean track;

    /** @param root the files directory, or null when none was given */
    public LocalFiles(Path root) {
        this(root, true);
    }

    /**
     * @param root the files directory, or null when none was given
     * @param track whether to record what is read, with digests ({@link #reads()}); false leaves
     *     {@link #reads()} empty
     */
    public LocalFiles(Path root, boolean track) {
        this.track = track;
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
        this.track = true;
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

    /**
     * The one place where the bytes of a local file (also a file of a tree) leave this class,
     * with the path they were read at; everything that wants to know what a run read hooks in
     * here.
     */
    private byte[] deliver(Path path, byte[] data) {
        if (track && !reads.containsKey(path)) {
            reads.put(path, new LocalFileRead(path, sha256(data)));
        }
        return data;
    }

    /**
     * Records that the folder {@code dir} of a tree was listed, with its entry names in walk
     * order: a tree's output changes when an entry is added, so callers fingerprint the listing.
     */
    void listed(Path dir, List<String> names) {
        if (!track) {
            return;
        }
        StringBuilder all = new StringBuilder();
        for (String n : names) {
            all.append(n).append('\n');
        }
        reads.putIfAbsent(dir, new LocalFileRead(dir, sha256(all.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** Every local file (and tree folder) this run read, in the order first read. */
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
        if (rel.indexOf('\0') >= 0) {
            // the operating system cannot take such a name; Butane's open fails the same way
            throw new LocalFileException("local-file-unreadable", "open " + root + "/" + rel.replace("\0", "\\x00")
                    + ": invalid argument (a path cannot contain a NUL byte)");
        }
        Path p;
        try {
            p = rel.isEmpty() ? root : root.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new LocalFileException("local-file-unreadable", "open " + root + "/" + rel + ": invalid argument");
        }
        if (!p.equals(root) && !p.startsWith(root)) {
            throw new LocalFileException("files-dir-escape", "local file path " + configPath
                    + " leads outside the files directory");
        }
        return p;
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
        try (Opened o = open(p, configPath)) {
            if (o.attrs.isDirectory()) {
                throw new LocalFileException("local-file-unreadable", "read " + p + ": is a directory");
            }
            return deliver(p, o.read(p));
        }
    }

    /**
     * Opens the directory at the root of a tree. The caller walks it with the returned handle,
     * which keeps every further open below it relative to handles (see the class comment).
     */
    public TreeDir openTree(String configPath) throws LocalFileException {
        Path p = resolve(configPath);
        Opened o = open(p, configPath);
        if (!o.attrs.isDirectory()) {
            o.close();
            throw new LocalFileException("tree-not-directory", "the root of a tree must be a directory");
        }
        return new TreeDir(this, o.dir, p);
    }

    /** A directory of a tree, opened below the files directory. */
    public static final class TreeDir implements Closeable {
        private final LocalFiles files;
        private final SecureDirectoryStream<Path> dir; // null without secure directory streams
        private final Path path;

        private TreeDir(LocalFiles files, SecureDirectoryStream<Path> dir, Path path) {
            this.files = files;
            this.dir = dir;
            this.path = path;
        }

        /** Where this directory is, for messages. */
        public Path path() {
            return path;
        }

        /** The names of the entries. */
        public List<String> names() throws LocalFileException {
            List<String> names = new ArrayList<>();
            try {
                if (dir != null) {
                    for (Path e : dir) {
                        names.add(e.getFileName().toString());
                    }
                } else {
                    try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
                        for (Path e : s) {
                            names.add(e.getFileName().toString());
                        }
                    }
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                IOException io = e instanceof IOException ie ? ie : ((java.nio.file.DirectoryIteratorException) e).getCause();
                throw ioError(path, io);
            }
            return names;
        }

        /** The entry's own attributes (a symbolic link is described, not followed). */
        public BasicFileAttributes attributes(String name) throws LocalFileException {
            try {
                return files.stat(dir, path, name);
            } catch (IOException e) {
                throw ioError(path.resolve(name), e);
            }
        }

        /** Whether anyone may execute the entry. */
        public boolean executable(String name) {
            try {
                Set<PosixFilePermission> perms = dir != null
                        ? dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class,
                                LinkOption.NOFOLLOW_LINKS).readAttributes().permissions()
                        : Files.getPosixFilePermissions(path.resolve(name), LinkOption.NOFOLLOW_LINKS);
                return perms.contains(PosixFilePermission.OWNER_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            } catch (IOException | UnsupportedOperationException | NullPointerException e) {
                return Files.isExecutable(path.resolve(name));
            }
        }

        /** Reads a regular file of this directory (a symbolic link is refused, not followed). */
        public byte[] readFile(String name) throws LocalFileException {
            Path p = path.resolve(name);
            try (Opened o = files.openEntry(dir, path, name, p)) {
                if (!o.attrs.isRegularFile()) {
                    throw files.notRegular(p, o.attrs);
                }
                return files.deliver(p, o.read(p));
            }
        }

        /** Opens a subdirectory (a symbolic link is refused, not followed). */
        public TreeDir subdirectory(String name) throws LocalFileException {
            Path p = path.resolve(name);
            Opened o = files.openEntry(dir, path, name, p);
            if (!o.attrs.isDirectory()) {
                o.close();
                throw new LocalFileException("local-file-changed", "read " + p + ": changed while it was read");
            }
            return new TreeDir(files, o.dir, p);
        }

        /** The target of a symbolic link of this directory, as written in the link. */
        public String linkTarget(String name) throws LocalFileException {
            try {
                return Files.readSymbolicLink(path.resolve(name)).toString();
            } catch (IOException e) {
                throw ioError(path.resolve(name), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(dir);
        }
    }

    /** What was opened: a directory handle or a file channel, and the attributes seen before opening it. */
    private final class Opened implements AutoCloseable {
        final BasicFileAttributes attrs;
        final SecureDirectoryStream<Path> dir;
        final SeekableByteChannel channel;
        final Path fallbackPath; // without secure streams: the checked real path

        Opened(BasicFileAttributes attrs, SecureDirectoryStream<Path> dir, SeekableByteChannel channel,
                Path fallbackPath) {
            this.attrs = attrs;
            this.dir = dir;
            this.channel = channel;
            this.fallbackPath = fallbackPath;
        }

        /** Reads the whole file, refusing one larger than the bound before holding it. */
        byte[] read(Path shown) throws LocalFileException {
            if (!attrs.isRegularFile()) {
                throw notRegular(shown, attrs);
            }
            if (attrs.size() > MAX_FILE_BYTES) {
                throw tooLarge(shown);
            }
            try {
                SeekableByteChannel ch = channel != null ? channel
                        : Files.newByteChannel(fallbackPath, READ_NOFOLLOW);
                try {
                    return readBounded(ch, attrs.size(), shown);
                } finally {
                    if (ch != channel) {
                        ch.close();
                    }
                }
            } catch (IOException e) {
                throw ioError(shown, e);
            }
        }

        @Override
        public void close() {
            closeQuietly(dir);
            closeQuietly(channel);
        }
    }

    /**
     * Reads a channel to its end, but never more than {@link #MAX_FILE_BYTES}. The buffer is
     * sized by the file's size, and one more byte is asked for to see the end, so a file that
     * did not change is held exactly once. It is filled at most {@link #READ_CHUNK} bytes a call:
     * a channel reads into a heap buffer through a direct buffer of the size asked for, which
     * the JDK then keeps for the thread, so one call for a 32 MiB file would hold the file twice.
     */
    private byte[] readBounded(SeekableByteChannel ch, long expected, Path shown)
            throws IOException, LocalFileException {
        byte[] buf = new byte[(int) Math.min(expected > 0 ? expected : 8192, MAX_FILE_BYTES)];
        int n = 0;
        ByteBuffer probe = ByteBuffer.allocate(1);
        while (true) {
            if (n == buf.length) {
                probe.clear();
                int r = ch.read(probe);
                if (r < 0) {
                    return buf;
                }
                if (r == 0) {
                    continue;
                }
                if (n >= MAX_FILE_BYTES) {
                    throw tooLarge(shown);
                }
                buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * n, 8192), MAX_FILE_BYTES));
                buf[n++] = probe.get(0);
                continue;
            }
            int r = ch.read(ByteBuffer.wrap(buf, n, Math.min(buf.length - n, READ_CHUNK)));
            if (r < 0) {
                return Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    /**
     * Opens what {@code p} (already lexically inside the root) names: walks down from the root
     * handle, resolving symbolic links by hand and refusing any that lead outside.
     */
    private Opened open(Path p, String configPath) throws LocalFileException {
        if (realRoot == null) {
            // the files directory itself is missing: the open fails at the file, as Butane's does
            throw new LocalFileException("local-file-missing", "open " + p + ": no such file or directory");
        }
        SecureDirectoryStream<Path> rootDir = openRoot(p);
        if (rootDir == null) {
            return openByRealPath(p, configPath);
        }
        Deque<String> todo = new ArrayDeque<>();
        for (Path part : root.relativize(p)) {
            if (!part.toString().isEmpty()) {
                todo.add(part.toString());
            }
        }
        List<String> done = new ArrayList<>(); // real components below the root, as walked
        SecureDirectoryStream<Path> dir = rootDir;
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String name = todo.pollFirst();
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                if (name.equals("..")) {
                    if (done.isEmpty()) {
                        throw escape(configPath);
                    }
                    done.remove(done.size() - 1);
                    closeQuietly(dir);
                    dir = null;
                    dir = walkFromRoot(done, p);
                    continue;
                }
                BasicFileAttributes attrs = stat(dir, null, name);
                if (attrs.isSymbolicLink()) {
                    if (++links > MAX_LINKS) {
                        throw new LocalFileException("local-file-unreadable",
                                "open " + p + ": too many levels of symbolic links");
                    }
                    Path target = Files.readSymbolicLink(realRoot.resolve(String.join("/", done)).resolve(name));
                    if (target.isAbsolute()) {
                        Path t = target.normalize();
                        Path inside = t.startsWith(realRoot) ? realRoot.relativize(t)
                                : t.startsWith(root) ? root.relativize(t) : null;
                        if (inside == null) {
                            throw escape(configPath);
                        }
                        done.clear();
                        closeQuietly(dir);
                        dir = null;
                        dir = openRoot(p);
                        pushFront(todo, inside);
                    } else {
                        pushFront(todo, target);
                    }
                    continue;
                }
                if (todo.isEmpty()) {
                    // the last component: open it without following a link, then make sure the
                    // entry is still the one whose type was checked
                    if (attrs.isDirectory()) {
                        SecureDirectoryStream<Path> sub = dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
                        return new Opened(attrs, sub, null, null);
                    }
                    if (!attrs.isRegularFile()) {
                        throw notRegular(p, attrs);
                    }
                    SeekableByteChannel ch = dir.newByteChannel(Path.of(name), READ_NOFOLLOW);
                    BasicFileAttributes after = stat(dir, null, name);
                    if (!Objects.equals(after.fileKey(), attrs.fileKey()) || !after.isRegularFile()) {
                        ch.close();
                        throw changed(p);
                    }
                    return new Opened(after, null, ch, null);
                }
                if (!attrs.isDirectory()) {
                    throw new LocalFileException("local-file-unreadable", "open " + p + ": not a directory");
                }
                SecureDirectoryStream<Path> sub = dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
                closeQuietly(dir);
                dir = sub;
                done.add(name);
            }
            // the path names a directory already open (the root, or a link to ".")
            BasicFileAttributes attrs = dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
            SecureDirectoryStream<Path> d = dir;
            dir = null;
            return new Opened(attrs, d, null, null);
        } catch (FileSystemException e) {
            // ELOOP from a NOFOLLOW open: the entry became a link after it was checked
            if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
                throw changed(p);
            }
            throw ioError(p, e);
        } catch (IOException e) {
            throw ioError(p, e);
        } finally {
            closeQuietly(dir);
        }
    }

    private static void pushFront(Deque<String> todo, Path rel) {
        List<String> parts = new ArrayList<>();
        for (Path part : rel) {
            parts.add(part.toString());
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            todo.addFirst(parts.get(i));
        }
    }

    /** A handle on the files directory, or null when the platform has no secure directory streams. */
    private SecureDirectoryStream<Path> openRoot(Path shown) throws LocalFileException {
        DirectoryStream<Path> s;
        try {
            s = Files.newDirectoryStream(realRoot);
        } catch (IOException e) {
            throw ioError(shown, e);
        }
        if (s instanceof SecureDirectoryStream<Path> sds) {
            return sds;
        }
        closeQuietly(s);
        return null;
    }

    private SecureDirectoryStream<Path> walkFromRoot(List<String> parts, Path shown)
            throws IOException, LocalFileException {
        SecureDirectoryStream<Path> dir = openRoot(shown);
        for (String part : parts) {
            SecureDirectoryStream<Path> sub;
            try {
                sub = dir.newDirectoryStream(Path.of(part), LinkOption.NOFOLLOW_LINKS);
            } finally {
                closeQuietly(dir);
            }
            dir = sub;
        }
        return dir;
    }

    /** An entry of a tree directory, opened relative to its directory's handle. */
    private Opened openEntry(SecureDirectoryStream<Path> dir, Path dirPath, String name, Path shown)
            throws LocalFileException {
        try {
            if (dir == null) {
                return openByRealPath(shown, shown.toString());
            }
            BasicFileAttributes attrs = stat(dir, null, name);
            if (attrs.isDirectory()) {
                return new Opened(attrs, dir.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS), null, null);
            }
            if (!attrs.isRegularFile()) {
                throw notRegular(shown, attrs);
            }
            SeekableByteChannel ch = dir.newByteChannel(Path.of(name), READ_NOFOLLOW);
            BasicFileAttributes after = stat(dir, null, name);
            if (!Objects.equals(after.fileKey(), attrs.fileKey()) || !after.isRegularFile()) {
                ch.close();
                throw changed(shown);
            }
            return new Opened(after, null, ch, null);
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
                throw changed(shown);
            }
            throw ioError(shown, e);
        } catch (IOException e) {
            throw ioError(shown, e);
        }
    }

    /** Without secure directory streams: check the real path, then open it without following links. */
    private Opened openByRealPath(Path p, String configPath) throws LocalFileException {
        try {
            Path real = p.toRealPath();
            if (!real.equals(realRoot) && !real.startsWith(realRoot)) {
                throw escape(configPath);
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() && !attrs.isDirectory()) {
                throw notRegular(p, attrs);
            }
            return new Opened(attrs, null, null, real);
        } catch (IOException e) {
            throw ioError(p, e);
        }
    }

    private BasicFileAttributes stat(SecureDirectoryStream<Path> dir, Path dirPath, String name) throws IOException {
        if (dir == null) {
            return Files.readAttributes(dirPath.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        return dir.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    private static LocalFileException escape(String configPath) {
        return new LocalFileException("files-dir-escape", "local file path " + configPath
                + " leads outside the files directory through a symbolic link");
    }

    private static LocalFileException changed(Path p) {
        return new LocalFileException("local-file-changed", "read " + p
                + ": the file was replaced while it was being opened; nothing was read");
    }

    private static LocalFileException tooLarge(Path p) {
        return new LocalFileException("local-file-too-large", "read " + p + ": the file is larger than "
                + (MAX_FILE_BYTES >> 20) + " MiB, the most that can be embedded in a config");
    }

    private LocalFileException notRegular(Path p, BasicFileAttributes attrs) {
        return new LocalFileException("local-file-not-regular", "read " + p + ": " + kind(p, attrs)
                + ", not a regular file; only regular files (and directories, for trees) are read");
    }

    /** "a FIFO", "a device", ...: what a non-regular entry is, for the message. */
    private static String kind(Path p, BasicFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (attrs.isDirectory()) {
            return "a directory";
        }
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a named pipe (FIFO)";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through: the generic wording
        }
        return "a special file";
    }

    static LocalFileException ioError(Path p, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new LocalFileException("local-file-missing", "open " + p + ": no such file or directory");
        }
        return new LocalFileException("local-file-unreadable", "open " + p + ": " + reason(e));
    }

    /**
     * The operating system's reason for {@code e} in Go's words ("no such file or directory",
     * "permission denied"), not Java's path-only message. Every file error Kindling reports (local
     * files, inventories, output files) is worded by this one method.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        String r = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (r == null || r.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a read handle cannot lose data
            }
        }
    }

    static boolean isSymlink(Path p) {
        return Files.isSymbolicLink(p);
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
