/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of {@code boot_device}: recognises the root filesystem, LUKS volume, RAID arrays,
 * mirror disks and EFI/boot filesystems that Butane generates for an encrypted and/or mirrored
 * root, removes them, and writes {@code boot_device} with its {@code layout}, {@code luks} and
 * {@code mirror} instead. Each generated entry must have exactly the generated fields; whether
 * their order and values are what Butane makes is checked by transpiling again.
 */
final class BootDeviceLayout implements InversePass {
    static final String MAPPER_ROOT = "/dev/mapper/root";
    static final String MD_ROOT = "/dev/md/md-root";
    static final String PARTLABEL = "/dev/disk/by-partlabel/";

    @Override
    public String name() {
        return "boot_device";
    }

    @Override
    public boolean apply(Draft draft, PassContext ctx) {
        if (!ctx.spec().has(Feature.BOOT_DEVICE)) {
            return false;
        }
        BMap storage = draft.config.map("storage");
        if (storage == null) {
            return false;
        }
        List<BMap> filesystems = storage.maps("filesystems");
        BMap root = null;
        for (BMap fs : filesystems) {
            if (generatedFs(fs, null, "xfs", "root")
                    && (MAPPER_ROOT.equals(fs.str("device")) || MD_ROOT.equals(fs.str("device")))) {
                root = fs;
                break;
            }
        }
        if (root == null) {
            return false;
        }
        List<Object> removed = new ArrayList<>();
        removed.add(root);
        BMap bd = new BMap("BootDevice", "$", null);
        String layout = null;
        boolean wantMirror;
        if (MAPPER_ROOT.equals(root.str("device"))) {
            BMap luks = null;
            for (BMap l : storage.maps("luks")) {
                if ("root".equals(l.str("name"))) {
                    luks = l;
                }
            }
            if (luks == null || !luks.hasOnly("device", "label", "name", "wipe_volume", "clevis", "cex", "discard")
                    || !"luks-root".equals(luks.str("label")) || !luks.isTrue("wipe_volume")
                    || luks.str("device") == null) {
                return false;
            }
            BMap out = luks(luks);
            if (out == null) {
                return false;
            }
            String device = luks.str("device");
            wantMirror = device.equals(MD_ROOT);
            if (!wantMirror && !device.equals(PARTLABEL + "root")) {
                if (ButaneSchema.type("BootDeviceLuks").field("device", ctx.spec()) == null
                        || device.length() < 2) {
                    return false;
                }
                char last = device.charAt(device.length() - 1);
                if (last != '2' && last != '4') {
                    return false;
                }
                layout = last == '2' ? "s390x-eckd" : "s390x-zfcp";
                out.put("device", device.substring(0, device.length() - 1));
            }
            removed.add(luks);
            bd.put("luks", out);
        } else {
            wantMirror = true;
        }
        if (wantMirror) {
            String mirrorLayout = mirror(storage, bd, removed);
            if (mirrorLayout == null) {
                return false;
            }
            layout = mirrorLayout.equals("x86_64") ? null : mirrorLayout;
        }
        if (!ctx.site()) {
            if (ctx.notes()) {
                root.header.add("like the root filesystem boot_device generates, but the layout around it is not"
                        + " the same, so it stays as it is");
                return true;
            }
            return false;
        }
        if (layout != null) {
            bd.put("layout", layout);
        }
        for (String key : List.of("filesystems", "luks", "raid", "disks")) {
            List<Object> l = storage.list(key);
            if (l != null) {
                l.removeIf(o -> removed.stream().anyMatch(r -> r == o));
            }
        }
        Cleanup.dropEmpty(storage, "filesystems", "luks", "raid", "disks");
        Cleanup.dropEmpty(draft.config, "storage");
        draft.config.put("boot_device", bd);
        return true;
    }

    /** boot_device.luks for Butane's root volume, or null when it has more than Butane writes. */
    private static BMap luks(BMap luks) {
        BMap out = new BMap("BootDeviceLuks", "$", null);
        BMap cex = luks.map("cex");
        BMap clevis = luks.map("clevis");
        if (cex != null) {
            if (clevis != null || !cex.hasOnly("enabled") || !cex.isTrue("enabled")) {
                return null;
            }
            BMap c = new BMap("Cex", "$", null);
            c.put("enabled", true);
            out.put("cex", c);
        } else if (clevis != null) {
            if (!clevis.hasOnly("tang", "threshold", "tpm2")) {
                return null;
            }
            for (String k : List.of("tang", "threshold", "tpm2")) {
                if (clevis.get(k) != null) {
                    out.put(k, clevis.get(k));
                }
            }
        } else {
            return null;
        }
        if (luks.get("discard") != null) {
            out.put("discard", luks.get("discard"));
        }
        return out;
    }

