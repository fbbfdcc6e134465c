/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

import static dev.kindling.transpiler.spec.Feature.BOOT_DEVICE;
import static dev.kindling.transpiler.spec.Feature.GRUB;
import static dev.kindling.transpiler.spec.Feature.OPENSHIFT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of config types: every Butane field of every spec version, with the Ignition
 * minor version range that has it. Ignition output fields are the same fields renamed to
 * camelCase, minus the Butane-only sugar. Version numbers below are Ignition 3.x minors: 0 is
 * Ignition 3.0.0 (fcos 1.0.0), 7 is 3.7.0-experimental (fcos 1.8.0-experimental).
 */
public final class ButaneSchema {
    private static final int LAST = Specs.EXPERIMENTAL_IGNITION_MINOR;
    private static final Map<String, TypeDef> TYPES = new LinkedHashMap<>();

    static {
        type("Config",
                str("variant").value().sugar(),
                str("version").value().sugar(),
                obj("ignition", "Ignition"),
                obj("kernel_arguments", "KernelArguments").since(3),
                obj("passwd", "Passwd"),
                obj("storage", "Storage"),
                obj("systemd", "Systemd"),
                obj("boot_device", "BootDevice").feature(BOOT_DEVICE).sugar(),
                obj("grub", "Grub").feature(GRUB).sugar(),
                obj("metadata", "Metadata").feature(OPENSHIFT).sugar(),
                obj("openshift", "OpenShift").feature(OPENSHIFT).sugar());
        type("Ignition",
                obj("config", "IgnitionConfig"),
                obj("proxy", "Proxy").since(1),
                obj("security", "Security"),
                obj("timeouts", "Timeouts"));
        type("IgnitionConfig",
                list("merge", "ConfigReference").until(0),
                obj("replace", "ConfigReference").until(0),
                list("merge", "Resource").since(1),
                obj("replace", "Resource").since(1));
        // Ignition 3.0 has three resource types; 3.1 unified them as Resource.
        type("ConfigReference",
                str("source").always(),
                obj("verification", "Verification"));
        type("CaReference",
                str("source").value().always(),
                obj("verification", "Verification"));
        type("FileContents",
                str("compression"),
                str("source"),
                str("inline").sugar(),
                obj("verification", "Verification"));
        type("Resource",
                str("compression"),
                list("http_headers", "HTTPHeader"),
                str("source"),
                str("inline").sugar(),
                str("local").sugar(),
                obj("verification", "Verification"));
        type("Verification", str("hash"));
        type("HTTPHeader", str("name").value().always(), str("value"));
        type("Proxy", str("http_proxy"), str("https_proxy"), list("no_proxy", null));
        type("Security", obj("tls", "TLS"));
        type("TLS",
                list("certificate_authorities", "CaReference").until(0),
                list("certificate_authorities", "Resource").since(1));
        type("Timeouts", integer("http_response_headers"), integer("http_total"));
        type("KernelArguments", list("should_exist", null), list("should_not_exist", null));
        type("Passwd", list("groups", "PasswdGroup"), list("users", "PasswdUser"));
        type("PasswdGroup",
                integer("gid"),
                str("name").value().always(),
                str("password_hash"),
                bool("should_exist").since(2),
                bool("system"));
        type("PasswdUser",
                str("gecos"),
                list("groups", null),
                str("home_dir"),
                str("name").value().always(),
                bool("no_create_home"),
                bool("no_log_init"),
                bool("no_user_group"),
                str("password_hash"),
                str("primary_group"),
                bool("should_exist").since(2),
                list("ssh_authorized_keys", null),
                list("ssh_authorized_keys_local", null).since(4).sugar(),
                str("shell"),
                bool("system"),
                integer("uid"));
        type("Storage",
                list("directories", "Directory"),
                list("disks", "Disk"),
                list("files", "File"),
                list("filesystems", "Filesystem"),
                list("links", "Link"),
                list("luks", "Luks").since(2),
                list("raid", "Raid"),
                list("trees", "Tree").since(1).sugar());
        node("Directory", integer("mode"));
        node("File",
                list("append", "FileContents").until(0),
                obj("contents", "FileContents").until(0),
                list("append", "Resource").since(1),
                obj("contents", "Resource").since(1),
                integer("mode"));
        node("Link",
                bool("hard"),
                str("target").value().always().until(2),
                str("target").since(3));
        type("NodeUser", integer("id"), str("name"));
        type("NodeGroup", integer("id"), str("name"));
        type("Disk",
                str("device").value().always(),
                list("partitions", "Partition"),
                bool("wipe_table"));
        type("Partition",
                str("guid"),
                str("label"),
                integer("number").value(),
                bool("resize").since(2),
                bool("should_exist"),
                integer("size_mib"),
                integer("start_mib"),
                str("type_guid"),
                bool("wipe_partition_entry"));
        type("Filesystem",
                str("device").value().always(),
                str("format"),
                str("label"),
                list("mount_options", null).since(1),
                list("options", null),
                str("path"),
                str("uuid"),
                bool("wipe_filesystem"),
                bool("with_mount_unit").since(1).sugar());
        type("Luks",
                obj("cex", "Cex").since(5),
                obj("clevis", "Clevis"),
                str("device"),
                bool("discard").since(4),
                obj("key_file", "Resource"),
                str("label"),
                str("name").value().always(),
                list("open_options", null).since(4),
                list("options", null),
                str("uuid"),
                bool("wipe_volume"));
        type("Cex", bool("enabled"));
        type("Clevis",
                obj("custom", "ClevisCustom"),
                list("tang", "Tang"),
                integer("threshold"),
                bool("tpm2"));
        type("ClevisCustom",
                str("config").value().always().until(2),
                str("config").since(3),
                bool("needs_network"),
                str("pin").value().always().until(2),
                str("pin").since(3));
        type("Tang",
                str("thumbprint"),
                str("url").value(),
                str("advertisement").since(4));
        type("Raid",
                list("devices", null).always().until(2),
                list("devices", null).since(3),
                str("level").value().always().until(2),
                str("level").since(3),
                str("name").value().always(),
                list("options", null),
                integer("spares"));
        type("Systemd",
                list("units", "Unit"),
                list("quadlets", "Quadlet").since(7).sugar());
        type("Unit",
                str("contents"),
                str("contents_local").since(4).sugar(),
                list("dropins", "Dropin"),
                bool("enabled"),
                bool("mask"),
                str("name").value().always());
        type("Dropin",
                str("contents"),
                str("contents_local").since(4).sugar(),
                str("name").value().always());
        type("Quadlet",
                str("contents"),
                str("contents_local"),
                str("name").value(),
                bool("rootful").value(),
                list("dropins", "Dropin"));
        type("Tree",
                obj("group", "NodeGroup").since(6),
                str("local").value(),
                str("path"),
                obj("user", "NodeUser").since(6),
                integer("file_mode").since(6),
                integer("dir_mode").since(6));
        type("BootDevice",
                str("layout"),
                obj("luks", "BootDeviceLuks"),
                obj("mirror", "BootDeviceMirror"));
        type("BootDeviceLuks",
                obj("cex", "Cex").since(5),
                bool("discard").since(4),
                str("device").since(5),
                list("tang", "Tang"),
                integer("threshold"),
                bool("tpm2"));
        type("BootDeviceMirror", list("devices", null));
        type("Grub", list("users", "GrubUser"));
        type("GrubUser", str("name").value(), str("password_hash"));
        type("Metadata", str("name").value(), new FieldDef("labels", Kind.STRING_MAP, null, false, 0, LAST, null,
                false, false));
        type("OpenShift",
                list("kernel_arguments", null),
                list("extensions", null),
                bool("fips"),
                str("kernel_type"));
    }

