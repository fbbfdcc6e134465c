package dev.kindling.maven;

import dev.kindling.transpiler.ConfigInput;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.OutputInfo;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of both goals, without Maven: transpile (or only check) a set of configs in
 * parallel with one shared engine, write each output atomically, skip configs whose output is
 * up to date, and delete outputs that no longer have a successful config behind them. Results
 * come back in the configs' order, whatever order the threads finished in.
 */
final class KindlingBuild {
    /** The engine: immutable and thread-safe, so one serves every build in this class loader. */
    private static final Transpiler ENGINE = Transpiler.create();

    /**
     * What to do.
     *
     * @param baseDir the project's base folder; log and state names are relative to it
     * @param filesDir the folder local files are read from
     * @param outputDir where outputs go; null to check only
     * @param stateFile the incremental build's memory; null to transpile everything
     * @param threads how many configs may be transpiled at once
     */
    record Settings(Path baseDir, Path filesDir, boolean strict, boolean pretty, Path outputDir, Path stateFile,
            int threads) {
        Settings {
            baseDir = baseDir.toAbsolutePath().normalize();
            filesDir = filesDir.toAbsolutePath().normalize();
            outputDir = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
            stateFile = stateFile == null ? null : stateFile.toAbsolutePath().normalize();
            threads = Math.max(1, threads);
        }
    }

    /** Two configs would write the same output. */
    static final class CollisionException extends Exception {
        private static final long serialVersionUID = 1L;

        CollisionException(String message) {
            super(message);
        }
    }

    /**
     * A build's results.
     *
     * @param files one outcome per config, in the configs' order
     * @param pruned outputs of earlier builds whose config is gone (or no longer included), now
     *     deleted, relative to the project's base folder
     */
    record Result(List<FileOutcome> files, List<String> pruned) {
    }

    private final Settings settings;
    private final Fingerprints fingerprints;
    private final BuildState previous;

    KindlingBuild(Settings settings) {
        this.settings = settings;
        this.fingerprints = new Fingerprints(settings.filesDir());
        this.previous = settings.stateFile() == null ? BuildState.empty() : BuildState.load(settings.stateFile());
    }

    Result run(List<SourceFile> sources) throws IOException, CollisionException {
        if (settings.outputDir() != null) {
            checkCollisions(sources);
        }
        List<FileOutcome> outcomes = runAll(sources);
        List<String> pruned = new ArrayList<>();
        if (settings.outputDir() != null && settings.stateFile() != null) {
            saveState(sources, outcomes, pruned);
        }
        return new Result(outcomes, pruned);
    }

