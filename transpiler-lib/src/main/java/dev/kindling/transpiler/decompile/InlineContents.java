/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.ButaneSchema;
import java.util.List;
import java.util.Optional;

/**
 * The inverse of Butane's contents encoding: a {@code data:} URL (percent-encoded or base64,
 * gzip or not) becomes {@code inline} text when its contents are text, or a {@code local} file
 * (returned to the caller) when they are binary or larger than the threshold. Butane picks the
 * encoding and compression again when the result is transpiled; the bytes are the same.
 *
 * <p>Binary contents need local files: without them the pass reports an error, except where
 * the spec has no {@code local} (fcos 1.0.0), where the data URL is kept with a comment.
 */
final class InlineContents implements InversePass {
    /** All decoded contents of one config together may not exceed this (gzip bombs, many of them). */
    static final long MAX_TOTAL_DECODED = 256L << 20;

    @Override
    public String name() {
        return "inline and local contents";
    }

    @Override
    public boolean apply(Draft draft, PassContext ctx) {
        long[] budget = {MAX_TOTAL_DECODED};
        boolean changed = false;
        BMap ignition = draft.config.map("ignition");
        if (ignition != null) {
            BMap config = ignition.map("config");
            if (config != null) {
                List<BMap> merge = config.maps("merge");
                for (int i = 0; i < merge.size(); i++) {
                    changed |= resource(budget, merge.get(i), "ignition/merge-" + (i + 1) + ".ign", draft, ctx);
                }
                if (config.map("replace") != null) {
                    changed |= resource(budget, config.map("replace"), "ignition/replace.ign", draft, ctx);
                }
            }
            BMap security = ignition.map("security");
            BMap tls = security == null ? null : security.map("tls");
            if (tls != null) {
                List<BMap> cas = tls.maps("certificate_authorities");
                for (int i = 0; i < cas.size(); i++) {
                    changed |= resource(budget, cas.get(i), "ignition/ca-" + (i + 1) + ".pem", draft, ctx);
                }
            }
        }
        BMap storage = draft.config.map("storage");
        if (storage != null) {
            for (BMap file : storage.maps("files")) {
                String path = file.str("path") == null ? "file" : file.str("path");
                if (file.map("contents") != null) {
                    changed |= resource(budget, file.map("contents"), path, draft, ctx);
                }
                List<BMap> append = file.maps("append");
                for (int j = 0; j < append.size(); j++) {
                    changed |= resource(budget, append.get(j), path + ".append-" + (j + 1), draft, ctx);
                }
            }
            for (BMap luks : storage.maps("luks")) {
                if (luks.map("key_file") != null) {
                    String name = luks.str("name") == null ? "volume" : luks.str("name");
                    changed |= resource(budget, luks.map("key_file"), "luks/" + name + ".key", draft, ctx);
                }
            }
        }
        return changed;
    }

    private static boolean resource(long[] budget, BMap r, String nameHint, Draft draft, PassContext ctx) {
        String source = r.str("source");
        if (!DataUrlCodec.isDataUrl(source) || !ctx.site()) {
            return false;
        }
        boolean hasInline = ButaneSchema.type(r.type).field("inline", ctx.spec()) != null;
        boolean hasLocal = ButaneSchema.type(r.type).field("local", ctx.spec()) != null;
        if (!hasInline) {
            r.comment("source", "a data URL: " + ctx.spec() + " has no inline or local contents here");
            return true;
        }
        String compression = r.str("compression");
        Optional<byte[]> data = DataUrlCodec.contents(source, compression);
        if (data.isEmpty()) {
            r.comment("source", "kept as a data URL: its contents could not be decoded"
                    + (compression != null && !compression.isEmpty() ? " with compression " + compression : ""));
            ctx.problems().warning("decompile-kept-data-url", r.path + ".source", origin(r),
                    "this data URL cannot be decoded; it is kept as it is");
            return true;
        }
        budget[0] -= data.get().length;
        if (budget[0] < 0) {
            ctx.problems().error("decompile-too-large", r.path + ".source", origin(r), "the contents of the config"
                    + " decode to more than " + (MAX_TOTAL_DECODED >> 20) + " MiB in all");
            return true;
        }
        Optional<String> text = DataUrlCodec.asText(data.get());
        boolean large = data.get().length > ctx.options().localThreshold();
        boolean local = hasLocal && ctx.options().localFiles() && (text.isEmpty() || large);
        if (text.isPresent() && !local) {
            r.remove("source");
            r.remove("compression");
            r.put("inline", text.get());
            return true;
        }
        if (local) {
            String name = draft.freeName(nameHint);
            draft.files.put(name, data.get());
            r.remove("source");
            r.remove("compression");
            r.put("local", name);
            return true;
        }
        if (hasLocal) {
            ctx.problems().error("decompile-binary-needs-files-dir", r.path + ".source", origin(r),
                    "these contents are binary (" + data.get().length + " bytes) and can only be written as a local"
                            + " file; give a files directory (-d FILES_DIR) to write it to");
            return true;
        }
        r.comment("source", "binary contents; " + ctx.spec() + " has no \"local\", so they stay a data URL");
        ctx.problems().warning("decompile-kept-data-url", r.path + ".source", origin(r),
                "binary contents stay a data URL: " + ctx.spec() + " cannot read local files");
        return true;
    }

    private static JNode origin(BMap r) {
        JNode o = r.origin;
        if (o instanceof JNode.JObj obj && obj.fields().get("source") != null) {
            return obj.fields().get("source");
        }
        return o;
    }
}
