/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.LocalFileRead;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.Source;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.ignition.ConfigMerge;
import dev.kindling.transpiler.ignition.IgnitionValidator;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import dev.kindling.transpiler.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes several Butane configs into one Ignition config: each source is taken through the
 * whole pipeline on its own (so it gets exactly the diagnostics a plain transpile gives it), the
 * snippets are merged in order onto the base with Ignition's merge ({@link ConfigMerge}), and
 * the result is validated as a whole and written at the base's Ignition version.
 *
 * <p>Before merging, every origin in a source's output is tagged with the source's name
 * ({@link Path#inSource}); merged values keep their origins, so a problem found in the merged
 * config is positioned in the file that wrote the value.
 */
public final class Composer {
    static final String VARIANT_MISMATCH = "snippet-variant-mismatch";
    static final String NEWER_SPEC = "snippet-newer-spec";
    static final String MERGED_INVALID = "merged config is invalid";

    private final YamlLimits limits;
    private final TranspileOptions options;
    /** The local files every source of the current run read, in reading order. */
    private final List<LocalFileRead> localFiles = new ArrayList<>();

    public Composer(YamlLimits limits, TranspileOptions options) {
        this.limits = limits;
        this.options = options;
    }

    /** One source after its own pipeline run. */
    private record Part(Source source, Pipeline.Built built) {
        String name() {
            return source.name();
        }
    }

    public Pipeline.Outcome compose(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("compose needs at least one source (the base config)");
        }
        Substitution.Use use = new Substitution.Use();
        localFiles.clear();
        Pipeline.Outcome o;
        try {
            o = stages(sources, use);
        } catch (RuntimeException | StackOverflowError e) {
            Pipeline.Outcome ie = Pipeline.internalError(e);
            o = new Pipeline.Outcome(null, ie.diagnostics(), ie.fatal().withSource(sources.get(0).name()),
                    ie.failure(), null);
        }
        // unused variables are about the whole run (a variable may be used by any source)
        boolean referencesFailed = o.diagnostics().stream().anyMatch(d -> d.code().equals(Substitution.UNDEFINED)
                || d.code().equals(Substitution.MALFORMED) || d.code().equals(Substitution.IN_KEY));
        if (!referencesFailed && o.fatal() == null) {
            o = Pipeline.withWarnings(o, Substitution.unused(options.variables(), use), options.strict());
        }
        return Pipeline.redact(o.withLocalFiles(List.copyOf(localFiles)), options.variables());
    }

    private Pipeline.Outcome stages(List<Source> sources, Substitution.Use use) {
        List<Part> parts = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Diagnostic fatal = null;
        String failure = null;
        for (Source s : sources) {
            TranspileOptions own = options.toBuilder().sourceName(s.name()).strict(false).build();
            Pipeline run = new Pipeline(limits, own, use);
            Pipeline.Built b = run.build(s.content());
            for (LocalFileRead r : run.localFileReads()) {
                if (!localFiles.contains(r)) {
                    localFiles.add(r);
                }
            }
            for (Diagnostic d : b.diagnostics()) {
                diagnostics.add(d.withSource(s.name()));
            }
            if (b.failure() != null) {
                Pipeline.Outcome f = b.failure();
                if (f.fatal() != null) {
                    if (fatal == null) {
                        fatal = f.fatal().withSource(s.name());
                    } else {
                        diagnostics.add(f.fatal().withSource(s.name()));
                    }
                }
                if (failure == null) {
                    failure = f.failure();
                }
            }
            parts.add(new Part(s, b));
        }
        Part base = parts.get(0);
        if (failure != null) {
            return new Pipeline.Outcome(null, diagnostics, fatal, failure, base.built().info());
        }
        if (parts.size() == 1) {
            return finish(base, base.built().document(), diagnostics);
        }

        SpecVersion baseSpec = base.built().spec();
        for (Part p : parts.subList(1, parts.size())) {
            SpecVersion spec = p.built().spec();
            if (!spec.variant().equals(baseSpec.variant())) {
                diagnostics.add(at(p, Path.of("variant"), Severity.ERROR, VARIANT_MISMATCH,
                        "the snippet " + p.name() + " is for the variant " + spec.variant() + ", but the base config "
                                + base.name() + " is for " + baseSpec.variant() + "; snippets must have the base's variant"));
            } else if (spec.ignitionMinor() > baseSpec.ignitionMinor()) {
                diagnostics.add(at(p, Path.of("version"), Severity.ERROR, NEWER_SPEC,
                        "the snippet " + p.name() + " (" + spec.variant() + " " + spec.version() + ", Ignition "
                                + spec.ignitionVersion() + ") is newer than the base config " + base.name() + " ("
                                + baseSpec.variant() + " " + baseSpec.version() + ", Ignition "
                                + baseSpec.ignitionVersion() + "); the output is written at the base's version"));
            }
        }
        if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return new Pipeline.Outcome(null, diagnostics, null, Pipeline.SOURCE_INVALID, base.built().info());
        }

        int minor = baseSpec.ignitionMinor();
        Map<String, Part> byName = new HashMap<>();
        ObjValue merged = null;
        for (Part p : parts) {
            byName.putIfAbsent(p.name(), p);
            ObjValue config = p.built().output();
            tag(config, p.name());
            Upgrade.translate(config, p.built().spec().ignitionMinor(), minor);
            merged = merged == null ? config : ConfigMerge.merge(merged, config, minor);
        }
        // the output is at the base's version, whatever the snippets declared
        ObjValue ignition = merged.objOrCreate("ignition", "Ignition");
        ignition.put("version", base.built().output().obj("ignition").get("version"));
        Defaults.fill(merged, minor);
        if (baseSpec.has(Rule.FIPS_LUKS_CIPHER)) {
            // FIPS from any config applies to every LUKS volume, also those of the other configs
            for (Part p : parts) {
                OpenShift.addFipsCipher(p.built().input(), merged);
            }
        }

        ObjValue document = merged;
        Path configAt = Path.ROOT;
        if (base.built().machineConfig()) {
            document = MachineConfigs.merge(parts.stream().map(p -> p.built().document()).toList(), merged);
            configAt = OpenShift.configPath();
        }

        // problems that only the sources together have (each source alone was valid); a problem
        // between two entries names the other entry's place too
        Report report = new Report();
        List<Path> others = new ArrayList<>();
        OutputPaths paths = new OutputPaths(document);
        Path prefix = configAt;
        ObjValue config = merged;
        IgnitionValidator.validate(merged, minor, (severity, outPath, code, message) -> {
            report.add(severity, paths.toInput(prefix.append(outPath)), code, message);
            Path other = Conflicts.other(config, outPath, code);
            others.add(other == null ? null : paths.toInput(prefix.append(other)));
        });
        Set<Diagnostic> seen = new LinkedHashSet<>(diagnostics);
        boolean errors = false;
        for (int i = 0; i < report.entries().size(); i++) {
            Entry e = report.entries().get(i);
            Diagnostic d = position(e, base, byName);
            if (!seen.add(d)) {
                continue; // a source's own problem, already reported by its own run
            }
            if (others.get(i) != null) {
                Diagnostic o = position(new Entry(e.severity(), others.get(i), e.code(), e.message()), base, byName);
                if (o.line() != d.line() || o.column() != d.column() || !o.source().equals(d.source())) {
                    d = new Diagnostic(d.severity(), d.code(), d.path(), d.line(), d.column(), d.message()
                            + " (the other entry: " + o.source() + ":" + o.line() + ":" + o.column() + ")", d.source());
                }
            }
            diagnostics.add(d);
            errors |= d.severity() == Severity.ERROR;
        }
        if (errors) {
            return new Pipeline.Outcome(null, diagnostics, null, MERGED_INVALID, base.built().info());
        }
        return finish(base, document, diagnostics);
    }

    private Pipeline.Outcome finish(Part base, ObjValue document, List<Diagnostic> diagnostics) {
        Pipeline.Built b = base.built();
        if (options.strict() && !diagnostics.isEmpty()) {
            return new Pipeline.Outcome(null, diagnostics, null, Pipeline.STRICT_FAILED, b.info());
        }
        byte[] bytes = new Pipeline(limits, options).write(document, b.spec().ignitionMinor(), b.machineConfig());
        return new Pipeline.Outcome(bytes, diagnostics, null, null, b.info());
    }

    /** A diagnostic at a Butane path of one source. */
    private static Diagnostic at(Part p, Path path, Severity severity, String code, String message) {
        int[] pos = p.built().locator().locate(path);
        return new Diagnostic(severity, code, path.toString(), pos == null ? 0 : pos[0], pos == null ? 0 : pos[1],
                message, p.name());
    }

    /** Positions a report entry in the source its path is tagged with (the base when untagged). */
    private static Diagnostic position(Entry e, Part base, Map<String, Part> byName) {
        Part p = e.path() == null || e.path().source() == null ? base : byName.getOrDefault(e.path().source(), base);
        int line = 0;
        int col = 0;
        String path = null;
        if (e.path() != null) {
            path = e.path().size() == 0 ? null : e.path().toString();
            int[] pos = p.built().locator().locate(e.path());
            if (pos != null) {
                line = pos[0];
                col = pos[1];
            }
        }
        return new Diagnostic(e.severity(), e.code(), path, line, col, e.message(), p.name());
    }

    /** Tags the origin of every value below {@code v} with the source's name. */
    static void tag(Value v, String sourceName) {
        if (v.origin() != null) {
            v.withOrigin(v.origin().inSource(sourceName));
        }
        if (v instanceof ObjValue o) {
            o.fields().values().forEach(c -> tag(c, sourceName));
        } else if (v instanceof ListValue l) {
            l.items().forEach(c -> tag(c, sourceName));
        }
    }
}
