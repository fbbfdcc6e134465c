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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code storage.trees}: every file, symbolic link (and, with ownership or dir_mode, every
 * directory) below a local directory becomes a node of the output, in depth-first name order.
 */
final class Trees implements SugarPass {
    @Override
    public ObjValue apply(ObjValue input, ObjValue output, Context ctx) {
        ObjValue storageIn = input.obj("storage");
        if (storageIn == null || storageIn.items("trees").isEmpty()) {
            return output;
        }
        List<Value> trees = storageIn.items("trees");
        Nodes nodes = new Nodes(output);
        for (int i = 0; i < trees.size(); i++) {
            ObjValue tree = (ObjValue) trees.get(i);
            Path at = Path.of("storage", "trees", i);
            if (!ctx.files.enabled()) {
                ctx.report.error(at, "no-files-dir", "local file paths are relative to a files directory,"
                        + " which must be given with -d/--files-dir");
                return output;
            }
            String local = tree.strOrEmpty("local");
            if (local.isEmpty()) {
                continue;
            }
            String dest = tree.str("path");
            try (LocalFiles.TreeDir top = ctx.files.openTree(local)) {
                new Walk(ctx, nodes, tree, at, dest == null || dest.isEmpty() ? "/" : dest).walk(top, "");
            } catch (LocalFiles.LocalFileException e) {
                switch (e.code()) {
                    case "local-file-missing" -> ctx.report.error(at, e.code(), "stat " + resolvedOrEmpty(ctx, local)
                            + ": no such file or directory");
                    case "local-file-not-regular" -> ctx.report.error(at, "tree-not-directory",
                            "the root of a tree must be a directory");
                    default -> ctx.report.error(at, e.code(), e.getMessage());
                }
            }
        }
        return output;
    }

    private static String resolvedOrEmpty(Context ctx, String local) {
        try {
            return ctx.files.resolve(local).toString();
        } catch (LocalFiles.LocalFileException e) {
            return local;
        }
    }

    /**
     * The output's files, directories and links, indexed by path per list (trees can be large).
     * As in Butane, a tree completes the last entry of a list with its path: with duplicate
     * entries, that is the one a tree's file lands in (the duplicate is then reported by
     * validation, after the tree's own errors).
     */
    static final class Nodes {
        final ObjValue storage;
        private final java.util.Map<String, ObjValue> files = new java.util.HashMap<>();
        private final java.util.Map<String, ObjValue> directories = new java.util.HashMap<>();
        private final java.util.Map<String, ObjValue> links = new java.util.HashMap<>();

        Nodes(ObjValue output) {
            this.storage = output.objOrCreate("storage", "Storage");
            for (String list : List.of("files", "directories", "links")) {
                for (Value v : storage.items(list)) {
                    index(list, (ObjValue) v);
                }
            }
        }

        private java.util.Map<String, ObjValue> of(String list) {
            switch (list) {
                case "files":
                    return files;
                case "directories":
                    return directories;
                case "links":
                    return links;
                default:
                    throw new IllegalArgumentException(list);
            }
        }

        private void index(String list, ObjValue node) {
            of(list).put(node.strOrEmpty("path"), node);
        }

        ObjValue get(String list, String path) {
            return of(list).get(path);
        }

        boolean exists(String path) {
            return files.containsKey(path) || directories.containsKey(path) || links.containsKey(path);
        }

        ObjValue add(String list, ObjValue node) {
            ListValue l = storage.list(list);
            if (l == null) {
                l = new ListValue();
                l.withOrigin(node.origin());
                storage.put(list, l);
            }
            l.add(node);
            index(list, node);
            return node;
        }
    }

    private static final class Walk {
        private final Context ctx;
        private final Nodes nodes;
        private final ObjValue tree;
        private final Path at;
        private final String destBase;
        private final boolean customDirs;

        Walk(Context ctx, Nodes nodes, ObjValue tree, Path at, String destBase) {
            this.ctx = ctx;
            this.nodes = nodes;
            this.tree = tree;
            this.at = at;
            this.destBase = destBase;
            this.customDirs = tree.has("dir_mode") || !isEmpty(tree.obj("user")) || !isEmpty(tree.obj("group"));
        }

        private static boolean isEmpty(ObjValue o) {
            return o == null || o.fields().isEmpty();
        }

