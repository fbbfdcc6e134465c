/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.ConfigInput;
import dev.kindling.transpiler.Diagnostic;
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
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The runs that Butane's command line does not have: many inputs in one call ({@code --check}
 * over files and folders, {@code -o OUTDIR FILE...}), and single inputs reported as JSON, SARIF
 * or GitHub workflow commands.
 *
 * <p>Folders are searched recursively for {@code *.bu} files, in sorted order. The configs are
 * transpiled in parallel (one thread per core, one shared {@link Transpiler}) and reported in
 * input order. JSON and SARIF reports are one document for the whole run; they go to standard
 * output, unless a config is written there, and then to standard error.
 */
final class Batch {
    /** One config to process. {@code path} is null for standard input. */
    record Input(String display, String reportName, Path path, String outputBase) {
    }

    /** What became of one input: a read error, or the source and its result. */
    /**
     * One input's result. With an output folder, the worker also wrote the output (the file
     * system's work, a third of a batch's time, then runs on every core): {@code written} says
     * so, {@code writeMessages} holds what the write had to say (printed in input order by the
     * main thread) and {@code writeFailed} whether it failed.
     */
    private record Outcome(Input input, String readError, byte[] source, TranspileResult result, boolean written,
            String writeMessages, boolean writeFailed, IOException writeException) {
        Outcome(Input input, String readError, byte[] source, TranspileResult result) {
            this(input, readError, source, result, false, "", false, null);
        }
    }

    private final Flags flags;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean colorize;
    private final ReportFormat format;
    private final Transpiler transpiler = Transpiler.create();
    /** The output folder the workers write into (set before they start), or null. */
    private Path writeDir;
    /**
     * The output folders this run has made sure of, and per folder the names it held when this
     * run first looked: hundreds of outputs go to a few folders, and asking the file system once
     * per folder instead of once or twice per output is most of the batch's file-system time.
     * Inputs never share an output base (see {@link #clash}), so an output of another extension
     * can only be stale if it was there before the run.
     */
    private final Set<Path> madeDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<Path, Set<String>> namesAtStart = new java.util.concurrent.ConcurrentHashMap<>();

    private final Variables variables;

    Batch(Flags flags, InputStream stdin, OutputStream stdout, OutputStream stderr, boolean colorize,
            Variables variables) {
        this.flags = flags;
        this.variables = variables;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.colorize = colorize;
        this.format = flags.reportFormat();
    }

    /** The inputs named on the command line: {@code --input}, then the positional arguments. */
    static List<String> inputArguments(Flags flags) {
        List<String> args = new ArrayList<>();
        if (!flags.input.isEmpty()) {
            args.add(flags.input);
        }
        args.addAll(flags.positional);
        return args;
    }

    /**
     * True when the command line asks for one of the many-input modes: more than one input or a
     * folder, with {@code --check}, or with {@code -o} naming a directory (an existing one, or
     * any name ending in {@code /}). Every other command line keeps Butane's meaning.
     */
    static boolean manyInputs(Flags flags) {
        List<String> args = inputArguments(flags);
        if (args.isEmpty()) {
            return false;
        }
        // one input: no stream pipeline for it (its lambdas cost milliseconds in a cold JVM)
        if (args.size() == 1 && !isDirectory(args.get(0))) {
            return false;
        }
        return flags.check || (!flags.output.isEmpty() && namesDirectory(flags.output));
    }

    private static boolean namesDirectory(String output) {
        return output.endsWith("/") || output.endsWith(File.separator) || isDirectory(output);
    }

