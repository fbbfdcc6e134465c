/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fleet;

import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.Entry;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading the small YAML files of a fleet (inventory, variables) with the engine's own YAML
 * reader, so that they get the same limits (size, depth, aliases) and the same positions in
 * messages as configs.
 */
final class YamlTree {
    private final String file;

    YamlTree(String file) {
        this.file = file;
    }

    YNode load(byte[] bytes) throws InventoryException {
        try {
            YNode root = new YamlLoader(YamlLimits.DEFAULT).load(bytes);
            return root == null ? null : resolve(root);
        } catch (YamlException e) {
            throw new InventoryException(file, e.line(), e.column(), e.getMessage());
        }
    }

    InventoryException error(YNode at, String message) {
        return new InventoryException(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message);
    }

    private static YNode resolve(YNode n) {
        return n instanceof YAlias a ? resolve(a.target()) : n;
    }

    /** The entries of a mapping, in order, keys checked against {@code allowed} (null: any). */
    Map<String, YNode> map(YNode node, String what, Set<String> allowed) throws InventoryException {
        node = resolve(node);
        if (node instanceof YScalar s && s.plain() && (s.value().isEmpty() || s.value().equals("~")
                || s.value().equals("null"))) {
            return Map.of();
        }
        if (!(node instanceof YMap m)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, YNode> out = new LinkedHashMap<>();
        Map<String, YNode> keys = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
            YNode key = resolve(e.key());
            if (!(key instanceof YScalar ks)) {
                throw error(key, "the keys of " + what + " must be plain names");
            }
            String k = ks.value();
            if (allowed != null && !allowed.contains(k)) {
                throw error(key, "unknown key " + k + " in " + what + " (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (keys.put(k, key) != null) {
                throw error(key, "duplicate key " + k + " in " + what);
            }
            out.put(k, resolve(e.value()));
        }
        return out;
    }

    YNode keyNode(YNode mapNode, String key) {
        if (resolve(mapNode) instanceof YMap m) {
            for (Entry e : m.entries()) {
                if (resolve(e.key()) instanceof YScalar s && s.value().equals(key)) {
                    return e.key();
                }
            }
        }
        return mapNode;
    }

    String string(YNode node, String what) throws InventoryException {
        node = resolve(node);
        if (!(node instanceof YScalar s) || (s.plain() && (s.value().isEmpty() || s.value().equals("~")
                || s.value().equals("null")))) {
            throw error(node, what + " must be a text value");
        }
        return s.value();
    }

    List<YNode> list(YNode node, String what) throws InventoryException {
        node = resolve(node);
        if (node instanceof YScalar s && s.plain() && s.value().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof YSeq q)) {
            throw error(node, what + " must be a list");
        }
        List<YNode> out = new ArrayList<>();
        for (YNode item : q.items()) {
            out.add(resolve(item));
        }
        return out;
    }

    List<String> strings(YNode node, String what) throws InventoryException {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YNode item : list(node, what)) {
            String s = string(item, "each entry of " + what);
            if (!seen.add(s)) {
                throw error(item, what + " names " + s + " twice");
            }
            out.add(s);
        }
        return out;
    }
}
