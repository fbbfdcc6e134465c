/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.OutputInfo;
import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.engine.SemVer;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rewrites a Butane config to another spec version of its variant by editing its text: the
 * {@code version} scalar is replaced in place (and keys renamed by a version step, if any),
 * every other character stays as written. Whether the result means the same is not assumed but
 * checked: both versions are transpiled, each problem the target version reports that the
 * original did not becomes a diagnostic at the field's line and column (a field the target
 * lacks, a value it refuses), and the two Ignition configs must be the same once both are in the
 * same Ignition version ({@link IgnitionEquivalence}). Instances hold no mutable state.
 *
 * <pre>{@code
 * UpgradeResult r = Upgrader.create().upgrade(bytes, UpgradeOptions.builder().targetVersion("1.6.0").build());
 * r.diagnostics().forEach(d -> System.err.println(d.toRawString()));
 * r.output().ifPresent(out -> Files.write(path, out));
 * }</pre>
 */
public final class Upgrader {
    private final Transpiler transpiler;

    private Upgrader(Transpiler transpiler) {
        this.transpiler = transpiler;
    }

    /**
     * An upgrader with the default input limits.
     *
     * @return an upgrader that may be shared between threads
     */
    public static Upgrader create() {
        return new Upgrader(Transpiler.create());
    }

