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
import dev.kindling.transpiler.fleet.Inventory;
import dev.kindling.transpiler.fleet.InventoryException;
import dev.kindling.transpiler.report.FileReport;
import dev.kindling.transpiler.report.GithubReport;
import dev.kindling.transpiler.report.JsonReport;
import dev.kindling.transpiler.report.ReportFormat;
import dev.kindling.transpiler.report.SarifReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code kindling --fleet fleet.yaml -o OUTDIR/} (or {@code --check}): every host of a fleet
 * inventory is composed from its base and snippets with its variables (those of the command line
 * on top), in parallel, and written to {@code OUTDIR/<output>.ign} (or {@code .yaml} for an
 * OpenShift MachineConfig), atomically; a host with errors gets no output and loses an earlier
 * one. Problems are reported per host in the many-file formats; each entry names the file it is
 * about and its message starts with the host's name in brackets.
 */
final class FleetCommand {
    private final Flags flags;
    private final Variables commandLine;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean colorize;
    private final Function<String, String> env;
    private final ReportFormat format;

    /** What became of one host. */
    private record Built(Inventory.Host host, String readError, List<Source> sources, TranspileResult result) {
    }

    FleetCommand(Flags flags, Variables commandLine, OutputStream stdout, OutputStream stderr, boolean colorize,
            Function<String, String> env) {
        this.flags = flags;
        this.commandLine = commandLine;
        this.stdout = stdout;
        this.stderr = stderr;
        this.colorize = colorize;
        this.env = env;
        this.format = flags.reportFormat();
    }

    static boolean namesDirectory(String output) {
        if (output.endsWith("/") || output.endsWith(File.separator)) {
            return true;
        }
        try {
            return Files.isDirectory(Path.of(output));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    int run() throws IOException {
        String inventoryName = Batch.reportName(flags.fleet);
        Inventory inventory;
        try {
            inventory = Inventory.load(Path.of(flags.fleet), inventoryName, env);
        } catch (InventoryException e) {
            return inventoryProblem(e);
        } catch (InvalidPathException e) {
            Streams.print(stderr, "Error: invalid inventory name " + flags.fleet + "\n");
            return 1;
        }
        Path filesDir = !flags.filesDir.isEmpty() ? Path.of(flags.filesDir) : inventory.filesDir().orElse(null);
        Path outDir = flags.check ? null : Path.of(flags.output);

        // every file is read once, however many hosts share it
        Map<Path, Object> files = new HashMap<>();
        for (Inventory.Host h : inventory.hosts()) {
            for (Path p : h.sources()) {
                files.computeIfAbsent(p, FleetCommand::read);
            }
        }
        Transpiler transpiler = Transpiler.create();
        List<Inventory.Host> hosts = inventory.hosts();
        List<Built> built = new ArrayList<>(hosts.size());
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), hosts.size())), r -> {
                    Thread t = new Thread(r, "kindling-fleet");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Built>> pending = new ArrayList<>();
            for (Inventory.Host h : hosts) {
                pending.add(pool.submit(() -> build(transpiler, h, files, filesDir)));
            }
            for (Future<Built> f : pending) {
                built.add(Batch.await(f));
            }
        } finally {
            pool.shutdownNow();
        }

