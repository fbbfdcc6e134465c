/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.Severity;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.List;
import java.util.Map;

/**
 * Warnings about partitions in the generated config (after boot_device): a root partition that
 * cannot grow or is too small, and reserved CoreOS labels at the wrong partition number (which
 * would create a new partition instead of reusing the existing one).
 */
final class PartitionWarnings implements SugarPass {
    private static final Map<String, Long> RESERVED = Map.of(
            "BIOS-BOOT", 1L, "PowerPC-PReP-boot", 1L, "EFI-SYSTEM", 2L, "boot", 3L, "root", 4L);

    @Override
    public ObjValue apply(ObjValue input, ObjValue output, Context ctx) {
        ObjValue storage = output.obj("storage");
        if (storage == null) {
            return output;
        }
        OutputPaths paths = OutputPaths.ofBareConfig(output, ctx);
        List<Value> disks = storage.items("disks");
        for (int i = 0; i < disks.size(); i++) {
            ObjValue disk = (ObjValue) disks.get(i);
            List<Value> parts = disk.items("partitions");
            for (int p = 0; p < parts.size(); p++) {
                ObjValue part = (ObjValue) parts.get(p);
                String label = part.str("label");
                if (label == null) {
                    continue;
                }
                Path at = Path.of("storage", "disks", i, "partitions", p);
                if (label.equals("root") && ctx.spec.has(Rule.WARN_ROOT_PARTITION_SIZE)) {
                    Long size = part.integer("sizeMiB");
                    if (size == null || size == 0) {
                        for (int q = 0; q < parts.size(); q++) {
                            Long start = ((ObjValue) parts.get(q)).integer("startMiB");
                            if (q != p && (start == null || start == 0)) {
                                warn(ctx, paths, at.append("label"), "root-constrained",
                                        "the root partition fills the remaining space but an automatically placed"
                                                + " partition follows it, so it cannot grow");
                                break;
                            }
                        }
                    } else if (size < 8192) {
                        // Butane names this field in Butane's spelling while indexing the output,
                        // so the output indices are kept
                        warn(ctx, paths, at.append("size_mib"), "root-too-small",
                                "the root partition should have at least 8 GiB");
                    }
                }
                if (ctx.spec.has(Rule.WARN_RESERVED_PARTITION_LABELS) && !disk.isTrue("wipeTable")) {
                    Long want = RESERVED.get(label);
                    Long number = part.integer("number");
                    long n = number == null ? 0 : number;
                    if (want != null && n != want) {
                        warn(ctx, paths, at.append("label"), "wrong-partition-number",
                                "partition label " + label + " is reserved for partition " + want
                                        + "; this creates a new partition instead of reusing the existing one");
                    }
                }
            }
        }
        return output;
    }

    private static void warn(Context ctx, OutputPaths paths, Path outputPath, String code, String message) {
        ctx.report.add(Severity.WARNING, paths.locate(outputPath), code, message);
    }
}