    /**
     * Finds the mirror's arrays, disks and filesystems, adds them to {@code removed}, puts
     * {@code mirror} into {@code bd}; returns the layout name, or null when there is no mirror.
     */
    private static String mirror(BMap storage, BMap bd, List<Object> removed) {
        BMap mdRoot = null;
        BMap mdBoot = null;
        for (BMap r : storage.maps("raid")) {
            if ("md-root".equals(r.str("name")) && r.hasOnly("devices", "level", "name")) {
                mdRoot = r;
            } else if ("md-boot".equals(r.str("name")) && r.hasOnly("devices", "level", "name", "options")
                    && List.of("--metadata=1.0").equals(r.strings("options"))) {
                mdBoot = r;
            }
        }
        if (mdRoot == null || mdBoot == null || !"raid1".equals(mdRoot.str("level"))
                || !"raid1".equals(mdBoot.str("level"))) {
            return null;
        }
        int n = mdRoot.strings("devices").size();
        if (n == 0 || !members("root", n).equals(mdRoot.strings("devices"))
                || !members("boot", n).equals(mdBoot.strings("devices"))) {
            return null;
        }
        List<Object> devices = new ArrayList<>();
        String layout = null;
        List<BMap> disks = storage.maps("disks");
        for (int i = 1; i <= n; i++) {
            BMap disk = null;
            for (BMap d : disks) {
                List<BMap> parts = d.maps("partitions");
                if (parts.size() == 4 && ("root-" + i).equals(parts.get(3).str("label"))) {
                    disk = d;
                }
            }
            if (disk == null || !disk.hasOnly("device", "partitions", "wipe_table") || !disk.isTrue("wipe_table")
                    || disk.str("device") == null) {
                return null;
            }
            String l = layoutOf(disk.maps("partitions"), i);
            if (l == null || (layout != null && !layout.equals(l))) {
                return null;
            }
            layout = l;
            devices.add(disk.str("device"));
            removed.add(disk);
        }
        for (BMap fs : storage.maps("filesystems")) {
            String device = fs.str("device");
            if (generatedFs(fs, "/dev/md/md-boot", "ext4", "boot")) {
                removed.add(fs);
            } else if (!layout.equals("ppc64le") && !layout.equals("s390x-virt") && device != null
                    && device.startsWith(PARTLABEL + "esp-")
                    && generatedFs(fs, null, "vfat", device.substring(PARTLABEL.length()))) {
                removed.add(fs);
            }
        }
        removed.add(mdRoot);
        removed.add(mdBoot);
        BMap mirror = new BMap("BootDeviceMirror", "$", null);
        mirror.put("devices", devices);
        bd.put("mirror", mirror);
        return layout;
    }

    /** The layout whose first two partitions these are, for mirror disk {@code i}. */
    private static String layoutOf(List<BMap> parts, int i) {
        for (BMap p : parts) {
            if (!p.hasOnly("label", "size_mib", "type_guid")) {
                return null;
            }
        }
        String a = parts.get(0).str("label");
        String b = parts.get(1).str("label");
        if (!("boot-" + i).equals(parts.get(2).str("label")) || a == null || b == null) {
            return null;
        }
        String first = a.equals("bios-" + i) ? "bios" : a.equals("prep-" + i) ? "prep"
                : a.equals("reserved-" + i) ? "reserved" : null;
        String second = b.equals("esp-" + i) ? "esp" : b.equals("reserved-" + i) ? "reserved" : null;
        if (first == null || second == null) {
            return null;
        }
        return switch (first + "+" + second) {
            case "bios+esp" -> "x86_64";
            case "reserved+esp" -> "aarch64";
            case "prep+reserved" -> "ppc64le";
            case "reserved+reserved" -> "s390x-virt";
            default -> null;
        };
    }

    private static List<String> members(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(PARTLABEL + prefix + "-" + i);
        }
        return out;
    }

    private static boolean generatedFs(BMap fs, String device, String format, String label) {
        return fs.hasOnly("device", "format", "label", "wipe_filesystem") && fs.isTrue("wipe_filesystem")
                && format.equals(fs.str("format")) && label.equals(fs.str("label"))
                && (device == null || device.equals(fs.str("device")));
    }
}
