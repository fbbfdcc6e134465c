/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plain part of translation: copies every non-sugar field to its camelCase Ignition name,
 * recording where each output value came from, and expands the per-object sugar that lives
 * inside one object (inline/local contents, contents_local, ssh_authorized_keys_local).
 */
final class Translator {

    private final Context ctx;

    Translator(Context ctx) {
        this.ctx = ctx;
    }

    ObjValue translateConfig(ObjValue config) {
        ObjValue out = translate(config, ButaneSchema.type("Config"), Path.ROOT);
        ctx.finishDataUrls(); // the contents' sources are complete before anyone reads them
        ObjValue ign = out.objOrCreate("ignition", "Ignition");
        if (ign.origin() == null) {
            ign.withOrigin(Path.of("ignition"));
        }
        ign.put("version", new StrValue(ctx.spec.ignitionVersion()).withOrigin(Path.of("version")));
        out.withOrigin(Path.ROOT);
        return out;
    }

    private ObjValue translate(ObjValue in, TypeDef type, Path path) {
        ObjValue out = new ObjValue(type.name());
        out.withOrigin(path);
        for (FieldDef f : type.fields(ctx.spec)) {
            if (f.butaneOnly()) {
                continue;
            }
            Value v = in.get(f.name());
            if (v == null) {
                continue;
            }
            Path fp = path.append(f.name());
            out.put(Names.snakeToCamel(f.name()), copy(v, f, fp));
        }
        switch (type.name()) {
            case "Resource", "FileContents" -> resource(in, out, path);
            case "Unit", "Dropin" -> contentsLocal(in, out, path);
            case "PasswdUser" -> sshKeysLocal(in, out, path);
            default -> {
            }
        }
        return out;
    }

    private Value copy(Value v, FieldDef f, Path fp) {
        if (f.kind() == Kind.OBJECT) {
            return translate((ObjValue) v, ButaneSchema.type(f.ref()), fp);
        }
        if (f.kind() == Kind.LIST) {
            ListValue l = (ListValue) v;
            ListValue out = new ListValue();
            out.withOrigin(fp);
            for (int i = 0; i < l.size(); i++) {
                Value item = l.items().get(i);
                if (f.ref() != null) {
                    out.add(translate((ObjValue) item, ButaneSchema.type(f.ref()), fp.append(i)));
                } else {
                    out.add(item.copy().withOrigin(fp.append(i)));
                }
            }
            return out;
        }
        return v.copy().withOrigin(fp);
    }

    /** inline/local contents become a data URL source (and a compression value). */
    private void resource(ObjValue in, ObjValue out, Path path) {
        byte[] data = null;
        Path from = null;
        if (in.has("local")) {
            from = path.append("local");
            try {
                data = ctx.files.read(in.str("local"));
            } catch (LocalFiles.LocalFileException e) {
                ctx.report.error(from, e.code(), e.getMessage());
                return;
            }
        }
        if (in.has("inline")) {
            from = path.append("inline");
            data = ((StrValue) in.get("inline")).bytes();
        }
        if (data == null) {
            return;
        }
        if (!ctx.spec.atLeast(1)) {
            out.put("source", new StrValue(DataUrls.percentOnly(data)).withOrigin(from));
            return;
        }
        ctx.fillDataUrl(out, data, from);
    }

    private void contentsLocal(ObjValue in, ObjValue out, Path path) {
        String local = in.str("contents_local");
        if (local == null || local.isEmpty()) {
            return;
        }
        Path from = path.append("contents_local");
        try {
            byte[] data = ctx.files.read(local);
            // Go strings are bytes: keep them, so invalid UTF-8 is written as Butane writes it
            out.put("contents", StrValue.ofBytes(data).withOrigin(from));
        } catch (LocalFiles.LocalFileException e) {
            ctx.report.error(from, e.code(), e.getMessage());
        }
    }

    private void sshKeysLocal(ObjValue in, ObjValue out, Path path) {
        ListValue locals = in.list("ssh_authorized_keys_local");
        if (locals == null || locals.size() == 0) {
            return;
        }
        Path from = path.append("ssh_authorized_keys_local");
        ListValue keys = out.list("sshAuthorizedKeys");
        if (keys == null) {
            keys = new ListValue();
            out.put("sshAuthorizedKeys", keys);
        }
        keys.withOrigin(from);
        if (!ctx.files.enabled()) {
            ctx.report.error(from, "no-files-dir", "local file paths are relative to a files directory,"
                    + " which must be given with -d/--files-dir");
            return;
        }
        for (int i = 0; i < locals.size(); i++) {
            String file = ((StrValue) locals.items().get(i)).value();
            try {
                byte[] data = ctx.files.read(file);
                for (byte[] line : lines(data)) {
                    if (line.length > 0) {
                        // kept as bytes, so invalid UTF-8 is written as Butane writes it
                        keys.add(StrValue.ofBytes(line).withOrigin(from.append(i)));
                    }
                }
            } catch (LocalFiles.LocalFileException e) {
                ctx.report.error(from.append(i), e.code(), e.getMessage());
            }
        }
    }

    /** Splits at each "\n" (dropping a "\r" before it); bytes, since a file need not be UTF-8. */
    static List<byte[]> lines(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == '\n') {
                int end = i > start && i < data.length && data[i - 1] == '\r' ? i - 1 : i;
                out.add(Arrays.copyOfRange(data, start, end));
                start = i + 1;
            }
        }
        return out;
    }
}
