package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {
    @TempDir
    Path files;

    private static final byte[] CONFIG = """
            variant: fcos
            version: 1.6.0
            storage:
              files:
                - path: /etc/motd
                  contents:
                    local: motd
              trees:
                - local: rootfs
            """.getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void files() throws IOException {
        Files.writeString(files.resolve("motd"), "hello");
        Files.createDirectories(files.resolve("rootfs/etc"));
        Files.writeString(files.resolve("rootfs/etc/a.conf"), "a");
        Files.writeString(files.resolve("unrelated.txt"), "x");
    }

    /** A fresh instance per call, as each build has. */
    private String fp(byte[] config) throws IOException {
        return new Fingerprints(files).of("strict=false", config);
    }

    @Test
    void stableWhileNothingChanges() throws IOException {
        assertThat(fp(CONFIG)).isEqualTo(fp(CONFIG)).hasSize(64);
    }

    @Test
    void changesWithTheConfigAndTheSettings() throws IOException {
        String before = fp(CONFIG);
        byte[] edited = (new String(CONFIG, StandardCharsets.UTF_8) + "# comment\n").getBytes(StandardCharsets.UTF_8);
        assertThat(fp(edited)).isNotEqualTo(before);
        assertThat(new Fingerprints(files).of("strict=true", CONFIG)).isNotEqualTo(before);
    }

    @Test
    void changesWithAReferencedFile() throws IOException {
        String before = fp(CONFIG);
        Files.writeString(files.resolve("motd"), "hellO"); // same size
        assertThat(fp(CONFIG)).isNotEqualTo(before);
        Files.delete(files.resolve("motd"));
        assertThat(fp(CONFIG)).isNotEqualTo(before);
    }

    @Test
    void changesWithATreeAddedFileRemovedFileOrModeChange() throws IOException {
        String before = fp(CONFIG);
        Path added = files.resolve("rootfs/etc/b.conf");
        Files.writeString(added, "");
        String withAdded = fp(CONFIG);
        assertThat(withAdded).isNotEqualTo(before);
        Files.delete(added);
        assertThat(fp(CONFIG)).isEqualTo(before);
        Files.setPosixFilePermissions(files.resolve("rootfs/etc/a.conf"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(fp(CONFIG)).isNotEqualTo(before);
    }

    @Test
    void changesWithALinkInATreeOrTheTargetOfANamedLink() throws IOException {
        String before = fp(CONFIG);
        Files.createSymbolicLink(files.resolve("rootfs/etc/link"), Path.of("a.conf"));
        String withLink = fp(CONFIG);
        assertThat(withLink).isNotEqualTo(before);
        Files.delete(files.resolve("rootfs/etc/link"));
        Files.createSymbolicLink(files.resolve("rootfs/etc/link"), Path.of("other.conf"));
        assertThat(fp(CONFIG)).isNotEqualTo(withLink);

        Files.writeString(files.resolve("real-motd"), "one");
        Files.delete(files.resolve("motd"));
        Files.createSymbolicLink(files.resolve("motd"), Path.of("real-motd"));
        String linked = fp(CONFIG);
        Files.writeString(files.resolve("real-motd"), "two");
        assertThat(fp(CONFIG)).isNotEqualTo(linked);
    }

    @Test
    void ignoresFilesTheConfigDoesNotName() throws IOException {
        String before = fp(CONFIG);
        Files.writeString(files.resolve("unrelated.txt"), "changed");
        Files.writeString(files.resolve("other.bu"), "variant: fcos\n");
        assertThat(fp(CONFIG)).isEqualTo(before);
    }

    @Test
    void whenReferencesCannotBeToldEveryFileCounts() throws IOException {
        byte[] odd = "storage: [unclosed\n".getBytes(StandardCharsets.UTF_8);
        String before = fp(odd);
        Files.writeString(files.resolve("unrelated.txt"), "changed");
        assertThat(fp(odd)).isNotEqualTo(before);
    }

    @Test
    void leadingSlashAndEscapes() {
        Fingerprints f = new Fingerprints(files);
        assertThat(f.resolve("/motd")).isEqualTo(files.toAbsolutePath().normalize().resolve("motd"));
        assertThat(f.resolve("../outside")).isNull();
        assertThat(f.resolve("")).isEqualTo(files.toAbsolutePath().normalize());
    }
}
