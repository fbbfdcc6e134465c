/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.tree.ObjValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuadletsTest {
    @TempDir
    Path dir;

    @Test
    void templateInstanceNeedsSomethingBetweenAtAndTheExtension() {
        assertThat(Quadlets.isTemplateInstance("a@b.container")).isTrue();
        assertThat(Quadlets.isTemplateInstance("web@blue.green.container")).isTrue();
        assertThat(Quadlets.isTemplateInstance("a@.container")).isFalse();
        assertThat(Quadlets.isTemplateInstance("a.container")).isFalse();
        assertThat(Quadlets.isTemplateInstance("a@b")).isFalse();
        assertThat(Quadlets.isTemplateInstance("@x.pod")).isTrue();
    }

    @Test
    void templateIsThePrefixBeforeTheFirstAtWithTheLastExtension() {
        assertThat(Quadlets.templateOf("runner@amd.container")).isEqualTo("runner@.container");
        assertThat(Quadlets.templateOf("a@b@c.d.volume")).isEqualTo("a@.volume");
    }

    @Test
    void destinationIsJoinedAndCleaned() {
        assertThat(Quadlets.destination(true, "web.container")).isEqualTo("/etc/containers/systemd/web.container");
        assertThat(Quadlets.destination(false, "web.container"))
                .isEqualTo("/etc/containers/systemd/users/web.container");
        assertThat(Quadlets.destination(true, "./sub//x.volume")).isEqualTo("/etc/containers/systemd/sub/x.volume");
        assertThat(Quadlets.destination(false, "../x.kube")).isEqualTo("/etc/containers/systemd/x.kube");
        assertThat(Quadlets.destination(true, "../../../../../x.pod")).isEqualTo("/x.pod");
    }

    @Test
    void filesForRootfulAndRootlessQuadletsAndTheirDropins() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: web.container
                      rootful: true
                      contents: |
                        [Container]
                        Image=docker.io/library/nginx:stable
                      dropins:
                        - name: 10-env.conf
                          contents: |
                            [Container]
                            Environment=QUIET=1
                    - name: web-data.volume
                      rootful: true
                      contents: |
                        [Volume]
                    - name: toolbox.container
                      contents: |
                        [Container]
                        Exec=sleep infinity
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.7.0-experimental"},"storage":{"files":[\
                {"path":"/etc/containers/systemd/web.container","contents":{"compression":"",\
                "source":"data:,%5BContainer%5D%0AImage%3Ddocker.io%2Flibrary%2Fnginx%3Astable%0A"},"mode":420},\
                {"path":"/etc/containers/systemd/web.container.d/10-env.conf","contents":{"compression":"",\
                "source":"data:,%5BContainer%5D%0AEnvironment%3DQUIET%3D1%0A"},"mode":420},\
                {"path":"/etc/containers/systemd/web-data.volume","contents":{"compression":"","source":"data:,%5BVolume%5D%0A"},"mode":420},\
                {"path":"/etc/containers/systemd/users/toolbox.container","contents":{"compression":"",\
                "source":"data:,%5BContainer%5D%0AExec%3Dsleep%20infinity%0A"},"mode":420}]}}
                """);
        // Short texts are percent-encoded exactly as Butane does.
        assertThat(out).contains("\"source\":\"data:,%5BVolume%5D%0A\"");
    }

    @Test
    void templateInstancesBecomeLinksToTheirTemplate() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: sensor@.container
                      rootful: true
                      contents: |
                        [Container]
                        Exec=--device %i
                    - name: sensor@ttyUSB0.container
                      rootful: true
                    - name: runner@amd.container
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.7.0-experimental"},"storage":{"files":[\
                {"path":"/etc/containers/systemd/sensor@.container","contents":{"compression":"",\
                "source":"data:,%5BContainer%5D%0AExec%3D--device%20%25i%0A"},"mode":420}],\
                "links":[{"path":"/etc/containers/systemd/sensor@ttyUSB0.container","target":"sensor@.container"},\
                {"path":"/etc/containers/systemd/users/runner@amd.container","target":"runner@.container"}]}}
                """);
    }

    @Test
    void quadletWithoutContentsIsAnEmptyFile() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: empty.network
                      rootful: true
                """);
        assertThat(out).isEqualTo("{\"ignition\":{\"version\":\"3.7.0-experimental\"},\"storage\":{\"files\":[{\"path\":"
                + "\"/etc/containers/systemd/empty.network\",\"contents\":{\"compression\":\"\",\"source\":\"data:,\"},"
                + "\"mode\":420}]}}");
    }

    @Test
    void localContentsAreReadFromTheFilesDirectory() throws IOException {
        Files.createDirectories(dir.resolve("quadlets"));
        Files.writeString(dir.resolve("quadlets/app.pod"), "[Pod]\nPodName=app\n");
        Files.writeString(dir.resolve("quadlets/net.conf"), "[Kube]\nNetwork=host\n");
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: app.pod
                      rootful: true
                      contents_local: quadlets/app.pod
                      dropins:
                        - name: net.conf
                          contents_local: quadlets/net.conf
                """, dir);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.7.0-experimental"},"storage":{"files":[\
                {"path":"/etc/containers/systemd/app.pod","contents":{"compression":"","source":"data:,%5BPod%5D%0APodName%3Dapp%0A"},"mode":420},\
                {"path":"/etc/containers/systemd/app.pod.d/net.conf","contents":{"compression":"","source":"data:,%5BKube%5D%0ANetwork%3Dhost%0A"},"mode":420}]}}
                """);
    }

    @Test
    void missingLocalFileIsReportedAtContentsLocal() {
        TranspileResult r = SugarSupport.transpile("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: app.pod
                      rootful: true
                      contents_local: nope.pod
                """, dir);
        assertThat(r.success()).isFalse();
        assertThat(SugarSupport.positions(r))
                .containsExactly("error at $.systemd.quadlets.0.contents_local, line 7 col 23");
    }

    @Test
    void duplicateQuadletIsANodeExistsError() {
        TranspileResult r = SugarSupport.transpile("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: db.container
                      rootful: true
                      contents: "[Container]\\nImage=docker.io/library/postgres:16\\n"
                    - name: db.container
                      rootful: true
                      contents: "[Container]\\nImage=docker.io/library/postgres:17\\n"
                """, null);
        assertThat(r.success()).isFalse();
        assertThat(SugarSupport.positions(r)).containsExactly("error at $.systemd.quadlets.1, line 8 col 7");
        assertThat(r.diagnostics().get(0).code()).isEqualTo("node-exists");
        assertThat(r.diagnostics().get(0).message())
                .isEqualTo("matching filesystem node has existing contents or different type");
    }

    @Test
    void userNodesAtTheDestinationAreNotOverwritten() {
        TranspileResult r = SugarSupport.transpile("""
                variant: fcos
                version: 1.8.0-experimental
                storage:
                  directories:
                    - path: /etc/containers/systemd/web.container.d/10-a.conf
                  links:
                    - path: /etc/containers/systemd/users/x@1.container
                      target: /dev/null
                systemd:
                  quadlets:
                    - name: web.container
                      rootful: true
                      dropins:
                        - name: 10-a.conf
                          contents: x
                    - name: x@1.container
                """, null);
        assertThat(r.success()).isFalse();
        assertThat(SugarSupport.positions(r)).containsExactly(
                "error at $.systemd.quadlets.0.dropins.0, line 14 col 11",
                "error at $.systemd.quadlets.1, line 16 col 7");
    }

    @Test
    void quadletNodesFollowTheUsersNodes() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.8.0-experimental
                storage:
                  files:
                    - path: /etc/hostname
                      contents:
                        inline: box
                systemd:
                  quadlets:
                    - name: a.network
                      rootful: true
                """);
        JsonNode files = SugarSupport.json(out).at("/storage/files");
        assertThat(files.get(0).at("/path").asText()).isEqualTo("/etc/hostname");
        assertThat(files.get(1).at("/path").asText()).isEqualTo("/etc/containers/systemd/a.network");
    }

    @Test
    void generatedNodesPointAtTheirQuadlet() {
        ObjValue out = SugarSupport.applyPass(new Quadlets(), """
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  quadlets:
                    - name: a.container
                      contents: x
                      dropins:
                        - name: d.conf
                          contents: y
                    - name: a@1.container
                """, null);
        ObjValue storage = out.obj("storage");
        assertThat(storage.origin()).hasToString("$.systemd.quadlets");
        assertThat(storage.list("files").origin()).hasToString("$.systemd.quadlets.0");
        ObjValue file = (ObjValue) storage.list("files").items().get(0);
        assertThat(file.origin()).hasToString("$.systemd.quadlets.0");
        assertThat(file.get("path").origin()).hasToString("$.systemd.quadlets.0.name");
        assertThat(file.obj("contents").origin()).hasToString("$.systemd.quadlets.0.contents");
        assertThat(file.obj("contents").get("source").origin()).hasToString("$.systemd.quadlets.0.contents");
        assertThat(file.obj("contents").get("compression").origin()).hasToString("$.systemd.quadlets.0");
        assertThat(file.get("mode").origin()).hasToString("$.systemd.quadlets.0");
        ObjValue dropin = (ObjValue) storage.list("files").items().get(1);
        assertThat(dropin.get("path").origin()).hasToString("$.systemd.quadlets.0.dropins.0.name");
        assertThat(dropin.obj("contents").origin()).hasToString("$.systemd.quadlets.0.dropins.0.contents");
        ObjValue link = (ObjValue) storage.list("links").items().get(0);
        assertThat(link.origin()).hasToString("$.systemd.quadlets.1");
        assertThat(link.get("path").origin()).hasToString("$.systemd.quadlets.1.name");
        assertThat(link.get("target").origin()).hasToString("$.systemd.quadlets.1");
    }

    @Test
    void withoutQuadletsTheOutputIsUntouched() {
        ObjValue input = SugarSupport.decode("""
                variant: fcos
                version: 1.8.0-experimental
                systemd:
                  units:
                    - name: a.service
                """);
        Context ctx = SugarSupport.context(SugarSupport.spec("fcos", "1.8.0-experimental"), null);
        ObjValue output = new Translator(ctx).translateConfig(input);
        assertThat(new Quadlets().apply(input, output, ctx)).isSameAs(output);
        assertThat(output.has("storage")).isFalse();
    }
}
