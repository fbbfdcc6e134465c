/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.Feature;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.NullValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.HashSet;
import java.util.Set;

/**
 * Maps a path in the generated Ignition config back to the Butane field that produced it, with
 * Butane's rules for where a problem is reported.
 *
 * <p>Butane keeps a table from output paths to input paths. When a path has no entry, it falls
 * back to the output path itself in snake_case, which in a MachineConfig starts with
 * {@code spec.config} (found nowhere in the input, so line 1) and which, after sugar that inserts
 * list entries, names the entry at the shifted index. Which paths have an entry follows from how
 * Butane builds the table: values that came from the input have one; and whenever Butane merged
 * generated sugar into the translated config (mount units, boot device, grub), the table is
 * rebuilt from Ignition's merge transcript, which only records "populated" values: a scalar
 * that is not Go's zero value (or is held by a pointer), and a list or object with such a value
 * inside. {@link #toInput} gives Butane's answer; {@link #locate} also gives the input path of
 * the value itself, so that a report can name both when they differ.
 */
final class OutputPaths {
    /** Butane's path for a problem and, when it is another one, where the value really came from. */
    record Located(Path butane, Path real) {
    }

    private final ObjValue root;
    private final int minor;
    private final boolean merged;
    /** The sections that the merged sugar also fills (see {@link #mergedSections}); empty when not merged. */
    private final Set<String> sections;
    /** Whether Butane looks these paths up in a table kept under spec.config (see {@link #ofBareConfig}). */
    private final boolean tableElsewhere;

    /** Paths for an output that Butane did not merge sugar into (every value keeps its entry). */
    OutputPaths(ObjValue root) {
        this(root, -1, false, Set.of(), false);
    }

    /**
     * @param ignitionMinor the output's Ignition version, for Go's pointer and value fields
     * @param merged whether Butane rebuilt its table through a merge for this input
     *     ({@link #butaneMerges})
     */
    OutputPaths(ObjValue root, int ignitionMinor, boolean merged, Set<String> sections) {
        this(root, ignitionMinor, merged, sections, false);
    }

    private OutputPaths(ObjValue root, int ignitionMinor, boolean merged, Set<String> sections,
            boolean tableElsewhere) {
        this.root = root;
        this.minor = ignitionMinor;
        this.merged = merged;
        this.sections = merged ? sections : Set.of();
        this.tableElsewhere = tableElsewhere;
    }

    /**
     * Paths for the checks Butane runs on the bare Ignition config before wrapping it (the
     * partition warnings). For a MachineConfig its table is kept under spec.config by then, so
     * none of these paths is found and each falls back to the output path itself.
     */
    static OutputPaths ofBareConfig(ObjValue config, Context ctx) {
        return new OutputPaths(config, ctx.spec.ignitionMinor(), ctx.butaneMerges, ctx.butaneMergedSections,
                ctx.machineConfig);
    }

    /**
     * Whether Butane merges generated sugar into the translated config for this input, which
     * rebuilds its table of paths from the merge transcript: always where the spec has grub
     * sugar (the grub step merges even without users), when the input has any filesystems (the
     * mount-unit step, from Ignition 3.1 specs on, merges even when no unit is generated), and
     * when boot_device asks for LUKS or a mirror.
     */
    static boolean butaneMerges(ObjValue input, SpecVersion spec) {
        if (spec.has(Feature.GRUB)) {
            return true;
        }
        ObjValue storage = input.obj("storage");
        if (spec.atLeast(1) && storage != null && !storage.items("filesystems").isEmpty()) {
            return true;
        }
        return spec.has(Feature.BOOT_DEVICE) && BootDevice.applies(input);
    }

    /**
     * The top-level sections of the config that Butane's generated sugar also fills, so that
     * Ignition's merge walks them field by field rather than copying the translated one whole:
     * storage for grub users and for boot_device sugar, systemd for mount units. Walking a
     * section, the merge records each of its non-empty keyed lists (and the section) whatever
     * the items hold; a section copied whole keeps only its populated values.
     */
    static Set<String> mergedSections(ObjValue input, SpecVersion spec) {
        Set<String> out = new HashSet<>();
        ObjValue grub = input.obj("grub");
        if (spec.has(Feature.GRUB) && grub != null && !grub.items("users").isEmpty()) {
            out.add("storage");
        }
        if (spec.has(Feature.BOOT_DEVICE) && BootDevice.applies(input)) {
            out.add("storage");
        }
        ObjValue storage = input.obj("storage");
        if (spec.atLeast(1) && storage != null) {
            for (Value v : storage.items("filesystems")) {
                if (v instanceof ObjValue fs && fs.isTrue("with_mount_unit")) {
                    out.add("systemd");
                }
            }
        }
        return out;
    }

    /** Butane's input path for a problem reported at {@code outputPath}. */
    Path toInput(Path outputPath) {
        return locate(outputPath).butane();
    }

    /** Butane's input path for {@code outputPath}, and the value's own origin when that differs. */
    Located locate(Path outputPath) {
        Located at = lookUp(outputPath);
        return tableElsewhere ? new Located(outputPath.toSnakeCase(), at.real()) : at;
    }

