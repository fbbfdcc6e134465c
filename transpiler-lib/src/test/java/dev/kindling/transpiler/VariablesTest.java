/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Variables: every place a reference may stand, the escape, undefined/unused, secrets. */
class VariablesTest {
    private static final Transpiler T = Transpiler.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "variant: fcos\nversion: 1.6.0\n";

    private static TranspileResult run(String yaml, Variables vars) {
        return T.transpile(yaml, TranspileOptions.builder().variables(vars).build());
    }

    private static JsonNode out(TranspileResult r) {
        assertThat(r.allDiagnostics()).as("diagnostics").isEmpty();
        try {
            return JSON.readTree(r.output().orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Variables vars(String... nameValue) {
        Variables.Builder b = Variables.builder();
        for (int i = 0; i < nameValue.length; i += 2) {
            b.put(nameValue[i], nameValue[i + 1]);
        }
        return b.build();
    }

    private static String firstFileSource(JsonNode ign) {
        return ign.at("/storage/files/0/contents/source").asText();
    }

    @Test
    void validNamesAreALetterOrUnderscoreThenLettersDigitsUnderscoresDotsDashes() {
        // the documented rule as a regular expression, against the hand-written check, on every
        // short name over an alphabet that holds each kind of character and a few outsiders
        java.util.regex.Pattern rule = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
        String alphabet = "aZ_09.-$ é[";
        List<String> names = new ArrayList<>(List.of(""));
        for (int len = 1; len <= 3; len++) {
            List<String> longer = new ArrayList<>();
            for (String n : names) {
                if (n.length() == len - 1) {
                    for (char c : alphabet.toCharArray()) {
                        longer.add(n + c);
                    }
                }
            }
            names.addAll(longer);
        }
        for (String n : names) {
            assertThat(Variables.isValidName(n)).as("'%s'", n).isEqualTo(rule.matcher(n).matches());
        }
        assertThat(Variables.isValidName(null)).isFalse();
        assertThat(Variables.isValidName("host.name-2_x")).isTrue();
    }

    @Test
    void plainSingleAndDoubleQuotedScalars() {
        String y = HEAD + "passwd:\n  users:\n    - name: $[[user]]\n      gecos: 'the $[[role]] user'\n"
                + "      home_dir: \"/home/$[[ user ]]\"\n";
        JsonNode u = out(run(y, vars("user", "core2", "role", "web"))).at("/passwd/users/0");
        assertThat(u.get("name").asText()).isEqualTo("core2");
        assertThat(u.get("gecos").asText()).isEqualTo("the web user");
        assertThat(u.get("homeDir").asText()).isEqualTo("/home/core2");
    }

    @Test
    void literalAndFoldedBlockScalars() {
        String y = HEAD + "storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: |\n"
                + "          $[[host]]\n          domain=$[[domain]] $[[host]]\n"
                + "    - path: /etc/motd\n      contents:\n        inline: >\n          hello\n          $[[host]]\n";
        JsonNode ign = out(run(y, vars("host", "web-1", "domain", "example.org")));
        assertThat(firstFileSource(ign)).isEqualTo("data:,web-1%0Adomain%3Dexample.org%20web-1%0A");
        assertThat(ign.at("/storage/files/1/contents/source").asText()).isEqualTo("data:,hello%20web-1%0A");
    }

    @Test
    void valueWithYamlSyntaxArrivesAsPlainText() {
        String tricky = "a: b # not a comment\n- \"quoted\" 'single' {x: [y]} &anchor *alias";
        String y = HEAD + "storage:\n  files:\n    - path: /etc/a\n      contents:\n        inline: $[[v]]\n"
                + "    - path: /etc/b\n      contents:\n        inline: \"$[[v]]\"\n"
                + "    - path: /etc/c\n      contents:\n        inline: |\n          $[[v]]\n";
        JsonNode ign = out(run(y, vars("v", tricky)));
        assertThat(contents(ign, 0)).isEqualTo(tricky);
        assertThat(contents(ign, 1)).isEqualTo(tricky);
        assertThat(contents(ign, 2)).isEqualTo(tricky + "\n");
        assertThat(ign.at("/storage/files").size()).isEqualTo(3);
    }

    /** The decoded contents of the i-th file of an output (a percent-encoded or base64 data URL). */
    private static String contents(JsonNode ign, int i) {
        String src = ign.at("/storage/files/" + i + "/contents/source").asText();
        if (src.startsWith("data:;base64,")) {
            return new String(java.util.Base64.getDecoder().decode(src.substring(13)), StandardCharsets.UTF_8);
        }
        assertThat(src).startsWith("data:,");
        return java.net.URLDecoder.decode(src.substring(6).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void plainScalarIsTypedAfterSubstitutionQuotedStaysString() {
        String y = HEAD + "storage:\n  files:\n    - path: /etc/a\n      mode: $[[mode]]\n"
                + "      overwrite: $[[ow]]\n      contents:\n        inline: x\n";
        JsonNode f = out(run(y, vars("mode", "0640", "ow", "true"))).at("/storage/files/0");
        assertThat(f.get("mode").asInt()).isEqualTo(0640);
        assertThat(f.get("overwrite").asBoolean()).isTrue();

        TranspileResult quoted = run(HEAD + "storage:\n  files:\n    - path: /etc/a\n      mode: \"$[[mode]]\"\n",
                vars("mode", "0640"));
        assertThat(quoted.success()).isFalse(); // a string where a number belongs, as if written "0640"
        TranspileResult direct = run(HEAD + "storage:\n  files:\n    - path: /etc/a\n      mode: \"0640\"\n",
                Variables.empty());
        assertThat(quoted.fatal().map(Diagnostic::message)).isEqualTo(direct.fatal().map(Diagnostic::message));
    }

    @Test
    void variantAndVersionMayComeFromVariables() {
        JsonNode ign = out(run("variant: $[[variant]]\nversion: $[[version]]\n", vars("variant", "fcos",
                "version", "1.4.0")));
        assertThat(ign.at("/ignition/version").asText()).isEqualTo("3.3.0");
    }

    @Test
    void aliasOfAnAnchoredScalarSeesTheValue() {
        String y = HEAD + "passwd:\n  users:\n    - name: &who $[[user]]\n  groups:\n    - name: *who\n";
        JsonNode ign = out(run(y, vars("user", "ops")));
        assertThat(ign.at("/passwd/users/0/name").asText()).isEqualTo("ops");
        assertThat(ign.at("/passwd/groups/0/name").asText()).isEqualTo("ops");
    }

    @Test
    void escapeGivesTheOpenerLiterally() {
        String y = HEAD + "storage:\n  files:\n    - path: /etc/a\n      contents:\n        inline: |\n"
                + "          $$[[not_a_var]] $$ ${HOME} $HOME {{ .Names }} %i $[[x]]\n";
        JsonNode ign = out(run(y, vars("x", "1")));
        assertThat(contents(ign, 0)).isEqualTo("$[[not_a_var]] $$ ${HOME} $HOME {{ .Names }} %i 1\n");
        JsonNode noVars = out(run(HEAD + "passwd:\n  users:\n    - name: core\n      gecos: 'a $$[[b]] c'\n",
                Variables.empty()));
        assertThat(noVars.at("/passwd/users/0/gecos").asText()).isEqualTo("a $[[b]] c");
    }

    @Test
    void undefinedVariableIsAnErrorAtTheReference() {
        String y = HEAD + "storage:\n  files:\n    - path: /etc/a\n      contents:\n        inline: |\n"
                + "          first line\n          x=$[[defined]] y=$[[missing]]\n";
        TranspileResult r = run(y, vars("defined", "1"));
        assertThat(r.success()).isFalse();
        assertThat(r.diagnostics()).hasSize(1);
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("undefined-variable");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.message()).contains("missing");
        assertThat(d.path()).isEqualTo("$.storage.files.0.contents.inline");
        assertThat(d.line()).isEqualTo(9);
        assertThat(d.column()).isEqualTo(28);
        assertThat(r.failureMessage()).contains("source config is invalid");
    }

    @Test
    void everyUndefinedReferenceIsReportedAtItsOwnPlace() {
        String y = HEAD + "passwd:\n  users:\n    - name: 'x $[[a]] $[[b]]'\n    - name: $[[c]]\n";
        TranspileResult r = run(y, Variables.empty());
        assertThat(r.diagnostics()).extracting(Diagnostic::line, Diagnostic::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 16), org.assertj.core.groups.Tuple.tuple(5, 23),
                        org.assertj.core.groups.Tuple.tuple(6, 13));
    }

    @Test
    void malformedReferencesAreErrors() {
        TranspileResult unterminated = run(HEAD + "passwd:\n  users:\n    - name: $[[user\n", vars("user", "a"));
        assertThat(unterminated.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("malformed-variable"))
                .satisfies(d -> assertThat(d.column()).isEqualTo(13));
        TranspileResult badName = run(HEAD + "passwd:\n  users:\n    - name: $[[9lives]]\n", Variables.empty());
        assertThat(badName.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("malformed-variable"));
    }

    @Test
    void referencesInKeysAreRefused() {
        TranspileResult r = run(HEAD + "storage:\n  $[[section]]: []\n", vars("section", "files"));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("variable-in-key");
        assertThat(r.diagnostics().get(0).line()).isEqualTo(4);
        assertThat(r.diagnostics().get(0).column()).isEqualTo(3);
    }

    @Test
    void unusedVariableIsAWarningNamingIt() {
        String y = HEAD + "passwd:\n  users:\n    - name: $[[used]]\n";
        TranspileResult r = run(y, vars("used", "a", "spare", "b", "other", "c"));
        assertThat(r.success()).isTrue();
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unused-variable", Severity.WARNING,
                                "variable other is defined but not used"),
                        org.assertj.core.groups.Tuple.tuple("unused-variable", Severity.WARNING,
                                "variable spare is defined but not used"));
        TranspileResult strict = T.transpile(y, TranspileOptions.builder().strict(true)
                .variables(vars("used", "a", "spare", "b")).build());
        assertThat(strict.success()).isFalse();
        assertThat(strict.failureMessage()).contains("config produced warnings and strict mode is on");
    }

    @Test
    void secretsNeverAppearInDiagnostics() {
        Variables v = Variables.builder().putSecret("token", "s3cr\"et-path").put("plain", "visible").build();
        // the secret ends up where an error quotes it (a relative path)
        TranspileResult r = run(HEAD + "storage:\n  files:\n    - path: $[[token]]\n    - path: x$[[plain]]\n", v);
        assertThat(r.success()).isFalse();
        assertThat(r.allDiagnostics()).hasSize(2);
        for (Diagnostic d : r.allDiagnostics()) {
            assertThat(d.message()).doesNotContain("s3cr").doesNotContain("et-path");
        }
        assertThat(r.allDiagnostics().get(0).message()).contains("[secret token]");
        assertThat(r.allDiagnostics().get(1).message()).contains("xvisible");
        assertThat(v.toString()).doesNotContain("s3cr").contains("token=<secret>");
        assertThat(TranspileOptions.builder().variables(v).build().toString()).doesNotContain("s3cr");
    }

    @Test
    void secretIsSubstitutedInTheOutput() {
        Variables v = Variables.builder().putSecret("pw", "$y$hash").build();
        JsonNode ign = out(run(HEAD + "passwd:\n  users:\n    - name: core\n      password_hash: $[[pw]]\n", v));
        assertThat(ign.at("/passwd/users/0/passwordHash").asText()).isEqualTo("$y$hash");
    }

    @Test
    void invalidNamesAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> Variables.builder().put("1x", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Variables.builder().put("a b", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Variables.builder().put("web.host-name_1", "v").build().names()).containsExactly("web.host-name_1");
    }

    @Test
    void laterValuesWin() {
        Variables v = vars("a", "1", "b", "2").with(Variables.builder().putSecret("b", "3").build());
        assertThat(v.value("b")).contains("3");
        assertThat(v.isSecret("b")).isTrue();
        assertThat(v.value("a")).contains("1");
    }

    @Test
    void deeplyNestedDocumentIsSubstitutedWithoutRecursion() {
        int depth = 5000;
        String y = HEAD + "x: " + "[".repeat(depth) + "'$[[v]]'" + "]".repeat(depth) + "\n";
        TranspileResult r = run(y, vars("v", "1"));
        assertThat(r.fatal().map(Diagnostic::code)).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).doesNotContain("internal-error", "undefined-variable");
    }

