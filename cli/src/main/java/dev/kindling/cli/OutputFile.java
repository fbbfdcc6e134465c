/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
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
        Path dir = real.getParent();
        removeStaleTemporaries(dir, real.getFileName().toString());
        Path tmp = dir.resolve("." + real.getFileName() + "." + ownPid() + "."
                + System.nanoTime() + ".tmp");
        OutputStream os;
        try {
            os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            // the directory is not writable, the file may be: fall back to writing in place
            direct(name, target, data);
            return;
        } catch (IOException e) {
            throw new OpenException("open " + name + ": " + reason(e));
        }
        try {
            try (os) {
                os.write(data);
            }
            setMode(tmp, exists ? real : null);
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
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

    private static void setMode(Path tmp, Path existing) throws IOException {
        try {
            Set<PosixFilePermission> perms;
            if (existing != null) {
                perms = Files.getPosixFilePermissions(existing, LinkOption.NOFOLLOW_LINKS);
            } else {
                // created as 0666 minus the umask; Butane asks for 0644 minus the umask
                perms = Files.getPosixFilePermissions(tmp);
                perms.remove(PosixFilePermission.GROUP_WRITE);
                perms.remove(PosixFilePermission.OTHERS_WRITE);
            }
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the defaults
        }
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
