/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.FieldFilter;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.spec.TypeDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every version step of every variant, as data: one {@link VersionStep} per pair of consecutive
 * versions in {@link Specs}. Field additions and removals and the variant's checks are derived
 * from the declarations the engine runs on ({@link ButaneSchema}, {@link Specs}), so they can
 * never disagree with what the transpiler accepts. What those tables cannot know (values a
 * field newly accepts, changed meanings, renamed keys) is declared in {@link #DECLARED}, one
 * line per change, worded after upstream's upgrade guides ({@code docs/upgrading-*.md}) and
 * spec changelogs.
 */
public final class VersionSteps {
    private static final List<VersionStep> ALL;

    /** The hand-declared changes, keyed by {@code variant from to}. */
    private static final Map<String, List<Change>> DECLARED = new LinkedHashMap<>();

    private static final String SOURCES = "*.source";

    static {
        declare("fcos", "1.0.0", "1.1.0",
                new Change.ValueAdded("*.verification.hash", "sha256 hashes (sha256-...)"));
        declare("fcos", "1.1.0", "1.2.0",
                new Change.ValueAdded(SOURCES, "gs:// URLs (Google Cloud Storage)"));
        declare("fcos", "1.3.0", "1.4.0",
                new Change.SemanticsChanged("storage.luks.clevis", "Ignition 3.3 no longer holds clevis and"
                        + " clevis.custom by pointer, so an empty one (and a custom one with empty pin and config)"
                        + " is no longer written"),
                new Change.ValueAdded("storage.filesystems.format", "none (erase a signature without making a"
                        + " filesystem)"),
                new Change.ValueAdded("storage.filesystems.with_mount_unit", "true with format swap (a swap unit"
                        + " is generated)"));
        declare("fcos", "1.4.0", "1.5.0",
                new Change.ValueAdded(SOURCES, "s3 access point ARNs (arn:aws:s3:...)"));
        declare("fcos", "1.5.0", "1.6.0",
                new Change.ValueAdded("boot_device.layout", "s390x-eckd, s390x-virt and s390x-zfcp"));
        declare("fcos", "1.6.0", "1.7.0",
                new Change.ValueAdded("*.mode", "setuid, setgid and sticky bits (Ignition 3.6.0)"));
        declare("flatcar", "1.0.0", "1.1.0",
                new Change.ValueAdded(SOURCES, "s3 access point ARNs (arn:aws:s3:...)"));
        declare("flatcar", "1.1.0", "1.2.0-experimental",
                new Change.ValueAdded("*.mode", "setuid, setgid and sticky bits (Ignition 3.6.0)"));
        declare("r4e", "1.0.0", "1.1.0",
                new Change.ValueAdded(SOURCES, "s3 access point ARNs (arn:aws:s3:...)"));
        declare("r4e", "1.1.0", "1.2.0-experimental",
                new Change.ValueAdded("*.mode", "setuid, setgid and sticky bits (Ignition 3.6.0)"));
        declare("fiot", "1.0.0", "1.1.0-experimental",
                new Change.ValueAdded("*.mode", "setuid, setgid and sticky bits (Ignition 3.6.0)"));
        declare("openshift", "4.9.0", "4.10.0",
                new Change.ValueAdded("storage.files.contents.compression", "gzip in a MachineConfig"),
                new Change.SemanticsChanged("storage.files.contents", "inline and local contents may be"
                        + " gzip-compressed in the output; the file written on the host is the same"));
        declare("openshift", "4.13.0", "4.14.0",
                new Change.SemanticsChanged("storage.luks.clevis", "Ignition 3.3 no longer holds clevis and"
                        + " clevis.custom by pointer, so an empty one (and a custom one with empty pin and config)"
                        + " is no longer written"),
                new Change.ValueAdded(SOURCES, "s3 access point ARNs (arn:aws:s3:...)"));
        declare("openshift", "4.18.0", "4.19.0",
                new Change.ValueAdded("boot_device.layout", "s390x-eckd, s390x-virt and s390x-zfcp"));
        declare("openshift", "4.22.0", "4.23.0-experimental",
                new Change.ValueAdded("*.mode", "setuid, setgid and sticky bits (Ignition 3.6.0)"));

        List<VersionStep> all = new ArrayList<>();
        Map<String, SpecVersion> previous = new HashMap<>();
        for (SpecVersion spec : Specs.all()) {
            SpecVersion before = previous.put(spec.variant(), spec);
            if (before != null) {
                all.add(step(before, spec));
            }
        }
        ALL = List.copyOf(all);
        for (String key : DECLARED.keySet()) {
            if (all.stream().noneMatch(s -> key(s.variant(), s.from(), s.to()).equals(key))) {
                throw new IllegalStateException("declared changes for a step that does not exist: " + key);
            }
        }
    }

    private VersionSteps() {
    }

    /**
     * Every step of every variant, each variant's in ascending order.
     *
     * @return the steps, immutable
     */
    public static List<VersionStep> all() {
        return ALL;
    }

    /**
     * The versions of a variant, oldest first (experimental ones included).
     *
     * @param variant e.g. {@code fcos}
     * @return the versions; empty for an unknown variant
     */
    public static List<SpecVersion> line(String variant) {
        return Specs.all().stream().filter(s -> s.variant().equals(variant)).toList();
    }

    /**
     * The newest version of the variant that is not experimental.
     *
     * @param variant e.g. {@code fcos}
     * @return the version; empty when the variant has no stable version or is unknown
     */
    public static Optional<SpecVersion> newestStable(String variant) {
        List<SpecVersion> line = line(variant);
        for (int i = line.size() - 1; i >= 0; i--) {
            if (!line.get(i).experimental()) {
                return Optional.of(line.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The steps between two versions of one variant, in ascending order (from the older to the
     * newer, whichever of the two that is); empty when they are equal.
     *
     * @param a one version
     * @param b the other version, of the same variant
     * @return the steps, in ascending order
     * @throws IllegalArgumentException if the versions are of different variants
     */
    public static List<VersionStep> between(SpecVersion a, SpecVersion b) {
        if (!a.variant().equals(b.variant())) {
            throw new IllegalArgumentException("different variants: " + a + ", " + b);
        }
        List<SpecVersion> line = line(a.variant());
        int i = line.indexOf(a);
        int j = line.indexOf(b);
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        List<VersionStep> steps = new ArrayList<>();
        for (VersionStep s : ALL) {
            if (s.variant().equals(a.variant())) {
                int k = line.indexOf(Specs.find(s.variant(), s.from()).orElseThrow());
                if (k >= lo && k < hi) {
                    steps.add(s);
                }
            }
        }
        return steps;
    }

    /**
     * The step of a variant from {@code from} to {@code to}, the version right after it.
     *
     * @param variant e.g. {@code fcos}
     * @param from the older version, e.g. {@code 1.4.0}
     * @param to the next version, e.g. {@code 1.5.0}
     * @return the step; empty when {@code to} is not the version after {@code from}
     */
    public static Optional<VersionStep> step(String variant, String from, String to) {
        return ALL.stream().filter(s -> s.variant().equals(variant) && s.from().equals(from) && s.to().equals(to))
                .findFirst();
    }

    private static void declare(String variant, String from, String to, Change... changes) {
        DECLARED.put(key(variant, from, to), List.of(changes));
    }

    private static String key(String variant, String from, String to) {
        return variant + " " + from + " " + to;
    }

    private static VersionStep step(SpecVersion from, SpecVersion to) {
        List<Change> changes = new ArrayList<>();
        List<Change> declared = DECLARED.getOrDefault(key(from.variant(), from.version(), to.version()), List.of());
        declared.stream().filter(c -> c instanceof Change.KeyRenamed).forEach(changes::add);
        Set<String> before = fields(from);
        Set<String> after = fields(to);
        for (String p : after) {
            // only the top of a new subtree: boot_device, not every field below it
            if (!before.contains(p) && (parent(p).isEmpty() || before.contains(parent(p)))) {
                changes.add(new Change.FieldAdded(p));
            }
        }
        for (String p : before) {
            if (!after.contains(p) && (parent(p).isEmpty() || after.contains(parent(p)))) {
                changes.add(new Change.FieldRemoved(p));
            }
        }
        declared.stream().filter(c -> !(c instanceof Change.KeyRenamed)).forEach(changes::add);
        restrictions(from, to, changes);
        return new VersionStep(from.variant(), from.version(), to.version(), changes);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Every Butane field path the version has, e.g. {@code storage.files.contents.inline}. */
    static Set<String> fields(SpecVersion spec) {
        Set<String> out = new LinkedHashSet<>();
        collect(ButaneSchema.type("Config"), spec, "", out, 0);
        return out;
    }

    private static void collect(TypeDef type, SpecVersion spec, String prefix, Set<String> out, int depth) {
        if (depth > 16) {
            return; // the table has no cycles; this only bounds a mistake
        }
        for (FieldDef f : type.fields(spec)) {
            String p = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
            out.add(p);
            if (f.ref() != null) {
                collect(ButaneSchema.type(f.ref()), spec, p, out, depth + 1);
            }
        }
    }

    private static void restrictions(SpecVersion from, SpecVersion to, List<Change> changes) {
        for (FieldFilter f : to.filters()) {
            if (!hasFilter(from, f)) {
                changes.add(new Change.RestrictionChanged(butanePath(f.path()), true, f.message()
                        + (f.machineConfigOnly() ? " (in a MachineConfig)" : "")));
            }
        }
        for (FieldFilter f : from.filters()) {
            if (!hasFilter(to, f)) {
                changes.add(new Change.RestrictionChanged(butanePath(f.path()), false, f.message()
                        + (f.machineConfigOnly() ? " (in a MachineConfig)" : "")));
            }
        }
        for (Rule r : Rule.values()) {
            if (from.has(r) != to.has(r)) {
                changes.add(new Change.RestrictionChanged(rulePath(r), to.has(r), ruleText(r)));
            }
        }
    }

    private static boolean hasFilter(SpecVersion spec, FieldFilter f) {
        return spec.filters().stream().anyMatch(g -> g.path().equals(f.path())
                && g.machineConfigOnly() == f.machineConfigOnly());
    }

    private static String butanePath(String outputPath) {
        StringBuilder sb = new StringBuilder();
        for (String part : outputPath.split("\\.")) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(Change.snakeCase(part));
        }
        return sb.toString();
    }

    private static String rulePath(Rule r) {
        return switch (r) {
            case MOUNT_POINT_UNDER_ETC_OR_VAR -> "storage.filesystems.path";
            case WARN_REUSE_BY_LABEL, WARN_RESERVED_PARTITION_LABELS -> "storage.disks.partitions.label";
            case WARN_ROOT_PARTITION_SIZE -> "storage.disks.partitions.size_mib";
            case MIRROR_NEEDS_LAYOUT_ERROR -> "boot_device.mirror";
            case BOOT_LUKS_NEEDS_METHOD -> "boot_device.luks.device";
            case NO_AUTO_COMPRESSION -> "storage.files.contents";
            case FIPS_LUKS_CIPHER -> "openshift.fips";
            case NO_SPECIAL_FILE_MODES -> "*.mode";
            case NO_FILESYSTEM_NONE -> "storage.filesystems.format";
            case CEX_NEEDS_KERNEL_ARGUMENT -> "boot_device.luks.cex";
            case GRUB_CFG_AS_CONTENTS -> "grub.users";
        };
    }

    private static String ruleText(Rule r) {
        return switch (r) {
            case MOUNT_POINT_UNDER_ETC_OR_VAR -> "generated mount units must mount below /etc or /var";
            case WARN_REUSE_BY_LABEL -> "warns when a partition is reused by label without a number";
            case WARN_RESERVED_PARTITION_LABELS -> "warns about reserved partition labels at another number";
            case WARN_ROOT_PARTITION_SIZE -> "warns about a small or constrained root partition";
            case MIRROR_NEEDS_LAYOUT_ERROR -> "a boot_device mirror without a layout is an error, not a warning";
            case BOOT_LUKS_NEEDS_METHOD -> "boot_device.luks.device needs tpm2, tang or cex";
            case NO_AUTO_COMPRESSION -> "inline and local contents are never compressed automatically";
            case FIPS_LUKS_CIPHER -> "with fips, LUKS volumes without a cipher get the FIPS-approved one";
            case NO_SPECIAL_FILE_MODES -> "file modes must not have setuid, setgid or sticky bits";
            case NO_FILESYSTEM_NONE -> "filesystem format none is refused";
            case CEX_NEEDS_KERNEL_ARGUMENT -> "a CEX-encrypted root needs the rd.luks.key kernel argument";
            case GRUB_CFG_AS_CONTENTS -> "a grub user.cfg with one append entry is written as its contents";
        };
    }
}
