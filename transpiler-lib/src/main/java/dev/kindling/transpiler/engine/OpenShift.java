/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.ignition.GoUrl;
import dev.kindling.transpiler.ignition.IgnitionCodes;
import dev.kindling.transpiler.ignition.Reporter;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The openshift variant's wrapping of the Ignition config in a MachineConfig, with what the
 * Machine Config Operator and RHCOS require of the config.
 */
final class OpenShift {
    static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";
    static final String CEX_KERNEL_ARGUMENT = "rd.luks.key=/etc/luks/cex.key";
    private static final Path CONFIG = Path.of("spec", "config");
    private static final Map<String, String> SPEC_FIELDS = Map.of(
            "kernel_arguments", "kernelArguments", "extensions", "extensions", "fips", "fips",
            "kernel_type", "kernelType");

    private OpenShift() {
    }

    /** A grub user.cfg made of exactly one append entry becomes that entry as contents (4.23+). */
    static void grubCfgAsContents(ObjValue config) {
        ObjValue storage = config.obj("storage");
        if (storage == null) {
            return;
        }
        for (Value v : storage.items("files")) {
            ObjValue file = (ObjValue) v;
            if (file.strOrEmpty("path").equals("/boot/grub2/user.cfg")) {
                ListValue append = file.list("append");
                if (append != null && append.size() == 1) {
                    file.put("contents", append.items().get(0));
                    file.remove("append");
                }
                return;
            }
        }
    }

    /** Builds the MachineConfig around {@code config}; origins point at the Butane fields. */
    static ObjValue wrap(ObjValue input, ObjValue config) {
        ObjValue mc = new ObjValue("MachineConfig").withOrigin(Path.ROOT);
        Path version = Path.of("version");
        mc.put("apiVersion", new StrValue("machineconfiguration.openshift.io/v1").withOrigin(version));
        mc.put("kind", new StrValue("MachineConfig").withOrigin(version));
        ObjValue meta = new ObjValue("MachineConfigMetadata").withOrigin(Path.of("metadata"));
        ObjValue inMeta = input.obj("metadata");
        ObjValue labels = new ObjValue("StringMap").withOrigin(Path.of("metadata", "labels"));
        if (inMeta != null && inMeta.obj("labels") != null) {
            for (var e : inMeta.obj("labels").fields().entrySet()) {
                labels.put(e.getKey(), e.getValue().copy().withOrigin(Path.of("metadata", "labels", e.getKey())));
            }
        }
        meta.put("labels", labels);
        meta.put("name", new StrValue(inMeta == null ? "" : inMeta.strOrEmpty("name"))
                .withOrigin(Path.of("metadata", "name")));
        mc.put("metadata", meta);
        ObjValue spec = new ObjValue("MachineConfigSpec").withOrigin(version);
        spec.put("config", config);
        ObjValue os = input.obj("openshift");
        if (os != null) {
            for (var e : SPEC_FIELDS.entrySet()) {
                Value v = os.get(e.getKey());
                if (v != null) {
                    Value c = v.copy();
                    c.setOriginDeep(Path.of("openshift", e.getKey()));
                    if (c instanceof ListValue l) {
                        for (int i = 0; i < l.size(); i++) {
                            l.items().get(i).withOrigin(Path.of("openshift", e.getKey(), i));
                        }
                    }
                    spec.put(e.getValue(), c);
                }
            }
        }
        mc.put("spec", spec);
        return mc;
    }

    /** The string lists of a MachineConfig spec, in the order Butane checks them for duplicates. */
    private static final List<String> SPEC_LISTS = List.of("kernelArguments", "extensions");

    /**
     * Reports repeated kernel arguments and extensions of a MachineConfig: Butane checks the whole
     * MachineConfig for duplicates, so these are errors (in raw mode the fields are dropped instead).
     */
    static void checkSpecDuplicates(ObjValue machineConfig, Reporter out) {
        ObjValue spec = machineConfig.obj("spec");
        if (spec == null) {
            return;
        }
        for (String field : SPEC_LISTS) {
            Set<String> seen = new HashSet<>();
            List<Value> items = spec.items(field);
            for (int i = 0; i < items.size(); i++) {
                String value = items.get(i) instanceof StrValue s ? s.value() : String.valueOf(items.get(i));
                if (!seen.add(value)) {
                    out.error(Path.of("spec", field, i), IgnitionCodes.DUPLICATE,
                            "duplicate entry: an earlier item already uses the key \"" + value + "\"");
                }
            }
        }
    }

