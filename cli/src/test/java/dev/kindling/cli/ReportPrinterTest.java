/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {
    private static final byte[] SOURCE = ("variant: fcos\nversion: 1.6.0\nboot_device:\n  layout: s390x-virt\n"
            + "  mirror:\n    devices:\n      - /dev/vda\n").getBytes(StandardCharsets.UTF_8);

    private static String render(List<Diagnostic> d, boolean color, boolean raw) {
        return new String(ReportPrinter.render(d, "test.bu", SOURCE, color, raw), StandardCharsets.UTF_8);
    }

    private static final Diagnostic LAYOUT = new Diagnostic(Severity.ERROR, "x", "$.boot_device.layout", 4, 11,
            "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt");

    @Test
    void prettyEntryQuotesTheSource() {
        assertThat(render(List.of(LAYOUT), false, false)).isEqualTo("""
                error[$.boot_device.layout]:
                  --> test.bu:4:11
                   |
                 2 | version: 1.6.0
                 3 | boot_device:
                 4 |   layout: s390x-virt
                   |           ^^^^^^^^^^ mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt
                 5 |   mirror:
                 6 |     devices:
                   |
                """);
    }

    @Test
    void colouredEntry() {
        Diagnostic w = new Diagnostic(Severity.WARNING, "x", "$", 1, 1, "hm");
        assertThat(render(List.of(w), true, false)).isEqualTo("\033[1;33mwarning\033[0m:\n"
                + "  \033[1;34m-->\033[0m test.bu:1:1\n"
                + "   |\n"
                + " \033[1;34m1\033[0m | variant: fcos\n"
                + "   | \033[1;34m^^^^^^^^\033[0m hm\n"
                + " \033[1;34m2\033[0m | version: 1.6.0\n"
                + " \033[1;34m3\033[0m | boot_device:\n"
                + "   |\n");
    }

    @Test
    void entriesWithoutUsablePositionFallBackToOneLine() {
        Diagnostic noPos = new Diagnostic(Severity.ERROR, "x", "$.a", 0, 0, "m1");
        Diagnostic pastEnd = new Diagnostic(Severity.WARNING, "x", "$.b", 1, 14, "m2");
        assertThat(render(List.of(noPos, pastEnd), false, false))
                .isEqualTo("error at $.a: m1\n\nwarning at $.b, line 1 col 14: m2\n");
    }

    @Test
    void rawForm() {
        String line = "error at $.boot_device.layout, line 4 col 11: mirroring not supported on layouts: s390x-eckd,"
                + " s390x-zfcp, s390x-virt\n";
        assertThat(render(List.of(LAYOUT, LAYOUT), false, true)).isEqualTo(line + line);
    }

    @Test
    void gutterWidensForTwoDigitLines() {
        byte[] src = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk: v\r\nl\n".getBytes(StandardCharsets.UTF_8);
        Diagnostic d = new Diagnostic(Severity.ERROR, "x", "$.k", 9, 1, "m");
        String out = new String(ReportPrinter.render(List.of(d), "f", src, false, false), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("error[$.k]:\n  --> f:9:1\n    |\n  7 | g\n  8 | h\n  9 | i\n    | ^ m\n"
                + " 10 | j\n 11 | k: v\r\n    |\n");
    }

    @Test
    void underlineStopsAtGoWhiteSpace() {
        byte[] line = "ab\u00a0cd".getBytes(StandardCharsets.UTF_8);
        assertThat(ReportPrinter.widthToSpace(line, 0)).isEqualTo(2);
        assertThat(ReportPrinter.widthToSpace("abc\rx".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(2);
        assertThat(ReportPrinter.widthToSpace("é!".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(3);
    }
}
