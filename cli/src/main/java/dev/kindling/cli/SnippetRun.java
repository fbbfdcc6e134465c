/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Source;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.report.FileReport;
import dev.kindling.transpiler.report.GithubReport;
import dev.kindling.transpiler.report.JsonReport;
import dev.kindling.transpiler.report.ReportFormat;
import dev.kindling.transpiler.report.SarifReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kindling [flags] --snippet FILE [--snippet FILE ...] INPUT}: INPUT (or standard input)
 * is the base config, each snippet is merged on top of it in order ({@link Transpiler#compose}),
 * and the one result is written as usual. Every report format names, for each problem, the
 * file it is about: the human and raw reports quote or prefix that file, and the JSON, SARIF and
 * GitHub reports list each file's problems under its own name.
 */
final class SnippetRun {
    private final Flags flags;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean colorize;

    private final Variables variables;

    SnippetRun(Flags flags, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean colorize,
            Variables variables) {
        this.flags = flags;
        this.variables = variables;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.colorize = colorize;
    }

    int run(String input) throws IOException {
        List<Source> sources = new ArrayList<>();
        if (input.isEmpty()) {
            try {
                sources.add(new Source("<stdin>", stdin.readAllBytes()));
            } catch (IOException e) {
                return fail("failed to read /dev/stdin: read /dev/stdin: " + OutputFile.reason(e) + "\n");
            }
        } else {
            String problem = read(input, sources);
            if (problem != null) {
                return fail(problem);
            }
        }
        for (String snippet : flags.snippets) {
            String problem = read(snippet, sources);
            if (problem != null) {
                return fail(problem);
            }
        }

        TranspileOptions options = flags.transpileOptions()
                .variables(variables)
                .build();
        TranspileResult result = Transpiler.create().compose(sources, options);
        String why = failure(result, sources.get(0).name());
        boolean toStdout = !flags.check && flags.output.isEmpty();
        report(result, sources, why, toStdout ? stderr : stdout);
        if (why != null) {
            return 1;
        }
        if (flags.check) {
            return 0;
        }
        return write(result.output().orElseThrow());
    }

    /** Reads one file into {@code sources}; the problem in Butane's words, or null. */
    private static String read(String name, List<Source> sources) {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            return "failed to read " + name + ": read " + name + ": is a directory\n";
        }
        try {
            sources.add(new Source(name, Files.readAllBytes(p)));
            return null;
        } catch (IOException e) {
            return "failed to open " + name + ": open " + name + ": " + OutputFile.reason(e) + "\n";
        }
    }

    /** Why there is no output, as Butane would say it; null when there is one. */
    private String failure(TranspileResult result, String baseName) {
        if (result.success()) {
            return null;
        }
        if (result.fatal().isPresent()) {
            Diagnostic f = result.fatal().get();
            String where = f.source() != null && !f.source().equals(baseName) ? f.source() + ": " : "";
            return "Error translating config: " + where + f.message();
        }
        if (result.errorCount() == 0 && flags.strict) {
            return "Config produced warnings and --strict was specified";
        }
        return "Error translating config: " + result.failureMessage().orElse("translation failed");
    }

    private void report(TranspileResult result, List<Source> sources, String why, OutputStream reportStream)
            throws IOException {
        ReportFormat format = flags.reportFormat();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Source s : sources) {
            contents.putIfAbsent(s.name(), s.content());
        }
        String base = sources.get(0).name();
        switch (format) {
            case HUMAN -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                boolean first = true;
                for (Diagnostic d : result.diagnostics()) {
                    if (!first) {
                        out.write('\n');
                    }
                    first = false;
                    String file = d.source() != null && contents.containsKey(d.source()) ? d.source() : base;
                    out.writeBytes(ReportPrinter.render(List.of(d), file, contents.get(file), colorize, false));
                }
                Streams.write(stderr, out.toByteArray());
                if (why != null) {
                    Streams.print(stderr, why + "\n");
                }
            }
            case RAW -> {
                StringBuilder sb = new StringBuilder();
                for (Diagnostic d : result.diagnostics()) {
                    sb.append(d.source() != null ? d.source() : base).append(": ").append(d.toRawString()).append('\n');
                }
                if (why != null) {
                    sb.append(why).append('\n');
                }
                Streams.print(stderr, sb.toString());
            }
            case JSON, SARIF, GITHUB -> {
                List<FileReport> reports = fileReports(result, contents, base);
                if (format == ReportFormat.JSON) {
                    Streams.write(reportStream, JsonReport.write(reports));
                } else if (format == ReportFormat.SARIF) {
                    Streams.write(reportStream, SarifReport.write(reports, Version.get()));
                } else {
                    Streams.print(reportStream, GithubReport.write(reports));
                }
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    /** One report per source, in the order given, each with the entries about that source. */
    private static List<FileReport> fileReports(TranspileResult result, Map<String, byte[]> contents, String base) {
        Map<String, List<Diagnostic>> bySource = new LinkedHashMap<>();
        contents.keySet().forEach(name -> bySource.put(name, new ArrayList<>()));
        for (Diagnostic d : FileReport.entriesOf(result)) {
            String file = d.source() != null && bySource.containsKey(d.source()) ? d.source() : base;
            bySource.get(file).add(d);
        }
        List<FileReport> reports = new ArrayList<>();
        bySource.forEach((name, entries) -> reports.add(new FileReport(Batch.reportName(name), entries,
                contents.get(name))));
        return reports;
    }

    private int write(byte[] doc) throws IOException {
        byte[] data = new byte[doc.length + 1];
        System.arraycopy(doc, 0, data, 0, doc.length);
        data[doc.length] = '\n';
        if (flags.output.isEmpty()) {
            try {
                stdout.write(data);
                stdout.flush();
            } catch (IOException e) {
                return fail("Failed to write config to /dev/stdout: write /dev/stdout: " + OutputFile.reason(e) + "\n");
            }
            return 0;
        }
        try {
            OutputFile.write(flags.output, data);
        } catch (OutputFile.OpenException e) {
            return fail("failed to open " + flags.output + ": " + e.getMessage() + "\n");
        } catch (IOException e) {
            return fail("Failed to write config to " + flags.output + ": write " + flags.output + ": "
                    + OutputFile.reason(e) + "\n");
        }
        return 0;
    }

    private int fail(String message) throws IOException {
        Streams.print(stderr, message);
        return 1;
    }
}
