/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.spec.SpecVersion;

/** What every translation step needs: the spec, local file access and the report. */
final class Context {
    final SpecVersion spec;
    final LocalFiles files;
    final Report report;
    /** Large contents' data URLs, encoded in parallel; made on first use, so small configs load none of it. */
    private DataUrlJobs dataUrls;
    /** Whether Butane merges sugar into this input's translation, which changes where it reports. */
    boolean butaneMerges;
    /** The sections the merged sugar also fills (see OutputPaths#mergedSections). */
    java.util.Set<String> butaneMergedSections = java.util.Set.of();
    /** Whether the output is a MachineConfig (openshift without --raw); see {@link OutputPaths#ofBareConfig}. */
    boolean machineConfig;

    Context(SpecVersion spec, LocalFiles files, Report report) {
        this.spec = spec;
        this.files = files;
        this.report = report;
    }

    boolean autoCompression() {
        return !spec.has(Rule.NO_AUTO_COMPRESSION);
    }

    /**
     * Sets a resource's data URL as {@link DataUrls#fill} does; large contents may be encoded on
     * another core, their values complete after {@link #finishDataUrls}.
     */
    void fillDataUrl(ObjValue resource, byte[] data, Path origin) {
        if (data.length < DataUrlJobs.MIN_BACKGROUND_BYTES) {
            DataUrls.fill(resource, data, autoCompression(), origin);
            return;
        }
        if (dataUrls == null) {
            dataUrls = new DataUrlJobs();
        }
        dataUrls.fill(resource, data, autoCompression(), origin);
    }

    /** Waits for the data URLs being encoded in the background and puts them in. */
    void finishDataUrls() {
        if (dataUrls != null) {
            dataUrls.finish();
        }
    }
}
