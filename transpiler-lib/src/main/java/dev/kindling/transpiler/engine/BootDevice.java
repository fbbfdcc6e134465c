/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Feature;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.List;

/**
 * {@code boot_device}: builds the storage layout for a mirrored and/or encrypted root disk and
 * merges it under the user's config (the generated storage is the merge parent, so its disks,
 * RAID arrays, LUKS volume and filesystems come first and user entries with the same key are
 * merged into them).
 *
 * <p>Nothing is generated unless the root is to be encrypted (TPM2, a Tang server or a CEX
 * key) or mirrored (at least one mirror device). Every generated value remembers the part of
 * {@code boot_device} it stands for, so diagnostics about it point there.
 */
final class BootDevice implements SugarPass {
    static final String RESERVED_TYPE_GUID = "8DA63339-0007-60C0-C436-083AC8230908";
    static final String BIOS_TYPE_GUID = "21686148-6449-6E6F-744E-656564454649";
    static final String PREP_TYPE_GUID = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
    static final String ESP_TYPE_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";

    private static final long RESERVED_MIB = 1;
    private static final long BIOS_MIB = 1;
    private static final long PREP_MIB = 4;
    private static final long ESP_MIB = 127;
    private static final long BOOT_MIB = 384;

    private static final Path BOOT_DEVICE = Path.of("boot_device");
    private static final Path MIRROR = BOOT_DEVICE.append("mirror");
    private static final Path MIRROR_DEVICES = MIRROR.append("devices");
    private static final Path LUKS = BOOT_DEVICE.append("luks");

    /** Which firmware partitions the first two slots of a mirrored disk hold. */
    private record Layout(boolean bios, boolean esp, boolean prep) {
        static Layout of(String name) {
            if (name == null) {
                return new Layout(true, true, false);
            }
            return switch (name) {
                case "aarch64" -> new Layout(false, true, false);
                case "ppc64le" -> new Layout(false, false, true);
                case "s390x-eckd", "s390x-virt", "s390x-zfcp" -> new Layout(false, false, false);
                // x86_64; anything else has already been rejected by source validation
                default -> new Layout(true, true, false);
            };
        }
    }

    /** Whether boot_device asks for anything (LUKS or a mirror); otherwise the pass does nothing. */
    static boolean applies(ObjValue input) {
        ObjValue bd = input.obj("boot_device");
        if (bd == null) {
            return false;
        }
        ObjValue luks = bd.obj("luks");
        ObjValue mirror = bd.obj("mirror");
        boolean cex = luks != null && luks.obj("cex") != null && luks.obj("cex").isTrue("enabled");
        boolean wantLuks = luks != null && (luks.isTrue("tpm2") || !luks.items("tang").isEmpty() || cex);
        return wantLuks || (mirror != null && !mirror.items("devices").isEmpty());
    }

