/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.LocalFileRead;
import dev.kindling.transpiler.OutputInfo;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.ignition.IgnitionValidator;
import dev.kindling.transpiler.ignition.Reporter;
import dev.kindling.transpiler.output.MachineConfigWriter;
import dev.kindling.transpiler.spec.Feature;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.output.JsonWriter;
import dev.kindling.transpiler.spec.OutputFormat;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.yaml.DecodeException;
import dev.kindling.transpiler.yaml.Decoder;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the engine, in Butane's stages: read the YAML, pick the spec, decode, report unused
 * keys, validate the source, translate and expand sugar, apply variant restrictions, validate
 * the generated Ignition config, write it. Each stage that finds errors ends the run.
 */
public final class Pipeline {
    /** What a run produced. {@code output} is null on failure. */
    public record Outcome(byte[] output, List<Diagnostic> diagnostics, Diagnostic fatal, String failure,
            OutputInfo info, List<LocalFileRead> localFiles) {
        /** An outcome that read no local files. */
        public Outcome(byte[] output, List<Diagnostic> diagnostics, Diagnostic fatal, String failure,
                OutputInfo info) {
            this(output, diagnostics, fatal, failure, info, List.of());
        }

        Outcome withLocalFiles(List<LocalFileRead> reads) {
            return new Outcome(output, diagnostics, fatal, failure, info, reads);
        }
    }

    static final String SOURCE_INVALID = "source config is invalid";
    static final String GENERATED_INVALID = "config generated was invalid";
    static final String STRICT_FAILED = "config produced warnings and strict mode is on";

    /**
     * The sugar of Butane's common base, in the order Butane applies it. Butane's variants only run
     * their own sugar when this part raised no error, so the engine stops in between.
     */
    private static final List<SugarPass> BASE_SUGAR = List.of(
            new MountUnits(),
            new Trees(),
            new Quadlets());

    /** The sugar of the variants (fcos and its relatives), in Butane's order, after the base. */
    private static final List<SugarPass> VARIANT_SUGAR = List.of(
            new BootDevice(),
            new PartitionWarnings(),
            new Grub());

    private final YamlLimits limits;
    private final TranspileOptions options;
    private final Substitution.Use variableUse;
    private final boolean reportUnusedVariables;
    /** Set once the variables of this run were substituted without errors. */
    private boolean substituted;
    /** This run's access to local files; it also records what was read. */
    private final LocalFiles files;

    public Pipeline(YamlLimits limits, TranspileOptions options) {
        this(limits, options, new Substitution.Use(), true, null);
    }

    /**
     * A run whose local files come from memory, not from the files directory (the decompiler's
     * check of a candidate config).
     *
     * @param memoryFiles local files by their path relative to the files directory (see
     *     {@link LocalFiles#inMemory})
     */
    public Pipeline(YamlLimits limits, TranspileOptions options, java.util.Map<String, byte[]> memoryFiles) {
        this(limits, options, new Substitution.Use(), true, memoryFiles);
    }

    /**
     * A run that is one source of several (compose): the variables used are collected in
     * {@code sharedUse}, and the caller reports the unused ones once for the whole run
     * ({@link Substitution#unused}).
     */
    public Pipeline(YamlLimits limits, TranspileOptions options, Substitution.Use sharedUse) {
        this(limits, options, sharedUse, false, null);
    }

    private Pipeline(YamlLimits limits, TranspileOptions options, Substitution.Use use, boolean reportUnused,
            java.util.Map<String, byte[]> memoryFiles) {
        this.limits = limits;
        this.options = options;
        this.variableUse = use;
        this.reportUnusedVariables = reportUnused;
        this.files = memoryFiles != null ? LocalFiles.inMemory(memoryFiles)
                : new LocalFiles(options.filesDir(), options.trackLocalFiles());
    }

    /** The local files this run has read so far. */
    List<LocalFileRead> localFileReads() {
        return files.reads();
    }

