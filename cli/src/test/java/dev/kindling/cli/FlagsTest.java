/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The command line follows Go pflag's syntax exactly. */
class FlagsTest {

    @Test
    void longShortGroupedAndValueForms() throws Exception {
        Flags f = Flags.parse(new String[] {"-ps", "--raw", "-oout.ign", "--files-dir=dir", "in.bu", "-c"});
        assertThat(f.pretty).isTrue();
        assertThat(f.strict).isTrue();
        assertThat(f.raw).isTrue();
        assertThat(f.check).isTrue();
        assertThat(f.output).isEqualTo("out.ign");
        assertThat(f.filesDir).isEqualTo("dir");
        assertThat(f.positional).containsExactly("in.bu");

        Flags g = Flags.parse(new String[] {"-o=x", "-d", "files", "--output", "y", "--pretty=false", "-p=0"});
        assertThat(g.output).isEqualTo("y");
        assertThat(g.filesDir).isEqualTo("files");
        assertThat(g.pretty).isFalse();
    }

    @Test
    void colorTakesItsValueOnlyAfterEquals() throws Exception {
        Flags bare = Flags.parse(new String[] {"--color", "never"});
        assertThat(bare.color).isEqualTo("always");
        assertThat(bare.positional).containsExactly("never");
        assertThat(Flags.parse(new String[] {"--colour=no"}).color).isEqualTo("no");
        assertThat(Flags.parse(new String[0]).color).isEqualTo("auto");
    }

    @Test
    void dashesAndTerminator() throws Exception {
        Flags f = Flags.parse(new String[] {"-", "--", "-p", "--x"});
        assertThat(f.pretty).isFalse();
        assertThat(f.positional).containsExactly("-", "-p", "--x");
    }

    @Test
    void deprecatedInputFlagIsAcceptedWithANotice() throws Exception {
        Flags f = Flags.parse(new String[] {"--input", "a.bu"});
        assertThat(f.input).isEqualTo("a.bu");
        assertThat(f.notices.toString())
                .isEqualTo("Flag --input has been deprecated, specify filename directly on command line\n");
    }

    @Test
    void errorsUsePflagWording() {
        assertThatThrownBy(() -> Flags.parse(new String[] {"--nope"})).hasMessage("unknown flag: --nope");
        assertThatThrownBy(() -> Flags.parse(new String[] {"-pz"})).hasMessage("unknown shorthand flag: 'z' in -z");
        assertThatThrownBy(() -> Flags.parse(new String[] {"-o"})).hasMessage("flag needs an argument: 'o' in -o");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--output"}))
                .hasMessage("flag needs an argument: --output");
        assertThatThrownBy(() -> Flags.parse(new String[] {"---x"})).hasMessage("bad flag syntax: ---x");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--strict=yes"})).hasMessage(
                "invalid argument \"yes\" for \"-s, --strict\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--raw-errors=2"})).hasMessage(
                "invalid argument \"2\" for \"--raw-errors\" flag: strconv.ParseBool: parsing \"2\": invalid syntax");
    }

    @Test
    void usageListsVisibleFlagsSortedAndAligned() {
        String u = Flags.usage("kindling");
        assertThat(u).startsWith("Usage: kindling [options] [input-file]\nOptions:\n  -c, --check   ");
        assertThat(u).contains("\n      --color string[=\"always\"]   control color output: \"auto\", \"always\", or"
                + " \"never\" (default \"auto\")\n");
        assertThat(u).contains("\n  -V, --version                   print the version and exit\n");
        assertThat(u).doesNotContain("colour", "--input", "debug");
    }
}