    /** Configs that differ only in their extension ({@code web.bu}, {@code web.yml}) would share an output. */
    private void checkCollisions(List<SourceFile> sources) throws CollisionException {
        Map<String, List<String>> byBase = new TreeMap<>();
        for (SourceFile s : sources) {
            byBase.computeIfAbsent(OutputNames.base(s.relative()), k -> new ArrayList<>()).add(s.display());
        }
        for (Map.Entry<String, List<String>> e : byBase.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new CollisionException(String.join(" and ", e.getValue()) + " would both be written to "
                        + display(settings.outputDir().resolve(e.getKey())) + ".*; rename one or exclude it");
            }
        }
    }

    private List<FileOutcome> runAll(List<SourceFile> sources) throws IOException {
        int threads = Math.min(settings.threads(), sources.size());
        if (threads <= 1) {
            List<FileOutcome> out = new ArrayList<>();
            for (SourceFile s : sources) {
                out.add(guarded(s));
            }
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kindling-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (SourceFile s : sources) {
                futures.add(pool.submit(() -> guarded(s)));
            }
            List<FileOutcome> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw new IllegalStateException("Kindling failed on " + sources.get(i).display() + ": " + c, c);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One config, such that running out of memory fails this config alone: its own data is
     * garbage once the error is caught, and every other config's result and state survive.
     */
    private FileOutcome guarded(SourceFile source) throws IOException {
        try {
            return one(source);
        } catch (OutOfMemoryError e) {
            return new FileOutcome(source, FileOutcome.Status.FAILED, List.of(problem("out-of-memory",
                    "not enough memory to transpile this config (" + e.getMessage() + "); give Maven more memory"
                            + " (MAVEN_OPTS=-Xmx...)")), null, List.of());
        }
    }

    /** Transpiles (or skips) one config. Runs on a worker thread. */
    private FileOutcome one(SourceFile source) throws IOException {
        byte[] input;
        try {
            input = ConfigInput.read(source.file());
        } catch (IOException e) {
            return new FileOutcome(source, FileOutcome.Status.FAILED,
                    List.of(problem("unreadable", "cannot read the config: " + e)), null, List.of());
        }
        String settingsText = "strict=" + settings.strict() + " pretty=" + settings.pretty() + " raw=false source="
                + source.display();
        String key = null;
        String fingerprint = null;
        if (settings.outputDir() != null) {
            key = display(settings.outputDir().resolve(OutputNames.base(source.relative())));
            if (settings.stateFile() != null) {
                try {
                    fingerprint = fingerprints.of(settingsText, input);
                } catch (IOException e) {
                    // a local file that cannot be read: transpile (and report it), remember nothing
                    fingerprint = null;
                }
                BuildState.Entry before = previous.entries().get(key);
                if (fingerprint != null && before != null && before.fingerprint().equals(fingerprint)
                        && intact(before)) {
                    return new FileOutcome(source, FileOutcome.Status.UP_TO_DATE, before.diagnostics(),
                            before.output(), List.of(), new Memo(key, before));
                }
            }
        }

        TranspileOptions options = TranspileOptions.builder()
                .filesDir(settings.filesDir())
                .strict(settings.strict())
                .pretty(settings.pretty())
                .sourceName(source.display())
                .build();
        TranspileResult result = ENGINE.transpile(input, options);
        List<Diagnostic> diagnostics = new ArrayList<>(result.allDiagnostics());
        if (!result.success() && result.errorCount() == 0 && !(settings.strict() && result.warningCount() > 0)) {
            diagnostics.add(problem("failed", result.failureMessage().orElse("the config produced no output")));
        }
        if (settings.outputDir() == null) {
            return new FileOutcome(source, result.success() ? FileOutcome.Status.TRANSPILED : FileOutcome.Status.FAILED,
                    diagnostics, null, List.of());
        }

        String extension = result.success()
                ? OutputNames.normalizeExtension(result.info().map(OutputInfo::fileExtension).orElse(null))
                : null;
        // every name this config's output could have had, except the one written now, is stale
        List<String> removed = new ArrayList<>();
        for (String ext : OutputNames.ALL) {
            if (!ext.equals(extension)) {
                Path stale = settings.outputDir().resolve(OutputNames.output(source.relative(), ext));
                if (Files.deleteIfExists(stale)) {
                    removed.add(display(stale));
                }
            }
        }
        if (!result.success()) {
            return new FileOutcome(source, FileOutcome.Status.FAILED, diagnostics, null, removed);
        }
        Path target = settings.outputDir().resolve(OutputNames.output(source.relative(), extension));
        byte[] doc = result.output().orElseThrow();
        byte[] data = new byte[doc.length + 1]; // a final newline, as Butane writes
        System.arraycopy(doc, 0, data, 0, doc.length);
        data[doc.length] = '\n';
        AtomicFiles.write(target, data);
        String output = display(target);
        Memo memo = null;
        if (fingerprint != null) {
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
            memo = new Memo(key, new BuildState.Entry(source.display(), output, fingerprint, a.size(),
                    a.lastModifiedTime().toMillis(), diagnostics));
        }
        return new FileOutcome(source, FileOutcome.Status.TRANSPILED, diagnostics, output, removed, memo);
    }

    /** The recorded output is still there, as it was written. */
    private boolean intact(BuildState.Entry e) {
        try {
            BasicFileAttributes a = Files.readAttributes(settings.baseDir().resolve(e.output()), BasicFileAttributes.class);
            return a.isRegularFile() && a.size() == e.size() && a.lastModifiedTime().toMillis() == e.modified();
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * Records this build's outputs. Outputs of the previous build that no config produced this
     * time (the config was deleted or is excluded now) are deleted, if they lie in the output
     * folder.
     */
    private void saveState(List<SourceFile> sources, List<FileOutcome> outcomes, List<String> pruned)
            throws IOException {
        Map<String, BuildState.Entry> next = new LinkedHashMap<>();
        java.util.Set<String> current = new java.util.HashSet<>();
        for (SourceFile s : sources) {
            current.add(display(settings.outputDir().resolve(OutputNames.base(s.relative()))));
        }
        for (FileOutcome o : outcomes) {
            if (o.memo() != null) {
                next.put(o.memo().key(), o.memo().entry());
            }
        }
        for (Map.Entry<String, BuildState.Entry> e : previous.entries().entrySet()) {
            if (current.contains(e.getKey())) {
                continue;
            }
            Path out = settings.baseDir().resolve(e.getValue().output()).normalize();
            if (out.startsWith(settings.outputDir()) && Files.deleteIfExists(out)) {
                pruned.add(e.getValue().output());
            }
        }
        new BuildState(next).save(settings.stateFile());
    }

    private String display(Path p) {
        return SourceScanner.display(settings.baseDir(), p);
    }

    private static Diagnostic problem(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, null, 0, 0, message);
    }

    /** The state entry an outcome leaves for the next build. */
    record Memo(String key, BuildState.Entry entry) {
    }
}