    public Outcome run(byte[] input) {
        Outcome o;
        try {
            o = stages(input);
        } catch (RuntimeException | StackOverflowError e) {
            o = internalError(e);
        } catch (OutOfMemoryError e) {
            // Everything this run allocated is garbage once we return, so the caller (a build
            // transpiling many configs) can go on with the others; this config fails on its own.
            Diagnostic d = new Diagnostic(Severity.ERROR, "out-of-memory", null, 0, 0,
                    "not enough memory to transpile this config (" + e.getMessage() + "); give Java more memory"
                            + " (-Xmx) or make the config and its local files smaller");
            o = new Outcome(null, List.of(), d, d.message(), null);
        }
        o = o.withLocalFiles(files.reads());
        if (reportUnusedVariables && substituted) {
            o = withWarnings(o, Substitution.unused(options.variables(), variableUse), options.strict());
        }
        return redact(o, options.variables());
    }

    /** Appends warnings to an outcome; in strict mode they take its output away. */
    static Outcome withWarnings(Outcome o, List<Diagnostic> warnings, boolean strict) {
        if (warnings.isEmpty()) {
            return o;
        }
        List<Diagnostic> all = new ArrayList<>(o.diagnostics());
        all.addAll(warnings);
        if (strict && o.output() != null) {
            return new Outcome(null, List.copyOf(all), o.fatal(), STRICT_FAILED, o.info(), o.localFiles());
        }
        return new Outcome(o.output(), List.copyOf(all), o.fatal(), o.failure(), o.info(), o.localFiles());
    }

    /** Takes every secret value out of the messages of an outcome (the output keeps them). */
    static Outcome redact(Outcome o, Variables variables) {
        if (!variables.hasSecrets()) {
            return o;
        }
        List<Diagnostic> ds = new ArrayList<>(o.diagnostics().size());
        for (Diagnostic d : o.diagnostics()) {
            ds.add(redact(d, variables));
        }
        return new Outcome(o.output(), List.copyOf(ds), o.fatal() == null ? null : redact(o.fatal(), variables),
                variables.redact(o.failure()), o.info(), o.localFiles());
    }

    private static Diagnostic redact(Diagnostic d, Variables variables) {
        String m = variables.redact(d.message());
        return m.equals(d.message()) ? d
                : new Diagnostic(d.severity(), d.code(), d.path(), d.line(), d.column(), m, d.source());
    }

    /** A bug must still end as a diagnostic, never as a stack trace in the user's face. */
    static Outcome internalError(Throwable e) {
        Diagnostic d = new Diagnostic(Severity.ERROR, "internal-error", null, 0, 0,
                "internal error while processing the config (" + e + "); please report it");
        return new Outcome(null, List.of(), d, d.message(), null);
    }

    /**
     * A config taken through every stage but the writing: either a failure, or the output tree
     * (and the document around it) ready to be written. {@code compose} merges several of these.
     */
    record Built(Outcome failure, SpecVersion spec, OutputInfo info, ObjValue input, ObjValue output,
            ObjValue document, boolean machineConfig, List<Diagnostic> diagnostics, Locator locator) {
        static Built failed(Outcome failure) {
            return new Built(failure, null, failure.info(), null, null, null, false, failure.diagnostics(), null);
        }
    }

    private Outcome stages(byte[] input) {
        Built b = build(input);
        if (b.failure() != null) {
            return b.failure();
        }
        List<Diagnostic> diagnostics = b.diagnostics();
        if (options.strict() && !diagnostics.isEmpty()) {
            return new Outcome(null, diagnostics, null, STRICT_FAILED, b.info());
        }
        return new Outcome(write(b.document(), b.spec().ignitionMinor(), b.machineConfig()), diagnostics, null, null,
                b.info());
    }

    /** The bytes of a finished document: Ignition JSON, or the MachineConfig YAML around it. */
    byte[] write(ObjValue document, int ignitionMinor, boolean machineConfig) {
        byte[] bytes = JsonWriter.write(document, ignitionMinor, options.pretty() && !machineConfig);
        return machineConfig ? MachineConfigWriter.write(bytes) : bytes;
    }

    /** Every stage but the writing; never throws for bad input. */
    Built build(byte[] input) {
        try {
            return buildStages(input);
        } catch (RuntimeException | StackOverflowError e) {
            return Built.failed(internalError(e));
        }
    }

