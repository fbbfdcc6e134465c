/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import static dev.kindling.transpiler.decompile.Fixtures.context;
import static dev.kindling.transpiler.decompile.Fixtures.draft;
import static dev.kindling.transpiler.decompile.Fixtures.spec;
import static dev.kindling.transpiler.decompile.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.spec.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTreesTest {
    private static final DecompileOptions TREES = DecompileOptions.builder().localFiles(true).trees(true).build();

    private static String json(String... files) {
        return "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[" + String.join(",", files) + "]}}";
    }

    private static String file(String path, String text, int mode) {
        return "{\"path\":\"" + path + "\",\"contents\":{\"compression\":\"\",\"source\":\"data:," + text
                + "\"},\"mode\":" + mode + "}";
    }

    @Test
    void trailingFilesBelowACommonFolderBecomeATree() throws Exception {
        SpecVersion spec = spec("fcos", "1.5.0");
        Draft d = draft(json(file("/etc/motd", "hi", 0600), file("/opt/app/bin/run", "x", 0755),
                file("/opt/app/etc/a.conf", "a", 0644)), spec);
        assertThat(new LocalTrees().apply(d, context(spec, TREES))).isTrue();
        assertThat(yaml(d)).contains("""
                  trees:
                    - local: tree/opt/app
                      path: /opt/app
                """).contains("path: /etc/motd").doesNotContain("/opt/app/bin/run");
        assertThat(d.files).containsOnlyKeys("tree/opt/app/bin/run", "tree/opt/app/etc/a.conf");
        assertThat(new String(d.files.get("tree/opt/app/etc/a.conf"), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(d.executables).containsExactly("tree/opt/app/bin/run");

        Draft back = LocalTrees.expand(d);
        assertThat(yaml(back)).contains("path: /opt/app/bin/run").contains("local: tree/opt/app/bin/run")
                .doesNotContain("trees");
    }

    @Test
    void filesOutOfWalkOrderOrWithOtherFieldsStay() throws Exception {
        SpecVersion spec = spec("fcos", "1.5.0");
        Draft unordered = draft(json(file("/a/z", "1", 0644), file("/a/b", "2", 0644)), spec);
        assertThat(new LocalTrees().apply(unordered, context(spec, TREES))).isFalse();
        Draft owned = draft(json(file("/a/b", "1", 0644), file("/a/c", "2", 0600)), spec);
        assertThat(new LocalTrees().apply(owned, context(spec, TREES))).isFalse();
        Draft notAsked = draft(json(file("/a/b", "1", 0644), file("/a/c", "2", 0644)), spec);
        assertThat(new LocalTrees().apply(notAsked, context(spec))).isFalse();
    }

    @Test
    void walkOrderIsByNameComponents() {
        List<String> paths = new java.util.ArrayList<>(List.of("/a.d/x", "/a/b/c", "/a/b", "/B", "/a/a"));
        paths.sort(LocalTrees.DEPTH_FIRST);
        assertThat(paths).containsExactly("/B", "/a/a", "/a/b", "/a/b/c", "/a.d/x");
        assertThat(LocalTrees.commonFolder(List.of("/etc/a/x", "/etc/a/y/z"))).isEqualTo("/etc/a");
        assertThat(LocalTrees.commonFolder(List.of("/etc/x", "/usr/y"))).isEqualTo("/");
    }

    @Test
    void decompilerKeepsATreeThatExpandsToTheInput() {
        String json = json(file("/srv/www/index.html", "hello", 0644), file("/srv/www/cgi/run", "x", 0755));
        DecompileResult r = Decompiler.create().decompile(json.getBytes(StandardCharsets.UTF_8), TREES);
        // not in walk order: "cgi" sorts before "index.html", so this is no tree
        assertThat(r.butane().orElseThrow()).doesNotContain("trees");
        String ordered = json(file("/srv/www/cgi/run", "x", 0755), file("/srv/www/index.html", "hello", 0644));
        DecompileResult t = Decompiler.create().decompile(ordered.getBytes(StandardCharsets.UTF_8), TREES);
        assertThat(t.butane().orElseThrow()).contains("trees:\n    - local: tree/srv/www\n      path: /srv/www\n");
        assertThat(t.executableFiles()).containsExactly("tree/srv/www/cgi/run");
    }
}
