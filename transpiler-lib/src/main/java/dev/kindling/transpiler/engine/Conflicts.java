/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.ignition.IgnitionCodes;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.List;

/**
 * For the validation rules that compare two entries of a config, finds the other entry of a
 * problem: when configs are composed, the two entries often come from different files, and the
 * report should name both places. Each finder mirrors the rule it belongs to (see
 * {@code SemanticRules}); a problem of any other rule has no other entry.
 */
final class Conflicts {
    private static final String SYSTEMD_DIR = "/etc/systemd/system/";

    private Conflicts() {
    }

    /** The output path of the other entry involved in the problem at {@code at}, or null. */
    static Path other(ObjValue config, Path at, String code) {
        return switch (code) {
            case IgnitionCodes.FILE_UNDER_LINK, IgnitionCodes.DIRECTORY_UNDER_LINK, IgnitionCodes.LINK_UNDER_LINK ->
                    linkAbove(config, at);
            case IgnitionCodes.PATH_CONFLICTS_SYSTEMD -> unitAt(config, at);
            case IgnitionCodes.DUPLICATE_PARTITION_LABEL -> earlierPartition(config, at, "label");
            case IgnitionCodes.PARTITION_NUMBERS_COLLIDE -> earlierPartition(config, at, "number");
            default -> null;
        };
    }

    /** The node at {@code storage.KIND.I} (the first three elements of {@code at}). */
    private static ObjValue node(ObjValue config, Path at) {
        if (at.size() < 3 || !"storage".equals(at.get(0)) || !(at.get(2) instanceof Integer i)) {
            return null;
        }
        ObjValue storage = config.obj("storage");
        List<Value> items = storage == null ? List.of() : storage.items((String) at.get(1));
        return i < items.size() && items.get(i) instanceof ObjValue o ? o : null;
    }

    private static Path linkAbove(ObjValue config, Path at) {
        ObjValue node = node(config, at);
        if (node == null) {
            return null;
        }
        String path = node.strOrEmpty("path");
        List<Value> links = config.obj("storage").items("links");
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) instanceof ObjValue link && path.startsWith(link.strOrEmpty("path") + "/")) {
                return Path.of("storage", "links", i, "path");
            }
        }
        return null;
    }

    private static Path unitAt(ObjValue config, Path at) {
        ObjValue node = node(config, at);
        ObjValue systemd = config.obj("systemd");
        if (node == null || systemd == null) {
            return null;
        }
        String path = node.strOrEmpty("path");
        List<Value> units = systemd.items("units");
        for (int i = 0; i < units.size(); i++) {
            if (!(units.get(i) instanceof ObjValue unit)) {
                continue;
            }
            String name = unit.strOrEmpty("name");
            if (path.equals(SYSTEMD_DIR + name)) {
                return Path.of("systemd", "units", i, "name");
            }
            List<Value> dropins = unit.items("dropins");
            for (int j = 0; j < dropins.size(); j++) {
                if (dropins.get(j) instanceof ObjValue d
                        && path.equals(SYSTEMD_DIR + name + ".d/" + d.strOrEmpty("name"))) {
                    return Path.of("systemd", "units", i, "dropins", j, "name");
                }
            }
        }
        return null;
    }

    private static Path earlierPartition(ObjValue config, Path at, String field) {
        // at is storage.disks.D.partitions.P
        if (at.size() < 5 || !(at.get(2) instanceof Integer d) || !(at.get(4) instanceof Integer p)) {
            return null;
        }
        ObjValue storage = config.obj("storage");
        List<Value> disks = storage == null ? List.of() : storage.items("disks");
        if (d >= disks.size() || !(disks.get(d) instanceof ObjValue disk)) {
            return null;
        }
        List<Value> parts = disk.items("partitions");
        if (p >= parts.size() || !(parts.get(p) instanceof ObjValue mine) || mine.get(field) == null) {
            return null;
        }
        String value = String.valueOf(mine.get(field) instanceof dev.kindling.transpiler.tree.StrValue s ? s.value()
                : mine.integer(field));
        for (int i = 0; i < p; i++) {
            if (parts.get(i) instanceof ObjValue other && other.get(field) != null
                    && value.equals(String.valueOf(other.get(field) instanceof dev.kindling.transpiler.tree.StrValue s
                            ? s.value() : other.integer(field)))) {
                return Path.of("storage", "disks", d, "partitions", i, field);
            }
        }
        return null;
    }
}
