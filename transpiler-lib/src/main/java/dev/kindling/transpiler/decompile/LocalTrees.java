/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import dev.kindling.transpiler.spec.ButaneSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inverse of {@code storage.trees}, when asked for: Butane appends a tree's files to
 * {@code storage.files} in depth-first order of their names, each with its contents and mode
 * 0644, or 0755 for an executable file. The longest run of such files at the end of the list
 * (at least two, nothing else set on them, no other node at their paths) becomes one tree: a
 * local folder below the files directory, named {@code tree} plus the files' common folder,
 * holding every file (executable where the mode was 0755).
 *
 * <p>Transpiling a tree needs a real folder, so the decompiler checks a draft with trees through
 * {@link #expand}, which writes the tree back as the file entries Butane makes of it.
 */
final class LocalTrees implements InversePass {
    private static final long PLAIN = 0644;
    private static final long EXECUTABLE = 0755;

    @Override
    public String name() {
        return "trees";
    }

    @Override
    public boolean apply(Draft draft, PassContext ctx) {
        BMap storage = draft.config.map("storage");
        if (!ctx.options().trees() || !ctx.options().localFiles() || storage == null
                || ButaneSchema.type("Storage").field("trees", ctx.spec()) == null || storage.list("files") == null) {
            return false;
        }
        List<Object> files = storage.list("files");
        int start = files.size();
        while (start > 0 && contents(files.get(start - 1)) != null) {
            start--;
        }
        List<BMap> run = new ArrayList<>();
        for (Object o : files.subList(start, files.size())) {
            run.add((BMap) o);
        }
        if (run.size() < 2) {
            return false;
        }
        List<String> paths = new ArrayList<>();
        run.forEach(f -> paths.add(f.str("path")));
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(DEPTH_FIRST);
        if (!sorted.equals(paths) || new HashSet<>(paths).size() != paths.size()) {
            return false;
        }
        Set<String> others = new HashSet<>();
        for (String list : List.of("directories", "links")) {
            storage.maps(list).forEach(n -> others.add(n.str("path")));
        }
        files.subList(0, start).forEach(o -> others.add(((BMap) o).str("path")));
        if (paths.stream().anyMatch(others::contains)) {
            return false;
        }
        if (!ctx.site()) {
            return false;
        }
        String base = commonFolder(paths);
        String local = draft.freeName("tree" + base);
        for (BMap f : run) {
            String rel = f.str("path").substring(base.equals("/") ? 1 : base.length() + 1);
            String name = local + "/" + rel;
            draft.files.put(name, contents(f));
            if (((BMap.Mode) f.get("mode")).value() == EXECUTABLE) {
                draft.executables.add(name);
            }
        }
        files.subList(start, files.size()).clear();
        Cleanup.dropEmpty(storage, "files");
        BMap tree = new BMap("Tree", storage.path + ".trees.0", null);
        tree.put("local", local);
        tree.put("path", base);
        List<Object> trees = new ArrayList<>();
        trees.add(tree);
        storage.put("trees", trees);
        return true;
    }

    /** The decoded contents of a file a tree could have made, or null when it has anything else. */
    private static byte[] contents(Object o) {
        if (!(o instanceof BMap f) || !f.hasOnly("path", "contents", "mode") || f.map("contents") == null
                || !(f.get("mode") instanceof BMap.Mode mode)
                || (mode.value() != PLAIN && mode.value() != EXECUTABLE)) {
            return null;
        }
        String path = f.str("path");
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || Arrays.asList(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return null;
        }
        BMap c = f.map("contents");
        if (!c.hasOnly("source", "compression") || !DataUrlCodec.isDataUrl(c.str("source"))) {
            return null;
        }
        Optional<byte[]> data = DataUrlCodec.contents(c.str("source"), c.str("compression"));
        return data.orElse(null);
    }

    /** The deepest folder holding every path ("/" at least). */
    static String commonFolder(List<String> paths) {
        String[] common = null;
        for (String p : paths) {
            String[] parts = p.substring(1).split("/");
            String[] dir = Arrays.copyOf(parts, parts.length - 1);
            if (common == null) {
                common = dir;
            } else {
                int n = 0;
                while (n < common.length && n < dir.length && common[n].equals(dir[n])) {
                    n++;
                }
                common = Arrays.copyOf(common, n);
            }
        }
        return "/" + String.join("/", common);
    }

    /** The order of a depth-first walk that visits names in byte order: paths by their components. */
    static final Comparator<String> DEPTH_FIRST = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Arrays.compareUnsigned(x[i].getBytes(StandardCharsets.UTF_8), y[i].getBytes(StandardCharsets.UTF_8));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    /** The draft with each tree replaced by the file entries Butane makes of it. */
    static Draft expand(Draft d) {
        BMap storage = d.config.map("storage");
        if (storage == null || storage.list("trees") == null) {
            return d;
        }
        Draft out = d.copy();
        BMap s = out.config.map("storage");
        List<Object> files = s.list("files") == null ? new ArrayList<>() : s.list("files");
        for (BMap tree : s.maps("trees")) {
            String prefix = tree.str("local") + "/";
            String base = tree.str("path");
            List<String> rels = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : out.files.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    rels.add(e.getKey().substring(prefix.length()));
                }
            }
            rels.sort(DEPTH_FIRST);
            for (String rel : rels) {
                BMap f = new BMap("File", tree.path, null);
                f.put("path", (base.equals("/") ? "" : base) + "/" + rel);
                BMap contents = new BMap("Resource", tree.path, null);
                contents.put("local", prefix + rel);
                f.put("contents", contents);
                f.put("mode", new BMap.Mode(out.executables.contains(prefix + rel) ? EXECUTABLE : PLAIN));
                files.add(f);
            }
        }
        s.put("files", files);
        s.remove("trees");
        return out;
    }
}
