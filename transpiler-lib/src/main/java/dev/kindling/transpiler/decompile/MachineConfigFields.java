/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.decompile.JNode.JArr;
import dev.kindling.transpiler.decompile.JNode.JBool;
import dev.kindling.transpiler.decompile.JNode.JNull;
import dev.kindling.transpiler.decompile.JNode.JObj;
import dev.kindling.transpiler.decompile.JNode.JStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MachineConfig around an openshift config, back to Butane's {@code metadata} (name and
 * labels) and {@code openshift} (kernel arguments, extensions, FIPS, kernel type) sections. A
 * MachineConfig field that Butane cannot write is an error at its position.
 */
final class MachineConfigFields {
    private static final Map<String, String> SPEC_FIELDS = Map.of(
            "kernelArguments", "kernel_arguments", "extensions", "extensions", "fips", "fips",
            "kernelType", "kernel_type");

    static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";

    private final Problems problems;

    /**
     * A MachineConfig name from an input file name: its base name without extension, in the
     * lower-case letters, digits, dots and dashes Kubernetes names allow.
     */
    static String nameFrom(String sourceName) {
        String base = sourceName == null ? "" : sourceName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String clean = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
                .replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return clean.isEmpty() || base.equals("<stdin>") ? "decompiled" : clean;
    }

    MachineConfigFields(Problems problems) {
        this.problems = problems;
    }

    void apply(JObj root, BMap config) {
        for (Map.Entry<String, JNode> e : root.fields().entrySet()) {
            String key = e.getKey();
            JNode v = e.getValue();
            switch (key) {
                case "apiVersion" -> expect(v, "machineconfiguration.openshift.io/v1", "$.apiVersion");
                case "kind" -> { }
                case "metadata" -> metadata(v, config);
                case "spec" -> spec(v, config);
                default -> unknown(key, v, "$." + key);
            }
        }
    }

    private void metadata(JNode n, BMap config) {
        if (!(n instanceof JObj o)) {
            wrong(n, "an object", "$.metadata");
            return;
        }
        BMap meta = new BMap("Metadata", "$.metadata", o);
        for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
            String at = "$.metadata." + e.getKey();
            JNode v = e.getValue();
            if (v instanceof JNull) {
                continue;
            }
            if (e.getKey().equals("name")) {
                if (v instanceof JStr s) {
                    meta.put("name", s.value());
                } else {
                    wrong(v, "a string", at);
                }
            } else if (e.getKey().equals("labels")) {
                if (!(v instanceof JObj labels)) {
                    wrong(v, "an object", at);
                    continue;
                }
                BMap out = new BMap(null, at, labels);
                for (Map.Entry<String, JNode> l : labels.fields().entrySet()) {
                    if (l.getValue() instanceof JStr s) {
                        out.put(l.getKey(), s.value());
                    } else {
                        wrong(l.getValue(), "a string", at + "." + l.getKey());
                    }
                }
                if (!out.fields.isEmpty()) {
                    meta.put("labels", out);
                }
            } else {
                unknown(e.getKey(), v, at);
            }
        }
        if (!meta.fields.isEmpty()) {
            config.put("metadata", meta);
        }
    }

    private void spec(JNode n, BMap config) {
        if (!(n instanceof JObj o)) {
            wrong(n, "an object", "$.spec");
            return;
        }
        BMap os = new BMap("OpenShift", "$.spec", o);
        for (Map.Entry<String, JNode> e : o.fields().entrySet()) {
            String key = e.getKey();
            String at = "$.spec." + key;
            JNode v = e.getValue();
            if (key.equals("config") || v instanceof JNull) {
                continue;
            }
            String butane = SPEC_FIELDS.get(key);
            if (butane == null) {
                unknown(key, v, at);
            } else if (key.equals("fips")) {
                if (v instanceof JBool b) {
                    os.put(butane, b.value());
                } else {
                    wrong(v, "a boolean", at);
                }
            } else if (key.equals("kernelType")) {
                if (v instanceof JStr s) {
                    os.put(butane, s.value());
                } else {
                    wrong(v, "a string", at);
                }
            } else if (v instanceof JArr a) {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < a.items().size(); i++) {
                    if (a.items().get(i) instanceof JStr s) {
                        items.add(s.value());
                    } else {
                        wrong(a.items().get(i), "a string", at + "." + i);
                    }
                }
                os.put(butane, items);
            } else {
                wrong(v, "an array", at);
            }
        }
        if (!os.fields.isEmpty()) {
            config.put("openshift", os);
        }
    }

    private void expect(JNode v, String value, String at) {
        if (!(v instanceof JStr s) || !s.value().equals(value)) {
            problems.error("decompile-machine-config", at, v, "Butane writes MachineConfigs with apiVersion "
                    + value);
        }
    }

    private void unknown(String key, JNode v, String at) {
        problems.error("decompile-unknown-field", at, v, "Butane cannot write the MachineConfig field \"" + key
                + "\"");
    }

    private void wrong(JNode v, String expected, String at) {
        problems.error("decompile-wrong-type", at, v, "expected " + expected + ", found " + JNode.kind(v));
    }
}
