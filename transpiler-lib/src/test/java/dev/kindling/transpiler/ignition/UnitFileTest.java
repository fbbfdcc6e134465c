/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileTest {
    private static List<UnitFile.Option> parse(String text) throws UnitFile.InvalidUnitException {
        return UnitFile.parse(text);
    }

    private static void assertInvalid(String text) {
        assertThatThrownBy(() -> UnitFile.parse(text)).isInstanceOf(UnitFile.InvalidUnitException.class);
    }

    @Test
    void readsSectionsAndOptions() throws Exception {
        assertThat(parse("# comment\n[Unit]\nDescription = A unit \n\n; other\n[Install]\nWantedBy=multi-user.target"))
                .containsExactly(
                        new UnitFile.Option("Unit", "Description", "A unit"),
                        new UnitFile.Option("Install", "WantedBy", "multi-user.target"));
    }

    @Test
    void continuationLinesJoinWithLineFeeds() throws Exception {
        assertThat(parse("[Service]\nExecStart=/bin/a \\\n  -b\nX=1\\\n\nY=2\n")).containsExactly(
                new UnitFile.Option("Service", "ExecStart", "/bin/a \\\n  -b"),
                new UnitFile.Option("Service", "X", "1\\\n"),
                new UnitFile.Option("Service", "Y", "2"));
    }

    @Test
    void sectionHeaderWithoutOptionsIsNoSection() throws Exception {
        List<UnitFile.Option> options = parse("[Unit]\nDescription=x\n[Install]\n");
        assertThat(UnitFile.hasOptionInSection(options, "Install")).isFalse();
        assertThat(UnitFile.hasOptionInSection(options, "Unit")).isTrue();
    }

    @Test
    void textBeforeTheFirstSectionIsSkippedCharacterByCharacter() throws Exception {
        assertThat(parse("Description=foo\n")).isEmpty();
        assertThat(parse("junk [Unit]\nA=1")).containsExactly(new UnitFile.Option("Unit", "A", "1"));
        assertThat(parse("")).isEmpty();
    }

    @Test
    void refusesWhatIgnitionRefuses() {
        assertInvalid("[Unit");
        assertInvalid("[Unit] trailing\n");
        assertInvalid("[Unit]\nDescription");
        assertInvalid("[Unit]\nDescri\nption=x");
        assertInvalid("[Unit]\nDescri\rption=x");
    }

    @Test
    void sectionNamesAreTakenLiterally() throws Exception {
        assertThat(parse("[ Install ]\nA=1").get(0).section()).isEqualTo(" Install ");
        assertThat(parse("[Ins\ntall]\t \nA=1").get(0).section()).isEqualTo("Ins\ntall");
    }

    @Test
    void longLinesAreRefusedWithinTheLookAheadWindow() throws Exception {
        assertInvalid("[Unit]\nDescription=" + "a".repeat(3000) + "\n");
        assertThat(parse("[Unit]\nDescription=" + "a".repeat(2000) + "\n")).hasSize(1);
        assertInvalid("[Unit]\n#" + "a".repeat(2100) + "\n");
    }

    @Test
    void aLongLineStartingLateInTheFirstBufferSlipsThrough() throws Exception {
        // The reader only looks 2048 bytes ahead when at least that much is buffered: a long line that
        // starts 3000 bytes into the text is read before the check sees it.
        StringBuilder sb = new StringBuilder("[Unit]\n");
        while (sb.length() < 3000) {
            sb.append("# padding line\n");
        }
        String text = sb + "X=" + "a".repeat(2100) + "\n";
        assertThat(parse(text)).hasSize(1);
        // the same line near the start is refused
        assertInvalid("[Unit]\nX=" + "a".repeat(2100) + "\n" + sb);
    }

    @Test
    void unicodeWhiteSpaceCountsAsSpace() throws Exception {
        assertThat(parse("[Unit]\u00a0\n\u2003A=1")).containsExactly(new UnitFile.Option("Unit", "A", "1"));
    }
}
