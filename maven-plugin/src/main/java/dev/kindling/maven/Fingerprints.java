package dev.kindling.maven;

import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Fingerprints for incremental builds. A config's fingerprint covers everything its output
 * depends on: the plugin and library that produce it, the options, the config's bytes and the
 * contents of every local file or tree it names (found by {@link LocalReferences}); when the
 * names cannot be told, the whole files folder. Two builds with equal fingerprints produce the
 * same output, so the second can be skipped.
 *
 * <p>File contents are hashed, not dated, so that a checkout or a copy that only changes times
 * does not force work, and an edit within the same clock tick is not missed. One instance
 * serves one build and remembers what it hashed, so files shared by many configs are read once.
 */
final class Fingerprints {
    private final Path filesDir;
    private final Map<Path, String> described = new ConcurrentHashMap<>();

    Fingerprints(Path filesDir) {
        this.filesDir = filesDir.toAbsolutePath().normalize();
    }

    /**
     * The fingerprint of one config.
     *
     * @param settings the options and anything else that changes the output, as text
     * @param config the config's bytes
     */
    String of(String settings, byte[] config) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("tool ").append(TOOL).append('\n');
        sb.append("settings ").append(settings).append('\n');
        sb.append("config ").append(sha256(config)).append('\n');
        sb.append("files-dir ").append(filesDir).append('\n');
        Optional<Set<String>> refs = LocalReferences.find(config);
        if (refs.isEmpty()) {
            sb.append("all ").append(describe(filesDir)).append('\n');
        } else {
            for (String name : refs.get()) {
                Path p = resolve(name);
                sb.append("ref ").append(name.length()).append(':').append(name).append(' ')
                        .append(p == null ? "outside" : describe(p)).append('\n');
            }
        }
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where the transpiler looks for a name: below the files folder, a leading {@code /}
     * ignored; null when the name leads outside it (which the transpiler refuses).
     */
    Path resolve(String name) {
        String rel = name;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        try {
            Path p = rel.isEmpty() ? filesDir : filesDir.resolve(rel).normalize();
            return p.startsWith(filesDir) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * A digest of what is at {@code p}: nothing, a file (contents and executable bit), a
     * symbolic link (its target, and what it leads to) or a folder (all of the above for
     * everything below it, by name).
     */
    String describe(Path p) throws IOException {
        String known = described.get(p);
        if (known != null) {
            return known;
        }
        StringBuilder sb = new StringBuilder();
        describeInto(p, "", sb, true);
        String digest = sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
        described.put(p, digest);
        return digest;
    }

    private void describeInto(Path p, String rel, StringBuilder sb, boolean top) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            sb.append("missing ").append(rel).append('\n');
            return;
        }
        if (attrs.isSymbolicLink()) {
            sb.append("link ").append(rel).append(" -> ").append(Files.readSymbolicLink(p)).append('\n');
            if (top) {
                // a named link is followed when read; a link inside a tree is copied as a link
                Path target;
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    sb.append("dangling\n");
                    return;
                }
                if (target.startsWith(filesDir.toRealPath())) {
                    describeInto(target, rel, sb, false);
                } else {
                    sb.append("outside\n");
                }
            }
        } else if (attrs.isDirectory()) {
            sb.append("dir ").append(rel).append('\n');
            List<Path> children = new ArrayList<>();
            try (Stream<Path> s = Files.list(p)) {
                s.forEach(children::add);
            }
            children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            for (Path c : children) {
                String name = c.getFileName().toString();
                describeInto(c, rel.isEmpty() ? name : rel + "/" + name, sb, false);
            }
        } else if (attrs.isRegularFile()) {
            sb.append("file ").append(rel).append(' ').append(executable(p) ? 'x' : '-').append(' ')
                    .append(hashFile(p)).append('\n');
        } else {
            sb.append("other ").append(rel).append('\n');
        }
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
