/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpersTest {
    @Test
    void cleanLikeGo() {
        assertThat(GoPath.clean("")).isEqualTo(".");
        assertThat(GoPath.clean("/")).isEqualTo("/");
        assertThat(GoPath.clean("//a//b/")).isEqualTo("/a/b");
        assertThat(GoPath.clean("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(GoPath.clean("/../a")).isEqualTo("/a");
        assertThat(GoPath.clean("a/../..")).isEqualTo("..");
        assertThat(GoPath.clean("../../a/./b/..")).isEqualTo("../../a");
        assertThat(GoPath.clean("./")).isEqualTo(".");
    }

    @Test
    void joinAndExt() {
        assertThat(GoPath.join("/x/l", "../d")).isEqualTo("/x/d");
        assertThat(GoPath.join("", "")).isEqualTo("");
        assertThat(GoPath.join("a", "")).isEqualTo("a");
        assertThat(GoPath.ext("a.service")).isEqualTo(".service");
        assertThat(GoPath.ext("a.d/b")).isEqualTo("");
        assertThat(GoPath.ext(".conf")).isEqualTo(".conf");
    }

    @Test
    void semanticVersions() {
        assertThat(SemVer.parse("3.4.0")).isEqualTo(new SemVer(3, 4, 0, "", ""));
        assertThat(SemVer.parse("3.4.0-rc.1+b-2")).isEqualTo(new SemVer(3, 4, 0, "rc.1", "b-2"));
        assertThat(SemVer.parse("+3.4.0")).isNull(); // everything after '+' is metadata
        assertThat(SemVer.parse("3.4")).isNull();
        assertThat(SemVer.parse("3.4.0.1")).isNull();
        assertThat(SemVer.parse("3.4.x")).isNull();
        assertThat(SemVer.parse("3.4.0-a_b")).isNull();
        assertThat(SemVer.parse("3.4.\u0661")).isNull();
        assertThat(SemVer.parse("99999999999999999999.0.0")).isNull();
        // pre-release and metadata: dot-separated non-empty runs of [0-9A-Za-z-]
        assertThat(SemVer.parse("3.4.0-experimental")).isEqualTo(new SemVer(3, 4, 0, "experimental", ""));
        assertThat(SemVer.parse("3.4.0--.0-+a.-")).isEqualTo(new SemVer(3, 4, 0, "-.0-", "a.-"));
        assertThat(SemVer.parse("3.4.0-+")).isEqualTo(new SemVer(3, 4, 0, "", "")); // both empty: allowed
        for (String bad : new String[] {"3.4.0-.a", "3.4.0-a.", "3.4.0-a..b", "3.4.0+a.", "3.4.0-\u00e9",
                "3.4.0-a b", "3.4.0+a+b"}) {
            assertThat(SemVer.parse(bad)).as(bad).isNull();
        }
        // the hand-written identifier check accepts exactly what the regular expression does
        java.util.Random random = new java.util.Random(12);
        String alphabet = "aZ09-._\u00e9 ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            for (int len = random.nextInt(7); len > 0; len--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = id.toString();
            boolean expected = text.isEmpty() || text.matches("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*");
            assertThat(SemVer.parse("1.2.3-" + text) != null).as(text).isEqualTo(expected);
            assertThat(SemVer.parse("1.2.3+" + text) != null).as(text).isEqualTo(expected);
        }
        // equals and hashCode are written out (see SemVer): they compare every component
        SemVer v = new SemVer(3, 4, 0, "rc.1", "b");
        assertThat(v).isEqualTo(new SemVer(3, 4, 0, "rc.1", "b")).hasSameHashCodeAs(new SemVer(3, 4, 0, "rc.1", "b"));
        assertThat(v).isNotEqualTo(new SemVer(3, 4, 0, "rc.1", "c")).isNotEqualTo(new SemVer(3, 4, 0, "rc.2", "b"))
                .isNotEqualTo(new SemVer(3, 4, 1, "rc.1", "b")).isNotEqualTo(new SemVer(3, 5, 0, "rc.1", "b"))
                .isNotEqualTo(new SemVer(4, 4, 0, "rc.1", "b")).isNotEqualTo("3.4.0-rc.1+b").isNotEqualTo(null);
    }

    @Test
    void jsonAsGoDecodesIt() {
        for (String ok : new String[] {"{}", " [1, -2.5e3, true, null, \"x\\u00e9\"] ", "{\"a\":{\"b\":[]},\"a\":1}",
                "0", "\"\"", "1e-400"}) {
            assertThat(JsonSyntax.decodable(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"", "{", "{\"a\"}", "[1,]", "01", "1.", "\"\t\"", "\"\\x\"", "tru", "{} {}",
                "1e400", "[" + "[".repeat(10000) + "]".repeat(10001), "{'a':1}"}) {
            assertThat(JsonSyntax.decodable(bad)).as(bad).isFalse();
        }
        assertThat(JsonSyntax.decodable("[".repeat(10000) + "]".repeat(10000))).isTrue();
    }

    @Test
    void goQuotedStrings() {
        assertThat(GoStrings.unquotable("a\\n\\x41\\u00e9\\U0001F600\\101\\\"")).isTrue();
        assertThat(GoStrings.unquotable("\\'")).isFalse();
        assertThat(GoStrings.unquotable("\\400")).isFalse();
        assertThat(GoStrings.unquotable("\\ud800")).isFalse();
        assertThat(GoStrings.unquotable("a\nb")).isFalse();
        assertThat(GoStrings.unquotable("\\")).isFalse();
    }
}
