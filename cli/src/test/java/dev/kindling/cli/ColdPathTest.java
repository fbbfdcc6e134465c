/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a cold run short, checked by what the JVM does rather than by timing: the plain
 * transpile path links no lambda (the first one of a run costs about 15 ms of a cold JVM, each
 * further one about a millisecond), and the archive training loads every class of that path.
 */
class ColdPathTest {
    private static final String CONFIG = """
            variant: fcos
            version: 1.5.0
            # a comment
            passwd:
              users:
                - name: core
                  ssh_authorized_keys: ["ssh-ed25519 AAAA core@example.com"]
                  groups: [wheel]
            storage:
              directories:
                - path: /opt/app
              files:
                - path: /etc/hostname
                  mode: 0644
                  contents:
                    inline: host1
                - path: /etc/motd
                  contents:
                    inline: |
                      This text is long enough for the gzip attempt. This text is long enough for
                      the gzip attempt. This text is long enough for the gzip attempt. Long enough.
              links:
                - path: /etc/localtime
                  target: ../usr/share/zoneinfo/UTC
            systemd:
              units:
                - name: hello.service
                  enabled: true
                  contents: |
                    [Service]
                    ExecStart=/usr/bin/echo hello
                    [Install]
                    WantedBy=multi-user.target
                  dropins:
                    - name: debug.conf
                      contents: "[Service]\\nEnvironment=DEBUG=1"
            """;

    /** A config with a warning (an unused key and a mode without its leading zero). */
    private static final String WARNING = """
            variant: fcos
            version: 1.6.0
            unknown: 1
            storage:
              files:
                - path: /etc/issue
                  mode: 644
                  contents:
                    inline: hello
            """;

    private static List<String> lambdasLinked(Path dir, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:off"); // every class is then named in the log the same way
        cmd.add("-Xlog:class+load=info:file=" + log);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve(".stdout").toFile()).redirectError(dir.resolve(".stderr").toFile())
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve(".stderr"))).isZero();
        List<String> lambdas = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // "[info][class,load] NAME source: ...": lambda classes and the method-handle forms
            // that linking one spins
            if (line.contains("$$Lambda") || line.contains("LambdaForm$MH/")) {
                lambdas.add(line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2));
            }
        }
        return lambdas;
    }

    @Test
    void aPlainTranspileLinksNoLambda(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.bu"), CONFIG);
        assertThat(lambdasLinked(dir, "--pretty", "a.bu")).isEmpty();
        assertThat(Files.readString(dir.resolve(".stdout"))).contains("\"hello.service\"");
    }

    @Test
    void aTranspileWithWarningsLinksNoLambda(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("w.bu"), WARNING);
        assertThat(lambdasLinked(dir, "w.bu")).isEmpty();
        assertThat(Files.readString(dir.resolve(".stderr"))).contains("unused key");
    }

    @Test
    void aBatchLinksNoLambda(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.bu"), CONFIG);
        Files.writeString(dir.resolve("w.bu"), WARNING);
        assertThat(lambdasLinked(dir, "-o", "out/", "a.bu", "w.bu")).isEmpty();
        assertThat(dir.resolve("out")).isDirectory();
    }

    @Test
    void theTrainingLoadsTheListedClassesOfThePlainPathAndSkipsWhatCannotLoad(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("k.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : List.of("dev/kindling/cli/Flags.class", "dev/kindling/transpiler/Transpiler.class",
                    "org/snakeyaml/engine/v2/api/LoadSettings.class", "dev/kindling/cli/NoSuchClass.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class", "dev/kindling/cli/notes.txt")) {
                out.putNextEntry(new JarEntry(name));
                out.closeEntry();
            }
        }
        // the three real classes of the archived packages; the missing one and the other library skipped
        assertThat(ArchiveTraining.loadClasses(jar, ColdPathTest.class.getClassLoader())).isEqualTo(3);
        assertThat(ArchiveTraining.loadClasses(dir.resolve("missing.jar"), ColdPathTest.class.getClassLoader()))
                .isZero();
    }
}
