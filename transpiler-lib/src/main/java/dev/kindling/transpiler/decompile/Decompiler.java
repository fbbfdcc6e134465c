/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.decompile.JNode.JObj;
import dev.kindling.transpiler.decompile.JNode.JStr;
import dev.kindling.transpiler.engine.Pipeline;
import dev.kindling.transpiler.spec.Feature;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns an Ignition config (JSON), or an OpenShift MachineConfig (YAML), back into a Butane
 * config that people can read and maintain. Instances hold no mutable state and can be shared.
 *
 * <p>How: every Ignition field is copied to its Butane field ({@link PlainFields}); then each
 * inverse sugar pass ({@code grub.users}, {@code boot_device}, {@code with_mount_unit}, inline
 * and local contents, ...) proposes the sugar that produces what it finds. The candidate is
 * transpiled in-process (local files served from memory) after every pass, and a pass's change
 * is kept only when the result is still the input document ({@link Documents}). This runs for
 * every spec version of the variant that emits the input's Ignition version; the oldest that
 * expresses the most as sugar wins.
 *
 * <pre>{@code
 * DecompileResult r = Decompiler.create().decompile(Files.readAllBytes(Path.of("web.ign")),
 *         DecompileOptions.builder().localFiles(true).build());
 * r.butane().ifPresent(System.out::print);
 * r.localFiles().forEach((name, bytes) -> ...write below the files directory...);
 * }</pre>
 */
public final class Decompiler {
    /** In the order they run: structure first, then the contents the structure holds. */
    private static final List<InversePass> PASSES = List.of(
            new FipsCipher(),
            new GrubUsers(),
            new BootDeviceLayout(),
            new MountUnitFlags(),
            new LocalTrees(),
            new InlineContents(),
            new UnitContents());

    /** A pass whose sites fail together is retried site by site, for at most this many sites. */
    private static final int MAX_SITES_ONE_BY_ONE = 64;

    private Decompiler() {
    }

    /**
     * A decompiler; it holds no state, so one instance can be shared.
     *
     * @return a decompiler that may be shared between threads
     */
    public static Decompiler create() {
        return new Decompiler();
    }

    /**
     * Decompiles one Ignition config (JSON) or OpenShift MachineConfig (YAML) into a Butane
     * config, trying every spec version that fits and keeping the best.
     *
     * @param input the Ignition config or MachineConfig
     * @param options how to decompile it
     * @return the Butane config, its local files and every diagnostic; input that cannot be
     *     read or decompiled is reported as error diagnostics
     */
    public DecompileResult decompile(byte[] input, DecompileOptions options) {
        Problems problems = new Problems();
        InputReader.Read read;
        try {
            read = InputReader.read(input);
        } catch (InputReader.BadInput e) {
            return fail(new Diagnostic(Severity.ERROR, "decompile-bad-input", null, e.line, e.column,
                    e.getMessage()));
        }
        Source source = Source.of(read, problems);
        if (source == null) {
            return new DecompileResult(null, new TreeMap<>(), problems.list(), null, null);
        }
        String ignitionVersion = source.ignitionVersion(problems);
        if (ignitionVersion == null) {
            return new DecompileResult(null, new TreeMap<>(), problems.list(), null, null);
        }
        List<SpecVersion> candidates = candidates(options, source, ignitionVersion, problems);
        if (candidates.isEmpty()) {
            return new DecompileResult(null, new TreeMap<>(), problems.list(), null, null);
        }
        Attempt best = null;
        for (SpecVersion spec : candidates) {
            Attempt a = new Attempt(spec, source, options);
            a.run();
            if (best == null || a.better(best)) {
                best = a;
            }
        }
        problems.addAll(best.problems);
        if (best.problems.hasErrors()) {
            return new DecompileResult(null, new TreeMap<>(), problems.list(), best.spec.variant(),
                    best.spec.version());
        }
        List<String> header = new ArrayList<>();
        if (best.check.difference != null) {
            problems.warning("decompile-not-exact", null, null, "transpiling the result does not give exactly"
                    + " the input: " + best.check.difference);
            header.add("NOTE: transpiling this config does not give exactly the input document:");
            header.add(best.check.difference);
        }
        String text = Emit.yaml(best.draft, header, best.check.literal);
        return new DecompileResult(text, best.draft.files, best.draft.executables, problems.list(),
                best.spec.variant(), best.spec.version());
    }

    private static DecompileResult fail(Diagnostic d) {
        return new DecompileResult(null, new TreeMap<>(), List.of(d), null, null);
    }

