/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code systemd.quadlets}: Podman Quadlet units become files below
 * {@code /etc/containers/systemd} (rootful) or {@code /etc/containers/systemd/users}
 * (rootless). A template instance such as {@code web@blue.container} becomes a relative
 * symbolic link to its template {@code web@.container} instead of a file. Each drop-in becomes a
 * file in the unit's {@code .d} directory.
 *
 * <p>The nodes are appended after the user's and the trees' nodes. A destination that is
 * already taken by any file, directory or link (including one this pass created for an earlier
 * quadlet) is an error; nothing is overwritten.
 */
final class Quadlets implements SugarPass {
    static final String ROOTFUL_DIR = "/etc/containers/systemd";
    static final String ROOTLESS_DIR = "/etc/containers/systemd/users";
    static final String NODE_EXISTS = "node-exists";
    static final String NODE_EXISTS_MESSAGE = "matching filesystem node has existing contents or different type";

    private static final Path QUADLETS = Path.of("systemd", "quadlets");
    private static final long MODE_0644 = 0644;

    /**
     * Whether {@code name} is an instance of a template unit: it has an {@code @}, it has a
     * last {@code .}, and that {@code .} does not directly follow the first {@code @}
     * ({@code a@b.container} is an instance, {@code a@.container} the template itself).
     */
    static boolean isTemplateInstance(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot != at + 1;
    }

    /** The template an instance belongs to: the part before the first {@code @}, then {@code @.ext}. */
    static String templateOf(String instance) {
        int at = instance.indexOf('@');
        int dot = instance.lastIndexOf('.');
        return instance.substring(0, at) + "@." + instance.substring(dot + 1);
    }

    /** Where a quadlet goes: its name joined to the rootful or rootless directory, lexically cleaned. */
    static String destination(boolean rootful, String name) {
        String base = rootful ? ROOTFUL_DIR : ROOTLESS_DIR;
        return cleanAbsolute(name.isEmpty() ? base : base + "/" + name);
    }

    /**
     * Lexical cleaning of an absolute slash-separated path: repeated slashes and {@code .}
     * elements go, {@code ..} removes the element before it (never climbing above the root),
     * and there is no trailing slash except for the root itself.
     */
    static String cleanAbsolute(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(element);
            }
        }
        return "/" + String.join("/", kept);
    }

    @Override
    public ObjValue apply(ObjValue input, ObjValue output, Context ctx) {
        ObjValue systemd = input.obj("systemd");
        if (systemd == null || systemd.items("quadlets").isEmpty()) {
            return output;
        }
        ObjValue storage = output.objOrCreate("storage", "Storage");
        // Quadlet output lands in storage, so storage as a whole is attributed to the quadlets.
        storage.withOrigin(QUADLETS);
        Placer placer = new Placer(storage, ctx);

        var quadlets = systemd.items("quadlets");
        for (int i = 0; i < quadlets.size(); i++) {
            ObjValue q = (ObjValue) quadlets.get(i);
            Path qPath = QUADLETS.append(i);
            String name = q.strOrEmpty("name");
            boolean rootful = q.isTrue("rootful");
            String dest = destination(rootful, name);
            if (isTemplateInstance(name)) {
                placer.link(dest, templateOf(name), qPath);
            } else {
                placer.file(dest, q.str("contents_local"), q.str("contents"), qPath);
            }
            var dropins = q.items("dropins");
            for (int j = 0; j < dropins.size(); j++) {
                ObjValue d = (ObjValue) dropins.get(j);
                placer.file(dest + ".d/" + d.strOrEmpty("name"), d.str("contents_local"), d.str("contents"),
                        qPath.append("dropins", j));
            }
        }
        return output;
    }

    /** Adds nodes to the output storage, refusing paths that any node already has. */
    private static final class Placer {
        private final ObjValue storage;
        private final Context ctx;
        private final Set<String> taken = new HashSet<>();

        Placer(ObjValue storage, Context ctx) {
            this.storage = storage;
            this.ctx = ctx;
            for (String kind : new String[] {"files", "directories", "links"}) {
                for (Value v : storage.items(kind)) {
                    if (v instanceof ObjValue node) {
                        taken.add(node.strOrEmpty("path"));
                    }
                }
            }
        }

        /** Claims {@code dest} for a new node, or reports that it is taken. */
        private boolean claim(String dest, Path at) {
            if (!taken.add(dest)) {
                ctx.report.error(at, NODE_EXISTS, NODE_EXISTS_MESSAGE);
                return false;
            }
            return true;
        }

        /** Appends to a node list; a list that was empty is attributed to the first quadlet node in it. */
        private void append(String kind, ObjValue node, Path at) {
            ListValue list = storage.listOrCreate(kind);
            if (list.size() == 0) {
                list.withOrigin(at);
            }
            list.add(node);
        }

        void link(String dest, String target, Path at) {
            if (!claim(dest, at)) {
                return;
            }
            ObjValue link = new ObjValue("Link");
            link.put("path", new StrValue(dest).withOrigin(at.append("name")));
            link.put("target", new StrValue(target).withOrigin(at));
            link.withOrigin(at);
            append("links", link, at);
        }

        /**
         * A file with the given local or inline contents (neither: empty contents). A local
         * file that cannot be read is reported at {@code contents_local}.
         */
        void file(String dest, String local, String inline, Path at) {
            if (!claim(dest, at)) {
                return;
            }
            ObjValue file = new ObjValue("File");
            file.put("path", new StrValue(dest).withOrigin(at.append("name")));
            file.withOrigin(at);
            append("files", file, at);

            byte[] data = new byte[0];
            Path from = at;
            if (local != null && !local.isEmpty()) {
                from = at.append("contents_local");
                try {
                    data = ctx.files.read(local);
                } catch (LocalFiles.LocalFileException e) {
                    ctx.report.error(from, e.code(), e.getMessage());
                    return;
                }
            }
            if (inline != null && !inline.isEmpty()) {
                from = at.append("contents");
                data = inline.getBytes(StandardCharsets.UTF_8);
            }
            DataUrls.Encoded enc = DataUrls.encode(data, ctx.autoCompression());
            ObjValue contents = new ObjValue("Resource");
            contents.put("compression", new StrValue(enc.compression()).withOrigin(at));
            contents.put("source", new StrValue(enc.url()).withOrigin(from));
            contents.withOrigin(from);
            file.put("contents", contents);
            file.put("mode", new IntValue(MODE_0644).withOrigin(at));
        }
    }
}
