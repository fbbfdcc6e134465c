/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.Source;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Transpiler#compose}: sources, diagnostics named after them, versions and variants. */
class ComposeTest {
    private static final Transpiler T = Transpiler.create();

    static TranspileResult compose(TranspileOptions options, String... namesAndTexts) {
        List<Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            sources.add(Source.of(namesAndTexts[i], namesAndTexts[i + 1]));
        }
        return T.compose(sources, options);
    }

    static String out(TranspileResult r) {
        assertThat(r.allDiagnostics()).allMatch(d -> d.severity() != Severity.ERROR);
        return new String(r.output().orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void oneSourceIsExactlyATranspile() {
        String text = "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /a\n      mode: 0644\n";
        TranspileOptions o = TranspileOptions.builder().sourceName("a.bu").build();
        TranspileResult plain = T.transpile(text, o);
        TranspileResult composed = compose(o, "a.bu", text);
        assertThat(composed.output().orElseThrow()).isEqualTo(plain.output().orElseThrow());
        assertThat(composed.diagnostics()).isEqualTo(plain.diagnostics());
    }

    @Test
    void snippetFileReplacesBaseLinkAndOutputIsAtBaseVersion() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", """
                        variant: fcos
                        version: 1.5.0
                        storage:
                          links:
                            - path: /etc/a
                              target: /etc/b
                          files:
                            - path: /etc/keep
                        """,
                "snippet.bu", """
                        variant: fcos
                        version: 1.1.0
                        storage:
                          files:
                            - path: /etc/a
                              contents:
                                inline: hi
                        """);
        assertThat(out(r)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/etc/keep\"},"
                + "{\"path\":\"/etc/a\",\"contents\":{\"compression\":\"\",\"source\":\"data:,hi\"}}]}}");
    }

    @Test
    void newerSnippetIsAnErrorNamingIt() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", "variant: fcos\nversion: 1.3.0\n",
                "roles/new.bu", "variant: fcos\nversion: 1.5.0\n");
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.source()).isEqualTo("roles/new.bu");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.message()).contains("roles/new.bu").contains("newer");
    }

    @Test
    void variantMismatchIsAnErrorNamingTheSnippet() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", "variant: fcos\nversion: 1.4.0\n",
                "flat.bu", "variant: flatcar\nversion: 1.0.0\n");
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.source()).isEqualTo("flat.bu");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("flat.bu").contains("variant");
    }

    @Test
    void eachDiagnosticNamesItsSourceAndPosition() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", "variant: fcos\nversion: 1.4.0\n",
                "bad.bu", "variant: fcos\nversion: 1.4.0\nstorage:\n  files:\n    - path: relative\n");
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.source()).isEqualTo("bad.bu");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.column()).isEqualTo(13);
        });
    }

    @Test
    void aConflictBetweenTwoSnippetsNamesBothPlaces() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", "variant: fcos\nversion: 1.5.0\n",
                "roles/links.bu", """
                        variant: fcos
                        version: 1.5.0
                        storage:
                          links:
                            - path: /etc/app
                              target: /opt/app
                        """,
                "hosts/web.bu", """
                        variant: fcos
                        version: 1.5.0
                        storage:
                          files:
                            - path: /etc/app/config
                              contents:
                                inline: x
                        """);
        assertThat(r.success()).isFalse();
        assertThat(r.failureMessage()).contains("merged config is invalid");
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("file-under-link");
        assertThat(d.source()).isEqualTo("hosts/web.bu");
        assertThat(d.line()).isEqualTo(5);
        assertThat(d.message()).endsWith("(the other entry: roles/links.bu:5:13)");
    }

    @Test
    void aUnitAndAFileAtItsPathFromTwoConfigs() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", """
                        variant: fcos
                        version: 1.5.0
                        systemd:
                          units:
                            - name: app.service
                              contents: "[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n"
                        """,
                "snippet.bu", """
                        variant: fcos
                        version: 1.5.0
                        storage:
                          files:
                            - path: /etc/systemd/system/app.service
                        """);
        assertThat(r.success()).isFalse();
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("path-conflicts-systemd");
        assertThat(d.source()).isEqualTo("snippet.bu");
        assertThat(d.message()).endsWith("(the other entry: base.bu:5:13)");
    }

    @Test
    void openshiftMachineConfigFieldsAreMerged() {
        String base = """
                variant: openshift
                version: 4.14.0
                metadata:
                  name: worker-base
                  labels:
                    machineconfiguration.openshift.io/role: worker
                openshift:
                  kernel_arguments: [a=1]
                  extensions: [usbguard]
                """;
        String snippet = """
                variant: openshift
                version: 4.12.0
                metadata:
                  name: ignored
                  labels:
                    machineconfiguration.openshift.io/role: master
                openshift:
                  kernel_arguments: [a=1, b=2]
                  extensions: [kerberos]
                  fips: true
                  kernel_type: realtime
                storage:
                  files:
                    - path: /etc/x
                """;
        String out = out(compose(TranspileOptions.defaults(), "base.bu", base, "snippet.bu", snippet));
        assertThat(out).contains("name: worker-base").contains("role: worker").doesNotContain("master")
                .doesNotContain("ignored");
        assertThat(out).contains("kernelArguments:\n    - a=1\n    - b=2\n");
        assertThat(out).contains("extensions:\n    - usbguard\n    - kerberos\n");
        assertThat(out).contains("fips: true").contains("kernelType: realtime").contains("/etc/x");
    }

    @Test
    void aSnippetsYamlErrorIsFatalAndNamesTheSnippet() {
        TranspileResult r = compose(TranspileOptions.defaults(),
                "base.bu", "variant: fcos\nversion: 1.5.0\n",
                "broken.bu", "variant: fcos\nversion: 1.5.0\nstorage: [\n");
        assertThat(r.success()).isFalse();
        assertThat(r.fatal()).hasValueSatisfying(d -> {
            assertThat(d.source()).isEqualTo("broken.bu");
            assertThat(d.code()).isEqualTo("yaml-syntax");
        });
    }

    @Test
    void plainTranspileDiagnosticsNameTheSourceName() {
        TranspileResult r = T.transpile("variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: x\n",
                TranspileOptions.builder().sourceName("web.bu").build());
        assertThat(r.diagnostics()).isNotEmpty().allMatch(d -> "web.bu".equals(d.source()));
    }
}
