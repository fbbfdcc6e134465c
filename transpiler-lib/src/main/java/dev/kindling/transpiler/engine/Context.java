/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;

/** What every translation step needs: the spec, local file access and the report. */
final class Context {
    final SpecVersion spec;
    final LocalFiles files;
    final Report report;

    Context(SpecVersion spec, LocalFiles files, Report report) {
        this.spec = spec;
        this.files = files;
        this.report = report;
    }

    boolean autoCompression() {
        return !spec.has(Rule.NO_AUTO_COMPRESSION);
    }
}
