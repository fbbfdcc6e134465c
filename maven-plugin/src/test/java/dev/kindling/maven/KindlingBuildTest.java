/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindlingBuildTest {
    @TempDir
    Path base;
    Path src;
    Path files;
    Path out;

    static final String WEB = """
            variant: fcos
            version: 1.6.0
            storage:
              files:
                - path: /etc/motd
                  contents:
                    local: motd
              trees:
                - local: rootfs
                  path: /opt/app
            """;
    static final String BASTION = """
            variant: fcos
            version: 1.6.0
            passwd:
              users:
                - name: core
                  ssh_authorized_keys_local: [admin.pub]
            """;
    static final String BAD = """
            variant: fcos
            version: 1.6.0
            storage:
              files:
                - path: etc/motd
            """;
    static final String WARNS = """
            variant: fcos
            version: 1.6.0
            storage:
              files:
                - path: /etc/motd
                  contents:
                    inline: hi
                  mode: 644
            """;
    static final String OPENSHIFT = """
            variant: openshift
            version: 4.18.0
            metadata:
              name: 99-worker-motd
              labels:
                machineconfiguration.openshift.io/role: worker
            storage:
              files:
                - path: /etc/motd
                  mode: 0644
                  contents:
                    inline: hi
            """;

    @BeforeEach
    void project() throws IOException {
        src = base.resolve("src/main/butane");
        files = src.resolve("files");
        out = base.resolve("target/ignition");
        write("src/main/butane/files/motd", "hello\n");
        write("src/main/butane/files/admin.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOb admin@example\n");
        write("src/main/butane/files/rootfs/bin/run.sh", "#!/bin/sh\n");
        write("src/main/butane/hosts/web.bu", WEB);
        write("src/main/butane/hosts/bastion.bu", BASTION);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = base.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private KindlingBuild.Settings settings(boolean strict, Path outputDir) {
        return new KindlingBuild.Settings(base, files, strict, false, outputDir,
                outputDir == null ? null : base.resolve("target/kindling/transpile-default.json"), 4);
    }

    private KindlingBuild.Result build() throws Exception {
        return build(false);
    }

    private KindlingBuild.Result build(boolean strict) throws Exception {
        return new KindlingBuild(settings(strict, out)).run(scan());
    }

    private List<SourceFile> scan() throws IOException {
        return SourceScanner.scan(base, src, PathPattern.list(null, List.of("**/*.bu")), List.of());
    }

    private static List<FileOutcome.Status> statuses(KindlingBuild.Result r) {
        return r.files().stream().map(FileOutcome::status).toList();
    }

    @Test
    void writesEachOutputBesideItsRelativeFolder() throws Exception {
        KindlingBuild.Result r = build();
        assertThat(r.files()).extracting(o -> o.source().relative()).containsExactly("hosts/bastion.bu", "hosts/web.bu");
        assertThat(statuses(r)).containsOnly(FileOutcome.Status.TRANSPILED);
        assertThat(r.files()).extracting(FileOutcome::output)
                .containsExactly("target/ignition/hosts/bastion.ign", "target/ignition/hosts/web.ign");
        String web = Files.readString(out.resolve("hosts/web.ign"));
        assertThat(web).startsWith("{\"ignition\":{\"version\":\"3.5.0\"}").endsWith("}\n")
                .contains("\"path\":\"/etc/motd\"").contains("data:,hello%0A")
                .contains("\"path\":\"/opt/app/bin/run.sh\"");
        assertThat(Files.readString(out.resolve("hosts/bastion.ign"))).contains("admin@example");
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void secondBuildIsUpToDateAndAnyDependencyChangeRebuildsOnlyItsConfig() throws Exception {
        build();
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.UP_TO_DATE, FileOutcome.Status.UP_TO_DATE);

        write("src/main/butane/files/motd", "changed\n");
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.UP_TO_DATE, FileOutcome.Status.TRANSPILED);
        assertThat(Files.readString(out.resolve("hosts/web.ign"))).contains("data:,changed%0A");

        write("src/main/butane/files/rootfs/etc/new.conf", "x");
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.UP_TO_DATE, FileOutcome.Status.TRANSPILED);
        assertThat(Files.readString(out.resolve("hosts/web.ign"))).contains("/opt/app/etc/new.conf");

        write("src/main/butane/files/admin.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOc other@example\n");
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.TRANSPILED, FileOutcome.Status.UP_TO_DATE);

        write("src/main/butane/files/unrelated.txt", "x");
        assertThat(statuses(build())).containsOnly(FileOutcome.Status.UP_TO_DATE);
    }

    @Test
    void aDeletedOrReplacedOutputIsWrittenAgain() throws Exception {
        build();
        Files.delete(out.resolve("hosts/web.ign"));
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.UP_TO_DATE, FileOutcome.Status.TRANSPILED);
        assertThat(out.resolve("hosts/web.ign")).exists();
        Files.writeString(out.resolve("hosts/bastion.ign"), "tampered");
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.TRANSPILED, FileOutcome.Status.UP_TO_DATE);
        assertThat(Files.readString(out.resolve("hosts/bastion.ign"))).contains("admin@example");
    }

    @Test
    void aChangedConfigOrOptionRebuilds() throws Exception {
        build();
        write("src/main/butane/hosts/web.bu", WEB + "# edited\n");
        assertThat(statuses(build())).containsExactly(FileOutcome.Status.UP_TO_DATE, FileOutcome.Status.TRANSPILED);
        KindlingBuild.Settings pretty = new KindlingBuild.Settings(base, files, false, true, out,
                base.resolve("target/kindling/transpile-default.json"), 2);
        assertThat(new KindlingBuild(pretty).run(scan())).extracting(KindlingBuild.Result::files).asList()
                .extracting("status").containsOnly(FileOutcome.Status.TRANSPILED);
        assertThat(Files.readString(out.resolve("hosts/web.ign"))).startsWith("{\n  \"ignition\": {");
    }

    @Test
    void errorsLeaveNoOutputAndRemoveAStaleOne() throws Exception {
        build();
        assertThat(out.resolve("hosts/web.ign")).exists();
        write("src/main/butane/hosts/web.bu", BAD);
        KindlingBuild.Result r = build();
        FileOutcome web = r.files().get(1);
        assertThat(web.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(web.lines()).containsExactly(
                "src/main/butane/hosts/web.bu:5:13: error: " + web.diagnostics().get(0).message()
                        + " [$.storage.files.0.path]");
        assertThat(web.removed()).containsExactly("target/ignition/hosts/web.ign");
        assertThat(out.resolve("hosts/web.ign")).doesNotExist();
        assertThat(r.files().get(0).status()).isEqualTo(FileOutcome.Status.UP_TO_DATE);
        // still failing, still no output
        assertThat(build().files().get(1).status()).isEqualTo(FileOutcome.Status.FAILED);
    }

    @Test
    void warningsAreKeptAndShownAgainWhenUpToDateAndFailOnlyWithStrict() throws Exception {
        write("src/main/butane/warns.bu", WARNS);
        FileOutcome first = build().files().get(2);
        assertThat(first.status()).isEqualTo(FileOutcome.Status.TRANSPILED);
        assertThat(first.warnings()).isPositive();
        FileOutcome again = build().files().get(2);
        assertThat(again.status()).isEqualTo(FileOutcome.Status.UP_TO_DATE);
        assertThat(again.lines()).isEqualTo(first.lines());

        FileOutcome strict = build(true).files().get(2);
        assertThat(strict.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(strict.errors()).isZero();
        assertThat(strict.removed()).containsExactly("target/ignition/warns.ign");
        assertThat(out.resolve("warns.ign")).doesNotExist();
    }

    @Test
    void machineConfigsGetYamlAndAChangeOfKindReplacesTheOutput() throws Exception {
        write("src/main/butane/openshift/motd.bu", OPENSHIFT);
        build();
        Path yaml = out.resolve("openshift/motd.yaml");
        assertThat(Files.readString(yaml)).startsWith("# Generated by Butane; do not edit\n")
                .contains("kind: MachineConfig").contains("name: 99-worker-motd");
        write("src/main/butane/openshift/motd.bu", WEB);
        FileOutcome o = build().files().get(2);
        assertThat(o.output()).isEqualTo("target/ignition/openshift/motd.ign");
        assertThat(o.removed()).containsExactly("target/ignition/openshift/motd.yaml");
        assertThat(yaml).doesNotExist();
    }

    @Test
    void outputsOfDeletedOrExcludedConfigsArePruned() throws Exception {
        build();
        Files.delete(src.resolve("hosts/bastion.bu"));
        KindlingBuild.Result r = build();
        assertThat(r.pruned()).containsExactly("target/ignition/hosts/bastion.ign");
        assertThat(out.resolve("hosts/bastion.ign")).doesNotExist();
        assertThat(out.resolve("hosts/web.ign")).exists();
        assertThat(build().pruned()).isEmpty();
    }

    @Test
    void configsThatWouldShareAnOutputAreRefused() throws Exception {
        write("src/main/butane/hosts/web.yml", WEB);
        List<SourceFile> all = SourceScanner.scan(base, src, PathPattern.list(List.of("**/*.bu", "**/*.yml"),
                List.of()), List.of());
        assertThatThrownBy(() -> new KindlingBuild(settings(false, out)).run(all))
                .isInstanceOf(KindlingBuild.CollisionException.class)
                .hasMessageContaining("src/main/butane/hosts/web.bu and src/main/butane/hosts/web.yml")
                .hasMessageContaining("target/ignition/hosts/web.*");
    }

    @Test
    void checkOnlyWritesNothingAndReportsEveryFile() throws Exception {
        write("src/main/butane/a-bad.bu", BAD);
        write("src/main/butane/b-bad.bu", BAD.replace("etc/motd", "etc/issue"));
        KindlingBuild.Result r = new KindlingBuild(settings(false, null)).run(scan());
        assertThat(r.files()).extracting(o -> o.source().relative())
                .containsExactly("a-bad.bu", "b-bad.bu", "hosts/bastion.bu", "hosts/web.bu");
        assertThat(statuses(r)).containsExactly(FileOutcome.Status.FAILED, FileOutcome.Status.FAILED,
                FileOutcome.Status.TRANSPILED, FileOutcome.Status.TRANSPILED);
        assertThat(Summary.of(r.files(), false).failureMessage()).isEqualTo("2 errors in 2 files");
        assertThat(base.resolve("target")).doesNotExist();
    }

    @Test
    void yamlSyntaxErrorsAndUnknownVersionsAreErrors() throws Exception {
        write("src/main/butane/syntax.bu", "variant: fcos\nversion: 1.6.0\nstorage: [\n");
        write("src/main/butane/version.bu", "variant: fcos\nversion: 9.9.9\n");
        KindlingBuild.Result r = build();
        assertThat(r.files().get(2).status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(r.files().get(2).errors()).isPositive();
        assertThat(r.files().get(3).status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(r.files().get(3).lines()).allMatch(l -> l.startsWith("src/main/butane/version.bu"));
        assertThat(out.resolve("syntax.ign")).doesNotExist();
    }

    @Test
    void manyConfigsInParallelComeBackInOrder() throws Exception {
        for (int i = 0; i < 120; i++) {
            write(String.format("src/main/butane/many/n%03d.bu", i), i % 7 == 0 ? BAD : WARNS.replace("hi", "hi " + i));
        }
        KindlingBuild.Result r = build();
        assertThat(r.files()).hasSize(122);
        assertThat(r.files()).extracting(o -> o.source().relative()).isSorted();
        assertThat(r.files().stream().filter(o -> o.status() == FileOutcome.Status.FAILED)).hasSize(18);
        assertThat(Files.readString(out.resolve("many/n001.ign"))).contains("hi%201");
        assertThat(out.resolve("many/n007.ign")).doesNotExist();
    }

    @Test
    void anUnchangedOutputKeepsItsTime() throws Exception {
        build();
        Path web = out.resolve("hosts/web.ign");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(web, old);
        Files.delete(base.resolve("target/kindling/transpile-default.json")); // forget everything
        assertThat(statuses(build())).containsOnly(FileOutcome.Status.TRANSPILED);
        assertThat(Files.getLastModifiedTime(web)).isEqualTo(old);
        assertThat(statuses(build())).containsOnly(FileOutcome.Status.UP_TO_DATE);
    }

    @Test
    void aDamagedStateFileMeansAFullBuild() throws Exception {
        build();
        Files.writeString(base.resolve("target/kindling/transpile-default.json"), "{not json");
        assertThat(statuses(build())).containsOnly(FileOutcome.Status.TRANSPILED);
        assertThat(statuses(build())).containsOnly(FileOutcome.Status.UP_TO_DATE);
    }
}
