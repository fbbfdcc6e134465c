/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example infrastructure repository builds with this very version of the plugin. */
class ExamplesPomTest {
    @Test
    void examplesUseThisPluginVersion() throws IOException {
        String version = System.getProperty("kindling.version");
        Path pom = Path.of(System.getProperty("kindling.examples", "../examples")).resolve("pom.xml");
        assertThat(version).isNotBlank();
        assertThat(Files.readString(pom)).contains("<kindling.version>" + version + "</kindling.version>");
    }
}