    @Override
    public ObjValue apply(ObjValue input, ObjValue output, Context ctx) {
        if (!ctx.spec.has(Feature.BOOT_DEVICE)) {
            return output;
        }
        ObjValue bd = input.obj("boot_device");
        if (bd == null) {
            return output;
        }
        ObjValue luks = bd.obj("luks");
        ObjValue mirror = bd.obj("mirror");
        boolean cex = luks != null && luks.obj("cex") != null && luks.obj("cex").isTrue("enabled");
        boolean wantLuks = luks != null && (luks.isTrue("tpm2") || !luks.items("tang").isEmpty() || cex);
        List<Value> devices = mirror == null ? List.of() : mirror.items("devices");
        boolean wantMirror = !devices.isEmpty();
        if (!wantLuks && !wantMirror) {
            return output;
        }
        String layoutName = bd.str("layout");
        Layout layout = Layout.of(layoutName);

        ObjValue storage = new ObjValue("Storage");
        ListValue disks = new ListValue();
        ListValue filesystems = new ListValue();

        if (wantMirror) {
            for (int i = 0; i < devices.size(); i++) {
                String device = ((StrValue) devices.get(i)).value();
                int n = i + 1;
                Path origin = MIRROR_DEVICES.append(i);
                disks.add(mirrorDisk(device, n, layout, origin));
                if (layout.esp()) {
                    ObjValue esp = filesystem("/dev/disk/by-partlabel/esp-" + n, "vfat", "esp-" + n);
                    esp.setOriginDeep(origin);
                    filesystems.add(esp);
                }
            }
            disks.withOrigin(MIRROR_DEVICES);
            storage.put("disks", disks);

            ListValue raids = new ListValue();
            ObjValue mdBoot = raid("md-boot", "boot", devices.size());
            ListValue options = new ListValue();
            options.add(new StrValue("--metadata=1.0"));
            mdBoot.put("options", options);
            raids.add(mdBoot);
            raids.add(raid("md-root", "root", devices.size()));
            raids.setOriginDeep(MIRROR);
            storage.put("raid", raids);

            ObjValue bootFs = filesystem("/dev/md/md-boot", "ext4", "boot");
            bootFs.setOriginDeep(MIRROR);
            filesystems.add(bootFs);
        }

        if (wantLuks) {
            String luksDevice;
            if ("s390x-eckd".equals(layoutName)) {
                luksDevice = luks.strOrEmpty("device") + "2";
            } else if ("s390x-zfcp".equals(layoutName)) {
                luksDevice = luks.strOrEmpty("device") + "4";
            } else if (wantMirror) {
                luksDevice = "/dev/md/md-root";
            } else {
                luksDevice = "/dev/disk/by-partlabel/root";
            }
            ListValue volumes = new ListValue();
            volumes.add(luksVolume(luks, luksDevice, cex, ctx));
            volumes.withOrigin(LUKS);
            storage.put("luks", volumes);
        }

        ObjValue rootFs = filesystem(wantLuks ? "/dev/mapper/root" : "/dev/md/md-root", "xfs", "root");
        rootFs.setOriginDeep(BOOT_DEVICE);
        filesystems.add(rootFs);
        filesystems.withOrigin(BOOT_DEVICE);
        storage.put("filesystems", filesystems);
        storage.withOrigin(BOOT_DEVICE);

        ObjValue generated = new ObjValue("Config");
        generated.put("storage", storage);
        generated.withOrigin(Path.ROOT);
        return Merger.merge(generated, output, ctx.spec.ignitionMinor());
    }

    /** Disk {@code n} (1-based) of the mirror: two firmware slots, then boot and root. */
    private static ObjValue mirrorDisk(String device, int n, Layout layout, Path origin) {
        ListValue parts = new ListValue();
        if (layout.bios()) {
            parts.add(partition("bios-" + n, BIOS_MIB, BIOS_TYPE_GUID));
        } else if (layout.prep()) {
            parts.add(partition("prep-" + n, PREP_MIB, PREP_TYPE_GUID));
        } else {
            parts.add(partition("reserved-" + n, RESERVED_MIB, RESERVED_TYPE_GUID));
        }
        if (layout.esp()) {
            parts.add(partition("esp-" + n, ESP_MIB, ESP_TYPE_GUID));
        } else {
            parts.add(partition("reserved-" + n, RESERVED_MIB, RESERVED_TYPE_GUID));
        }
        parts.add(partition("boot-" + n, BOOT_MIB, null));
        parts.add(partition("root-" + n, 0, null));

        ObjValue disk = new ObjValue("Disk");
        disk.put("device", new StrValue(device));
        disk.put("partitions", parts);
        disk.put("wipeTable", new BoolValue(true));
        disk.setOriginDeep(origin);
        return disk;
    }