    /** FIPS mode needs a FIPS-approved LUKS cipher; add one where the user chose none. */
    static void addFipsCipher(ObjValue input, ObjValue config) {
        ObjValue os = input.obj("openshift");
        if (os == null || !os.isTrue("fips") || config.obj("storage") == null) {
            return;
        }
        Path fips = Path.of("openshift", "fips");
        for (Value v : config.obj("storage").items("luks")) {
            ObjValue luks = (ObjValue) v;
            ListValue options = luks.list("options");
            boolean hasCipher = false;
            if (options != null) {
                for (Value o : options.items()) {
                    String s = ((StrValue) o).value();
                    if (s.equals("--cipher") || s.startsWith("--cipher=") || s.equals("-c")) {
                        hasCipher = true;
                    }
                }
            }
            if (hasCipher) {
                continue;
            }
            if (options == null) {
                options = new ListValue().withOrigin(fips);
                luks.put("options", options);
            }
            options.add(new StrValue("--cipher").withOrigin(fips));
            options.add(new StrValue("aes-cbc-essiv:sha256").withOrigin(fips));
        }
    }

    /** What RHCOS and the MCO cannot handle; paths are relative to the Ignition config. */
    static void checkSupport(ObjValue config, SpecVersion spec, Path at, Reporter out) {
        ObjValue storage = config.obj("storage");
        if (storage != null) {
            List<Value> fss = storage.items("filesystems");
            for (int i = 0; i < fss.size(); i++) {
                String format = ((ObjValue) fss.get(i)).str("format");
                if ("btrfs".equals(format)) {
                    out.error(at.append("storage", "filesystems", i, "format"), "btrfs-unsupported",
                            "btrfs is not supported in this spec version");
                }
            }
            if (spec.has(Rule.NO_FILESYSTEM_NONE)) {
                for (int i = 0; i < fss.size(); i++) {
                    if ("none".equals(((ObjValue) fss.get(i)).str("format"))) {
                        out.error(at.append("storage", "filesystems", i, "format"), "filesystem-none-unsupported",
                                "format \"none\" is not supported in this spec version");
                    }
                }
            }
            List<Value> files = storage.items("files");
            for (int i = 0; i < files.size(); i++) {
                ObjValue file = (ObjValue) files.get(i);
                ObjValue contents = file.obj("contents");
                String source = contents == null ? null : contents.str("source");
                if (source != null) {
                    // a URL Go cannot parse is left to the config validation, as Butane does
                    String scheme = GoUrl.schemeOf(source);
                    if (scheme != null && !scheme.equals("data")) {
                        out.error(at.append("storage", "files", i, "contents", "source"), "file-scheme-unsupported",
                                "file contents must be a data URL in this spec version");
                    }
                }
                Long mode = file.integer("mode");
                if (spec.has(Rule.NO_SPECIAL_FILE_MODES) && mode != null && (mode & ~0777L) != 0) {
                    out.error(at.append("storage", "files", i, "mode"), "special-mode-unsupported",
                            "special mode bits are not supported in this spec version");
                }
            }
        }
        ObjValue passwd = config.obj("passwd");
        if (passwd != null) {
            List<Value> users = passwd.items("users");
            for (int i = 0; i < users.size(); i++) {
                if (!((ObjValue) users.get(i)).strOrEmpty("name").equals("core")) {
                    out.error(at.append("passwd", "users", i, "name"), "user-name-unsupported",
                            "users other than \"core\" are not supported in this spec version");
                }
            }
        }
    }

    /** With --raw, the MachineConfig-only settings are dropped; say so for each one written. */
    static void warnElided(ObjValue input, Report report) {
        ObjValue os = input.obj("openshift");
        if (os == null) {
            return;
        }
        for (String f : List.of("kernel_arguments", "extensions", "fips", "kernel_type")) {
            if (os.has(f)) {
                report.warning(Path.of("openshift", f), "field-elided", "field ignored in raw mode");
            }
        }
    }

    static Path configPath() {
        return CONFIG;
    }
}
