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
