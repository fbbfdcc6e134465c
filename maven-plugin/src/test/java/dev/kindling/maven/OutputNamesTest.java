/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputNamesTest {
    @Test
    void keepsTheFolderAndSwapsTheExtension() {
        assertThat(OutputNames.output("hosts/web.bu", ".ign")).isEqualTo("hosts/web.ign");
        assertThat(OutputNames.output("hosts/web.bu", ".yaml")).isEqualTo("hosts/web.yaml");
        assertThat(OutputNames.output("web.bu", ".ign")).isEqualTo("web.ign");
        assertThat(OutputNames.output("a/b/c/web.prod.bu", ".ign")).isEqualTo("a/b/c/web.prod.ign");
    }

    @Test
    void namesWithoutExtension() {
        assertThat(OutputNames.output("hosts/web", ".ign")).isEqualTo("hosts/web.ign");
        assertThat(OutputNames.output("hosts/.bu", ".ign")).isEqualTo("hosts/.bu.ign");
        assertThat(OutputNames.output("v1.2/web", ".ign")).isEqualTo("v1.2/web.ign");
        assertThat(OutputNames.base("v1.2/web.bu")).isEqualTo("v1.2/web");
    }

    @Test
    void extensionFromTheLibrary() {
        assertThat(OutputNames.normalizeExtension(null)).isEqualTo(".ign");
        assertThat(OutputNames.normalizeExtension("")).isEqualTo(".ign");
        assertThat(OutputNames.normalizeExtension("yaml")).isEqualTo(".yaml");
        assertThat(OutputNames.normalizeExtension(".yaml")).isEqualTo(".yaml");
    }
}