    /** The spec versions to try, oldest first. */
    private static List<SpecVersion> candidates(DecompileOptions options, Source source, String ignitionVersion,
            Problems problems) {
        String variant = options.variant() != null ? options.variant()
                : source.machineConfig() ? "openshift" : "fcos";
        if (source.machineConfig() && !variant.equals("openshift")) {
            problems.error("decompile-variant", null, null, "a MachineConfig can only be decompiled to the"
                    + " openshift variant, not " + variant);
            return List.of();
        }
        List<SpecVersion> ofVariant = Specs.all().stream().filter(s -> s.variant().equals(variant))
                .collect(Collectors.toList());
        if (ofVariant.isEmpty()) {
            problems.error("decompile-variant", null, null, "unknown variant " + variant + "; known: "
                    + Specs.all().stream().map(SpecVersion::variant).distinct().collect(Collectors.joining(", ")));
            return List.of();
        }
        if (options.version() != null) {
            String v = options.version().startsWith("v") ? options.version().substring(1) : options.version();
            Optional<SpecVersion> s = Specs.find(variant, v).or(() -> Specs.find(variant, v + ".0"));
            if (s.isEmpty()) {
                problems.error("decompile-version", null, null, "variant " + variant + " has no version "
                        + options.version());
                return List.of();
            }
            if (!s.get().ignitionVersion().equals(ignitionVersion)) {
                problems.error("decompile-version", "$.ignition.version", source.versionNode(), variant + " "
                        + s.get().version() + " emits Ignition " + s.get().ignitionVersion() + ", but the input is"
                        + " Ignition " + ignitionVersion + "; choose a version that emits " + ignitionVersion);
                return List.of();
            }
            return List.of(s.get());
        }
        List<SpecVersion> out = ofVariant.stream().filter(s -> s.ignitionVersion().equals(ignitionVersion))
                .collect(Collectors.toList());
        if (out.isEmpty()) {
            problems.error("decompile-version", "$.ignition.version", source.versionNode(), "no " + variant
                    + " spec version emits Ignition " + ignitionVersion + "; " + variant + " emits "
                    + ofVariant.stream().map(SpecVersion::ignitionVersion).distinct()
                            .collect(Collectors.joining(", ")));
        }
        return out;
    }

    /** The result of checking a draft: the first difference (null if none) and the YAML style used. */
    record Check(String difference, boolean literal) {
    }

    /** One candidate spec version, decompiled. */
    private static final class Attempt {
        final SpecVersion spec;
        final Source source;
        final DecompileOptions options;
        final Problems problems = new Problems();
        Draft draft;
        Check check;
        int fired;

        Attempt(SpecVersion spec, Source source, DecompileOptions options) {
            this.spec = spec;
            this.source = source;
            this.options = options;
        }

        void run() {
            BMap config = new PlainFields(spec, problems).config(source.ignition());
            config.put("variant", spec.variant());
            config.put("version", spec.version());
            if (spec.has(Feature.OPENSHIFT)) {
                source.addOpenShift(config, options, problems);
            }
            draft = new Draft(config, new TreeMap<>());
            if (problems.hasErrors()) {
                check = new Check("not decompiled", true);
                return;
            }
            check = check(draft);
            for (InversePass pass : PASSES) {
                Draft candidate = draft.copy();
                Problems found = new Problems();
                PassContext all = new PassContext(spec, options, found);
                if (!pass.apply(candidate, all)) {
                    problems.addAll(found);
                    continue;
                }
                Check c = check(candidate);
                if (Objects.equals(c.difference, check.difference)) {
                    accept(candidate, c, found);
                } else {
                    sitesOneByOne(pass, all.sites());
                }
            }
        }

        /** Keeps the sites of a pass that each still give the input, in order (bounded). */
        private void sitesOneByOne(InversePass pass, int sites) {
            Draft base = draft;
            String baseDifference = check.difference;
            java.util.Set<Integer> kept = new java.util.HashSet<>();
            Problems keptProblems = null;
            for (int site = 0; sites > 1 && site < Math.min(sites, MAX_SITES_ONE_BY_ONE); site++) {
                java.util.Set<Integer> trial = new java.util.HashSet<>(kept);
                trial.add(site);
                Draft candidate = base.copy();
                Problems found = new Problems();
                if (!pass.apply(candidate, new PassContext(spec, options, found, trial::contains))) {
                    continue;
                }
                Check c = check(candidate);
                if (Objects.equals(c.difference, baseDifference)) {
                    kept = trial;
                    draft = candidate;
                    check = c;
                    keptProblems = found;
                }
            }
            if (keptProblems != null) {
                problems.addAll(keptProblems);
                fired++;
            }
            // comments at the sites that look like the sugar's output but are not (they change nothing
            // the transpiler reads, which the check confirms)
            java.util.Set<Integer> accepted = kept;
            Draft noted = base.copy();
            if (pass.apply(noted, new PassContext(spec, options, new Problems(), accepted::contains, true))) {
                Check c = check(noted);
                if (Objects.equals(c.difference, baseDifference)) {
                    draft = noted;
                    check = c;
                }
            }
        }

        private void accept(Draft candidate, Check c, Problems found) {
            draft = candidate;
            check = c;
            problems.addAll(found);
            fired++;
        }

