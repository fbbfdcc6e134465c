/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.cli.InProcessMain.Result;
import dev.kindling.transpiler.schema.SchemaGenerator;
import dev.kindling.transpiler.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling --schema VARIANT VERSION}. */
class SchemaCommandTest {
    @TempDir
    Path dir;

    private static Result run(String... args) throws Exception {
        return InProcessMain.run("", args);
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
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).startsWith("Error: no schema for fcos version \"1.9.0\"; versions: 1.0.0, 1.1.0,");
        assertThat(run("--schema", "fcos").stderr()).startsWith("Error: a version is needed: --schema fcos VERSION");
        assertThat(run("--schema", "fcos").status()).isEqualTo(2);
        Result extra = run("--schema", "fcos", "1.6.0", "1.5.0");
        assertThat(extra.status()).isEqualTo(2);
        assertThat(extra.stderr()).endsWith("--schema fcos takes one VERSION, not 2: 1.6.0 1.5.0\n");
        assertThat(run("--schema", "coreos", "1.0.0").stderr())
                .isEqualTo("Error: no schema for variant \"coreos\"; variants: fcos, flatcar, r4e, fiot, openshift,"
                        + " ignition\n");
    }
}
