/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.cli.CliProcess.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many inputs in one call: {@code --check} over files and folders, {@code -o OUTDIR}, and the
 * report formats, run as a separate process in a folder of its own so that the file names in
 * the reports are the relative names a CI job would see.
 */
class BatchTest {
    private static final Path GOLDEN = Path.of("src/test/resources/cli-golden");
    /** Set {@code -Dkindling.updateGolden=true} to rewrite the golden files from the current output. */
    private static final boolean UPDATE = Boolean.getBoolean("kindling.updateGolden");

    @TempDir
    Path dir;

    @BeforeEach
    void copyConfigs() throws IOException {
        Path from = GOLDEN.resolve("configs");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve("configs").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Run kindling(String... args) throws IOException, InterruptedException {
        return CliProcess.runCapturedOutside(dir, args);
    }

    private static void assertGolden(String name, String actual) {
        Path golden = GOLDEN.resolve(name);
        String normalized = actual.replace("\"version\": \"" + Version.get() + "\"", "\"version\": \"VERSION\"");
        try {
            if (UPDATE) {
                Files.writeString(golden, normalized, StandardCharsets.UTF_8);
                return;
            }
            assertThat(golden).as("golden file (run with -Dkindling.updateGolden=true to create it)").exists();
            assertThat(normalized).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- formats, against golden files ---------------------------------------------------------

    @Test
    void humanFormat() throws Exception {
        Run r = kindling("--check", "configs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertGolden("check.human.txt", r.stderr());
    }

    @Test
    void rawFormatAndItsAlias() throws Exception {
        Run r = kindling("--check", "--format", "raw", "configs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertGolden("check.raw.txt", r.stderr());
        assertThat(kindling("--check", "--raw-errors", "configs").stderr()).isEqualTo(r.stderr());
    }

    @Test
    void jsonFormat() throws Exception {
        Run r = kindling("--check", "--format=json", "configs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEmpty();
        assertGolden("check.json", r.stdout());
    }

    @Test
    void sarifFormat() throws Exception {
        Run r = kindling("--check", "--format", "sarif", "configs/hosts", "configs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEmpty();
        assertGolden("check.sarif", r.stdout());
        JsonNode log = new ObjectMapper().readTree(r.stdout());
        assertThat(log.at("/runs/0/tool/driver/version").asText()).isEqualTo(Version.get());
    }

    @Test
    void githubFormat() throws Exception {
        Run r = kindling("--check", "--format", "github", "configs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEmpty();
        assertGolden("check.github.txt", r.stdout());
    }

    @Test
    void githubEscapesFileNamesAndMessages() throws Exception {
        Path odd = dir.resolve("odd, name:2.bu");
        Files.writeString(odd, "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: 100%/x\n");
        Run r = kindling("--check", "--format", "github", "odd, name:2.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEqualTo("::error file=odd%2C name%3A2.bu,line=5,col=13,title=path-not-absolute::"
                + "the path \"100%25/x\" is not absolute\n");
        Run yaml = kindling("--check", "--format", "github", "configs/yaml-syntax.bu", "configs/clean.bu");
        assertThat(yaml.stdout()).isEqualTo("::error file=configs/yaml-syntax.bu,line=6,col=6,title=yaml-syntax::"
                + "yaml: line 4: expected <block end>, but found '<block mapping start>' while parsing a block"
                + " collection\n");
    }

    // ---- many inputs -----------------------------------------------------------------------------

    @Test
    void exitStatusOfManyFiles() throws Exception {
        Run clean = kindling("--check", "configs/clean.bu", "configs/hosts/web.bu");
        assertThat(clean.status()).isZero();
        assertThat(clean.stdout()).isEmpty();
        assertThat(clean.stderr()).isEmpty();

        Run warnings = kindling("--check", "configs/clean.bu", "configs/warnings.bu");
        assertThat(warnings.status()).isZero();
        assertThat(warnings.stderr()).contains("--> configs/warnings.bu:9:3")
                .endsWith("\n2 configs checked: 0 failed, 1 with warnings\n");

        Run strict = kindling("--check", "--strict", "--format", "raw", "configs/clean.bu", "configs/warnings.bu");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.stderr()).endsWith(
                "configs/warnings.bu: Config produced warnings and --strict was specified\n");

        Run errors = kindling("--check", "configs/errors.bu", "configs/clean.bu");
        assertThat(errors.status()).isEqualTo(1);

        Run missing = kindling("--check", "--format", "raw", "configs/nope.bu", "configs/warnings.bu");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.stderr()).startsWith(
                "failed to open configs/nope.bu: open configs/nope.bu: no such file or directory\n"
                        + "configs/warnings.bu: warning at $.storage.filez, line 9 col 3: unused key filez\n");
    }

    @Test
    void foldersAreSearchedRecursivelyInSortedOrder() throws Exception {
        Run r = kindling("--check", "--format", "json", "configs/hosts", "configs/");
        List<String> files = new ArrayList<>();
        new ObjectMapper().readTree(r.stdout()).forEach(e -> {
            String file = e.get("file").asText();
            if (files.isEmpty() || !files.get(files.size() - 1).equals(file)) {
                files.add(file);
            }
        });
        // each argument in turn; within a folder, sorted by relative path (clean configs report nothing)
        assertThat(files).containsExactly("configs/hosts/db/primary.bu", "configs/errors.bu",
                "configs/hosts/db/primary.bu", "configs/unknown-version.bu", "configs/warnings.bu",
                "configs/yaml-syntax.bu");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void theWorkingFolderAndDotSlashAreLeftOutOfNames() throws Exception {
        Run dot = kindling("--check", "--format", "raw", ".");
        assertThat(dot.stderr()).contains("\nconfigs/hosts/db/primary.bu: warning at $.systemd.units.0.contents");
        Run abs = kindling("--check", "--format", "json", dir.resolve("configs/warnings.bu").toString(),
                "./configs//hosts/db/primary.bu");
        assertThat(abs.stdout()).contains("\"file\": \"configs/warnings.bu\"", "\"file\": \"configs/hosts/db/primary.bu\"");
    }

    @Test
    void filesDirAppliesToEveryInput() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        String local = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/motd\n"
                + "      contents:\n        local: motd\n";
        Files.writeString(dir.resolve("a.bu"), local);
        Files.writeString(dir.resolve("b.bu"), local);
        assertThat(kindling("--check", "-d", "files", "a.bu", "b.bu").status()).isZero();
        Run without = kindling("--check", "--format", "json", "a.bu", "b.bu");
        assertThat(without.status()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(without.stdout())).hasSize(2);
    }

    @Test
    void outputFolderKeepsRelativeFoldersAndNames() throws Exception {
        Path hosts = dir.resolve("configs/hosts");
        Files.writeString(hosts.resolve("db/cluster.bu"), "variant: openshift\nversion: 4.14.0\nmetadata:\n"
                + "  name: x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n");
        Files.writeString(hosts.resolve("broken.bu"), "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n"
                + "    - path: relative\n");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("broken.ign"), "stale output of an earlier run");

        Run r = kindling("-p", "-o", "out", "configs/hosts", "configs/clean.bu");
        assertThat(r.status()).isEqualTo(1); // broken.bu has an error
        assertThat(r.stdout()).isEmpty();
        assertThat(out.resolve("web.ign")).exists();
        assertThat(out.resolve("db/primary.ign")).exists();
        assertThat(out.resolve("db/cluster.yaml")).content().contains("\nkind: MachineConfig\n");
        assertThat(out.resolve("clean.ign")).hasContent("{\n  \"ignition\": {\n    \"version\": \"3.4.0\"\n  }\n}");
        assertThat(out.resolve("broken.ign")).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted())
                    .containsExactly("clean.ign", "db/cluster.yaml", "db/primary.ign", "web.ign");
        }

        Run fresh = kindling("-o", "new/folder/", "configs/clean.bu", "configs/warnings.bu");
        assertThat(fresh.status()).isZero();
        assertThat(dir.resolve("new/folder/clean.ign")).exists();
        assertThat(dir.resolve("new/folder/warnings.ign")).exists();
    }

    @Test
    void twoInputsWithOneOutputNameAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("other"));
        Files.copy(dir.resolve("configs/clean.bu"), dir.resolve("other/clean.bu"));
        Run r = kindling("-o", "out/", "configs/clean.bu", "other/clean.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("inputs configs/clean.bu and other/clean.bu would both be written to");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    // ---- what stays as in Butane --------------------------------------------------------------

    @Test
    void manyInputsWithoutCheckOrOutputFolderAreAUsageError() throws Exception {
        Run r = kindling("configs/clean.bu", "configs/warnings.bu");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Usage: kindling [options] [input-file]\n");
        assertThat(r.stderr()).endsWith("2 inputs (configs/clean.bu configs/warnings.bu): only one can be"
                + " transpiled to standard output; use --check to check them all, or -o OUTDIR/ to write one output"
                + " per input\n");
        Run toFile = kindling("-o", "x.ign", "configs/clean.bu", "configs/warnings.bu");
        assertThat(toFile.status()).isEqualTo(2);
        assertThat(toFile.stderr()).endsWith("but -o x.ign names a file: end it with \"/\" to write one output per"
                + " input into that folder\n");
        Run folder = kindling("configs");
        assertThat(folder.status()).isEqualTo(1);
        assertThat(folder.stderr()).isEqualTo("failed to read configs: read configs: is a directory\n");
        Files.createDirectories(dir.resolve("out"));
        Run single = kindling("-o", "out", "configs/clean.bu");
        assertThat(single.stderr()).isEqualTo("failed to open out: open out: is a directory\n");
    }

    @Test
    void unknownFormatIsAUsageError() throws Exception {
        Run r = kindling("--format", "xml", "configs/clean.bu");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderr()).endsWith("invalid argument \"xml\" for \"--format\" flag: must be one of human, raw,"
                + " json, sarif, github\n");
    }

    @Test
    void machineReportsOfOneConfig() throws Exception {
        Run toStdout = kindling("--format", "json", "configs/warnings.bu");
        assertThat(toStdout.status()).isZero();
        assertThat(toStdout.stdout()).startsWith("{\"ignition\":{\"version\":\"3.4.0\"}").endsWith("}\n");
        assertThat(new ObjectMapper().readTree(toStdout.stderr())).hasSize(3);

        Run check = kindling("--check", "--format", "sarif", "configs/warnings.bu");
        assertThat(check.status()).isZero();
        assertThat(check.stderr()).isEmpty();
        assertThat(new ObjectMapper().readTree(check.stdout()).at("/runs/0/results")).hasSize(3);

        Run toFile = kindling("--format", "github", "-o", "w.ign", "configs/warnings.bu");
        assertThat(toFile.status()).isZero();
        assertThat(toFile.stdout()).startsWith("::warning file=configs/warnings.bu,line=9,col=3,title=unused-key::");
        assertThat(dir.resolve("w.ign")).exists();

        Run strict = kindling("--strict", "--format", "json", "-o", "s.ign", "configs/warnings.bu");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.stdout()).contains("\"code\": \"strict-warnings\"");
        assertThat(dir.resolve("s.ign")).doesNotExist();
    }
}
