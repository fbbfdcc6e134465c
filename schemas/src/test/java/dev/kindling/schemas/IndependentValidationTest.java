/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.schemas;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.JsonValue;
import com.github.erosb.jsonsKema.Schema;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.schema.YamlJson;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges the committed schemas with a validator that the library does not use (json-sKema, a
 * draft 2020-12 implementation independent of networknt; the draft-07 keywords the schemas use
 * mean the same there, and {@code $ref}s to {@code #/definitions/...} are plain JSON pointers)
 * against what the real Butane did on the conformance corpus:
 *
 * <ul>
 *   <li>every input Butane accepted without a warning is valid against its spec's schema;</li>
 *   <li>every input for which Butane warned about an unused key is invalid;</li>
 *   <li>every config Butane wrote is valid against its Ignition version's schema (for a
 *       MachineConfig, its {@code spec.config});</li>
 *   <li>every example of the repository is valid, and so is every config the engine writes for
 *       the corpus and the examples.</li>
 * </ul>
 *
 * <p>YAML is read as Butane reads it (YAML 1.1 scalars, {@code !!binary} decoded, merge keys as
 * plain keys) with the library's YAML loader, aliases expanded.
 */
class IndependentValidationTest {
    private static final Path REPO = SchemaFilesTest.MODULE.resolve("..").normalize();
    private static final Path CASES = REPO.resolve("transpiler-lib/src/test/resources/conformance/cases");
    private static final Path EXAMPLES = REPO.resolve("examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern WARNING = java.util.regex.Pattern.compile("(?m)^\\s*warning");
    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

    // ---- the corpus's inputs and Butane's outputs -----------------------------------------------

    @TestFactory
    Stream<DynamicTest> inputsButaneAcceptsWithoutWarningsAreValid() throws IOException {
        return cases().stream().filter(c -> c.rc() == 0 && !WARNING.matcher(c.stderr()).find())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    JsonNode doc = readYaml(c.input());
                    if (holdsFloat(doc)) {
                        return; // see holdsFloat
                    }
                    Optional<String> failure = validateInput(doc);
                    if (failure.isPresent()) {
                        fail(c.name() + ": Butane accepts it without warnings, but " + failure.get());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> inputsWithUnusedKeysAreInvalid() throws IOException {
        List<Case> withUnused = cases().stream().filter(c -> c.stderr().contains("unused key"))
                .collect(Collectors.toList());
        if (withUnused.size() < 10) {
            fail("expected the corpus to have unused-key cases, found " + withUnused.size());
        }
        return withUnused.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            JsonNode doc = readYaml(c.input());
            if (hasInlineIgnitionConfig(doc) || deeperThan(doc, 500)) {
                // the unused key may be inside an inline Ignition config (a JSON string the schema
                // cannot look into); inputs 10,000 levels deep are beyond this validator's reach
                // (the engine's own corpus tests cover both)
                return;
            }
            Optional<String> failure = validateInput(doc);
            if (failure.isEmpty()) {
                fail(c.name() + ": Butane reports an unused key, but the schema accepts the config");
            }
            // an unknown key, or a field of other versions (refused by name through patternProperties)
            if (!failure.get().contains("false schema") && !failure.get().contains("additionalProperties")
                    && !failure.get().matches("(?s).*Schema pointer: \\S*/patternProperties/[^/\\s]*/not\\s.*")) {
                fail(c.name() + ": rejected, but not for an unknown key: " + failure.get());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> outputsOfButaneAreValidIgnition() throws IOException {
        return cases().stream().filter(c -> c.rc() == 0 && c.stdout().length > 0)
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> checkOutput(c.name() + " (Butane's output)",
                        c.stdout())));
    }

    // ---- the engine's outputs and the examples ---------------------------------------------------

    @TestFactory
    Stream<DynamicTest> outputsOfTheEngineAreValidIgnition() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            TranspileResult r = Transpiler.create().transpile(Files.readAllBytes(c.input()), c.options());
            if (r.success()) {
                checkOutput(c.name() + " (engine's output)", r.output().orElseThrow());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> examplesAreValid() throws IOException {
        List<Path> examples;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            examples = walk.filter(p -> p.toString().endsWith(".bu")).sorted().collect(Collectors.toList());
        }
        if (examples.isEmpty()) {
            fail("no examples under " + EXAMPLES);
        }
        // the files of a fleet have $[[...]] references: they are transpiled as the hosts they make up
        List<dev.kindling.transpiler.fleet.Inventory> fleets = new ArrayList<>();
        java.util.Set<Path> fleetFiles = new java.util.HashSet<>();
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            for (Path f : walk.filter(p -> p.getFileName().toString().equals("fleet.yaml")).toList()) {
                try {
                    var inv = dev.kindling.transpiler.fleet.Inventory.load(f, f.toString(), env -> "example-secret");
                    fleets.add(inv);
                    inv.hosts().forEach(h -> fleetFiles.addAll(h.sources()));
                } catch (dev.kindling.transpiler.fleet.InventoryException e) {
                    fail(e.toString());
                }
            }
        }
        Stream<DynamicTest> hosts = fleets.stream().flatMap(inv -> inv.hosts().stream().map(h ->
                DynamicTest.dynamicTest(EXAMPLES.relativize(inv.folder()) + " host " + h.name(), () -> {
                    List<dev.kindling.transpiler.Source> sources = new ArrayList<>();
                    for (Path p : h.sources()) {
                        sources.add(new dev.kindling.transpiler.Source(p.toString(), Files.readAllBytes(p)));
                    }
                    TranspileResult r = Transpiler.create().compose(sources, TranspileOptions.builder()
                            .filesDir(inv.filesDir().orElse(inv.folder())).variables(h.variables()).build());
                    if (!r.success() || !r.diagnostics().isEmpty()) {
                        fail("host " + h.name() + ": " + r.allDiagnostics());
                    }
                    checkOutput("host " + h.name() + " (engine's output)", r.output().orElseThrow());
                })));
        return Stream.concat(hosts, examples.stream().map(p -> DynamicTest.dynamicTest(EXAMPLES.relativize(p).toString(), () -> {
            String name = p.getFileName().toString();
            JsonNode doc = readYaml(p);
            Optional<String> failure = validateInput(doc);
            if (fleetFiles.contains(p.toAbsolutePath().normalize())) {
                // structure and values as written (a reference is text); the hosts are checked above
                if (failure.isPresent()) {
                    fail(name + ": " + failure.get());
                }
                return;
            }
            TranspileResult r = Transpiler.create().transpile(Files.readAllBytes(p),
                    TranspileOptions.builder().filesDir(filesDir(p)).build());
            if (name.equals("bad.bu")) {
                // the example of diagnostics: it is meant to be wrong, so the schema must say so too
                if (failure.isEmpty()) {
                    fail(name + ": meant to be invalid, but the schema accepts it");
                }
                return;
            }
            if (failure.isPresent()) {
                fail(name + ": " + failure.get());
            }
            if (!r.success()) {
                fail(name + " does not transpile: " + r.failureMessage().orElse(""));
            }
            checkOutput(name + " (engine's output)", r.output().orElseThrow());
        })));
    }

    // ---- the schemas refuse what Butane or Ignition refuse ----------------------------------------------

    @TestFactory
    Stream<DynamicTest> refusedValuesAreInvalid() {
        String fcos = "variant: fcos\nversion: 1.6.0\n";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("unknown key", fcos + "storage: {filez: []}\n");
        bad.put("field of a newer version", "variant: fcos\nversion: 1.4.0\nsystemd: {units: [{name: a.service,"
                + " contents_local: a}]}\n");
        bad.put("field of another variant", fcos + "metadata: {name: a}\n");
        bad.put("relative path", fcos + "storage: {files: [{path: etc/motd}]}\n");
        bad.put("missing path", fcos + "storage: {files: [{mode: 0644}]}\n");
        bad.put("mode above 07777", fcos + "storage: {files: [{path: /a, mode: 0100000}]}\n");
        bad.put("inline and source", fcos + "storage: {files: [{path: /a, contents: {inline: a, source: 'data:,'}}]}\n");
        bad.put("unknown format", fcos + "storage: {filesystems: [{device: /dev/sda, format: ntfs}]}\n");
        bad.put("none before Ignition 3.3", "variant: fcos\nversion: 1.3.0\nstorage: {filesystems: [{device: /dev/a,"
                + " format: none}]}\n");
        bad.put("bad hash", fcos + "storage: {files: [{path: /a, contents: {source: 'http://x', verification:"
                + " {hash: md5-00}}}]}\n");
        bad.put("unit suffix", fcos + "systemd: {units: [{name: backup}]}\n");
        bad.put("s390x layout before fcos 1.6", "variant: fcos\nversion: 1.5.0\nboot_device: {layout: s390x-eckd}\n");
        bad.put("one mirror device", fcos + "boot_device: {mirror: {devices: [/dev/sda]}}\n");
        bad.put("id and name", fcos + "storage: {files: [{path: /a, user: {id: 1, name: core}}]}\n");
        bad.put("r4e disks", "variant: r4e\nversion: 1.1.0\nstorage: {disks: [{device: /dev/a}]}\n");
        bad.put("openshift without metadata", "variant: openshift\nversion: 4.18.0\n");
        bad.put("openshift btrfs", "variant: openshift\nversion: 4.18.0\nmetadata: {name: a, labels:"
                + " {machineconfiguration.openshift.io/role: worker}}\nstorage: {filesystems: [{device: /dev/a,"
                + " format: btrfs}]}\n");
        bad.put("boolean word", fcos + "systemd: {units: [{name: a.service, enabled: maybe}]}\n");
        return bad.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode doc = readYaml(e.getValue().getBytes(StandardCharsets.UTF_8));
            if (validateInput(doc).isEmpty()) {
                fail(e.getKey() + ": the schema accepts\n" + e.getValue());
            }
        }));
    }

    @org.junit.jupiter.api.Test
    void aSchemaPinsItsVariantAndVersion() throws IOException {
        JsonNode doc = readYaml("variant: fcos\nversion: 1.6.0\n".getBytes(StandardCharsets.UTF_8));
        if (validate(SchemaFilesTest.MODULE.resolve("butane/fcos-1.6.0.json"), doc).isPresent()) {
            fail("the minimal config is refused by its own schema");
        }
        for (String other : List.of("butane/fcos-1.5.0.json", "butane/flatcar-1.1.0.json")) {
            if (validate(SchemaFilesTest.MODULE.resolve(other), doc).isEmpty()) {
                fail("fcos 1.6.0 is accepted by " + other);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void everySchemaIsAValidDraft07Schema() throws IOException {
        // json-sKema only knows draft 2020-12; the draft-07 meta-schema check uses networknt's copy of it
        com.networknt.schema.JsonSchema meta = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        if (meta.validate(JSON.readTree("{\"type\": 5, \"required\": \"a\"}")).isEmpty()) {
            fail("the meta-schema accepts a broken schema: the check would prove nothing");
        }
        List<Path> files = new ArrayList<>(List.of(SchemaFilesTest.MODULE.resolve("butane.json")));
        try (Stream<Path> list = Stream.concat(Files.list(SchemaFilesTest.MODULE.resolve("butane")),
                Files.list(SchemaFilesTest.MODULE.resolve("ignition")))) {
            list.sorted().forEach(files::add);
        }
        for (Path f : files) {
            JsonNode schema = JSON.readTree(f.toFile());
            if (!schema.path("$schema").asText().equals("http://json-schema.org/draft-07/schema#")) {
                fail(f.getFileName() + " does not declare draft-07");
            }
            var problems = meta.validate(schema);
            if (!problems.isEmpty()) {
                fail(f.getFileName() + " is not a valid draft-07 schema: " + problems);
            }
        }
    }

    // ---- the umbrella schema ------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> theUmbrellaSchemaAcceptsWhatEachSpecSchemaAccepts() throws IOException {
        return cases().stream().filter(c -> c.rc() == 0 && !WARNING.matcher(c.stderr()).find())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    JsonNode doc = readYaml(c.input());
                    if (holdsFloat(doc)) {
                        return; // see holdsFloat
                    }
                    Optional<String> failure = validateWithUmbrella(doc);
                    if (failure.isPresent()) {
                        fail(c.name() + ": its spec's schema accepts it, the umbrella schema does not: "
                                + failure.get());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> theUmbrellaSchemaAppliesTheDocumentsOwnSpec() {
        Map<String, Boolean> docs = new java.util.LinkedHashMap<>();
        String tree = "storage: {trees: [{local: t, file_mode: 0644}]}\n";
        docs.put("variant: fcos\nversion: 1.7.0\n" + tree, true);
        docs.put("variant: fcos\nversion: 1.6.0\n" + tree, false);
        docs.put("variant: openshift\nversion: 4.18.0\nmetadata: {name: a, labels:"
                + " {machineconfiguration.openshift.io/role: worker}}\n", true);
        docs.put("variant: openshift\nversion: 4.18.0\n", false);
        docs.put("variant: fcos\nversion: 1.6.0\nmetadata: {name: a}\n", false);
        docs.put("variant: fcos\nversion: 9.9.9\n", false);
        docs.put("variant: fcos\nversion: 4.18.0\n", false);
        docs.put("variant: nosuch\nversion: 1.0.0\n", false);
        docs.put("version: 1.6.0\n", false);
        docs.put("variant: r4e\nversion: 1.1.0\nstorage: {disks: [{device: /dev/a}]}\n", false);
        return docs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().replace("\n", "; "), () -> {
            Optional<String> failure = validateWithUmbrella(readYaml(e.getKey().getBytes(StandardCharsets.UTF_8)));
            if (e.getValue() && failure.isPresent()) {
                fail("refused: " + failure.get());
            }
            if (!e.getValue() && failure.isEmpty()) {
                fail("accepted");
            }
        }));
    }

    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema";

    /**
     * Where json-sKema gets what a schema refers to, without the network: the draft-07
     * meta-schema (which it reads for the vocabularies) from networknt's jar, our own schemas
     * (which the umbrella schema refers to) from this module.
     */
    private static final com.github.erosb.jsonsKema.SchemaLoaderConfig OFFLINE =
            new com.github.erosb.jsonsKema.SchemaLoaderConfig(uri -> {
                String id = uri.toString();
                if (id.equals(DRAFT_07) || id.equals(DRAFT_07 + "#")) {
                    return IndependentValidationTest.class.getResourceAsStream("/draft-07/schema");
                }
                String base = dev.kindling.transpiler.schema.SchemaGenerator.BASE_URI;
                if (!id.startsWith(base)) {
                    throw new IllegalArgumentException("a schema refers to something outside the schemas: " + uri);
                }
                try {
                    return Files.newInputStream(SchemaFilesTest.MODULE.resolve(id.substring(base.length())));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

    /** The umbrella schema, its references to the specs' schemas read from this module, not the web. */
    private static Optional<String> validateWithUmbrella(JsonNode doc) {
        Validator v = VALIDATORS.computeIfAbsent("umbrella", k -> {
            Path file = SchemaFilesTest.MODULE.resolve("butane.json");
            try {
                JsonValue json = new JsonParser(Files.readString(file), file.toUri()).parse();
                return Validator.forSchema(new SchemaLoader(json, OFFLINE).load());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            JsonValue instance = new JsonParser(JSON.writeValueAsString(doc), URI.create("urn:kindling:instance"))
                    .parse();
            ValidationFailure failure = v.validate(instance);
            return failure == null ? Optional.empty() : Optional.of(failure.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> refusedIgnitionConfigsAreInvalid() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("3.4.0.json", "{\"ignition\":{\"version\":\"3.5.0\"}}");
        bad.put("3.0.0.json", "{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":[{\"path\":\"/a\","
                + "\"contents\":{\"inline\":\"x\"}}]}}");
        bad.put("3.2.0.json", "{\"ignition\":{\"version\":\"3.2.0\"},\"storage\":{\"files\":[{\"path\":\"/a\","
                + "\"size_mib\":1}]}}");
        bad.put("3.5.0.json", "{\"ignition\":{\"version\":\"3.5.0\"},\"kernel_arguments\":{}}");
        bad.put("3.6.0.json", "{}");
        return bad.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " " + e.getValue(), () -> {
            Path schema = SchemaFilesTest.MODULE.resolve("ignition/" + e.getKey());
            if (validate(schema, JSON.readTree(e.getValue())).isEmpty()) {
                fail("the Ignition schema accepts " + e.getValue());
            }
        }));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** An example's files directory: the nearest folder called files beside it or above it. */
    private static Path filesDir(Path example) {
        for (Path dir = example.getParent(); dir != null && dir.startsWith(EXAMPLES); dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("files"))) {
                return dir.resolve("files");
            }
        }
        return example.getParent();
    }

    private static boolean hasInlineIgnitionConfig(JsonNode doc) {
        JsonNode config = doc.path("ignition").path("config");
        if (config.path("replace").has("inline")) {
            return true;
        }
        for (JsonNode m : config.path("merge")) {
            if (m.has("inline")) {
                return true;
            }
        }
        return false;
    }

    /** Iterative, as the documents in question are too deep for recursion. */
    /**
     * Whether the document holds a YAML float. Butane's YAML library puts a float into an
     * integer field (truncated; 2^63 as the smallest int64, see the fidelity case
     * plus-uint64-is-a-float), but the schemas ask for an integer there on purpose: an editor
     * should flag {@code uid: 1.5}. Such inputs are left to the engine's corpus tests.
     */
    private static boolean holdsFloat(JsonNode doc) {
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>();
        todo.push(doc);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isFloatingPointNumber()) {
                return true;
            }
            for (JsonNode child : n) {
                todo.push(child);
            }
        }
        return false;
    }

    private static boolean deeperThan(JsonNode doc, int limit) {
        java.util.ArrayDeque<Map.Entry<JsonNode, Integer>> todo = new java.util.ArrayDeque<>();
        todo.push(Map.entry(doc, 1));
        while (!todo.isEmpty()) {
            Map.Entry<JsonNode, Integer> e = todo.pop();
            if (e.getValue() > limit) {
                return true;
            }
            for (JsonNode child : e.getKey()) {
                todo.push(Map.entry(child, e.getValue() + 1));
            }
        }
        return false;
    }

    /** Validates a Butane config against the schema of the spec it names. */
    private static Optional<String> validateInput(JsonNode doc) throws IOException {
        String variant = doc.path("variant").asText("");
        String version = doc.path("version").asText("");
        Path schema = SchemaFilesTest.MODULE.resolve("butane/" + variant + "-" + version + ".json");
        if (!Files.exists(schema)) {
            return Optional.of("there is no schema for " + variant + " " + version);
        }
        return validate(schema, doc);
    }

    /** Validates a config Butane or the engine wrote against its Ignition version's schema. */
    private static void checkOutput(String what, byte[] output) throws IOException {
        String text = new String(output, StandardCharsets.UTF_8);
        JsonNode doc;
        try {
            doc = JSON.readTree(text);
        } catch (IOException e) {
            // a MachineConfig: the Ignition config is its spec.config
            doc = readYaml(text.getBytes(StandardCharsets.UTF_8)).path("spec").path("config");
        }
        String version = doc.path("ignition").path("version").asText("");
        Path schema = SchemaFilesTest.MODULE.resolve("ignition/" + version + ".json");
        assertNotNull(version, what);
        if (!Files.exists(schema)) {
            fail(what + ": no Ignition schema for version \"" + version + "\"");
        }
        Optional<String> failure = validate(schema, doc);
        if (failure.isPresent()) {
            fail(what + " is not a valid Ignition " + version + " config: " + failure.get());
        }
    }

    private static Optional<String> validate(Path schemaFile, JsonNode doc) throws IOException {
        Validator v = VALIDATORS.computeIfAbsent(schemaFile.toString(), k -> {
            try {
                String text = Files.readString(schemaFile, StandardCharsets.UTF_8);
                JsonValue json = new JsonParser(text, schemaFile.toUri()).parse();
                Schema schema = new SchemaLoader(json, OFFLINE).load();
                return Validator.forSchema(schema);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        JsonValue instance = new JsonParser(JSON.writeValueAsString(doc), URI.create("urn:kindling:instance")).parse();
        ValidationFailure failure = v.validate(instance);
        return failure == null ? Optional.empty() : Optional.of(describe(failure));
    }

    /** The failure and each of its innermost causes (keyword, schema pointer, instance pointer). */
    private static String describe(ValidationFailure failure) {
        StringBuilder sb = new StringBuilder(failure.toString());
        for (ValidationFailure leaf : failure.flatten()) {
            sb.append("\n  ").append(leaf.toString().replace("\n", "\n    "));
        }
        return sb.toString();
    }

    private static JsonNode readYaml(Path file) throws IOException {
        return readYaml(Files.readAllBytes(file));
    }

    private static JsonNode readYaml(byte[] bytes) {
        try {
            YNode root = new YamlLoader(YamlLimits.DEFAULT).load(bytes);
            return YamlJson.resolved(root);
        } catch (Exception e) {
            throw new AssertionError("not YAML that Butane reads: " + e.getMessage(), e);
        }
    }

    // ---- the corpus ------------------------------------------------------------------------------

    /** One recorded Butane run. */
    record Case(String name, Path input, int rc, String stderr, byte[] stdout, TranspileOptions options) {
    }

    private static List<Case> corpus;

    static synchronized List<Case> cases() throws IOException {
        if (corpus != null) {
            return corpus;
        }
        if (!Files.isDirectory(CASES)) {
            fail("no conformance corpus at " + CASES);
        }
        List<Case> out = new ArrayList<>();
        List<Path> inputs;
        try (Stream<Path> walk = Files.walk(CASES)) {
            inputs = walk.filter(p -> p.getFileName().toString().endsWith(".bu") && Files.isRegularFile(p))
                    .filter(p -> CASES.relativize(p).getParent() == null
                            || !CASES.relativize(p).getParent().toString().contains(".d"))
                    .sorted().collect(Collectors.toList());
        }
        for (Path bu : inputs) {
            String rel = CASES.relativize(bu).toString().replace('\\', '/');
            String name = rel.substring(0, rel.length() - 3);
            Path dir = bu.getParent();
            String base = bu.getFileName().toString().replaceAll("\\.bu$", "");
            int rc = Integer.parseInt(Files.readString(dir.resolve(base + ".rc")).trim());
            String stderr = read(dir.resolve(base + ".stderr"));
            Path out1 = dir.resolve(base + ".stdout");
            byte[] stdout = Files.exists(out1) ? Files.readAllBytes(out1) : new byte[0];
            TranspileOptions.Builder options = TranspileOptions.builder();
            for (String a : read(dir.resolve(base + ".args")).trim().split("\\s+")) {
                switch (a) {
                    case "--pretty", "-p" -> options.pretty(true);
                    case "--raw", "-r" -> options.raw(true);
                    case "--strict", "-s" -> options.strict(true);
                    default -> {
                    }
                }
            }
            Path filesDir = dir.resolve(base + ".d");
            if (Files.isDirectory(filesDir)) {
                options.filesDir(filesDir.toAbsolutePath());
            }
            out.add(new Case(name, bu, rc, stderr, stdout, options.build()));
        }
        corpus = out;
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }
}
