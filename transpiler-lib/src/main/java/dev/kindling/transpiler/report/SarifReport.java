/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SARIF 2.1.0 report: one run whose tool driver is Kindling, with one rule per diagnostic
 * code that occurs (sorted by code, described from the {@link RuleCatalog}) and one result per
 * problem, files in the given order and each file's problems in report order.
 *
 * <p>Each result's location names the file by a relative URI (the file as given, percent-encoded
 * where a URI needs it; absolute paths become {@code file:} URIs) and, when the position is
 * known, a region with the start line and column and, when the source is known, the end column
 * of the token there. Columns count Unicode code points, which the run declares with
 * {@code columnKind}. The problem's path in the Butane config is given as a logical location.
 */
public final class SarifReport {
    /** The SARIF schema the log declares. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** Where to learn about the tool, as the log's driver says. */
    public static final String INFORMATION_URI = "https://github.com/kindling-dev/kindling";
    /** The driver's name. */
    public static final String TOOL_NAME = "Kindling";

    private SarifReport() {
    }

    /**
     * The log as UTF-8 bytes ending in a newline.
     *
     * @param toolVersion the version of the program that made the report, e.g. {@code 0.1.0}
     */
    public static byte[] write(List<FileReport> files, String toolVersion) {
        List<List<Diagnostic>> entries = new ArrayList<>(files.size());
        TreeSet<String> codes = new TreeSet<>();
        for (FileReport f : files) {
            List<Diagnostic> e = f.entries();
            entries.add(e);
            e.forEach(d -> codes.add(d.code()));
        }
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (String code : codes) {
            ruleIndex.put(code, ruleIndex.size());
        }
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA_URI);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", TOOL_NAME);
            g.writeStringField("version", toolVersion == null || toolVersion.isEmpty() ? "unknown" : toolVersion);
            g.writeStringField("informationUri", INFORMATION_URI);
            g.writeArrayFieldStart("rules");
            for (String code : codes) {
                rule(g, RuleCatalog.rule(code));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeStringField("columnKind", "unicodeCodePoints");
            g.writeArrayFieldStart("results");
            for (int i = 0; i < files.size(); i++) {
                FileReport f = files.get(i);
                SourceText text = null;
                String uri = uri(f.file());
                for (Diagnostic d : entries.get(i)) {
                    if (text == null && f.source() != null && d.hasPosition()) {
                        text = SourceText.of(f.source());
                    }
                    result(g, d, uri, ruleIndex.get(d.code()), text);
                }
            }
            g.writeEndArray();

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void rule(JsonGenerator g, RuleCatalog.Rule rule) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.code());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.summary());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", rule.help());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Diagnostic d, String uri, int ruleIndex, SourceText text)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", d.code());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", d.severity() == Severity.ERROR ? "error" : "warning");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeEndObject();
        if (d.hasPosition()) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", d.line());
            if (d.column() > 0) {
                g.writeNumberField("startColumn", d.column());
                int end = text == null ? 0 : text.endColumn(d.line(), d.column());
                if (end > 0) {
                    g.writeNumberField("endColumn", end);
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (d.path() != null && !d.path().isEmpty()) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("fullyQualifiedName", d.path());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A file name as a URI reference: a relative name stays relative, an absolute one becomes a
     * {@code file:} URI; characters that a URI cannot hold are percent-encoded as UTF-8.
     */
    static String uri(String file) {
        StringBuilder sb = new StringBuilder();
        String rest = file;
        if (file.startsWith("/")) {
            sb.append("file://");
        } else if (file.length() >= 3 && Character.isLetter(file.charAt(0)) && file.charAt(1) == ':'
                && file.charAt(2) == '/') {
            sb.append("file:///").append(file, 0, 2);
            rest = file.substring(2);
        }
        for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
