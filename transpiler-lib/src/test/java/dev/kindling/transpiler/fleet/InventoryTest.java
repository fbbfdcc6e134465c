/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.Variables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an inventory: merge order of sources, precedence of variables, names, positions. */
class InventoryTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        for (String f : new String[] {"base.bu", "other.bu", "common.bu", "r1.bu", "r2.bu", "own.bu"}) {
            Files.writeString(dir.resolve(f), "variant: fcos\nversion: 1.6.0\n");
        }
    }

    private Inventory parse(String yaml) throws InventoryException {
        return Inventory.parse(yaml.getBytes(StandardCharsets.UTF_8), "fleet.yaml", dir,
                Map.of("TOKEN", "t0k3n")::get);
    }

    @Test
    void sourcesAreBaseDefaultsRolesThenOwnSnippets() throws Exception {
        Inventory inv = parse("""
                defaults: {base: base.bu, snippets: [common.bu]}
                roles:
                  one: {snippets: [r1.bu]}
                  two: {snippets: [r2.bu]}
                hosts:
                  h: {roles: [two, one], snippets: [own.bu]}
                  g: {base: other.bu}
                """);
        assertThat(inv.hosts()).extracting(Inventory.Host::name).containsExactly("h", "g");
        assertThat(inv.hosts().get(0).sources()).extracting(p -> p.getFileName().toString())
                .containsExactly("base.bu", "common.bu", "r2.bu", "r1.bu", "own.bu");
        assertThat(inv.hosts().get(1).sources()).extracting(p -> p.getFileName().toString())
                .containsExactly("other.bu", "common.bu");
        assertThat(inv.hosts().get(1).output()).isEqualTo("g");
    }

    @Test
    void variablesDefaultsThenRolesThenHost() throws Exception {
        Inventory inv = parse("""
                defaults: {base: base.bu, variables: {a: d, b: d, c: d, n: 8080, yes: true}}
                roles:
                  r: {variables: {b: r, c: r, token: {env: TOKEN}}}
                hosts:
                  h: {roles: [r], variables: {c: h}}
                """);
        Variables v = inv.hosts().get(0).variables();
        assertThat(v.value("a")).contains("d");
        assertThat(v.value("b")).contains("r");
        assertThat(v.value("c")).contains("h");
        assertThat(v.value("n")).contains("8080"); // scalars as written
        assertThat(v.value("yes")).contains("true");
        assertThat(v.isSecret("token")).isTrue();
        assertThat(v.value("token")).contains("t0k3n");
    }

    @Test
    void problemsArePositioned() {
        assertThatThrownBy(() -> parse("hosts:\n  h:\n    base: base.bu\n    roles: [nope]\n"))
                .isInstanceOf(InventoryException.class)
                .satisfies(e -> {
                    InventoryException ie = (InventoryException) e;
                    assertThat(ie.line()).isEqualTo(4);
                    assertThat(ie.column()).isEqualTo(13);
                    assertThat(ie.toString()).isEqualTo("fleet.yaml:4:13: error: host h has the role nope, which the"
                            + " inventory does not define");
                });
        assertThatThrownBy(() -> parse("hosts:\n  h: {base: missing.bu}\n")).hasMessageContaining("no file missing.bu");
        assertThatThrownBy(() -> parse("hosts:\n  h: {base: base.bu}\n  g: {base: base.bu, output: h}\n"))
                .hasMessageContaining("same output name h");
        assertThatThrownBy(() -> parse("hosts:\n  h: {base: base.bu, variables: {s: {env: UNSET}}}\n"))
                .hasMessageContaining("UNSET is not set");
        assertThatThrownBy(() -> parse("hosts:\n  h: {snippets: [own.bu]}\n")).hasMessageContaining("no base config");
    }
}
