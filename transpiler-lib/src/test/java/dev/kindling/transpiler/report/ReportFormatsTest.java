/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The details of each format: escaping, URIs, end columns, format names. */
class ReportFormatsTest {

    @Test
    void githubEscapesDataAndProperties() {
        assertThat(GithubReport.escapeData("50% done\r\nnext: a,b")).isEqualTo("50%25 done%0D%0Anext: a,b");
        assertThat(GithubReport.escapeProperty("a:b,c%d\ne")).isEqualTo("a%3Ab%2Cc%25d%0Ae");
        Diagnostic d = new Diagnostic(Severity.WARNING, "unused-key", "$.a", 3, 7, "unused key a:b, 100%\nsecond");
        assertThat(GithubReport.command("dir/x,y:z.bu", d))
                .isEqualTo("::warning file=dir/x%2Cy%3Az.bu,line=3,col=7,title=unused-key::unused key a:b, 100%25%0Asecond");
        Diagnostic lineOnly = new Diagnostic(Severity.ERROR, "yaml-syntax", null, 4, 0, "bad");
        assertThat(GithubReport.command("a.bu", lineOnly)).isEqualTo("::error file=a.bu,line=4,title=yaml-syntax::bad");
        Diagnostic nowhere = new Diagnostic(Severity.ERROR, "no-variant", null, 0, 0, "no variant");
        assertThat(GithubReport.command("a.bu", nowhere)).isEqualTo("::error file=a.bu,title=no-variant::no variant");
    }

    @Test
    void sarifUrisAreUriReferences() {
        assertThat(SarifReport.uri("hosts/web.bu")).isEqualTo("hosts/web.bu");
        assertThat(SarifReport.uri("hosts/my web#1.bu")).isEqualTo("hosts/my%20web%231.bu");
        assertThat(SarifReport.uri("a:b/é.bu")).isEqualTo("a%3Ab/%C3%A9.bu");
        assertThat(SarifReport.uri("/srv/configs/x.bu")).isEqualTo("file:///srv/configs/x.bu");
        assertThat(SarifReport.uri("C:/configs/x.bu")).isEqualTo("file:///C:/configs/x.bu");
        assertThat(SarifReport.uri("<stdin>")).isEqualTo("%3Cstdin%3E");
    }

    @Test
    void endColumnsCountCodePointsToTheNextSpace() {
        SourceText t = SourceText.of("a: 1\n  ké: \"x y\"\r\n\té😀z w\rlast".getBytes(StandardCharsets.UTF_8));
        assertThat(t.endColumn(1, 1)).isEqualTo(3); // "a:"
        assertThat(t.endColumn(2, 3)).isEqualTo(6); // "ké:"
        assertThat(t.endColumn(2, 7)).isEqualTo(9); // "\"x", up to the space
        assertThat(t.endColumn(3, 2)).isEqualTo(5); // "é😀z", the emoji is one column
        assertThat(t.endColumn(4, 1)).isEqualTo(5); // a lone CR ends a line too
        assertThat(t.endColumn(2, 1)).isZero(); // white space: no token
        assertThat(t.endColumn(1, 9)).isZero(); // past the end of the line
        assertThat(t.endColumn(9, 1)).isZero(); // past the last line
        assertThat(t.endColumn(0, 0)).isZero();
    }

    @Test
    void endColumnsInUtf16AndWithAByteOrderMark() {
        byte[] utf16 = "\uFEFFab cd\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(SourceText.of(utf16).endColumn(1, 4)).isEqualTo(6);
        byte[] bom = "\uFEFFab cd\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SourceText.of(bom).endColumn(1, 1)).isEqualTo(3);
    }

    @Test
    void formatNames() {
        assertThat(ReportFormat.parse("sarif")).contains(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("GitHub")).contains(ReportFormat.GITHUB);
        assertThat(ReportFormat.parse("xml")).isEmpty();
        assertThat(ReportFormat.names()).isEqualTo("human, raw, json, sarif, github");
        assertThat(ReportFormat.JSON.machineReadable()).isTrue();
        assertThat(ReportFormat.RAW.machineReadable()).isFalse();
    }
}
