/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.schema.SchemaGenerator;
import dev.kindling.transpiler.spec.Specs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --schema VARIANT VERSION}. */
class SchemaCommandTest {
    @TempDir
    Path dir;

    record Result(int status, String stdout, String stderr) {
    }

    private static Result run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Terminal terminal = new Main.Terminal() {
            @Override
            public boolean stderrIsTerminal() {
                return false;
            }

            @Override
            public String env(String name) {
                return null;
            }
        };
        int status = new Main(new ByteArrayInputStream(new byte[0]), out, err, terminal).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheSchemaOfASpec() throws Exception {
        Result r = run("--schema", "fcos", "1.6.0");
        assertThat(r.status()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo(SchemaGenerator.butaneSchema(Specs.find("fcos", "1.6.0").orElseThrow()))
                .contains("\"$id\": \"https://kindling.dev/schemas/butane/fcos-1.6.0.json\"");
        assertThat(run("--schema=openshift", "4.18.0").stdout()).contains("\"const\": \"openshift\"");
    }

    @Test
    void printsIgnitionSchemas() throws Exception {
        Result r = run("--schema", "ignition", "3.7.0-experimental");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo(SchemaGenerator.ignitionSchema(7));
    }

    @Test
    void writesToTheOutputFile() throws Exception {
        Path out = dir.resolve("fcos-1.5.0.json");
        Result r = run("--schema", "fcos", "-o", out.toString(), "1.5.0");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(SchemaGenerator.butaneSchema(Specs.find("fcos", "1.5.0")
                .orElseThrow()));
    }

    @Test
    void unknownSpecsListWhatThereIs() throws Exception {
        Result r = run("--schema", "fcos", "1.9.0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("Error: no schema for fcos version \"1.9.0\"; versions: 1.0.0, 1.1.0,");
        assertThat(run("--schema", "fcos").stderr()).startsWith("Error: a version is needed: --schema fcos VERSION");
        assertThat(run("--schema", "coreos", "1.0.0").stderr())
                .isEqualTo("Error: no schema for variant \"coreos\"; variants: fcos, flatcar, r4e, fiot, openshift,"
                        + " ignition\n");
    }
}
