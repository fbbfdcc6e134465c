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
 * What the last build of one {@code transpile} execution wrote: for each output, the
 * fingerprint of what it was made from, the output's size and time (to notice that it was
 * deleted or replaced) and the warnings it had (shown again when it is up to date). Stored as
 * JSON under {@code target/kindling/}; a missing or unreadable file means a full build.
 */
final class BuildState {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One output.
     *
     * @param source the config, relative to the project's base folder
     * @param output the output file, relative to the project's base folder
     */
    record Entry(String source, String output, String fingerprint, long size, long modified,
            List<Diagnostic> diagnostics) {
        Entry {
            diagnostics = List.copyOf(diagnostics);
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

    static BuildState load(Path file) {
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
                JsonNode n = e.getValue();
                List<Diagnostic> ds = new ArrayList<>();
                for (JsonNode d : n.path("diagnostics")) {
                    ds.add(new Diagnostic(Severity.valueOf(d.get("severity").asText()), d.get("code").asText(),
                            d.hasNonNull("path") ? d.get("path").asText() : null, d.path("line").asInt(),
                            d.path("column").asInt(), d.get("message").asText()));
                }
                entries.put(e.getKey(), new Entry(n.get("source").asText(), n.get("output").asText(),
                        n.get("fingerprint").asText(), n.get("size").asLong(), n.get("modified").asLong(), ds));
            }
        } catch (RuntimeException e) {
            return empty();
        }
        return new BuildState(entries);
    }

    void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("plugin", PluginVersion.VERSION);
        ObjectNode all = root.putObject("entries");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            ObjectNode n = all.putObject(e.getKey());
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
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