    private static boolean isDirectory(String name) {
        try {
            return Files.isDirectory(Path.of(name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Runs the command.
     *
     * @param many whether {@link #manyInputs} holds
     * @param single the one input otherwise (empty for standard input)
     * @return the exit status: 1 when any input failed, else 0
     */
    int run(boolean many, String single) throws IOException {
        boolean failed = false;
        List<Input> inputs = new ArrayList<>();
        if (many) {
            for (String arg : inputArguments(flags)) {
                if (isDirectory(arg)) {
                    try {
                        inputs.addAll(scan(arg));
                    } catch (IOException e) {
                        Streams.print(stderr, "failed to read " + arg + ": " + OutputFile.reason(e) + "\n");
                        failed = true;
                    }
                } else {
                    inputs.add(new Input(arg, reportName(arg), Path.of(arg), baseName(arg)));
                }
            }
        } else if (single.isEmpty()) {
            inputs.add(new Input("<stdin>", "<stdin>", null, "stdin"));
        } else {
            inputs.add(new Input(single, reportName(single), Path.of(single), baseName(single)));
        }

        Path outDir = many && !flags.check ? Path.of(flags.output) : null;
        boolean toStdout = !many && !flags.check && flags.output.isEmpty();
        OutputStream reportStream = toStdout ? stderr : stdout;
        if (outDir != null) {
            String clash = clash(inputs);
            if (clash != null) {
                Streams.print(stderr, clash);
                return 1;
            }
        }

        List<FileReport> reports = new ArrayList<>();
        int withErrors = 0;
        int withWarnings = 0;
        boolean firstSection = true;
        writeDir = outDir;
        ExecutorService pool = inputs.size() > 1 ? pool(inputs.size()) : null;
        try {
            List<Future<Outcome>> pending = new ArrayList<>(inputs.size());
            for (Input in : inputs) {
                pending.add(pool != null ? pool.submit(new Task(in)) : CompletableFuture.completedFuture(guarded(in)));
            }
            for (Future<Outcome> f : pending) {
                Outcome o = await(f);
                Input in = o.input();
                if (o.readError() != null) {
                    failed = true;
                    withErrors++;
                    Streams.print(stderr, o.readError());
                    continue;
                }
                TranspileResult result = o.result();
                FileReport report = new FileReport(in.reportName(), result, o.source());
                String why = failure(result);
                if (why != null) {
                    failed = true;
                    withErrors++;
                } else if (!result.diagnostics().isEmpty()) {
                    withWarnings++;
                }
                switch (format) {
                    case HUMAN -> {
                        byte[] section = humanSection(in, o, why);
                        if (section.length > 0) {
                            if (!firstSection) {
                                Streams.print(stderr, "\n"); // a blank line between files, as between entries
                            }
                            firstSection = false;
                            Streams.write(stderr, section);
                        }
                    }
                    case RAW -> Streams.write(stderr, rawSection(in, o, why));
                    case GITHUB -> Streams.print(reportStream, GithubReport.write(report));
                    case JSON, SARIF -> reports.add(report);
                    default -> throw new IllegalStateException(format.toString());
                }
                if (flags.check || !result.success()) {
                    if (outDir != null && !result.success()) {
                        StringBuilder messages = new StringBuilder();
                        removeOutputs(outDir, in, null, messages);
                        Streams.print(stderr, messages.toString());
                    }
                    continue;
                }
                if (o.written()) {
                    Streams.print(stderr, o.writeMessages());
                    if (o.writeException() != null) {
                        throw o.writeException();
                    }
                    if (o.writeFailed()) {
                        failed = true;
                    }
                    continue;
                }
                StringBuilder messages = new StringBuilder();
                boolean ok;
                try {
                    ok = writeOutput(in, result, outDir, messages);
                } finally {
                    Streams.print(stderr, messages.toString());
                }
                if (!ok) {
                    failed = true;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }

        if (format == ReportFormat.JSON) {
            Streams.write(reportStream, JsonReport.write(reports));
        } else if (format == ReportFormat.SARIF) {
            Streams.write(reportStream, SarifReport.write(reports, Version.get()));
        } else if (format == ReportFormat.HUMAN && many && (withErrors > 0 || withWarnings > 0)) {
            Streams.print(stderr, "\n" + count(inputs.size()) + (flags.check ? " checked: " : " transpiled: ") + withErrors
                    + " failed, " + withWarnings + " with warnings\n");
        }
        return failed ? 1 : 0;
    }

    /** {@link #process}, such that running out of memory fails this input alone and the rest go on. */
    private Outcome guarded(Input in) {
        try {
            return process(in);
        } catch (OutOfMemoryError e) {
            return new Outcome(in, "Error translating config: not enough memory to transpile " + in.display() + " ("
                    + e.getMessage() + "); give Java more memory (-Xmx)\n", null, null);
        }
    }

    /** Reads and transpiles one input; runs on a pool thread. */
    private Outcome process(Input in) {
        byte[] source;
        if (in.path() == null) {
            try {
                source = ConfigInput.read(stdin);
            } catch (IOException e) {
                return new Outcome(in, "failed to read /dev/stdin: read /dev/stdin: " + OutputFile.reason(e) + "\n",
                        null, null);
            }
        } else {
            String name = in.display();
            if (Files.isDirectory(in.path())) {
                return new Outcome(in, "failed to read " + name + ": read " + name + ": is a directory\n", null, null);
            }
            try {
                source = ConfigInput.read(in.path());
            } catch (IOException e) {
                return new Outcome(in, "failed to open " + name + ": open " + name + ": " + OutputFile.reason(e)
                        + "\n", null, null);
            }
        }
        TranspileOptions options = flags.transpileOptions()
                .sourceName(in.display())
                .variables(variables)
                .build();
        TranspileResult result = transpiler.transpile(source, options);
        if (writeDir == null || !result.success()) {
            return new Outcome(in, null, source, result);
        }
        StringBuilder messages = new StringBuilder();
        try {
            boolean ok = writeOutput(in, result, writeDir, messages);
            return new Outcome(in, null, source, result, true, messages.toString(), !ok, null);
        } catch (IOException e) {
            return new Outcome(in, null, source, result, true, messages.toString(), true, e);
        }
    }

    /** Why a result has no output, in Butane's words; null when it has one. */
    private String failure(TranspileResult result) {
        if (result.success()) {
            return null;
        }
        if (result.fatal().isPresent()) {
            return "Error translating config: " + result.fatal().get().message();
        }
        if (result.errorCount() == 0 && flags.strict) {
            return "Config produced warnings and --strict was specified";
        }
        return "Error translating config: " + result.failureMessage().orElse("translation failed");
    }

    /** Butane's report for one input, followed by the input's failure if it failed. */
    private byte[] humanSection(Input in, Outcome o, String why) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Diagnostic> entries = o.result().diagnostics();
        byte[] report = ReportPrinter.render(entries, in.display(), o.source(), colorize, false, new Hints(o.result()));
        out.writeBytes(report);
        if (o.result().fatal().isPresent()) {
            out.writeBytes(ReportPrinter.renderFatal(o.result().fatal().get(), in.display(), o.source(), colorize));
        }
        if (why != null) {
            out.writeBytes((in.display() + ": " + why + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** One line per entry and failure, each starting with the input's name. */
    private byte[] rawSection(Input in, Outcome o, String why) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : o.result().diagnostics()) {
            sb.append(in.display()).append(": ").append(d.toRawString()).append('\n');
        }
        if (why != null) {
            sb.append(in.display()).append(": ").append(why).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a successful result where the command line says; false (after saying why) when that fails. */
    private boolean writeOutput(Input in, TranspileResult result, Path outDir, StringBuilder messages)
            throws IOException {
        byte[] doc = result.output().orElseThrow();
        byte[] data = new byte[doc.length + 1];
        System.arraycopy(doc, 0, data, 0, doc.length);
        data[doc.length] = '\n';
        String target;
        if (outDir != null) {
            String extension = result.info().isPresent() ? result.info().get().fileExtension() : ".ign";
            Path file = outDir.resolve(in.outputBase() + extension);
            target = file.toString();
            try {
                Path parent = file.getParent();
                if (!madeDirs.contains(parent)) {
                    Files.createDirectories(parent);
                    madeDirs.add(parent);
                }
            } catch (IOException e) {
                messages.append("failed to create " + file.getParent() + ": " + OutputFile.reason(e) + "\n");
                return false;
            }
            removeOutputs(outDir, in, extension, messages);
        } else if (flags.output.isEmpty()) {
            try {
                stdout.write(data);
                stdout.flush();
                return true;
            } catch (IOException e) {
                messages.append("Failed to write config to /dev/stdout: write /dev/stdout: " + OutputFile.reason(e)
                        + "\n");
                return false;
            }
        } else {
            target = flags.output;
        }
        try {
            OutputFile.write(target, data);
            return true;
        } catch (OutputFile.OpenException e) {
            messages.append("failed to open " + target + ": " + e.getMessage() + "\n");
        } catch (IOException e) {
            messages.append("Failed to write config to " + target + ": write " + target + ": " + OutputFile.reason(e)
                    + "\n");
        }
        return false;
    }

    /**
     * Removes what an earlier run wrote for {@code in} under other extensions ({@code keep} is
     * the one about to be written, or null when nothing is), so that the output folder never
     * holds an output that its config no longer produces.
     */
    private void removeOutputs(Path outDir, Input in, String keep, StringBuilder messages) throws IOException {
        for (String ext : List.of(".ign", ".yaml")) {
            if (!ext.equals(keep)) {
                Path stale = outDir.resolve(in.outputBase() + ext);
                if (namesAtStart(stale.getParent()).contains(stale.getFileName().toString())
                        && Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(stale);
                    } catch (IOException e) {
                        messages.append("failed to remove " + stale + ": " + OutputFile.reason(e) + "\n");
                    }
                }
            }
        }
    }

    /** The names in {@code dir} when this run first asked (none when it could not be listed). */
    private Set<String> namesAtStart(Path dir) {
        Set<String> names = namesAtStart.get(dir);
        if (names == null) {
            names = new HashSet<>();
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    names.add(p.getFileName().toString());
                }
            } catch (IOException | RuntimeException e) {
                // no folder yet, or not readable: nothing in it to remove
            }
            Set<String> other = namesAtStart.putIfAbsent(dir, names);
            if (other != null) {
                names = other;
            }
        }
        return names;
    }

    /** A message when two inputs would be written to the same output, else null. */
    private String clash(List<Input> inputs) {
        Map<String, Input> seen = new HashMap<>();
        for (Input in : inputs) {
            Input other = seen.putIfAbsent(in.outputBase(), in);
            if (other != null && !other.path().toAbsolutePath().normalize()
                    .equals(in.path().toAbsolutePath().normalize())) {
                return "inputs " + other.display() + " and " + in.display() + " would both be written to "
                        + Path.of(flags.output).resolve(in.outputBase()) + ".*\n";
            }
        }
        return null;
    }

    /** The {@code *.bu} files below a folder, sorted by their path relative to it. */
    static List<Input> scan(String folder) throws IOException {
        Path root = Path.of(folder);
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".bu")) {
                            found.add(slashes(root.relativize(file)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult.CONTINUE; // a link back up: its files are searched once
                        }
                        throw e;
                    }
                });
        found.sort(null);
        String prefix = folder.equals(".") || folder.equals("./") ? "" : stripTrailingSlashes(folder) + "/";
        List<Input> inputs = new ArrayList<>(found.size());
        for (String rel : found) {
            String display = prefix + rel;
            inputs.add(new Input(display, reportName(display), root.resolve(rel), withoutExtension(rel)));
        }
        return inputs;
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 1 && (s.charAt(end - 1) == '/' || s.charAt(end - 1) == File.separatorChar)) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * How reports name a file: relative to the working folder when it is inside it, with
     * {@code /} separators and without {@code ./} or doubled separators.
     */
    static String reportName(String given) {
        Path p;
        try {
            p = Path.of(given).normalize();
        } catch (InvalidPathException e) {
            return given;
        }
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (p.startsWith(cwd) && !p.equals(cwd)) {
                p = cwd.relativize(p);
            }
        }
        String s = p.isAbsolute() ? p.toString().replace(File.separatorChar, '/') : slashes(p);
        return s.isEmpty() ? given : s;
    }

    private static String slashes(Path rel) {
        StringBuilder sb = new StringBuilder();
        if (rel.getRoot() != null) {
            sb.append(rel.getRoot().toString().replace(File.separatorChar, '/'));
        }
        for (Path part : rel) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The output name of a file argument: its file name without the extension. */
    private static String baseName(String arg) {
        Path name = Path.of(arg).getFileName();
        return withoutExtension(name == null ? arg : name.toString());
    }

    /**
     * A relative path without its file name's last extension ({@code hosts/web.bu} gives
     * {@code hosts/web}); a name without one, or whose only dot is the first character, is kept.
     */
    static String withoutExtension(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        return dot > slash + 1 ? relative.substring(0, dot) : relative;
    }

    private static String count(int n) {
        return n == 1 ? "1 config" : n + " configs";
    }

    // The pool's task, thread factory and the report's hints are classes, not lambdas: a cold
    // JVM pays about 15 ms for the first lambda it links and a millisecond for each further one,
    // and the transpile path links none.

    /** One input's transpile, as a worker's task. */
    private final class Task implements java.util.concurrent.Callable<Outcome> {
        private final Input in;

        Task(Input in) {
            this.in = in;
        }

        @Override
        public Outcome call() {
            return guarded(in);
        }
    }

    /** The hints of one result's diagnostics. */
    private static final class Hints implements java.util.function.Function<Diagnostic, java.util.Optional<String>> {
        private final TranspileResult result;

        Hints(TranspileResult result) {
            this.result = result;
        }

        @Override
        public java.util.Optional<String> apply(Diagnostic d) {
            return result.hint(d);
        }
    }

    /** Daemon threads named kindling-worker. */
    private static final class Workers implements java.util.concurrent.ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "kindling-worker");
            t.setDaemon(true);
            return t;
        }
    }

    private static ExecutorService pool(int tasks) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tasks));
        return Executors.newFixedThreadPool(threads, new Workers());
    }

    /** The result of a worker's task; what the task threw is thrown again here, unwrapped. */
    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

}
