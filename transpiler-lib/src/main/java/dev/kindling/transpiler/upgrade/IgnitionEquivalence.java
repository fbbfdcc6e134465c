/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Decides whether two outputs of the transpiler describe the same machine: the same Ignition
 * config once both are in the same Ignition version.
 *
 * <p>Why comparing modulo the version is a translation: within Ignition 3, each spec version
 * only adds fields to the previous one, and Ignition translates an older config to a newer spec
 * by copying every field as it is (the newer fields stay unset). So an N config translated to M
 * is the same document with {@code ignition.version} set to M, and two outputs are the same
 * config in M exactly when they are equal apart from that version. Two things about the bytes of
 * a document do not change what Ignition writes and are compared by what they deliver instead:
 * a {@code data:} URL is compared by its decoded bytes (gunzipped when its {@code compression}
 * is {@code gzip}), because one spec version may let Butane compress contents that another
 * keeps plain (openshift 4.10 does, 4.9 does not); and an empty object counts as absent (a
 * struct Ignition 3.2 holds by pointer is written as {@code {}}). A MachineConfig is compared as parsed data,
 * its embedded config under the same rules.
 */
final class IgnitionEquivalence {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INFLATED = 64 << 20;

    private IgnitionEquivalence() {
    }

    /** True when both outputs are the same config (JSON, or MachineConfig YAML when {@code yaml}). */
    static boolean same(byte[] a, byte[] b, boolean yaml) {
        return normalized(a, yaml).equals(normalized(b, yaml));
    }

    /** The output as plain data with the version left out and data URLs replaced by their bytes. */
    static Object normalized(byte[] output, boolean yaml) {
        Object tree;
        try {
            tree = yaml ? new Load(LoadSettings.builder().build()).loadFromInputStream(new ByteArrayInputStream(output))
                    : JSON.readValue(output, Object.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a transpiler output: " + e.getMessage(), e);
        }
        return normalize(tree);
    }

    private static Object normalize(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = normalize(e.getValue());
                // an empty object is an unset one: Ignition 3.2 holds clevis by pointer, so Butane
                // writes "clevis": {} there, which translates to the unset clevis of 3.3 and later
                if (!(v instanceof Map<?, ?> m && m.isEmpty())) {
                    out.put(String.valueOf(e.getKey()), v);
                }
            }
            if (out.get("ignition") instanceof Map<?, ?> ign && ign.containsKey("version")) {
                Map<String, Object> copy = new LinkedHashMap<>();
                ign.forEach((k, v) -> copy.put(String.valueOf(k), v));
                copy.remove("version");
                out.put("ignition", copy);
            }
            if (out.get("source") instanceof String src && src.startsWith("data:")) {
                Object compression = out.get("compression");
                byte[] bytes = decodeDataUrl(src);
                if (bytes != null && ("gzip".equals(compression) || "".equals(compression) || compression == null)) {
                    if ("gzip".equals(compression)) {
                        bytes = gunzip(bytes);
                    }
                    if (bytes != null) {
                        out.remove("compression");
                        out.put("source", "bytes:" + Base64.getEncoder().encodeToString(bytes));
                    }
                }
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(normalize(o));
            }
            return out;
        }
        if (node instanceof Number n) {
            return n.longValue() == n.doubleValue() ? (Object) n.longValue() : n.doubleValue();
        }
        return node;
    }

    /** RFC 2397 as far as Butane writes it: {@code data:[type][;params][;base64],data}; null if malformed. */
    static byte[] decodeDataUrl(String url) {
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String head = url.substring(5, comma);
        String data = url.substring(comma + 1);
        try {
            if (head.endsWith(";base64")) {
                return Base64.getDecoder().decode(URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return percentDecode(data);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] percentDecode(String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length) {
                out.write(Integer.parseInt(new String(raw, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    /**
     * The inflated bytes, or null when they are not gzip or would exceed {@link #MAX_INFLATED}
     * (a config may carry a gzip bomb of its own; it is then compared by its compressed bytes).
     */
    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes(MAX_INFLATED + 1);
            return out.length > MAX_INFLATED ? null : out;
        } catch (IOException e) {
            return null;
        }
    }
}
