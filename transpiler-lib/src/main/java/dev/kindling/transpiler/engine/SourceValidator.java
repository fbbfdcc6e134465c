/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the Butane config itself, before translation: one rule set per object type, run
 * depth-first in field order (every object field is visited, set or not, as Butane does).
 */
final class SourceValidator {
    private static final String BOOT_DISK = "/dev/disk/by-id/coreos-boot-disk";
    /**
     * The patterns, compiled when a config first needs them rather than on every start. Butane's
     * are Go expressions, whose {@code $} is the end of the text; Java's {@code $} also matches
     * before a final line break (a block scalar's), so they end with {@code \z}.
     */
    private static final class Patterns {
        static final Pattern ALLOWED_MOUNT_POINTS = Pattern.compile("^/(etc|var)(/|\\z)");
        static final Pattern DASD = Pattern.compile("/dev/dasd[a-z]\\z");
        static final Pattern SD = Pattern.compile("/dev/sd[a-z]\\z");
    }
    private static final List<String> QUADLET_SUFFIXES = List.of(".container", ".volume", ".network", ".kube",
            ".image", ".build", ".pod", ".artifact");

    private final SpecVersion spec;
    private final Report report;
    private final InlineConfigValidator inlineConfigs;

    private SourceValidator(SpecVersion spec, Report report, InlineConfigValidator inlineConfigs) {
        this.spec = spec;
        this.report = report;
        this.inlineConfigs = inlineConfigs;
    }

    static void validate(ObjValue config, SpecVersion spec, Report report, InlineConfigValidator inlineConfigs) {
        SourceValidator v = new SourceValidator(spec, report, inlineConfigs);
        // a class, not a lambda: a cold JVM pays about a millisecond for each lambda it links
        SchemaWalk.walk(config, spec, new SchemaWalk.Visitor() {
            @Override
            public void visit(ObjValue obj, TypeDef type, Path path) {
                v.check(obj == null ? new ObjValue(type.name()) : obj, type.name(), path);
            }
        });
    }