        /** Adds a directory of the tree and, in byte order of their names, everything below it. */
        void walk(LocalFiles.TreeDir dir, String rel) {
            directory(join(destBase, rel));
            List<String> names;
            try {
                names = dir.names();
            } catch (LocalFiles.LocalFileException e) {
                ctx.report.error(at, e.code(), e.getMessage());
                return;
            }
            names.sort(BYTE_ORDER);
            ctx.files.listed(dir.path(), names);
            for (String name : names) {
                String childRel = rel.isEmpty() ? name : rel + "/" + name;
                String dest = join(destBase, childRel);
                try {
                    BasicFileAttributes attrs = dir.attributes(name);
                    if (attrs.isDirectory()) {
                        try (LocalFiles.TreeDir sub = dir.subdirectory(name)) {
                            walk(sub, childRel);
                        }
                    } else if (attrs.isRegularFile()) {
                        file(dir, name, dest);
                    } else if (attrs.isSymbolicLink()) {
                        link(dir, name, dest);
                    } else {
                        ctx.report.error(at, "tree-file-type",
                                "trees may only contain files, directories and symbolic links");
                    }
                } catch (LocalFiles.LocalFileException e) {
                    ctx.report.error(at, e.code(), e.getMessage());
                }
            }
        }

        private void directory(String dest) {
            if (!customDirs) {
                return;
            }
            if (nodes.exists(dest)) {
                nodeExists();
                return;
            }
            ObjValue dir = newNode("Directory", dest);
            Long mode = tree.integer("dir_mode");
            dir.put("mode", new IntValue(mode != null ? mode : 0755));
            dir.setOriginDeep(at);
            nodes.add("directories", dir);
        }

        /**
         * The node of this type at {@code dest}: an explicit one the tree may complete, or a new
         * one. Null (after reporting) when something else is there or it is already complete.
         */
        private ObjValue claim(String list, String type, String dest) {
            ObjValue node = nodes.get(list, dest);
            if (node != null) {
                if (complete(list, node)) {
                    nodeExists();
                    return null;
                }
                return node;
            }
            if (nodes.exists(dest)) {
                nodeExists();
                return null;
            }
            node = newNode(type, dest);
            node.setOriginDeep(at);
            return nodes.add(list, node);
        }

        /** An explicit file is complete with a contents source, a link with a target. */
        private static boolean complete(String list, ObjValue node) {
            if (list.equals("links")) {
                return notEmpty(node.str("target"));
            }
            return node.obj("contents") != null && notEmpty(node.obj("contents").str("source"));
        }

        private static boolean notEmpty(String s) {
            return s != null && !s.isEmpty();
        }

        private void file(LocalFiles.TreeDir dir, String name, String dest) throws LocalFiles.LocalFileException {
            ObjValue file = claim("files", "File", dest);
            if (file == null) {
                return;
            }
            byte[] data = dir.readFile(name);
            ObjValue contents = file.objOrCreate("contents", "Resource");
            if (contents.origin() == null) {
                contents.withOrigin(at);
            }
            DataUrls.fill(contents, data, ctx.autoCompression(), at);
            contents.withOrigin(at);
            if (!file.has("mode")) {
                long mode = dir.executable(name) ? 0755 : 0644;
                Long fileMode = tree.integer("file_mode");
                if (fileMode != null) {
                    mode = fileMode;
                }
                file.put("mode", new IntValue(mode).withOrigin(at));
            }
        }

        private void link(LocalFiles.TreeDir dir, String name, String dest) throws LocalFiles.LocalFileException {
            ObjValue link = claim("links", "Link", dest);
            if (link == null) {
                return;
            }
            link.put("target", new StrValue(dir.linkTarget(name)).withOrigin(at));
        }

        private ObjValue newNode(String type, String dest) {
            ObjValue node = new ObjValue(type);
            ObjValue user = tree.obj("user");
            ObjValue group = tree.obj("group");
            if (group != null && !group.fields().isEmpty()) {
                node.put("group", owner("NodeGroup", group));
            }
            node.put("path", new StrValue(dest));
            if (user != null && !user.fields().isEmpty()) {
                node.put("user", owner("NodeUser", user));
            }
            return node;
        }

        private static ObjValue owner(String type, ObjValue from) {
            ObjValue o = new ObjValue(type);
            for (var e : from.fields().entrySet()) {
                o.put(e.getKey(), e.getValue().copy());
            }
            return o;
        }

        private void nodeExists() {
            ctx.report.error(at, "node-exists",
                    "a node already exists at this path with contents or of a different type");
        }

        /** POSIX join and clean, as Go's path.Join. */
        static String join(String base, String rel) {
            String joined = rel.isEmpty() ? base : base + "/" + rel;
            return cleanPath(joined);
        }

        // a class, not a method reference: a cold JVM pays about a millisecond for each lambda
        private static final java.util.Comparator<String> BYTE_ORDER = new java.util.Comparator<>() {
            @Override
            public int compare(String a, String b) {
                return compareBytes(a, b);
            }
        };

        private static int compareBytes(String a, String b) {
            byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return java.util.Arrays.compareUnsigned(x, y);
        }
    }

    /** Go's path.Clean for slash-separated paths. */
    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String s = String.join("/", out);
        if (rooted) {
            return "/" + s;
        }
        return s.isEmpty() ? "." : s;
    }
}
