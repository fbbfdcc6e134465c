/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the {@code -o} file. Butane opens it (create, truncate, mode 0644 minus the umask) only
 * once the config has translated cleanly; Kindling goes one step further and writes a temporary
 * file beside it that is moved over the target, so a failed write never leaves a truncated file.
 * Targets that are not regular files (devices, pipes) are written in place, and an existing
 * file keeps its permission bits.
 */
final class OutputFile {
    /** A failure in Butane's words: the message after {@code failed to open NAME: }. */
    static final class OpenException extends Exception {
        private static final long serialVersionUID = 1L;

        OpenException(String message) {
            super(message, null, false, false);
        }
    }

    private OutputFile() {
    }

    static void write(String name, byte[] data) throws OpenException, IOException {
        Path target = Path.of(name);
        // One lstat answers the usual cases (no file yet, or a regular file): a batch writes
        // hundreds of outputs, and each extra file-system question costs a system call and, in
        // Java 17, an exception inside the JDK when the answer is "no such file".
        PosixFileAttributes seen;
        try {
            seen = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            seen = null;
        } catch (IOException | UnsupportedOperationException e) {
            writeResolved(name, target, data); // not POSIX, or not readable: ask the general way
            return;
        }
        if (seen == null) {
            replace(name, target.toAbsolutePath(), null, data);
        } else if (seen.isRegularFile()) {
            Path real = target.toRealPath();
            if (!Files.isWritable(real)) {
                throw new OpenException("open " + name + ": permission denied");
            }
            replace(name, real, seen.permissions(), data);
        } else {
            writeResolved(name, target, data); // a symbolic link, a folder, a device or a pipe
        }
    }

    /** {@link #write} for any target, following symbolic links as open(2) does. */
    private static void writeResolved(String name, Path target, byte[] data) throws OpenException, IOException {
        if (Files.isDirectory(target)) {
            throw new OpenException("open " + name + ": is a directory");
        }
        boolean exists = Files.exists(target);
        if ((exists && !Files.isRegularFile(target)) || (!exists && Files.isSymbolicLink(target))) {
            direct(name, target, data); // a device, a pipe, or a dangling link: behave like open(2)
            return;
        }
        Path real = exists ? target.toRealPath() : target.toAbsolutePath();
        if (exists && !Files.isWritable(real)) {
            throw new OpenException("open " + name + ": permission denied");
        }
        Set<PosixFilePermission> keep = null;
        if (exists) {
            try {
                keep = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the new file gets the defaults
            }
        }
        replace(name, real, keep, data);
    }

    /** Butane's mode for a new output, 0644; open(2) takes the umask off it. */
    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Writes {@code data} to a temporary file beside {@code real} and moves it over {@code real}.
     * The temporary file is created with the mode that the output is to have: the permissions
     * of the file it replaces ({@code keep}), or 0644 minus the umask for a new one.
     */
    private static void replace(String name, Path real, Set<PosixFilePermission> keep, byte[] data)
            throws OpenException, IOException {
        Path dir = real.getParent();
        removeStaleTemporaries(dir, real.getFileName().toString());
        Path tmp = dir.resolve("." + real.getFileName() + "." + ownPid() + "."
                + System.nanoTime() + ".tmp");
        SeekableByteChannel ch;
        try {
            ch = create(tmp, keep == null ? NEW_FILE_MODE : keep);
        } catch (AccessDeniedException e) {
            // the directory is not writable, the file may be: fall back to writing in place
            direct(name, real, data);
            return;
        } catch (IOException e) {
            throw new OpenException("open " + name + ": " + reason(e));
        }
        boolean moved = false;
        try {
            try (ch) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            if (keep != null) {
                // the umask took bits off at creation; the replaced file's mode is kept whole
                setPermissions(tmp, keep);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static SeekableByteChannel create(Path tmp, Set<PosixFilePermission> mode) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return Files.newByteChannel(tmp, options, PosixFilePermissions.asFileAttribute(mode));
        } catch (UnsupportedOperationException e) {
            return Files.newByteChannel(tmp, options); // not a POSIX file system: its defaults
        }
    }

    private static void setPermissions(Path tmp, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
    }

    /**
     * A temporary file is ours when it has this name: {@code .TARGET.PID.NANOS.tmp}. In a class
     * of its own so that it is compiled only when a folder holds such a name (compiling a
     * pattern costs a cold run milliseconds).
     */
    private static final class Temporary {
        static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
                "\\.(.+)\\.([0-9]{1,10})\\.(-?[0-9]{1,19})\\.tmp");
    }