    private void check(ObjValue o, String type, Path path) {
        switch (type) {
            case "Config" -> config(o, path);
            case "FileContents" -> {
                if (o.has("inline") && o.has("source")) {
                    report.error(path.append("inline"), "too-many-sources",
                            "only one of inline and source may be set");
                }
            }
            case "Resource" -> resource(o, path);
            case "Filesystem" -> filesystem(o, path);
            case "Directory" -> mode(o, path, true);
            case "File" -> mode(o, path, false);
            case "Tree" -> {
                if (o.strOrEmpty("local").isEmpty()) {
                    report.error(path, "tree-no-local", "local is required");
                }
            }
            case "Unit", "Dropin" -> systemdSources(o, path);
            case "Quadlet" -> quadlet(o, path);
            case "BootDevice" -> bootDevice(o, path);
            case "BootDeviceLuks" -> {
                if (spec.has(Rule.BOOT_LUKS_NEEDS_METHOD) && notEmpty(o.str("device"))) {
                    boolean valid = o.isTrue("tpm2") || (o.obj("cex") != null && o.obj("cex").isTrue("enabled"));
                    for (Value t : o.items("tang")) {
                        if (!((ObjValue) t).fields().isEmpty()) {
                            valid = true;
                        }
                    }
                    if (!valid) {
                        report.error(path.append("luks"), "luks-no-method",
                                "boot_device.luks.device is set but no unlocking method (tang, tpm2 or cex) is");
                    }
                }
            }
            case "BootDeviceMirror" -> mirrorDevices(o, path);
            case "Metadata" -> {
                if (o.strOrEmpty("name").isEmpty()) {
                    report.error(path.append("name"), "name-required", "metadata.name is required");
                }
                ObjValue labels = o.obj("labels");
                if (labels == null || labels.strOrEmpty(OpenShift.ROLE_LABEL).isEmpty()) {
                    report.error(path.append("labels"), "role-required",
                            "the label " + OpenShift.ROLE_LABEL + " is required");
                }
            }
            case "OpenShift" -> {
                String kt = o.str("kernel_type");
                if (kt != null && !kt.isEmpty() && !kt.equals("default") && !kt.equals("realtime")) {
                    report.error(path.append("kernel_type"), "invalid-kernel-type",
                            "kernel_type must be empty, \"default\" or \"realtime\"");
                }
            }
            case "GrubUser" -> {
                if (o.strOrEmpty("name").isEmpty()) {
                    report.error(path.append("name"), "grub-user-no-name", "field \"name\" is required");
                }
                if (!notEmpty(o.str("password_hash"))) {
                    report.error(path.append("password_hash"), "grub-user-no-password",
                            "field \"password_hash\" is required");
                }
            }
            default -> {
            }
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private void config(ObjValue conf, Path path) {
        if (spec.has(Rule.CEX_NEEDS_KERNEL_ARGUMENT)) {
            cexKernelArgument(conf, path);
        }
        if (spec.has(Rule.WARN_REUSE_BY_LABEL)) {
            Set<String> mirrorDevices = new HashSet<>();
            ObjValue bd = conf.obj("boot_device");
            if (bd != null && bd.obj("mirror") != null) {
                for (Value d : bd.obj("mirror").items("devices")) {
                    mirrorDevices.add(((dev.kindling.transpiler.tree.StrValue) d).value());
                }
            }
            ObjValue storage = conf.obj("storage");
            List<Value> disks = storage == null ? List.of() : storage.items("disks");
            for (int i = 0; i < disks.size(); i++) {
                ObjValue disk = (ObjValue) disks.get(i);
                String device = disk.strOrEmpty("device");
                if (!device.equals(BOOT_DISK) && !disk.isTrue("wipe_table") && !mirrorDevices.contains(device)) {
                    List<Value> parts = disk.items("partitions");
                    for (int p = 0; p < parts.size(); p++) {
                        ObjValue part = (ObjValue) parts.get(p);
                        if (part.integer("number") == null && part.has("label")) {
                            report.warning(path.append("storage", "disks", i, "partitions", p, "number"),
                                    "reuse-by-label", "a partition cannot be reused by its label alone; set its"
                                            + " number (not needed on the boot disk " + BOOT_DISK
                                            + " or with wipe_table: true)");
                        }
                    }
                }
            }
        }
        if (spec.has(Rule.MOUNT_POINT_UNDER_ETC_OR_VAR)) {
            ObjValue storage = conf.obj("storage");
            List<Value> fss = storage == null ? List.of() : storage.items("filesystems");
            for (int i = 0; i < fss.size(); i++) {
                ObjValue fs = (ObjValue) fss.get(i);
                String p = fs.str("path");
                if (p != null && !Patterns.ALLOWED_MOUNT_POINTS.matcher(p).find() && fs.isTrue("with_mount_unit")) {
                    report.error(path.append("storage", "filesystems", i, "path"), "mount-point-forbidden",
                            "with with_mount_unit, the path must be /etc, /var or below them");
                }
            }
        }
    }

    /** openshift 4.19+: a CEX-encrypted root needs the kernel argument that points at its key. */
    private void cexKernelArgument(ObjValue conf, Path path) {
        ObjValue os = conf.obj("openshift");
        boolean hasArg = os != null && os.items("kernel_arguments").stream()
                .anyMatch(v -> ((dev.kindling.transpiler.tree.StrValue) v).value().equals(OpenShift.CEX_KERNEL_ARGUMENT));
        ObjValue bd = conf.obj("boot_device");
        ObjValue bdLuks = bd == null ? null : bd.obj("luks");
        if (bdLuks != null && bdLuks.obj("cex") != null && bdLuks.obj("cex").isTrue("enabled") && !hasArg) {
            report.error(path.append("openshift", "kernel_arguments"), "cex-kernel-argument-missing",
                    "'" + OpenShift.CEX_KERNEL_ARGUMENT + "' must be a kernel argument when the boot device uses CEX");
        }
        boolean cexRoot = false;
        ObjValue storage = conf.obj("storage");
        for (Value v : storage == null ? List.<Value>of() : storage.items("luks")) {
            ObjValue l = (ObjValue) v;
            if (l.obj("cex") != null && l.obj("cex").isTrue("enabled") && l.strOrEmpty("name").equals("root")) {
                cexRoot = true;
            }
        }
        if (cexRoot && !hasArg) {
            report.error(path.append("openshift", "kernel_arguments"), "cex-kernel-argument-missing",
                    "'" + OpenShift.CEX_KERNEL_ARGUMENT + "' must be a kernel argument when the root volume uses CEX");
        }
    }

    private void resource(ObjValue rs, Path path) {
        String field = null;
        int sources = 0;
        for (String f : new String[] {"local", "inline", "source"}) {
            if (rs.has(f)) {
                sources++;
                field = f;
            }
        }
        if (sources > 1) {
            report.error(path.append(field), "too-many-sources", "only one of inline, local and source may be set");
            return;
        }
        if ("inline".equals(field) && path.toString().startsWith("$.ignition.config")) {
            inlineConfigs.validate(rs.str("inline"), path, report);
        }
    }

    private void filesystem(ObjValue fs, Path path) {
        if (!fs.isTrue("with_mount_unit")) {
            return;
        }
        boolean noFormat = !notEmpty(fs.str("format"));
        boolean noPath = !notEmpty(fs.str("path"));
        if (!spec.atLeast(3)) {
            if (noFormat) {
                report.error(path.append("format"), "mount-unit-no-format",
                        "format is required when with_mount_unit is true");
            }
            if (noPath) {
                report.error(path.append("path"), "mount-unit-no-path",
                        "path is required when with_mount_unit is true");
            }
        } else if (noFormat) {
            report.error(path.append("format"), "mount-unit-no-format",
                    "format is required when with_mount_unit is true");
        } else if (!fs.str("format").equals("swap") && noPath) {
            report.error(path.append("path"), "mount-unit-no-path",
                    "path is required when with_mount_unit is true and the format is not swap");
        }
    }

    private void mode(ObjValue node, Path path, boolean directory) {
        Long mode = node.integer("mode");
        if (mode != null && Modes.looksDecimal(mode, directory)) {
            report.warning(path.append("mode"), "decimal-mode", "unusual mode " + mode
                    + " would be usual in octal; did you forget the leading zero (0" + mode + ")?");
        }
    }

    private void systemdSources(ObjValue o, Path path) {
        if (o.has("contents_local") && o.has("contents")) {
            report.error(path.append("contents_local"), "too-many-systemd-sources",
                    "only one of contents and contents_local may be set");
        }
    }

    private void quadlet(ObjValue q, Path path) {
        String name = q.strOrEmpty("name");
        if (QUADLET_SUFFIXES.stream().noneMatch(name::endsWith)) {
            report.error(path.append("name"), "quadlet-bad-extension", "a quadlet name must end in one of "
                    + String.join(", ", QUADLET_SUFFIXES));
            return;
        }
        if (Quadlets.isTemplateInstance(name)) {
            for (String f : new String[] {"contents", "contents_local"}) {
                if (q.has(f)) {
                    report.error(path.append(f), "template-instance-contents",
                            "a template instance cannot have contents or contents_local");
                }
            }
        } else {
            systemdSources(q, path);
        }
    }

    private void bootDevice(ObjValue d, Path path) {
        ObjValue mirror = d.obj("mirror");
        ObjValue luks = d.obj("luks");
        int mirrorCount = mirror == null ? 0 : mirror.items("devices").size();
        String layout = d.str("layout");
        if (mirrorCount > 0 && layout == null) {
            String msg = "boot_device.layout should be set when boot_device.mirror is";
            if (spec.has(Rule.MIRROR_NEEDS_LAYOUT_ERROR)) {
                report.error(path.append("mirror"), "mirror-needs-layout", msg);
            } else {
                report.warning(path.append("mirror"), "mirror-needs-layout", msg);
            }
        }
        boolean s390 = spec.atLeast(5);
        if (layout != null) {
            switch (layout) {
                case "aarch64", "ppc64le", "x86_64" -> {
                }
                case "s390x-eckd", "s390x-zfcp" -> {
                    if (!s390) {
                        unknownLayout(path);
                    } else {
                        String dev = luks == null ? null : luks.str("device");
                        Pattern want = layout.equals("s390x-eckd") ? Patterns.DASD : Patterns.SD;
                        if (!notEmpty(dev)) {
                            report.error(path.append("layout"), "luks-boot-device-missing",
                                    "boot_device.luks.device is required for layouts s390x-eckd and s390x-zfcp");
                        } else if (!want.matcher(dev).find()) {
                            report.error(path.append("layout"), "luks-boot-device-bad-name",
                                    "the boot device must be /dev/dasdX for s390x-eckd or /dev/sdX for s390x-zfcp");
                        }
                    }
                }
                case "s390x-virt" -> {
                    if (!s390) {
                        unknownLayout(path);
                    }
                }
                default -> unknownLayout(path);
            }
            if (s390 && layout.startsWith("s390x") && mirrorCount > 0) {
                report.error(path.append("layout"), "mirror-not-supported",
                        "mirroring is not supported on s390x layouts");
            }
        }
        if (s390 && luks != null && luks.obj("cex") != null && luks.obj("cex").isTrue("enabled")) {
            if (layout == null) {
                report.error(path.append("luks", "cex"), "cex-architecture", "cex needs an s390x layout");
            } else if (!layout.startsWith("s390x")) {
                report.error(path.append("layout"), "cex-architecture", "cex needs an s390x layout");
            }
            if (!luks.items("tang").isEmpty() || luks.isTrue("tpm2")) {
                report.error(path.append("luks"), "cex-with-clevis", "cex cannot be combined with tang or tpm2");
            }
        }
        mirrorDevices(mirror == null ? new ObjValue("BootDeviceMirror") : mirror, path.append("mirror"));
    }

    private void unknownLayout(Path path) {
        report.error(path.append("layout"), "unknown-boot-layout", spec.atLeast(5)
                ? "layout must be one of aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64"
                : "layout must be one of aarch64, ppc64le, x86_64");
    }

    private void mirrorDevices(ObjValue mirror, Path path) {
        if (mirror.items("devices").size() == 1) {
            report.error(path.append("devices"), "too-few-mirror-devices", "mirroring needs at least two devices");
        }
    }
}
