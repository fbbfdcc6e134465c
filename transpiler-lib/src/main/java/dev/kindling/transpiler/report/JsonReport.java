/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.transpiler.Diagnostic;
import java.io.IOException;
import java.util.List;

/**
 * The JSON report: one array with an object per problem, files in the given order and each
 * file's problems in report order.
 *
 * <pre>{@code
 * [
 *   {
 *     "file": "hosts/web.bu",
 *     "severity": "warning",
 *     "code": "unused-key",
 *     "path": "$.storage.filez",
 *     "line": 4,
 *     "column": 1,
 *     "message": "unused key filez"
 *   }
 * ]
 * }</pre>
 *
 * {@code path}, {@code line} and {@code column} are null when unknown.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report as UTF-8 bytes ending in a newline. */
    public static byte[] write(List<FileReport> files) {
        return Json.write(g -> {
            g.writeStartArray();
            for (FileReport f : files) {
                for (Diagnostic d : f.entries()) {
                    entry(g, f.file(), d);
                }
            }
            g.writeEndArray();
        });
    }

    private static void entry(JsonGenerator g, String file, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", file);
        g.writeStringField("severity", d.severity().word());
        g.writeStringField("code", d.code());
        g.writeStringField("path", d.path() == null || d.path().isEmpty() ? null : d.path());
        Json.positive(g, "line", d.line());
        Json.positive(g, "column", d.hasPosition() ? d.column() : 0);
        g.writeStringField("message", d.message());
        g.writeEndObject();
    }
}
