/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import static dev.kindling.transpiler.spec.Feature.BOOT_DEVICE;
import static dev.kindling.transpiler.spec.Feature.GRUB;
import static dev.kindling.transpiler.spec.Feature.OPENSHIFT;
import static dev.kindling.transpiler.spec.Rule.BOOT_LUKS_NEEDS_METHOD;
import static dev.kindling.transpiler.spec.Rule.CEX_NEEDS_KERNEL_ARGUMENT;
import static dev.kindling.transpiler.spec.Rule.FIPS_LUKS_CIPHER;
import static dev.kindling.transpiler.spec.Rule.GRUB_CFG_AS_CONTENTS;
import static dev.kindling.transpiler.spec.Rule.MIRROR_NEEDS_LAYOUT_ERROR;
import static dev.kindling.transpiler.spec.Rule.MOUNT_POINT_UNDER_ETC_OR_VAR;
import static dev.kindling.transpiler.spec.Rule.NO_AUTO_COMPRESSION;
import static dev.kindling.transpiler.spec.Rule.NO_FILESYSTEM_NONE;
import static dev.kindling.transpiler.spec.Rule.NO_SPECIAL_FILE_MODES;
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
 * Every variant and version Kindling knows, as data: the Ignition version each emits, the
 * variant features it has, the rules it applies and the output fields it refuses. Adding a
 * spec version means adding a line here (and, when it brings new fields, declaring them in
 * {@link ButaneSchema}).
 */
public final class Specs {
    /** Ignition 3.7.0 is still experimental. */
    public static final int EXPERIMENTAL_IGNITION_MINOR = 7;

    private static final List<SpecVersion> ALL;

    // ---- field bans --------------------------------------------------------------------------

    private static final List<FieldFilter> FLATCAR_NO_CLEVIS = List.of(
            ban("storage.luks.clevis", "clevis-unsupported", "clevis is not supported in this spec version"));
    private static final List<FieldFilter> FLATCAR_NO_CEX = List.of(
            ban("storage.luks.cex", "cex-unsupported", "cex is not supported on this platform"));
    private static final List<FieldFilter> NO_STORAGE_SETUP = List.of(
            ban("kernelArguments", "kernel-arguments-unsupported",
                    "kernel argument customization is not supported in this spec version"),
            ban("storage.disks", "disks-unsupported", "disk customization is not supported in this spec version"),
            ban("storage.filesystems", "filesystems-unsupported",
                    "filesystem customization is not supported in this spec version"),
            ban("storage.luks", "luks-unsupported", "luks is not supported in this spec version"),
            ban("storage.raid", "raid-unsupported", "raid is not supported in this spec version"));

    private static List<FieldFilter> openshiftBans(boolean passwordHash, boolean compression, boolean kernelArguments) {
        List<FieldFilter> f = new ArrayList<>();
        if (kernelArguments) {
            f.add(mc("kernelArguments", "kernel-arguments-unsupported", "this section cannot be used for kernel"
                    + " arguments in this spec version; use openshift.kernel_arguments instead", false));
        }
        f.add(mc("passwd.groups", "groups-unsupported", "groups are not supported in this spec version", false));
        String userFields = "only the user fields name, ssh_authorized_keys and (from 4.13.0) password_hash are"
                + " supported in this spec version";
        for (String field : List.of("gecos", "groups", "homeDir", "noCreateHome", "noLogInit", "noUserGroup")) {
            f.add(mc("passwd.users." + field, "user-field-unsupported", userFields, false));
        }
        if (passwordHash) {
            f.add(mc("passwd.users.passwordHash", "user-field-unsupported", userFields, false));
        }
        for (String field : List.of("primaryGroup", "shell", "shouldExist", "system", "uid")) {
            f.add(mc("passwd.users." + field, "user-field-unsupported", userFields, false));
        }
        f.add(mc("storage.directories", "directories-unsupported", "directories are not supported in this spec"
                + " version", false));
        f.add(mc("storage.files.append", "file-append-unsupported", "appending to files is not supported in this"
                + " spec version", false));
        if (compression) {
            f.add(mc("storage.files.contents.compression", "file-compression-unsupported", "file compression is not"
                    + " supported in this spec version", true));
        }
        f.add(mc("storage.files.contents.httpHeaders", "file-headers-unsupported", "file HTTP headers are not"
                + " supported in this spec version", false));
        f.add(mc("storage.links", "links-unsupported", "links are not supported in this spec version", false));
        return List.copyOf(f);
    }