    private ButaneSchema() {
    }

    /** The type called {@code name}; throws for a name the table lacks (a programming error). */
    public static TypeDef type(String name) {
        TypeDef t = TYPES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no config type " + name);
        }
        return t;
    }

    /** Every declared type. */
    public static Iterable<TypeDef> types() {
        return TYPES.values();
    }

    private static void type(String name, FieldDef... fields) {
        TYPES.put(name, new TypeDef(name, List.of(fields), false));
    }

    /** A filesystem node type: Ignition's Node fields come first, then the type's own. */
    private static void node(String name, FieldDef... own) {
        List<FieldDef> fields = new ArrayList<>(List.of(
                obj("group", "NodeGroup"),
                bool("overwrite"),
                str("path").value().always(),
                obj("user", "NodeUser")));
        fields.addAll(Arrays.asList(own));
        TYPES.put(name, new TypeDef(name, List.copyOf(fields), true));
    }

    private static FieldDef str(String name) {
        return new FieldDef(name, Kind.STRING, null, true, 0, LAST, null, false, false);
    }

    private static FieldDef integer(String name) {
        return new FieldDef(name, Kind.INT, null, true, 0, LAST, null, false, false);
    }

    private static FieldDef bool(String name) {
        return new FieldDef(name, Kind.BOOL, null, true, 0, LAST, null, false, false);
    }

    private static FieldDef obj(String name, String type) {
        return new FieldDef(name, Kind.OBJECT, type, false, 0, LAST, null, false, false);
    }

    private static FieldDef list(String name, String elementType) {
        return new FieldDef(name, Kind.LIST, elementType, false, 0, LAST, null, false, false);
    }
}