    private static volatile long ownPid;

    /**
     * This process's id. On Linux read from /proc/self, which names it: ProcessHandle's first use
     * starts its machinery (its class links lambdas, about 15 ms of a cold run that links none
     * otherwise); elsewhere, or when /proc is not mounted, ProcessHandle.
     */
    static long ownPid() {
        if (ownPid == 0) {
            long pid = 0;
            try {
                pid = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
            } catch (IOException | RuntimeException e) {
                // not Linux, or no /proc: ask the JDK
            }
            ownPid = pid > 0 ? pid : ProcessHandle.current().pid();
        }
        return ownPid;
    }

    /** A temporary file older than this is stale even if a process with its pid runs (pids are reused). */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(1);

    /**
     * Per folder, the temporaries of our naming found there when this process first wrote into
     * it, by the target they were made for. A batch writes hundreds of outputs into one folder:
     * listing it once instead of once per output keeps that linear.
     */
    private static final Map<Path, Map<String, List<Path>>> TEMPORARIES = new ConcurrentHashMap<>();

    /**
     * Removes what an earlier run that was killed while writing left beside the target: only
     * files of our own naming pattern for this very target, and only when the process that
     * made one is gone or it is older than {@link #STALE_AFTER}. Anything else is left alone,
     * and a failure to clean never fails the write.
     */
    static void removeStaleTemporaries(Path dir, String targetName) {
        Map<String, List<Path>> byTarget = TEMPORARIES.get(dir);
        if (byTarget == null) {
            byTarget = listTemporaries(dir);
            TEMPORARIES.put(dir, byTarget);
        }
        List<Path> candidates = byTarget.remove(targetName);
        if (candidates == null) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Path p : candidates) {
            try {
                java.util.regex.Matcher m = Temporary.NAME.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                        java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    continue;
                }
                long pid = Long.parseLong(m.group(2));
                boolean writerGone = pid != ownPid()
                        && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                boolean old = now - a.lastModifiedTime().toMillis() > STALE_AFTER.toMillis();
                if (writerGone || old) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | RuntimeException e) {
                // cleaning up is a courtesy: the write itself goes on
            }
        }
    }

    /** The files in {@code dir} named like our temporaries, by the target each was made for. */
    private static Map<String, List<Path>> listTemporaries(Path dir) {
        Map<String, List<Path>> byTarget = new ConcurrentHashMap<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") || !name.endsWith(".tmp")) {
                    continue;
                }
                java.util.regex.Matcher m = Temporary.NAME.matcher(name);
                if (m.matches()) {
                    List<Path> same = byTarget.get(m.group(1));
                    if (same == null) {
                        same = new ArrayList<>();
                        byTarget.put(m.group(1), same);
                    }
                    same.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: nothing found is nothing to clean
        }
        return byTarget;
    }

    private static void direct(String name, Path target, byte[] data) throws OpenException, IOException {
        OutputStream os;
        try {
            os = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new OpenException("open " + name + ": " + reason(e));
        }
        try (os) {
            os.write(data);
        }
    }

    /** The error text Go's syscall package would show for {@code e}. */
    static String reason(IOException e) {
        return dev.kindling.transpiler.engine.LocalFiles.reason(e);
    }
}