    static {
        List<SpecVersion> all = new ArrayList<>();
        Set<Feature> none = EnumSet.noneOf(Feature.class);
        Set<Rule> noRules = EnumSet.noneOf(Rule.class);
        Set<Rule> fcosBase = EnumSet.of(WARN_RESERVED_PARTITION_LABELS);
        Set<Rule> fcosRoot = union(fcosBase, EnumSet.of(WARN_ROOT_PARTITION_SIZE));
        Set<Rule> fcos16 = union(fcosRoot, EnumSet.of(MOUNT_POINT_UNDER_ETC_OR_VAR, WARN_REUSE_BY_LABEL));
        Set<Rule> fcos17 = union(fcos16, EnumSet.of(MIRROR_NEEDS_LAYOUT_ERROR, BOOT_LUKS_NEEDS_METHOD));
        all.add(spec("fcos", "1.0.0", 0, none, fcosBase, List.of()));
        all.add(spec("fcos", "1.1.0", 1, none, fcosBase, List.of()));
        all.add(spec("fcos", "1.2.0", 2, none, fcosBase, List.of()));
        all.add(spec("fcos", "1.3.0", 2, EnumSet.of(BOOT_DEVICE), fcosRoot, List.of()));
        all.add(spec("fcos", "1.4.0", 3, EnumSet.of(BOOT_DEVICE), fcosRoot, List.of()));
        all.add(spec("fcos", "1.5.0", 4, EnumSet.of(BOOT_DEVICE, GRUB), fcosRoot, List.of()));
        all.add(spec("fcos", "1.6.0", 5, EnumSet.of(BOOT_DEVICE, GRUB), fcos16, List.of()));
        all.add(spec("fcos", "1.7.0", 6, EnumSet.of(BOOT_DEVICE, GRUB), fcos17, List.of()));
        all.add(spec("fcos", "1.8.0-experimental", 7, EnumSet.of(BOOT_DEVICE, GRUB), fcos17, List.of()));

        all.add(spec("flatcar", "1.0.0", 3, none, noRules, FLATCAR_NO_CLEVIS));
        all.add(spec("flatcar", "1.1.0", 4, none, noRules, FLATCAR_NO_CLEVIS));
        all.add(spec("flatcar", "1.2.0-experimental", 7, none, noRules, FLATCAR_NO_CEX));

        all.add(spec("r4e", "1.0.0", 3, none, noRules, NO_STORAGE_SETUP));
        all.add(spec("r4e", "1.1.0", 4, none, noRules, NO_STORAGE_SETUP));
        all.add(spec("r4e", "1.2.0-experimental", 7, none, noRules, NO_STORAGE_SETUP));

        all.add(spec("fiot", "1.0.0", 4, none, noRules, NO_STORAGE_SETUP));
        all.add(spec("fiot", "1.1.0-experimental", 7, none, noRules, NO_STORAGE_SETUP));

        // openshift follows fcos: 4.8-4.13 on fcos 1.3, 4.14-4.18 on 1.5, 4.19-4.22 on 1.6, 4.23 on 1.8
        Set<Rule> os = union(fcosRoot, EnumSet.of(FIPS_LUKS_CIPHER));
        for (int minor = 8; minor <= 23; minor++) {
            String version = "4." + minor + ".0" + (minor == 23 ? "-experimental" : "");
            int ign = minor <= 13 ? 2 : minor <= 18 ? 4 : minor <= 22 ? 5 : 7;
            Set<Feature> features = minor <= 13 ? EnumSet.of(BOOT_DEVICE, OPENSHIFT)
                    : EnumSet.of(BOOT_DEVICE, GRUB, OPENSHIFT);
            Set<Rule> rules = EnumSet.copyOf(os);
            if (minor <= 9) {
                rules.add(NO_AUTO_COMPRESSION);
            }
            if (minor >= 10) {
                rules.add(NO_SPECIAL_FILE_MODES);
            }
            if (minor >= 14) {
                rules.add(NO_FILESYSTEM_NONE);
            }
            if (minor >= 19) {
                rules.add(CEX_NEEDS_KERNEL_ARGUMENT);
            }
            if (minor >= 20) {
                rules.remove(FIPS_LUKS_CIPHER);
            }
            if (minor >= 23) {
                rules.addAll(EnumSet.of(GRUB_CFG_AS_CONTENTS, MIRROR_NEEDS_LAYOUT_ERROR, BOOT_LUKS_NEEDS_METHOD));
            }
            List<FieldFilter> bans = openshiftBans(minor <= 12, minor <= 9, minor >= 14);
            all.add(new SpecVersion("openshift", version, ign, Collections.unmodifiableSet(features),
                    Collections.unmodifiableSet(rules), OutputFormat.MACHINE_CONFIG, bans));
        }
        ALL = List.copyOf(all);
    }

    private Specs() {
    }

    private static FieldFilter ban(String path, String code, String message) {
        return new FieldFilter(path, code, message, false, false);
    }

    private static FieldFilter mc(String path, String code, String message, boolean ignoreZero) {
        return new FieldFilter(path, code, message, ignoreZero, true);
    }

    private static SpecVersion spec(String variant, String version, int minor, Set<Feature> features, Set<Rule> rules,
            List<FieldFilter> filters) {
        return new SpecVersion(variant, version, minor, Collections.unmodifiableSet(EnumSet.copyOf(
                features.isEmpty() ? EnumSet.noneOf(Feature.class) : features)),
                Collections.unmodifiableSet(rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules)),
                OutputFormat.IGNITION, filters);
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