    @Test
    void composeAppliesVariablesToEverySourceAndReportsUnusedOncePerRun() {
        Source base = new Source("base.bu", (HEAD + "passwd:\n  users:\n    - name: $[[user]]\n")
                .getBytes(StandardCharsets.UTF_8));
        Source snippet = new Source("roles/web.bu", (HEAD + "storage:\n  files:\n    - path: /etc/role\n"
                + "      contents:\n        inline: $[[role]]\n").getBytes(StandardCharsets.UTF_8));
        Variables v = vars("user", "ops", "role", "web", "spare", "x");
        TranspileResult r = T.compose(List.of(base, snippet), TranspileOptions.builder().variables(v).build());
        assertThat(r.success()).isTrue();
        assertThat(r.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("variable spare is defined but not used");
        JsonNode ign;
        try {
            ign = JSON.readTree(r.output().orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(ign.at("/passwd/users/0/name").asText()).isEqualTo("ops");
        assertThat(contents(ign, 0)).isEqualTo("web");

        TranspileResult missing = T.compose(List.of(base, snippet),
                TranspileOptions.builder().variables(vars("user", "ops")).build());
        assertThat(missing.success()).isFalse();
        assertThat(missing.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("undefined-variable");
            assertThat(d.source()).isEqualTo("roles/web.bu");
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.column()).isEqualTo(17);
        });
    }

    /** No input or local file of the conformance corpus (real Butane configs) contains the opener or the escape. */
    @Test
    void theCorpusNeverContainsTheOpener() throws IOException {
        Path cases = Path.of("src/test/resources/conformance/cases");
        List<Path> hits = new ArrayList<>();
        int[] count = {0};
        try (Stream<Path> files = Files.walk(cases)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                count[0]++;
                try {
                    String s = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    if (s.contains("$[[")) { // the escape $$[[ contains it too
                        hits.add(f);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(count[0]).isGreaterThan(1000);
        assertThat(hits).isEmpty();
    }
}
