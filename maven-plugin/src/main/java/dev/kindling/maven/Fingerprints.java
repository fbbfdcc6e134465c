/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import dev.kindling.transpiler.LocalFileRead;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.Variables;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Fingerprints for incremental builds. What a config's output depends on has two parts:
 *
 * <ul>
 *   <li>its <em>input key</em>: the plugin and library that produce it, the options, the
 *       config's bytes and the files folder, known before transpiling;
 *   <li>its <em>dependencies</em>: every local file and tree folder the library reported it
 *       read ({@link dev.kindling.transpiler.TranspileResult#localFiles()}), each with a digest.
 * </ul>
 *
 * <p>The plugin does not read the YAML itself: the library is the one authority on which files
 * a config reads, with its input limits (an alias bomb is refused by the library in
 * milliseconds). A later build with the same input key whose dependencies all still have the
 * same digests produces the same output, so it can be skipped.
 *
 * <p>A file's digest is the library's SHA-256 of its bytes. A tree folder's digest is the
 * plugin's own, over each entry's name, type, executable bit and link target, because those
 * shape the output too; files and folders below it are dependencies of their own. Contents are
 * hashed, not dated, so that a checkout that only changes times does not force work. One
 * instance serves one build and remembers what it hashed.
 */
final class Fingerprints {
    /** One dependency: an absolute path and its digest. */
    record Dependency(String path, String digest) {
    }

    private final Path filesDir;
    private final Map<Path, String> current = new ConcurrentHashMap<>();

    Fingerprints(Path filesDir) {
        this.filesDir = filesDir.toAbsolutePath().normalize();
    }

    /**
     * The input key of one config.
     *
     * @param settings the options and anything else that changes the output, as text
     * @param config the config's bytes
     */
    String inputKey(String settings, byte[] config) {
        String text = "tool " + TOOL + "\nsettings " + settings + "\nconfig " + sha256(config) + "\nfiles-dir "
                + filesDir + "\n";
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The dependencies of a run, from what the library read: files keep the library's digest
     * (exactly what was read), folders get the plugin's digest of their entries.
     */
    List<Dependency> dependencies(List<LocalFileRead> reads) throws IOException {
        List<Dependency> out = new ArrayList<>(reads.size());
        for (LocalFileRead r : reads) {
            Path p = r.path();
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            out.add(new Dependency(p.toString(), folder ? digest(p) : "file " + r.sha256()));
        }
        return out;
    }

    /** True when every dependency still has the digest it was recorded with. */
    boolean unchanged(List<Dependency> dependencies) {
        for (Dependency d : dependencies) {
            try {
                if (!d.digest().equals(digest(Path.of(d.path())))) {
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                return false; // gone, unreadable or not a path any more: transpile again
            }
        }
        return true;
    }

    /**
     * The digest of what is at {@code p} now: {@code file SHA} for a file (following a link, as
     * the library reads a named file), {@code folder SHA} for a folder's entries.
     */
    String digest(Path p) throws IOException {
        String known = current.get(p);
        if (known != null) {
            return known;
        }
        String digest;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            digest = "folder " + sha256(listing(p).getBytes(StandardCharsets.UTF_8));
        } else if (Files.isRegularFile(p)) {
            digest = "file " + hashFile(p);
        } else {
            throw new IOException(p + " is neither a file nor a folder");
        }
        current.put(p, digest);
        return digest;
    }

    /** One line per entry of a folder, by name: its type, executable bit or link target. */
    private static String listing(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        StringBuilder sb = new StringBuilder();
        for (Path c : children) {
            String name = c.getFileName().toString();
            BasicFileAttributes a = Files.readAttributes(c, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                sb.append("link ").append(name).append(" -> ").append(Files.readSymbolicLink(c));
            } else if (a.isDirectory()) {
                sb.append("dir ").append(name);
            } else if (a.isRegularFile()) {
                sb.append("file ").append(name).append(executable(c) ? " x" : " -");
            } else {
                sb.append("other ").append(name);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static boolean executable(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            return perms.contains(PosixFilePermission.OWNER_EXECUTE)
                    || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return Files.isExecutable(p);
        }
    }

    private static String hashFile(Path p) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * One digest of every variable's name, value and secrecy. Only this digest enters the
     * fingerprint (which is itself hashed again), so no value, secret or not, is stored.
     */
    static String variablesKey(Variables variables) {
        StringBuilder sb = new StringBuilder();
        for (String name : variables.names()) {
            String value = variables.value(name).orElse("");
            sb.append(name).append(variables.isSecret(name) ? " secret " : " plain ").append(value.length())
                    .append(':').append(value).append('\n');
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The version of the plugin, and when its code and the library's were built, so that a
     * rebuilt snapshot of either counts as a change.
     */
    static final String TOOL = PluginVersion.VERSION + " " + stamp(Fingerprints.class) + " " + stamp(Transpiler.class);

    private static String stamp(Class<?> c) {
        try {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "?";
            }
            Path p = Path.of(source.getLocation().toURI());
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "?";
        }
    }
}
