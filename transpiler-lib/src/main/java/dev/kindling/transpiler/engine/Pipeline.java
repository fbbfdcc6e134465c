package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.OutputInfo;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
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
            OutputInfo info) {
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

    public Pipeline(YamlLimits limits, TranspileOptions options) {
        this.limits = limits;
        this.options = options;
    }

    public Outcome run(byte[] input) {
        try {
            return stages(input);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must still end as a diagnostic, never as a stack trace in the user's face.
            Diagnostic d = new Diagnostic(Severity.ERROR, "internal-error", null, 0, 0,
                    "internal error while processing the config (" + e + "); please report it");
            return new Outcome(null, List.of(), d, d.message(), null);
        } catch (OutOfMemoryError e) {
            // Everything this run allocated is garbage once we return, so the caller (a build
            // transpiling many configs) can go on with the others; this config fails on its own.
            Diagnostic d = new Diagnostic(Severity.ERROR, "out-of-memory", null, 0, 0,
                    "not enough memory to transpile this config (" + e.getMessage() + "); give Java more memory"
                            + " (-Xmx) or make the config and its local files smaller");
            return new Outcome(null, List.of(), d, d.message(), null);
        }
    }

    private Outcome stages(byte[] input) {
        YNode root;
        try {
            root = new YamlLoader(limits).load(input);
        } catch (YamlException e) {
            return fatal("yaml-syntax", e.getMessage(), e.line(), e.column(), null);
        }
        String[] vv;
        try {
            vv = Decoder.variantAndVersion(root);
        } catch (DecodeException e) {
            return fatal("yaml-type", e.getMessage(), e.line(), e.column(), null);
        }
        if (vv[0].isEmpty()) {
            return fatal("no-variant", "error parsing variant; must be specified", 0, 0, null);
        }
        String version = SemVer.normalize(vv[1]);
        if (version == null) {
            return fatal("invalid-version", "error parsing version; must be a valid semver", 0, 0, null);
        }
        if (vv[0].equals("rhcos") && version.equals("0.1.0")) {
            return fatal("rhcos-removed", "the rhcos variant has been removed; use the openshift variant instead:"
                    + " https://coreos.github.io/butane/upgrading-openshift/", 0, 0, null);
        }
        SpecVersion spec = Specs.find(vv[0], version).orElse(null);
        if (spec == null) {
            return fatal("unknown-version", "No translator exists for variant " + vv[0] + " with version " + version,
                    0, 0, null);
        }
        OutputInfo info = info(spec);
        ObjValue config;
        try {
            config = Decoder.decode(root, spec);
        } catch (DecodeException e) {
            return fatal("yaml-type", e.getMessage(), e.line(), e.column(), info);
        }

        Locator locator = new Locator(root);
        Report report = new Report();
        UnusedKeys.check(config, spec, root, locator, report);
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
        }
        SourceValidator.validate(config, spec, report, new InlineConfigs(spec));
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
        }

        Context ctx = new Context(spec, new LocalFiles(options.filesDir()), report);
        ctx.butaneMerges = OutputPaths.butaneMerges(config, spec);
        ObjValue output = new Translator(ctx).translateConfig(config);
        for (SugarPass pass : BASE_SUGAR) {
            output = pass.apply(config, output, ctx);
        }
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
        }
        for (SugarPass pass : VARIANT_SUGAR) {
            output = pass.apply(config, output, ctx);
        }
        // translation errors end the run before the openshift wrapper and its support checks
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
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
            Reporter support = machineConfig ? outputReporter(report, document, ctx)
                    : (severity, outPath, code, message) -> report.add(severity, outPath.toSnakeCase(), code, message);
            OpenShift.checkSupport(output, spec, OpenShift.configPath(), support);
            if (options.raw()) {
                OpenShift.warnElided(config, report);
            }
        }
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
        }

        FieldFilters.verify(output, spec.filters(), machineConfig, configAt, outputReporter(report, document, ctx));
        if (report.hasErrors()) {
            return failed(report, locator, SOURCE_INVALID, info);
        }

        Reporter validation = outputReporter(report, document, ctx);
        if (machineConfig) {
            // Butane's duplicate check walks the whole MachineConfig: its spec lists come first
            OpenShift.checkSpecDuplicates(document, validation);
        }
        IgnitionValidator.validate(output, spec.ignitionMinor(),
                (severity, outPath, code, message) -> validation.report(severity, configAt.append(outPath), code,
                        message));
        if (report.hasErrors()) {
            return failed(report, locator, GENERATED_INVALID, info);
        }
        List<Diagnostic> diagnostics = position(report, locator);
        if (options.strict() && !diagnostics.isEmpty()) {
            return new Outcome(null, diagnostics, null, STRICT_FAILED, info);
        }
        byte[] bytes = JsonWriter.write(document, spec.ignitionMinor(), options.pretty() && !machineConfig);
        if (machineConfig) {
            bytes = MachineConfigWriter.write(bytes);
        }
        return new Outcome(bytes, diagnostics, null, null, info);
    }

    /** Reports problems found in the output at the Butane field they came from. */
    private static Reporter outputReporter(Report report, ObjValue document, Context ctx) {
        OutputPaths paths = new OutputPaths(document, ctx.spec.ignitionMinor(), ctx.butaneMerges);
        return (severity, outPath, code, message) -> {
            OutputPaths.Located at = paths.locate(outPath);
            report.add(severity, at.butane(), code, message, at.real().equals(at.butane()) ? null : at.real());
        };
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