    private Built buildStages(byte[] input) {
        YNode root;
        YamlLoader loader = new YamlLoader(limits);
        try {
            root = loader.load(input);
        } catch (YamlException e) {
            return Built.failed(fatal("yaml-syntax", e.getMessage(), e.line(), e.column(), null));
        }
        String text = loader.text();
        Substitution.Result sub = Substitution.cannotReference(text) ? new Substitution.Result(root, List.of())
                : Substitution.apply(root, options.variables(), variableUse, text);
        if (!sub.errors().isEmpty()) {
            return Built.failed(new Outcome(null, sub.errors(), null, SOURCE_INVALID, null));
        }
        substituted = true;
        root = sub.root();
        String[] vv;
        try {
            vv = Decoder.variantAndVersion(root);
        } catch (DecodeException e) {
            return Built.failed(fatal("yaml-type", e.getMessage(), e.line(), e.column(), null));
        }
        if (vv[0].isEmpty()) {
            return Built.failed(fatal("no-variant", "error parsing variant; must be specified", 0, 0, null));
        }
        String version = SemVer.normalize(vv[1]);
        if (version == null) {
            return Built.failed(fatal("invalid-version", "error parsing version; must be a valid semver", 0, 0, null));
        }
        if (vv[0].equals("rhcos") && version.equals("0.1.0")) {
            return Built.failed(fatal("rhcos-removed", "the rhcos variant has been removed; use the openshift variant instead:"
                    + " https://coreos.github.io/butane/upgrading-openshift/", 0, 0, null));
        }
        SpecVersion spec = Specs.find(vv[0], version).orElse(null);
        if (spec == null) {
            return Built.failed(fatal("unknown-version", "No translator exists for variant " + vv[0] + " with version " + version,
                    0, 0, null));
        }
        OutputInfo info = info(spec);
        ObjValue config;
        try {
            config = Decoder.decode(root, spec);
        } catch (DecodeException e) {
            return Built.failed(fatal("yaml-type", e.getMessage(), e.line(), e.column(), info));
        }

        Locator locator = new Locator(root);
        Report report = new Report();
        UnusedKeys.check(config, spec, root, locator, report);
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }
        SourceValidator.validate(config, spec, report, new InlineConfigs(spec));
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }

        Context ctx = new Context(spec, files, report);
        ctx.butaneMerges = OutputPaths.butaneMerges(config, spec);
        ctx.butaneMergedSections = OutputPaths.mergedSections(config, spec);
        ctx.machineConfig = spec.has(Feature.OPENSHIFT) && !options.raw();
        ObjValue output = new Translator(ctx).translateConfig(config);
        for (SugarPass pass : BASE_SUGAR) {
            output = pass.apply(config, output, ctx);
        }
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }
        for (SugarPass pass : VARIANT_SUGAR) {
            output = pass.apply(config, output, ctx);
        }
        // translation errors end the run before the openshift wrapper and its support checks
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }
        Defaults.fill(output, spec.ignitionMinor());

        // openshift: the MachineConfig around the config, and what RHCOS and the MCO require
        boolean openshift = spec.has(Feature.OPENSHIFT);
        boolean machineConfig = openshift && !options.raw();
        Path configAt = machineConfig ? OpenShift.configPath() : Path.ROOT;
        ObjValue document = output;
        if (openshift) {
            if (spec.has(Rule.GRUB_CFG_AS_CONTENTS)) {
                OpenShift.grubCfgAsContents(output);
            }
            ObjValue mc = OpenShift.wrap(config, output);
            if (spec.has(Rule.FIPS_LUKS_CIPHER)) {
                OpenShift.addFipsCipher(config, output);
            }
            if (machineConfig) {
                document = mc;
            }
            // Butane maps these MachineConfig paths with the raw config's translations when --raw is
            // given, which cannot match: they keep their spec.config prefix and point at the root
            Reporter support = machineConfig ? outputReporter(report, document, ctx) : new SnakeCaseReporter(report);
            OpenShift.checkSupport(output, spec, OpenShift.configPath(), support);
            if (options.raw()) {
                OpenShift.warnElided(config, report);
            }
        }
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }

        FieldFilters.verify(output, spec.filters(), machineConfig, configAt, outputReporter(report, document, ctx));
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, SOURCE_INVALID, info));
        }

        Reporter validation = outputReporter(report, document, ctx);
        if (machineConfig) {
            // Butane's duplicate check walks the whole MachineConfig: its spec lists come first
            OpenShift.checkSpecDuplicates(document, validation);
        }
        IgnitionValidator.validate(output, spec.ignitionMinor(), new PrefixReporter(validation, configAt));
        if (report.hasErrors()) {
            return Built.failed(failed(report, locator, GENERATED_INVALID, info));
        }
        return new Built(null, spec, info, config, output, document, machineConfig, position(report, locator), locator);
    }

    /** Reports problems found in the output at the Butane field they came from. */
    private static Reporter outputReporter(Report report, ObjValue document, Context ctx) {
        return new OutputReporter(report, new OutputPaths(document, ctx.spec.ignitionMinor(), ctx.butaneMerges, ctx.butaneMergedSections));
    }

    // The reporters are classes, not lambdas: every transpile runs them, and a cold JVM pays
    // about a millisecond for each lambda it links (the plain transpile path links none).

    /** Reports at the Butane field an output path came from (and the real place when it differs). */
    private static final class OutputReporter implements Reporter {
        private final Report report;
        private final OutputPaths paths;

        OutputReporter(Report report, OutputPaths paths) {
            this.report = report;
            this.paths = paths;
        }

        @Override
        public void report(Severity severity, Path outPath, String code, String message) {
            report.add(severity, paths.locate(outPath), code, message);
        }
    }

    /** Reports at the output path itself, in Butane's snake_case spelling. */
    private static final class SnakeCaseReporter implements Reporter {
        private final Report report;

        SnakeCaseReporter(Report report) {
            this.report = report;
        }

        @Override
        public void report(Severity severity, Path outPath, String code, String message) {
            report.add(severity, outPath.toSnakeCase(), code, message);
        }
    }

    /** Passes each report on with a prefix before its path (the config inside a MachineConfig). */
    private static final class PrefixReporter implements Reporter {
        private final Reporter next;
        private final Path prefix;

        PrefixReporter(Reporter next, Path prefix) {
            this.next = next;
            this.prefix = prefix;
        }

        @Override
        public void report(Severity severity, Path outPath, String code, String message) {
            next.report(severity, prefix.append(outPath), code, message);
        }
    }

    private OutputInfo info(SpecVersion spec) {
        boolean yaml = spec.format() == OutputFormat.MACHINE_CONFIG && !options.raw();
        return new OutputInfo(spec.variant(), spec.version(), spec.ignitionVersion(),
                yaml ? OutputInfo.YAML_MEDIA_TYPE : OutputInfo.IGNITION_MEDIA_TYPE, yaml ? ".yaml" : ".ign");
    }

    private static Outcome fatal(String code, String message, int line, int column, OutputInfo info) {
        Diagnostic d = new Diagnostic(Severity.ERROR, code, null, Math.max(line, 0), line > 0 ? column : 0, message);
        return new Outcome(null, List.of(), d, message, info);
    }

    private static Outcome failed(Report report, Locator locator, String why, OutputInfo info) {
        return new Outcome(null, position(report, locator), null, why, info);
    }

    private static List<Diagnostic> position(Report report, Locator locator) {
        List<Diagnostic> out = new ArrayList<>(report.entries().size());
        for (Entry e : report.entries()) {
            int line = 0;
            int col = 0;
            String path = null;
            if (e.path() != null) {
                // an entry about the whole document has no path, only a position
                path = e.path().size() == 0 ? null : e.path().toString();
                int[] pos = locator.locate(e.path());
                if (pos != null) {
                    line = pos[0];
                    col = pos[1];
                }
            }
            String message = e.message();
            if (e.real() != null && line > 0) {
                // Butane's position is the contract; say where the value really is when that differs
                int[] real = locator.locate(e.real());
                if (real != null && (real[0] != line || real[1] != col)) {
                    message += " (Butane's position; the field is at line " + real[0] + ", column " + real[1] + ")";
                }
            }
            out.add(new Diagnostic(e.severity(), e.code(), path, line, col, message));
        }
        return out;
    }
}
