/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last build of one {@code transpile} execution wrote: for each output, the input key
 * and dependencies it was made from, the output's size and time (to notice that it was deleted
 * or replaced) and the warnings it had (shown again when it is up to date). Stored as JSON under
 * {@code target/kindling/}; a missing or unreadable file means a full build.
 *
 * <p>A build that is killed never saves its state, so a build also keeps a {@link Journal} next
 * to the state file while it runs: before an output is written, a line claims it for its config;
 * after, a line records it in full. {@link #load} applies a journal left behind on top of the
 * state, so the next build still knows every output the killed one wrote (and can delete it once
 * its config is gone, or skip it while it is up to date).
 */
final class BuildState {
    static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One output.
     *
     * @param source the config, relative to the project's base folder
     * @param output the output file, relative to the project's base folder
     */
    record Entry(String source, String output, String fingerprint, long size, long modified,
            List<Diagnostic> diagnostics, List<Fingerprints.Dependency> inputs) {
        Entry {
            diagnostics = List.copyOf(diagnostics);
            inputs = List.copyOf(inputs);
        }

        /** An output about to be written: owned by its config, never up to date. */
        static Entry claim(String source, String output) {
            return new Entry(source, output, "", -1, -1, List.of(), List.of());
        }
    }

    /** Entries by the output's path without extension, relative to the project's base folder. */
    private final Map<String, Entry> entries;

    BuildState(Map<String, Entry> entries) {
        this.entries = new TreeMap<>(entries);
    }

    static BuildState empty() {
        return new BuildState(Map.of());
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** The state in {@code file} with the journal a killed build may have left applied on top. */
    static BuildState load(Path file) {
        Map<String, Entry> entries = new TreeMap<>(loadState(file).entries);
        Journal.replay(Journal.fileFor(file), entries);
        return new BuildState(entries);
    }

    private static BuildState loadState(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            return empty(); // damaged: rebuild everything
        }
        if (root == null || root.path("format").asInt() != FORMAT || !root.path("entries").isObject()) {
            return empty();
        }
        Map<String, Entry> entries = new TreeMap<>();
        try {
            var it = root.get("entries").fields();
            while (it.hasNext()) {
                var e = it.next();
                entries.put(e.getKey(), entryFrom(e.getValue()));
            }
        } catch (RuntimeException e) {
            return empty();
        }
        return new BuildState(entries);
    }

    static Entry entryFrom(JsonNode n) {
        List<Diagnostic> ds = new ArrayList<>();
        for (JsonNode d : n.path("diagnostics")) {
            ds.add(new Diagnostic(Severity.valueOf(d.get("severity").asText()), d.get("code").asText(),
                    d.hasNonNull("path") ? d.get("path").asText() : null, d.path("line").asInt(),
                    d.path("column").asInt(), d.get("message").asText()));
        }
        List<Fingerprints.Dependency> inputs = new ArrayList<>();
        for (JsonNode d : n.path("inputs")) {
            inputs.add(new Fingerprints.Dependency(d.get("path").asText(), d.get("digest").asText()));
        }
        return new Entry(n.get("source").asText(), n.get("output").asText(), n.get("fingerprint").asText(),
                n.get("size").asLong(), n.get("modified").asLong(), ds, inputs);
    }

    /** Saves the state and drops the journal, which the state now includes. */
    void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("plugin", PluginVersion.VERSION);
        ObjectNode all = root.putObject("entries");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            entryInto(all.putObject(e.getKey()), e.getValue());
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.deleteIfExists(Journal.fileFor(file));
    }

    static void entryInto(ObjectNode n, Entry v) {
        n.put("source", v.source());
        n.put("output", v.output());
        n.put("fingerprint", v.fingerprint());
        n.put("size", v.size());
        n.put("modified", v.modified());
        ArrayNode ds = n.putArray("diagnostics");
        for (Diagnostic d : v.diagnostics()) {
            ObjectNode o = ds.addObject();
            o.put("severity", d.severity().name());
            o.put("code", d.code());
            if (d.path() != null) {
                o.put("path", d.path());
            }
            o.put("line", d.line());
            o.put("column", d.column());
            o.put("message", d.message());
        }
        ArrayNode in = n.putArray("inputs");
        for (Fingerprints.Dependency d : v.inputs()) {
            in.addObject().put("path", d.path()).put("digest", d.digest());
        }
    }

    /**
     * The write-ahead log of a running build: one JSON line per event, appended and flushed to
     * the operating system at once, so that it survives the build being killed (a power loss
     * is not guarded against: {@code target/} is rebuilt by {@code mvn clean} anyway).
     */
    static final class Journal implements AutoCloseable {
        private final java.io.OutputStream out;

        private Journal(java.io.OutputStream out) {
            this.out = out;
        }

        static Path fileFor(Path stateFile) {
            return stateFile.resolveSibling(stateFile.getFileName() + ".journal");
        }

        /** Opens the journal of {@code stateFile} for appending. */
        static Journal open(Path stateFile) throws IOException {
            Path file = fileFor(stateFile);
            Files.createDirectories(file.getParent());
            return new Journal(Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND));
        }

        /** Records an entry (a claim or a finished output); a later line for the key wins. */
        synchronized void record(String key, Entry entry) throws IOException {
            ObjectNode line = JSON.createObjectNode();
            line.put("format", FORMAT);
            line.put("key", key);
            entryInto(line.putObject("entry"), entry);
            byte[] bytes = JSON.writeValueAsBytes(line);
            byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            withNewline[bytes.length] = '\n';
            out.write(withNewline); // one write per line: no interleaving between threads
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }

        /** Applies the complete lines of a journal to {@code entries}; a torn last line is ignored. */
        static void replay(Path file, Map<String, Entry> entries) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                return; // none (the normal case) or unreadable
            }
            for (String l : lines) {
                try {
                    JsonNode n = JSON.readTree(l);
                    if (n != null && n.path("format").asInt() == FORMAT && n.hasNonNull("key")) {
                        entries.put(n.get("key").asText(), entryFrom(n.get("entry")));
                    }
                } catch (IOException | RuntimeException e) {
                    // a line torn by the kill: what it claimed was not written yet either
                }
            }
        }
    }
}
