/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --decompile} as a separate process, then {@code kindling} on its result. */
class DecompileCliTest {
    private static final String IGNITION = "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":["
            + "{\"path\":\"/etc/motd\",\"contents\":{\"compression\":\"\",\"source\":\"data:,hello%0A\"},\"mode\":420},"
            + "{\"path\":\"/opt/blob\",\"contents\":{\"source\":\"data:;base64,AAEC/w==\"}}]}}\n";

    @TempDir
    Path dir;

    record Run(int status, String stdout, String stderr) {
    }

    private Run kindling(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("NO_COLOR", "1");
        Path out = dir.resolve(".stdout");
        Path err = dir.resolve(".stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void writesButaneAndLocalFilesThatTranspileBack() throws Exception {
        Files.writeString(dir.resolve("in.ign"), IGNITION);
        Run r = kindling(null, "--decompile", "-d", "files", "-o", "out.bu", "in.ign");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        String bu = Files.readString(dir.resolve("out.bu"));
        assertThat(bu).isEqualTo("""
                variant: fcos
                version: 1.5.0
                storage:
                  files:
                    - path: /etc/motd
                      contents:
                        inline: |
                          hello
                      mode: 0644
                    - path: /opt/blob
                      contents:
                        local: opt/blob
                """);
        assertThat(Files.readAllBytes(dir.resolve("files/opt/blob"))).containsExactly(0, 1, 2, 0xff);

        Run again = kindling(null, "-d", "files", "out.bu");
        assertThat(again.status()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("data:,hello%0A").contains("data:,%00%01%02%FF");
    }

    @Test
    void binaryWithoutFilesDirIsAnErrorWithPosition() throws Exception {
        Run r = kindling(IGNITION, "--decompile", "--raw-errors");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).contains("error at $.storage.files.1.contents.source, line 1 col 182:")
                .contains("-d FILES_DIR")
                .endsWith("Error decompiling config: these contents are binary (4 bytes) and can only be written"
                        + " as a local file; give a files directory (-d FILES_DIR) to write it to\n");
    }

    @Test
    void anExistingLocalFileWithOtherContentsIsNotReplaced() throws Exception {
        Files.createDirectories(dir.resolve("files/opt"));
        Files.writeString(dir.resolve("files/opt/blob"), "mine");
        Run r = kindling(IGNITION, "--decompile", "-d", "files", "-o", "out.bu");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("exists with other contents");
        assertThat(Files.readString(dir.resolve("files/opt/blob"))).isEqualTo("mine");
        assertThat(dir.resolve("out.bu")).doesNotExist();
    }

    @Test
    void localFilesNeverLeaveTheFilesDirThroughASymbolicLink() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(dir.resolve("files"));
        Files.createSymbolicLink(dir.resolve("files/opt"), outside);
        Run r = kindling(IGNITION, "--decompile", "-d", "files");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("would leave files through a symbolic link");
        assertThat(r.stdout()).isEmpty();
        try (var list = Files.list(outside)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void variantAndVersionCanBeChosen() throws Exception {
        String json = "{\"ignition\":{\"version\":\"3.4.0\"}}";
        Run flatcar = kindling(json, "--decompile", "--variant", "flatcar");
        assertThat(flatcar.stdout()).isEqualTo("variant: flatcar\nversion: 1.1.0\n");
        Run wrong = kindling(json, "--decompile", "--version", "1.4.0");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("fcos 1.4.0 emits Ignition 3.3.0, but the input is Ignition 3.4.0");
        Run version = kindling(null, "--version");
        assertThat(version.stdout()).startsWith("Kindling ");
        Run noDecompile = kindling(json, "--variant", "fcos");
        assertThat(noDecompile.status()).isEqualTo(2);
    }

    @Test
    void machineConfigFromStandardInput() throws Exception {
        String mc = """
                # Generated by Butane; do not edit
                apiVersion: machineconfiguration.openshift.io/v1
                kind: MachineConfig
                metadata:
                  labels:
                    machineconfiguration.openshift.io/role: worker
                  name: 99-worker-chrony
                spec:
                  config:
                    ignition:
                      version: 3.4.0
                    storage:
                      files:
                        - contents:
                            compression: ""
                            source: data:,pool%20ntp.example.com%20iburst%0A
                          mode: 420
                          overwrite: true
                          path: /etc/chrony.conf
                  kernelArguments:
                    - nosmt
                """;
        Run r = kindling(mc, "--decompile");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("variant: openshift\nversion: 4.14.0\n")
                .contains("inline: |\n          pool ntp.example.com iburst\n")
                .contains("metadata:\n  name: 99-worker-chrony\n  labels:\n    machineconfiguration.openshift.io/role: worker\n")
                .contains("openshift:\n  kernel_arguments:\n    - nosmt\n");
        Files.writeString(dir.resolve("back.bu"), r.stdout());
        Run back = kindling(null, "back.bu");
        assertThat(back.status()).as(back.stderr()).isZero();
        assertThat(back.stdout()).contains("source: data:,pool%20ntp.example.com%20iburst%0A", "- nosmt");
    }

    @Test
    void treesAreWrittenWithTheirExecutableBits() throws Exception {
        String json = "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":["
                + "{\"path\":\"/opt/app/bin/run\",\"contents\":{\"source\":\"data:,echo\"},\"mode\":493},"
                + "{\"path\":\"/opt/app/conf\",\"contents\":{\"source\":\"data:,x%3D1\"},\"mode\":420}]}}";
        Run r = kindling(json, "--decompile", "--trees", "-d", "files", "-o", "app.bu");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("app.bu"))).contains("trees:\n    - local: tree/opt/app\n");
        assertThat(Files.isExecutable(dir.resolve("files/tree/opt/app/bin/run"))).isTrue();
        assertThat(Files.isExecutable(dir.resolve("files/tree/opt/app/conf"))).isFalse();
        Run back = kindling(null, "-d", "files", "app.bu");
        assertThat(back.status()).as(back.stderr()).isZero();
        assertThat(back.stdout()).contains("\"path\":\"/opt/app/bin/run\"", "\"mode\":493", "\"mode\":420");
    }

    @Test
    void notAConfig() throws Exception {
        Run r = kindling("{\"ignition\": ", "--decompile");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("invalid JSON").doesNotContain("Exception");
    }
}