    /**
     * Rewrites one config (UTF-8, or UTF-16 with a byte-order mark) as {@code options} say.
     *
     * @param butane the Butane config
     * @param options the target version and how to check the rewrite
     * @return the rewritten config when the target version means the same, and every diagnostic
     */
    public UpgradeResult upgrade(byte[] butane, UpgradeOptions options) {
        TranspileOptions transpile = TranspileOptions.builder().filesDir(options.filesDir()).raw(options.raw())
                .sourceName(options.sourceName()).build();
        TranspileResult original = transpiler.transpile(butane, transpile);
        if (!original.success()) {
            List<Diagnostic> d = new ArrayList<>(original.allDiagnostics().stream()
                    .filter(x -> x.severity() == Severity.ERROR).toList());
            d.add(error("upgrade-source-invalid", null, 0, 0, "the config has errors in its own version; fix them"
                    + " before changing its version"));
            return failed(d, "", "", "");
        }
        OutputInfo info = original.info().orElseThrow();
        String text;
        YNode root;
        try {
            text = YamlLoader.decode(butane);
            root = new YamlLoader(YamlLimits.DEFAULT).load(butane);
        } catch (YamlException e) {
            return failed(List.of(error("yaml-syntax", null, e.line(), e.column(), e.getMessage())), "", "", "");
        }
        YScalar versionNode = topLevelScalar(root, "version");
        YScalar variantNode = topLevelScalar(root, "variant");
        String variant = info.variant();
        SpecVersion from = Specs.find(variant, info.version()).orElseThrow();

        Optional<SpecVersion> target = options.targetVersionIfSet()
                .map(v -> Specs.find(variant, Optional.ofNullable(SemVer.normalize(v)).orElse(v)))
                .orElseGet(() -> VersionSteps.newestStable(variant));
        if (target.isEmpty()) {
            String known = VersionSteps.line(variant).stream().map(SpecVersion::version)
                    .collect(Collectors.joining(", "));
            return failed(List.of(error("upgrade-unknown-target", null, 0, 0, "variant " + variant
                    + " has no version " + options.targetVersion() + "; its versions are " + known)), variant,
                    from.version(), "");
        }
        SpecVersion to = target.get();
        List<VersionStep> steps = VersionSteps.between(from, to);
        if (to.equals(from)) {
            return new UpgradeResult(butane.clone(), text, text, List.of(), variant, from.version(), to.version(),
                    steps);
        }
        if (versionNode == null || variantNode == null) {
            YNode at = versionNode == null ? root : versionNode;
            return failed(List.of(error("upgrade-version-not-editable", "$.version", at.line(), at.column(),
                    "version (and variant) must be written as plain values at the top of the config to be"
                            + " rewritten, not through an alias or a merge key")), variant, from.version(),
                    to.version());
        }

        List<Diagnostic> ignored = ignoredFieldsThatActivate(original, steps, from, to);

        YamlText yaml;
        try {
            yaml = YamlText.of(butane, text);
        } catch (RuntimeException e) {
            return failed(List.of(error("upgrade-unreadable", null, 0, 0, "the config's text cannot be edited"
                    + " in place: " + e.getMessage())), variant, from.version(), to.version());
        }
        List<YamlText.Edit> edits = new ArrayList<>();
        YamlText.Edit versionEdit = yaml.replaceValue(versionNode, to.version());
        if (versionEdit == null) {
            return failed(List.of(error("upgrade-version-not-editable", "$.version", versionNode.line(),
                    versionNode.column(), "the version is written in a form that cannot be rewritten in place"
                            + " (a block scalar, or a quoted one with escapes); write it as version: "
                            + from.version())), variant, from.version(), to.version());
        }
        edits.add(versionEdit);
        // keys the old version ignores but the target would act on are commented out, so that
        // the config keeps its meaning and the text stays for the user to decide
        List<Diagnostic> commented = new ArrayList<>();
        for (Diagnostic d : ignored) {
            List<YamlText.Edit> comment = yaml.commentOut(d.line(), d.column());
            if (comment == null) {
                return failed(ignored, variant, from.version(), to.version());
            }
            edits.addAll(comment);
            commented.add(new Diagnostic(Severity.WARNING, "upgrade-ignored-field-commented", d.path(), d.line(),
                    d.column(), d.message().replace(", so it would take effect; remove it before changing the"
                            + " version", ": commented out, so that the config keeps its meaning; uncomment it"
                            + " to use it")));
        }
        List<Diagnostic> problems = new ArrayList<>();
        renames(root, yaml, steps, isUp(from, to), edits, problems);
        if (!problems.isEmpty()) {
            return failed(problems, variant, from.version(), to.version());
        }
        String rewritten = yaml.apply(edits);
        byte[] out = encode(butane, rewritten);

        TranspileResult upgraded = transpiler.transpile(out, transpile);
        List<Diagnostic> diagnostics = compare(original, upgraded, steps, from, to);
        if (!commented.isEmpty() && diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)
                || !commented.isEmpty() && upgraded.success() && !IgnitionEquivalence.same(
                        original.output().orElseThrow(), upgraded.output().orElseThrow(), yamlOutput(upgraded))) {
            // commenting out was not enough (e.g. it left an empty section that means something), or
            // the target refuses something else too: report the keys themselves, then the rest
            List<Diagnostic> all = new ArrayList<>(ignored);
            diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).forEach(all::add);
            return failed(all, variant, from.version(), to.version());
        }
        diagnostics.addAll(0, commented);
        boolean refused = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        if (!refused && upgraded.success()) {
            if (!IgnitionEquivalence.same(original.output().orElseThrow(), upgraded.output().orElseThrow(),
                    yamlOutput(upgraded))) {
                diagnostics.addAll(outputDiffers(root, steps, from, to));
                refused = true;
            }
        } else if (!refused) {
            refused = true;
            diagnostics.add(error("upgrade-refused", null, 0, 0, "the config does not transpile in " + to));
        }
        if (refused) {
            return failed(diagnostics, variant, from.version(), to.version());
        }
        return new UpgradeResult(out, text, rewritten, diagnostics, variant, from.version(), to.version(), steps);
    }

    private static boolean yamlOutput(TranspileResult r) {
        return r.info().map(i -> i.mediaType().contains("yaml")).orElse(false);
    }

    private static boolean isUp(SpecVersion from, SpecVersion to) {
        List<SpecVersion> line = VersionSteps.line(from.variant());
        return line.indexOf(to) > line.indexOf(from);
    }

    /**
     * What the target version reports that the original did not: each becomes a diagnostic of
     * the upgrade, explained by the version step that brought the change when one declares it.
     */
    private static List<Diagnostic> compare(TranspileResult original, TranspileResult upgraded,
            List<VersionStep> steps, SpecVersion from, SpecVersion to) {
        Set<String> before = new HashSet<>();
        for (Diagnostic d : original.allDiagnostics()) {
            before.add(identity(d));
        }
        boolean up = isUp(from, to);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : upgraded.allDiagnostics()) {
            if (before.contains(identity(d))) {
                continue;
            }
            if (d.code().equals("unused-key")) {
                String field = unusedField(d);
                if (field == null) {
                    field = Change.withoutIndices(d.path());
                }
                Class<? extends Change> kind = up ? Change.FieldRemoved.class : Change.FieldAdded.class;
                String why = explain(steps, up, d.path(), kind::isInstance)
                        .map(e -> " (" + (up ? "removed in " : "added in ") + e.step() + ")")
                        .orElse("");
                out.add(error("upgrade-field-unavailable", d.path(), d.line(), d.column(), to + " has no field "
                        + field + why + "; remove it or choose another version"));
                continue;
            }
            String why = explain(steps, up, d.path(), c -> !(c instanceof Change.FieldAdded))
                    .map(e -> " (" + e.step() + ": " + e.change().describe() + ")")
                    .orElse("");
            String code = d.severity() == Severity.ERROR ? "upgrade-target-error" : "upgrade-target-warning";
            out.add(new Diagnostic(d.severity(), code, d.path(), d.line(), d.column(), "in " + to + ": "
                    + d.message() + why));
        }
        return out;
    }

    /**
     * The field path of an unused key ({@code storage.files.path}), or null when the key cannot
     * be a field of any version. The key is the last part of the diagnostic's path, but taken
     * whole from its message: an empty key, a key of digits or one holding a dot would read as
     * an index or as more levels of the path, and could then name a field that the key is not
     * (an empty key under {@code ignition} is not the field {@code ignition}, nor is a key
     * {@code config.merge} the field {@code ignition.config.merge}). No field name is empty or
     * holds a dot.
     */
    private static String unusedField(Diagnostic d) {
        String prefix = "unused key ";
        String path = d.path();
        if (path != null && d.message().startsWith(prefix)) {
            String key = d.message().substring(prefix.length());
            if (path.endsWith("." + key)) {
                if (key.isEmpty() || key.indexOf('.') >= 0) {
                    return null;
                }
                String parent = Change.withoutIndices(path.substring(0, path.length() - key.length() - 1));
                return parent.isEmpty() ? key : parent + "." + key;
            }
        }
        return Change.withoutIndices(path);
    }

    /** A change and the version that brought it, e.g. {@code fcos 1.5.0}. */
    private record Cause(String step, Change change) {
    }

    /** The change nearest the target version that covers the path and passes the filter. */
    private static Optional<Cause> explain(List<VersionStep> steps, boolean up, String path,
            java.util.function.Predicate<Change> filter) {
        List<VersionStep> ordered = new ArrayList<>(steps);
        if (!up) {
            Collections.reverse(ordered);
        }
        Cause found = null;
        for (VersionStep s : ordered) {
            for (Change c : s.changes()) {
                if (filter.test(c) && c.covers(path)) {
                    found = new Cause(s.variant() + " " + s.to(), c);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Keys the original version ignores (Butane's "unused key") that are fields of the target:
     * rewriting the version would make them take effect, so the config would mean something
     * else. Each is refused at its position, with the version that introduced the field.
     */
    private static List<Diagnostic> ignoredFieldsThatActivate(TranspileResult original, List<VersionStep> steps,
            SpecVersion from, SpecVersion to) {
        Set<String> targetFields = VersionSteps.fields(to);
        boolean up = isUp(from, to);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : original.diagnostics()) {
            if (d.code().equals("unused-key") && targetFields.contains(unusedField(d))) {
                String field = unusedField(d);
                String since = explain(steps, up, d.path(), c -> c instanceof Change.FieldAdded
                        || c instanceof Change.FieldRemoved).map(c -> " (" + (c.change() instanceof Change.FieldAdded
                                ? "added" : "removed") + " in " + c.step() + ")").orElse("");
                out.add(error("upgrade-ignored-field", d.path(), d.line(), d.column(), from + " ignores this key"
                        + " (unused key), but " + to + " has the field " + field + since + ", so it would take"
                        + " effect; remove it before changing the version"));
            }
        }
        return out;
    }

    /**
     * The output changed although no check complained: a change of meaning between the versions.
     * Points at each key of the config that a declared change of meaning or check is about.
     */
    private static List<Diagnostic> outputDiffers(YNode root, List<VersionStep> steps, SpecVersion from,
            SpecVersion to) {
        String summary = "in " + to + " the config would give a different Ignition config than in " + from;
        List<Diagnostic> out = new ArrayList<>();
        for (VersionStep s : steps) {
            for (Change c : s.changes()) {
                if (c instanceof Change.SemanticsChanged || c instanceof Change.RestrictionChanged) {
                    List<YScalar> keys = new ArrayList<>();
                    keysMatching(root, "", c, keys, 0);
                    for (YScalar k : keys) {
                        out.add(error("upgrade-output-differs", null, k.line(), k.column(), summary + " ("
                                + s.variant() + " " + s.to() + ": " + c.describe() + ")"));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(error("upgrade-output-differs", null, 0, 0, summary));
        }
        return out;
    }

    private static void keysMatching(YNode node, String path, Change change, List<YScalar> out, int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof YSeq seq) {
            seq.items().forEach(i -> keysMatching(i, path, change, out, depth + 1));
        } else if (node instanceof YMap map) {
            for (YNode.Entry e : map.entries()) {
                String p = path.isEmpty() ? e.keyText() : path + "." + e.keyText();
                if (change.path().equals(p) || change.path().startsWith("*.") && p.endsWith(change.path()
                        .substring(1))) {
                    if (e.key() instanceof YScalar k) {
                        out.add(k);
                    }
                }
                keysMatching(e.value(), p, change, out, depth + 1);
            }
        }
    }

    /** Severity, code, path and line: columns on an edited line may move. */
    private static String identity(Diagnostic d) {
        return d.severity() + " " + d.code() + " " + d.path() + " " + d.line();
    }

    /** Renames keys as the steps declare (newer names going up, older ones going down). */
    static void renames(YNode root, YamlText yaml, List<VersionStep> steps, boolean up,
            List<YamlText.Edit> edits, List<Diagnostic> problems) {
        List<VersionStep> ordered = new ArrayList<>(steps);
        if (!up) {
            Collections.reverse(ordered);
        }
        for (VersionStep s : ordered) {
            for (Change.KeyRenamed r : s.changes(Change.KeyRenamed.class)) {
                String[] oldPath = r.path().split("\\.");
                String[] newPath = oldPath.clone();
                newPath[newPath.length - 1] = r.newName();
                String[] find = up ? oldPath : newPath;
                String replacement = up ? r.newName() : oldPath[oldPath.length - 1];
                List<YScalar> keys = new ArrayList<>();
                keysAt(root, find, 0, keys, 0);
                for (YScalar key : keys) {
                    YamlText.Edit e = yaml.replaceValue(key, replacement);
                    if (e == null) {
                        problems.add(error("upgrade-key-not-editable", null, key.line(), key.column(), "the key "
                                + key.value() + " must be renamed to " + replacement + " but is written in a form"
                                + " that cannot be rewritten in place"));
                    } else {
                        edits.add(e);
                    }
                }
            }
        }
    }

    static void keysAt(YNode node, String[] path, int i, List<YScalar> out, int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                keysAt(item, path, i, out, depth + 1);
            }
        } else if (node instanceof YMap map) {
            for (YNode.Entry e : map.entries()) {
                if (e.keyText().equals(path[i]) && e.key() instanceof YScalar key) {
                    if (i == path.length - 1) {
                        out.add(key);
                    } else {
                        keysAt(e.value(), path, i + 1, out, depth + 1);
                    }
                }
            }
        }
    }

    private static YScalar topLevelScalar(YNode root, String key) {
        if (root instanceof YMap map) {
            YScalar found = null;
            for (YNode.Entry e : map.entries()) {
                if (e.keyText().equals(key) && e.key() instanceof YScalar) {
                    found = e.value() instanceof YScalar s ? s : null;
                }
                if (e.keyText().equals("<<")) {
                    return null; // a merge key could be where the value comes from
                }
            }
            return found;
        }
        return null;
    }

    /** The text in the input's own encoding, with its byte-order mark if it had one. */
    private static byte[] encode(byte[] input, String text) {
        int n = input.length;
        Charset cs = StandardCharsets.UTF_8;
        byte[] bom = new byte[0];
        if (n >= 2 && (input[0] & 0xff) == 0xFF && (input[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            bom = new byte[] {(byte) 0xFF, (byte) 0xFE};
        } else if (n >= 2 && (input[0] & 0xff) == 0xFE && (input[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            bom = new byte[] {(byte) 0xFE, (byte) 0xFF};
        } else if (n >= 3 && (input[0] & 0xff) == 0xEF && (input[1] & 0xff) == 0xBB && (input[2] & 0xff) == 0xBF) {
            bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        }
        byte[] body = text.getBytes(cs);
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    private static Diagnostic error(String code, String path, int line, int column, String message) {
        return new Diagnostic(Severity.ERROR, code, path, line, column, message);
    }

    private static UpgradeResult failed(List<Diagnostic> diagnostics, String variant, String from, String to) {
        return new UpgradeResult(null, "", "", diagnostics, variant, from, to, List.of());
    }
}