    /** A partition found by label; {@code sizeMiB} 0 and a null type GUID are left out. */
    private static ObjValue partition(String label, long sizeMiB, String typeGuid) {
        ObjValue p = new ObjValue("Partition");
        p.put("label", new StrValue(label));
        if (sizeMiB != 0) {
            p.put("sizeMiB", new IntValue(sizeMiB));
        }
        if (typeGuid != null) {
            p.put("typeGuid", new StrValue(typeGuid));
        }
        return p;
    }

    private static ObjValue filesystem(String device, String format, String label) {
        ObjValue fs = new ObjValue("Filesystem");
        fs.put("device", new StrValue(device));
        fs.put("format", new StrValue(format));
        fs.put("label", new StrValue(label));
        fs.put("wipeFilesystem", new BoolValue(true));
        return fs;
    }

    /** A RAID1 array over the partition labelled {@code prefix-i} of every mirror disk. */
    private static ObjValue raid(String name, String prefix, int count) {
        ListValue members = new ListValue();
        for (int i = 1; i <= count; i++) {
            members.add(new StrValue("/dev/disk/by-partlabel/" + prefix + "-" + i));
        }
        ObjValue r = new ObjValue("Raid");
        r.put("devices", members);
        r.put("level", new StrValue("raid1"));
        r.put("name", new StrValue(name));
        return r;
    }

    /**
     * The encrypted root volume. A CEX key replaces Clevis entirely; otherwise the Tang
     * servers, threshold and TPM2 flag are copied into the Clevis binding.
     */
    private static ObjValue luksVolume(ObjValue luks, String device, boolean cex, Context ctx) {
        ObjValue v = new ObjValue("Luks");
        if (cex) {
            ObjValue c = new ObjValue("Cex");
            c.put("enabled", new BoolValue(true).withOrigin(LUKS.append("enabled")));
            c.withOrigin(LUKS);
            v.put("cex", c);
        } else {
            v.put("clevis", clevis(luks, ctx));
        }
        v.put("device", new StrValue(device).withOrigin(LUKS));
        Value discard = luks.get("discard");
        if (discard != null) {
            v.put("discard", discard.copy().withOrigin(LUKS.append("discard")));
        }
        v.put("label", new StrValue("luks-root").withOrigin(LUKS));
        v.put("name", new StrValue("root").withOrigin(LUKS));
        v.put("wipeVolume", new BoolValue(true).withOrigin(LUKS));
        v.withOrigin(LUKS);
        return v;
    }

    private static ObjValue clevis(ObjValue luks, Context ctx) {
        ObjValue c = new ObjValue("Clevis");
        c.withOrigin(LUKS);
        ListValue tangIn = luks.list("tang");
        if (tangIn != null) {
            Path tangPath = LUKS.append("tang");
            ListValue tang = new ListValue();
            tang.withOrigin(tangPath);
            for (int i = 0; i < tangIn.size(); i++) {
                tang.add(copyFlat((ObjValue) tangIn.items().get(i), "Tang", tangPath.append(i), ctx));
            }
            c.put("tang", tang);
        }
        Value threshold = luks.get("threshold");
        if (threshold != null) {
            c.put("threshold", threshold.copy().withOrigin(LUKS.append("threshold")));
        }
        Value tpm2 = luks.get("tpm2");
        if (tpm2 != null) {
            c.put("tpm2", tpm2.copy().withOrigin(LUKS.append("tpm2")));
        }
        return c;
    }

    /** Copies an object of scalar fields to its Ignition form, each field keeping its own path. */
    private static ObjValue copyFlat(ObjValue in, String type, Path path, Context ctx) {
        ObjValue out = new ObjValue(type);
        out.withOrigin(path);
        for (FieldDef f : ButaneSchema.type(type).fields(ctx.spec)) {
            Value v = in.get(f.name());
            if (v != null && !f.butaneOnly()) {
                out.put(Names.snakeToCamel(f.name()), v.copy().withOrigin(path.append(f.name())));
            }
        }
        return out;
    }
}