    private Located lookUp(Path outputPath) {
        Path fallback = outputPath.toSnakeCase();
        Value v = find(outputPath);
        // Butane's merges only rebuild the table of the Ignition config, not of a MachineConfig around it
        boolean filtered = merged && inConfig(outputPath);
        if (v != null && v.origin() != null) {
            if (filtered && inMergedSection(outputPath, v)) {
                return new Located(v.origin(), v.origin());
            }
            if (filtered && !populated(v, fieldOf(outputPath))) {
                return new Located(fallback, v.origin());
            }
            // (a file entry is recorded even when empty: Butane's file translator always leaves
            // entries for it, observed against Butane; directories and links are not)
            if (v instanceof ObjValue o && inConfig(outputPath) && !"File".equals(o.type()) && goZero(o)) {
                // Butane's translator records an object only when it is not Go's zero value
                return new Located(fallback, v.origin());
            }
            return new Located(v.origin(), v.origin());
        }
        if (v == null && outputPath.size() > 0 && outputPath.last() instanceof String name) {
            // an absent plain Go value of a translated object: Butane's translator still records
            // it (Go copies the zero value), unless the table was rebuilt through a merge
            Value parent = find(outputPath.parent());
            FieldDef f = fieldOf(outputPath);
            if (parent instanceof ObjValue o && o.origin() != null && f != null && isPlainScalar(f)) {
                Path real = o.origin().append(Names.camelToSnake(name));
                return new Located(filtered ? fallback : real, real);
            }
        }
        return new Located(fallback, fallback);
    }

    /** Whether {@code v} is a merged section itself or a non-empty list right in one (see {@link #mergedSections}). */
    private boolean inMergedSection(Path outputPath, Value v) {
        int base = "MachineConfig".equals(root.type()) ? 2 : 0;
        int depth = outputPath.size() - base;
        if (depth < 1 || depth > 2 || !(outputPath.get(base) instanceof String section) || !sections.contains(section)) {
            return false;
        }
        return depth == 1 || v instanceof ListValue l && l.size() > 0;
    }

    private boolean inConfig(Path outputPath) {
        if (!"MachineConfig".equals(root.type())) {
            return true;
        }
        return outputPath.size() >= 2 && "spec".equals(outputPath.get(0)) && "config".equals(outputPath.get(1));
    }

    /** Whether Ignition's merge transcript records {@code v} (f: its field, when known). */
    private boolean populated(Value v, FieldDef f) {
        if (v instanceof NullValue) {
            return false;
        }
        if (v instanceof ListValue l) {
            for (Value item : l.items()) {
                if (populated(item, null)) {
                    return true;
                }
            }
            return false;
        }
        if (v instanceof ObjValue o) {
            TypeDef type = typeOf(o.type());
            for (var e : o.fields().entrySet()) {
                if (populated(e.getValue(), type == null ? null : field(type, e.getKey()))) {
                    return true;
                }
            }
            return false;
        }
        // a scalar: a pointer is recorded when set, a plain value (and a list item) unless it is zero
        boolean pointer = f != null && f.pointer();
        return pointer || !v.isZeroScalar();
    }

    /**
     * Whether an object is Go's zero value: every field unset (null) or a plain value at its zero.
     * A list counts as set even when empty, as a non-nil Go slice.
     */
    private boolean goZero(ObjValue o) {
        TypeDef type = typeOf(o.type());
        for (var e : o.fields().entrySet()) {
            Value v = e.getValue();
            if (v instanceof NullValue || generatedIn(o, v)) {
                continue; // (what sugar added after translation, as fips's cipher options, is not looked at)
            }
            if (v instanceof ListValue) {
                return false;
            }
            if (v instanceof ObjValue child) {
                if (!goZero(child)) {
                    return false;
                }
                continue;
            }
            FieldDef f = type == null ? null : field(type, e.getKey());
            if (f == null || f.pointer() || !v.isZeroScalar()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code v} was put into {@code o} by a later pass: its origin lies outside o's own. */
    private static boolean generatedIn(ObjValue o, Value v) {
        return o.origin() != null && v.origin() != null && !v.origin().startsWith(o.origin());
    }

    private static boolean isPlainScalar(FieldDef f) {
        return !f.pointer() && f.kind() != Kind.LIST && f.kind() != Kind.OBJECT;
    }

    /** The declaration of the field at the end of {@code outputPath}, or null (list items, unknown types). */
    private FieldDef fieldOf(Path outputPath) {
        if (minor < 0 || outputPath.size() == 0 || !(outputPath.last() instanceof String name)) {
            return null;
        }
        Value parent = find(outputPath.parent());
        if (!(parent instanceof ObjValue o)) {
            return null;
        }
        TypeDef type = typeOf(o.type());
        return type == null ? null : field(type, name);
    }

    private FieldDef field(TypeDef type, String outputName) {
        return type.outputField(Names.camelToSnake(outputName), minor);
    }

    private static TypeDef typeOf(String name) {
        try {
            return name == null ? null : ButaneSchema.type(name);
        } catch (IllegalArgumentException e) {
            return null; // a MachineConfig wrapper type, which Butane's table covers by hand
        }
    }

    private Value find(Path p) {
        Value cur = root;
        for (int i = 0; i < p.size(); i++) {
            Object e = p.get(i);
            if (e instanceof String s && cur instanceof ObjValue o) {
                cur = o.get(s);
            } else if (e instanceof Integer idx && cur instanceof ListValue l && idx >= 0 && idx < l.size()) {
                cur = l.items().get(idx);
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }
}