        /** Transpiles the draft in-process and compares the output with the input. */
        Check check(Draft d) {
            String first = null;
            // trees need a real folder to transpile; check their expansion, which LocalTrees defines
            Draft expanded = LocalTrees.expand(d);
            for (boolean literal : new boolean[] {true, false}) {
                String yaml = Emit.yaml(expanded, List.of(), literal);
                TranspileOptions to = TranspileOptions.builder()
                        .raw(spec.has(Feature.OPENSHIFT) && !source.machineConfig())
                        .sourceName(options.sourceName())
                        .build();
                Pipeline.Outcome o = new Pipeline(YamlLimits.DEFAULT, to, expanded.files)
                        .run(yaml.getBytes(StandardCharsets.UTF_8));
                String diff;
                if (o.output() == null) {
                    Diagnostic why = o.fatal() != null ? o.fatal() : o.diagnostics().stream()
                            .filter(x -> x.severity() == Severity.ERROR).findFirst().orElse(null);
                    diff = "the result does not transpile: " + (why == null ? o.failure() : why.toRawString());
                } else {
                    diff = Documents.difference(source.document(), readBack(o.output()), "$").orElse(null);
                }
                if (diff == null) {
                    return new Check(null, literal);
                }
                if (first == null) {
                    first = diff;
                }
            }
            return new Check(first, true);
        }

        private static JNode readBack(byte[] output) {
            try {
                return InputReader.read(output).root();
            } catch (InputReader.BadInput e) {
                return new JNode.JNull(0, 0);
            }
        }

        /** Errors lose; then an exact round trip wins; then the most sugar; else the older one. */
        boolean better(Attempt other) {
            if (problems.hasErrors() != other.problems.hasErrors()) {
                return !problems.hasErrors();
            }
            boolean exact = check.difference == null;
            boolean otherExact = other.check.difference == null;
            if (exact != otherExact) {
                return exact;
            }
            return fired > other.fired;
        }
    }

    /** The input: a bare Ignition config, or a MachineConfig around one. */
    record Source(JNode document, JObj ignition, JObj machineConfigRoot) {
        boolean machineConfig() {
            return machineConfigRoot != null;
        }

        static Source of(InputReader.Read read, Problems problems) {
            if (!(read.root() instanceof JObj root)) {
                problems.error("decompile-bad-input", "$", read.root(), "expected an Ignition config (a JSON object)"
                        + " or a MachineConfig, found " + JNode.kind(read.root()));
                return null;
            }
            boolean mc = root.fields().get("kind") instanceof JStr k && k.value().equals("MachineConfig");
            if (!mc) {
                if (read.yaml()) {
                    problems.error("decompile-bad-input", "$", root, "YAML input must be an OpenShift"
                            + " MachineConfig (kind: MachineConfig); Ignition configs are JSON");
                    return null;
                }
                return new Source(root, root, null);
            }
            JNode spec = root.fields().get("spec");
            JNode config = spec instanceof JObj s ? s.fields().get("config") : null;
            if (!(config instanceof JObj c)) {
                problems.error("decompile-bad-input", "$.spec.config", spec == null ? root : spec,
                        "the MachineConfig has no Ignition config at spec.config");
                return null;
            }
            return new Source(root, c, root);
        }

        JNode versionNode() {
            return ignition.fields().get("ignition") instanceof JObj i ? i.fields().get("version") : ignition;
        }

        String ignitionVersion(Problems problems) {
            String at = machineConfig() ? "$.spec.config.ignition.version" : "$.ignition.version";
            if (versionNode() instanceof JStr s) {
                for (SpecVersion spec : Specs.all()) {
                    if (spec.ignitionVersion().equals(s.value())) {
                        return s.value();
                    }
                }
                problems.error("decompile-version", at, s, "no Butane spec emits Ignition version " + s.value());
                return null;
            }
            problems.error("decompile-version", at, versionNode() == null ? ignition : versionNode(),
                    "the config has no ignition.version");
            return null;
        }

        /** The MachineConfig's metadata and spec fields as Butane's metadata and openshift sections. */
        void addOpenShift(BMap config, DecompileOptions options, Problems problems) {
            if (machineConfigRoot != null) {
                new MachineConfigFields(problems).apply(machineConfigRoot, config);
                return;
            }
            // A bare Ignition config has no MachineConfig around it, but every openshift config
            // needs a name and a role (Butane requires them, with --raw too): name it after the
            // input file and give it the worker role, and say so.
            BMap meta = new BMap("Metadata", "$", null);
            String name = MachineConfigFields.nameFrom(options.sourceName());
            meta.put("name", name);
            BMap labels = new BMap(null, "$", null);
            labels.put(MachineConfigFields.ROLE_LABEL, "worker");
            meta.put("labels", labels);
            config.put("metadata", meta);
            config.comment("metadata", "not in the input, which is a bare Ignition config: check the name and"
                    + " the role");
            problems.warning("decompile-invented-metadata", null, null, "the input has no MachineConfig metadata;"
                    + " the config is named " + name + " with the worker role: check both");
        }
    }
}
