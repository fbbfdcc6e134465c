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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
            java.nio.file.Path base;
            try {
                base = ctx.files.resolve(local);
                if (!Files.exists(base)) {
                    ctx.report.error(at, "local-file-missing", "stat " + base + ": no such file or directory");
                    continue;
                }
                ctx.files.checkRealPath(base, local);
            } catch (LocalFiles.LocalFileException e) {
                ctx.report.error(at, e.code(), e.getMessage());
                continue;
            }
            if (!Files.isDirectory(base)) {
                ctx.report.error(at, "tree-not-directory", "the root of a tree must be a directory");
                continue;
            }
            String dest = tree.str("path");
            new Walk(ctx, nodes, tree, at, dest == null || dest.isEmpty() ? "/" : dest).walk(base, "");
        }
        return output;
    }

    /** The output's files, directories and links, indexed by path (trees can be large). */
    static final class Nodes {
        final ObjValue storage;
        private final java.util.Map<String, ObjValue> byPath = new java.util.HashMap<>();
        private final java.util.Map<String, String> listOf = new java.util.HashMap<>();

        Nodes(ObjValue output) {
            this.storage = output.objOrCreate("storage", "Storage");
            for (String list : List.of("files", "directories", "links")) {
                for (Value v : storage.items(list)) {
                    index(list, (ObjValue) v);
                }
            }
        }

        private void index(String list, ObjValue node) {
            String path = node.strOrEmpty("path");
            // the first node with a path is the one a tree completes; later ones are duplicates
            if (byPath.putIfAbsent(path, node) == null) {
                listOf.put(path, list);
            }
        }

        ObjValue get(String list, String path) {
            return list.equals(listOf.get(path)) ? byPath.get(path) : null;
        }

        boolean exists(String path) {
            return byPath.containsKey(path);
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

        void walk(java.nio.file.Path src, String rel) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(src, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                ctx.report.error(at, "local-file-unreadable", LocalFiles.ioError(src, e).getMessage());
                return;
            }
            String dest = join(destBase, rel);
            if (attrs.isDirectory()) {
                directory(dest);
                List<java.nio.file.Path> children = new ArrayList<>();
                try (Stream<java.nio.file.Path> s = Files.list(src)) {
                    s.forEach(children::add);
                } catch (IOException e) {
                    ctx.report.error(at, "local-file-unreadable", LocalFiles.ioError(src, e).getMessage());
                    return;
                }
                children.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
                ctx.files.listed(src, children);
                for (java.nio.file.Path c : children) {
                    String name = c.getFileName().toString();
                    walk(c, rel.isEmpty() ? name : rel + "/" + name);
                }
            } else if (attrs.isRegularFile()) {
                file(src, dest);
            } else if (attrs.isSymbolicLink()) {
                link(src, dest);
            } else {
                ctx.report.error(at, "tree-file-type", "trees may only contain files, directories and symbolic links");
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
        private ObjValue claim(String list, String type, String dest, java.util.function.Predicate<ObjValue> complete) {
            ObjValue node = nodes.get(list, dest);
            if (node != null) {
                if (complete.test(node)) {
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

        private static boolean notEmpty(String s) {
            return s != null && !s.isEmpty();
        }

        private void file(java.nio.file.Path src, String dest) {
            ObjValue file = claim("files", "File", dest,
                    f -> f.obj("contents") != null && notEmpty(f.obj("contents").str("source")));
            if (file == null) {
                return;
            }
            byte[] data;
            try {
                data = ctx.files.handOut(src, Files.readAllBytes(src));
            } catch (IOException e) {
                ctx.report.error(at, "local-file-unreadable", LocalFiles.ioError(src, e).getMessage());
                return;
            }
            ObjValue contents = file.objOrCreate("contents", "Resource");
            if (contents.origin() == null) {
                contents.withOrigin(at);
            }
            DataUrls.fill(contents, data, ctx.autoCompression(), at);
            contents.withOrigin(at);
            if (!file.has("mode")) {
                long mode = executable(src) ? 0755 : 0644;
                Long fileMode = tree.integer("file_mode");
                if (fileMode != null) {
                    mode = fileMode;
                }
                file.put("mode", new IntValue(mode).withOrigin(at));
            }
        }

        private void link(java.nio.file.Path src, String dest) {
            ObjValue link = claim("links", "Link", dest, l -> notEmpty(l.str("target")));
            if (link == null) {
                return;
            }
            try {
                String target = Files.readSymbolicLink(src).toString();
                link.put("target", new StrValue(target).withOrigin(at));
            } catch (IOException e) {
                ctx.report.error(at, "local-file-unreadable", LocalFiles.ioError(src, e).getMessage());
            }
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
            from.fields().forEach((k, v) -> o.put(k, v.copy()));
            return o;
        }

        private void nodeExists() {
            ctx.report.error(at, "node-exists",
                    "a node already exists at this path with contents or of a different type");
        }

        private static boolean executable(java.nio.file.Path p) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                return perms.contains(PosixFilePermission.OWNER_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
            } catch (IOException | UnsupportedOperationException e) {
                return Files.isExecutable(p);
            }
        }

        /** POSIX join and clean, as Go's path.Join. */
        static String join(String base, String rel) {
            String joined = rel.isEmpty() ? base : base + "/" + rel;
            return cleanPath(joined);
        }

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