        boolean failed = false;
        int withErrors = 0;
        int withWarnings = 0;
        List<FileReport> reports = new ArrayList<>();
        ByteArrayOutputStream human = new ByteArrayOutputStream();
        boolean firstSection = true;
        for (Built b : built) {
            String why = b.readError() != null ? b.readError() : failure(b.result());
            if (why != null) {
                failed = true;
                withErrors++;
            } else if (!b.result().diagnostics().isEmpty()) {
                withWarnings++;
            }
            switch (format) {
                case HUMAN -> {
                    byte[] section = humanSection(b, why);
                    if (section.length > 0) {
                        if (!firstSection) {
                            human.write('\n');
                        }
                        firstSection = false;
                        human.writeBytes(section);
                    }
                }
                case RAW -> human.writeBytes(rawSection(b, why).getBytes(StandardCharsets.UTF_8));
                case JSON, SARIF, GITHUB -> reports.addAll(fileReports(b, inventoryName));
                default -> throw new IllegalStateException(format.toString());
            }
            if (outDir != null && !write(outDir, b, why == null)) {
                failed = true;
            }
        }
        Streams.write(stderr, human.toByteArray());
        switch (format) {
            case JSON -> Streams.write(stdout, JsonReport.write(reports));
            case SARIF -> Streams.write(stdout, SarifReport.write(reports, Version.get()));
            case GITHUB -> Streams.print(stdout, GithubReport.write(reports));
            case HUMAN -> {
                if (withErrors > 0 || withWarnings > 0) {
                    Streams.print(stderr, "\n" + (hosts.size() == 1 ? "1 host" : hosts.size() + " hosts")
                            + (flags.check ? " checked: " : " built: ") + withErrors + " failed, " + withWarnings
                            + " with warnings\n");
                }
            }
            default -> {
            }
        }
        return failed ? 1 : 0;
    }

    /** Reads a file: its bytes, or the problem as a message. */
    private static Object read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            String name = Batch.reportName(p.toString());
            return "failed to open " + name + ": open " + name + ": " + OutputFile.reason(e);
        }
    }

    private Built build(Transpiler transpiler, Inventory.Host h, Map<Path, Object> files, Path filesDir) {
        List<Source> sources = new ArrayList<>();
        for (Path p : h.sources()) {
            Object content = files.get(p);
            if (content instanceof String problem) {
                return new Built(h, problem, sources, null);
            }
            sources.add(new Source(Batch.reportName(p.toString()), (byte[]) content));
        }
        TranspileOptions options = flags.transpileOptions()
                .filesDir(filesDir) // the host's own
                .variables(h.variables().with(commandLine))
                .build();
        return new Built(h, null, sources, transpiler.compose(sources, options));
    }

    /** Why a host has no output; null when it has one. */
    private String failure(TranspileResult result) {
        if (result.success()) {
            return null;
        }
        if (result.fatal().isPresent()) {
            Diagnostic f = result.fatal().get();
            return "Error translating config: " + (f.source() != null ? f.source() + ": " : "") + f.message();
        }
        if (result.errorCount() == 0 && flags.strict) {
            return "Config produced warnings and --strict was specified";
        }
        return "Error translating config: " + result.failureMessage().orElse("translation failed");
    }

    private Map<String, byte[]> contents(Built b) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Source s : b.sources()) {
            contents.putIfAbsent(s.name(), s.content());
        }
        return contents;
    }

    /** The host's name, then each problem in Butane's form in the file it is about. */
    private byte[] humanSection(Built b, String why) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String host = b.host().name();
        if (b.result() != null && !b.result().diagnostics().isEmpty() || why != null) {
            out.writeBytes(("host " + host + ":\n").getBytes(StandardCharsets.UTF_8));
        }
        if (b.result() != null) {
            Map<String, byte[]> contents = contents(b);
            String base = b.sources().get(0).name();
            boolean first = true;
            for (Diagnostic d : b.result().diagnostics()) {
                if (!first) {
                    out.write('\n');
                }
                first = false;
                String file = d.source() != null && contents.containsKey(d.source()) ? d.source() : base;
                out.writeBytes(ReportPrinter.render(List.of(d), file, contents.get(file), colorize, false));
            }
        }
        if (why != null) {
            out.writeBytes((host + ": " + why + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** {@code HOST: FILE: error at ...}, one line per problem. */
    private String rawSection(Built b, String why) {
        StringBuilder sb = new StringBuilder();
        String host = b.host().name();
        if (b.result() != null) {
            String base = b.sources().get(0).name();
            for (Diagnostic d : b.result().diagnostics()) {
                sb.append(host).append(": ").append(d.source() != null ? d.source() : base).append(": ")
                        .append(d.toRawString()).append('\n');
            }
        }
        if (why != null) {
            sb.append(host).append(": ").append(why).append('\n');
        }
        return sb.toString();
    }

    /** One report per file of the host that has problems; each message names the host. */
    private static List<FileReport> fileReports(Built b, String inventoryName) {
        String prefix = "[" + b.host().name() + "] ";
        if (b.result() == null) {
            Diagnostic d = new Diagnostic(dev.kindling.transpiler.Severity.ERROR, "local-file-unreadable", null, 0, 0,
                    prefix + b.readError());
            return List.of(new FileReport(inventoryName, List.of(d), null));
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Source s : b.sources()) {
            contents.putIfAbsent(s.name(), s.content());
        }
        String base = b.sources().get(0).name();
        Map<String, List<Diagnostic>> bySource = new LinkedHashMap<>();
        for (Diagnostic d : FileReport.entriesOf(b.result())) {
            String file = d.source() != null && contents.containsKey(d.source()) ? d.source() : base;
            bySource.computeIfAbsent(file, k -> new ArrayList<>()).add(new Diagnostic(d.severity(), d.code(), d.path(),
                    d.line(), d.column(), prefix + d.message(), d.source()));
        }
        List<FileReport> reports = new ArrayList<>();
        bySource.forEach((name, entries) -> reports.add(new FileReport(name, entries, contents.get(name))));
        return reports;
    }

    /** Writes (or, after a failure, removes) a host's output; false after saying why it could not. */
    private boolean write(Path outDir, Built b, boolean success) throws IOException {
        String base = b.host().output();
        if (!success) {
            remove(outDir, base, null);
            return true;
        }
        TranspileResult result = b.result();
        String extension = result.info().map(i -> i.fileExtension()).orElse(".ign");
        Path file = outDir.resolve(base + extension);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            Streams.print(stderr, "failed to create " + file.getParent() + ": " + OutputFile.reason(e) + "\n");
            return false;
        }
        remove(outDir, base, extension);
        byte[] doc = result.output().orElseThrow();
        byte[] data = new byte[doc.length + 1];
        System.arraycopy(doc, 0, data, 0, doc.length);
        data[doc.length] = '\n';
        String target = file.toString();
        try {
            OutputFile.write(target, data);
            return true;
        } catch (OutputFile.OpenException e) {
            Streams.print(stderr, "failed to open " + target + ": " + e.getMessage() + "\n");
        } catch (IOException e) {
            Streams.print(stderr, "Failed to write config to " + target + ": write " + target + ": "
                    + OutputFile.reason(e) + "\n");
        }
        return false;
    }

    private void remove(Path outDir, String base, String keep) throws IOException {
        for (String ext : List.of(".ign", ".yaml")) {
            if (!ext.equals(keep)) {
                Path stale = outDir.resolve(base + ext);
                if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(stale);
                    } catch (IOException e) {
                        Streams.print(stderr, "failed to remove " + stale + ": " + OutputFile.reason(e) + "\n");
                    }
                }
            }
        }
    }

    /** The inventory cannot be used: one error, in the chosen format. */
    private int inventoryProblem(InventoryException e) throws IOException {
        Diagnostic d = e.toDiagnostic();
        byte[] source = null;
        try {
            source = Files.readAllBytes(Path.of(flags.fleet));
        } catch (IOException | InvalidPathException ignored) {
            // reported without the source lines
        }
        List<FileReport> reports = List.of(new FileReport(e.file(), List.of(d), source));
        switch (format) {
            case HUMAN -> {
                Streams.write(stderr, ReportPrinter.render(List.of(d), e.file(), source, colorize, false));
                Streams.print(stderr, "Error: the fleet inventory " + e.file() + " cannot be used\n");
            }
            case RAW -> Streams.print(stderr, e.file() + ": " + d.toRawString() + "\n");
            case JSON -> Streams.write(stdout, JsonReport.write(reports));
            case SARIF -> Streams.write(stdout, SarifReport.write(reports, Version.get()));
            case GITHUB -> Streams.print(stdout, GithubReport.write(reports));
            default -> throw new IllegalStateException(format.toString());
        }
        return 1;
    }
}
