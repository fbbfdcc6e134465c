/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathPatternTest {
    private static boolean m(String pattern, String path) {
        return PathPattern.of(pattern).matches(path);
    }

    @Test
    void doubleStarMatchesAnyNumberOfFoldersIncludingNone() {
        assertThat(m("**/*.bu", "web.bu")).isTrue();
        assertThat(m("**/*.bu", "hosts/web.bu")).isTrue();
        assertThat(m("**/*.bu", "a/b/c/web.bu")).isTrue();
        assertThat(m("**/*.bu", "web.bu.bak")).isFalse();
        assertThat(m("**/*.bu", "hosts/web.bux")).isFalse();
        assertThat(m("hosts/**/*.bu", "hosts/web.bu")).isTrue();
        assertThat(m("hosts/**/*.bu", "hosts/eu/web.bu")).isTrue();
        assertThat(m("hosts/**/*.bu", "edge/web.bu")).isFalse();
        assertThat(m("**/drafts/**", "drafts/x.bu")).isTrue();
        assertThat(m("**/drafts/**", "hosts/drafts/a/x.bu")).isTrue();
        assertThat(m("**/drafts/**", "hosts/x.bu")).isFalse();
        assertThat(m("**/**/*.bu", "web.bu")).isTrue();
        assertThat(m("**", "any/thing")).isTrue();
    }

    @Test
    void singleStarAndQuestionMarkStayInOneName() {
        assertThat(m("*.bu", "web.bu")).isTrue();
        assertThat(m("*.bu", "hosts/web.bu")).isFalse();
        assertThat(m("hosts/*", "hosts/web.bu")).isTrue();
        assertThat(m("hosts/*", "hosts/eu/web.bu")).isFalse();
        assertThat(m("web-?.bu", "web-1.bu")).isTrue();
        assertThat(m("web-?.bu", "web-12.bu")).isFalse();
        assertThat(m("w*b*.bu", "web-server.bu")).isTrue();
        assertThat(m("*", "")).isFalse();
        assertThat(m("*.BU", "web.bu")).isFalse(); // case-sensitive
    }

    @Test
    void trailingSlashLeadingSlashAndBackslashes() {
        assertThat(m("drafts/", "drafts/a/b.bu")).isTrue();
        assertThat(m("drafts/", "hosts/b.bu")).isFalse();
        assertThat(m("/hosts/*.bu", "hosts/a.bu")).isTrue();
        assertThat(m("./hosts/*.bu", "hosts/a.bu")).isTrue();
        assertThat(m("hosts\\*.bu", "hosts/a.bu")).isTrue();
        assertThat(m("hosts//*.bu", "hosts/a.bu")).isTrue();
    }

    @Test
    void listsSplitCommasAndFallBackToDefaults() {
        List<PathPattern> p = PathPattern.list(List.of("hosts/*.bu, edge/**"), List.of("**/*.bu"));
        assertThat(p).extracting(PathPattern::toString).containsExactly("hosts/*.bu", " edge/**");
        assertThat(PathPattern.list(null, List.of("**/*.bu"))).extracting(PathPattern::toString)
                .containsExactly("**/*.bu");
        assertThat(PathPattern.list(List.of(" ", ""), List.of("**/*.bu"))).hasSize(1);
        assertThat(PathPattern.list(List.of(), List.of())).isEmpty();
        assertThat(PathPattern.describe(p)).isEqualTo("hosts/*.bu,edge/**");
    }

    @Test
    void manyStarsDoNotExplode() {
        String path = "a/".repeat(40) + "x.bu";
        assertThat(m("**/**/a/**/a/**/*.bu", path)).isTrue();
        assertThat(m("**/**/a/**/a/**/*.yaml", path)).isFalse();
        assertThat(PathPattern.matchName("*a*a*a*a*a*a*b", "a".repeat(60))).isFalse();
    }
}
