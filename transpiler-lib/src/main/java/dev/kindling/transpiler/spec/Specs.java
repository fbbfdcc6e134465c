package dev.kindling.transpiler.spec;

import static dev.kindling.transpiler.spec.Feature.BOOT_DEVICE;
import static dev.kindling.transpiler.spec.Feature.GRUB;
import static dev.kindling.transpiler.spec.Rule.BOOT_LUKS_NEEDS_METHOD;
import static dev.kindling.transpiler.spec.Rule.MIRROR_NEEDS_LAYOUT_ERROR;
import static dev.kindling.transpiler.spec.Rule.MOUNT_POINT_UNDER_ETC_OR_VAR;
import static dev.kindling.transpiler.spec.Rule.WARN_RESERVED_PARTITION_LABELS;
import static dev.kindling.transpiler.spec.Rule.WARN_REUSE_BY_LABEL;
import static dev.kindling.transpiler.spec.Rule.WARN_ROOT_PARTITION_SIZE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every variant and version Kindling knows, as data. Adding a spec version means adding a line
 * here (and, when it brings new fields, declaring them in {@link ButaneSchema}).
 */
public final class Specs {
    /** Ignition 3.7.0 is still experimental. */
    public static final int EXPERIMENTAL_IGNITION_MINOR = 7;

    private static final List<SpecVersion> ALL;

    static {
        List<SpecVersion> all = new ArrayList<>();
        Set<Rule> fcosBase = EnumSet.of(WARN_RESERVED_PARTITION_LABELS);
        Set<Rule> fcosRoot = union(fcosBase, EnumSet.of(WARN_ROOT_PARTITION_SIZE));
        Set<Rule> fcos16 = union(fcosRoot, EnumSet.of(MOUNT_POINT_UNDER_ETC_OR_VAR, WARN_REUSE_BY_LABEL));
        Set<Rule> fcos17 = union(fcos16, EnumSet.of(MIRROR_NEEDS_LAYOUT_ERROR, BOOT_LUKS_NEEDS_METHOD));
        all.add(fcos("1.0.0", 0, EnumSet.noneOf(Feature.class), fcosBase));
        all.add(fcos("1.1.0", 1, EnumSet.noneOf(Feature.class), fcosBase));
        all.add(fcos("1.2.0", 2, EnumSet.noneOf(Feature.class), fcosBase));
        all.add(fcos("1.3.0", 2, EnumSet.of(BOOT_DEVICE), fcosRoot));
        all.add(fcos("1.4.0", 3, EnumSet.of(BOOT_DEVICE), fcosRoot));
        all.add(fcos("1.5.0", 4, EnumSet.of(BOOT_DEVICE, GRUB), fcosRoot));
        all.add(fcos("1.6.0", 5, EnumSet.of(BOOT_DEVICE, GRUB), fcos16));
        all.add(fcos("1.7.0", 6, EnumSet.of(BOOT_DEVICE, GRUB), fcos17));
        all.add(fcos("1.8.0-experimental", 7, EnumSet.of(BOOT_DEVICE, GRUB), fcos17));
        ALL = List.copyOf(all);
    }

    private Specs() {
    }

    private static SpecVersion fcos(String version, int minor, Set<Feature> features, Set<Rule> rules) {
        return new SpecVersion("fcos", version, minor, Collections.unmodifiableSet(features),
                Collections.unmodifiableSet(rules), OutputFormat.IGNITION);
    }

    private static Set<Rule> union(Set<Rule> a, Set<Rule> b) {
        Set<Rule> u = EnumSet.noneOf(Rule.class);
        u.addAll(a);
        u.addAll(b);
        return u;
    }

    /** Every supported variant/version, in a stable order. */
    public static List<SpecVersion> all() {
        return ALL;
    }

    /** The declaration for a variant and a normalised version, if Kindling supports it. */
    public static Optional<SpecVersion> find(String variant, String normalizedVersion) {
        for (SpecVersion s : ALL) {
            if (s.variant().equals(variant) && s.version().equals(normalizedVersion)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
