/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kindling.transpiler.Source;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code compose([A, B])} against Ignition's own merge: every file in
 * {@code compose-differential/} holds a pair of conformance cases (base A, snippet B) and what
 * {@code ignmerge A.ign B.ign} made of the real Butane's outputs for them, recorded by
 * {@code src/test/differential/ignmerge.py record}.
 *
 * <p>ignmerge translates both configs to Ignition's newest spec before merging, so Kindling's
 * result (at A's version) is compared after the same translation: below 3.6.0 the special mode
 * bits of files and directories are cleared, and a 3.4.0 tang server loses its advertisement, as
 * Ignition's translations do. Both documents are then compared without {@code ignition.version},
 * without empty objects, lists and nulls (Go writes the newest spec's empty structs), and with
 * data URLs compared by the bytes they deliver. A pair whose merge Ignition rejects must fail to
 * compose, unless that is only a newer spec's verdict on configs Kindling writes at an older one
 * (the {@code mergeFails} flag; how it is decided is explained in {@code ignmerge.py}).
 */
class CompositionDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CASES = Path.of("src/test/resources/conformance/cases");
    private static final Path GOLDEN = Path.of("src/test/resources/compose-differential");
    private static final Transpiler T = Transpiler.create();

    @TestFactory
    Stream<DynamicTest> composeAgreesWithIgnmerge() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(GOLDEN)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(100);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path golden) throws Exception {
        JsonNode g = JSON.readTree(golden.toFile());
        String a = g.get("base").asText();
        String b = g.get("snippet").asText();
        Path filesDir = null;
        for (String c : List.of(a, b)) {
            if (Files.isDirectory(CASES.resolve(c + ".d"))) {
                filesDir = CASES.resolve(c + ".d");
            }
        }
        TranspileOptions options = TranspileOptions.builder().filesDir(filesDir).raw(g.get("raw").asBoolean()).build();
        TranspileResult r = T.compose(List.of(source(a), source(b)), options);
        String pair = a + " + " + b;
        if (g.get("mergeFails").asBoolean()) {
            assertThat(r.success()).as(pair + ": Ignition rejects this merge").isFalse();
            return;
        }
        assertThat(r.success()).as(pair + ": " + r.allDiagnostics()).isTrue();
        JsonNode ours = JSON.readTree(r.output().orElseThrow());
        assertThat(normalize(translateUp(ours))).as(pair).isEqualTo(normalize(g.get("ignmerge")));
    }

    private static Source source(String name) throws IOException {
        return new Source(name + ".bu", Files.readAllBytes(CASES.resolve(name + ".bu")));
    }

    /** Ignition's translations of an older config to the newest spec, where they change something. */
    static JsonNode translateUp(JsonNode doc) {
        String version = doc.path("ignition").path("version").asText();
        int minor = version.startsWith("3.") ? Character.digit(version.charAt(2), 10) : 7;
        JsonNode storage = doc.path("storage");
        if (minor < 6) {
            for (String kind : List.of("files", "directories")) {
                for (JsonNode node : storage.path(kind)) {
                    if (node.get("mode") != null && node.get("mode").isInt()) {
                        ((ObjectNode) node).set("mode", IntNode.valueOf(node.get("mode").asInt() & ~07000));
                    }
                }
            }
        }
        if (minor == 4) {
            for (JsonNode luks : storage.path("luks")) {
                for (JsonNode tang : luks.path("clevis").path("tang")) {
                    ((ObjectNode) tang).remove("advertisement");
                }
            }
        }
        return doc;
    }

    /** The comparable form of a config (see the class comment); null for what counts as absent. */
    static JsonNode normalize(JsonNode v) throws Exception {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            JsonNode src = v.get("source");
            String digest = src != null && src.isTextual() && src.asText().startsWith("data:")
                    ? contentDigest(src.asText(), v.path("compression").asText()) : null;
            boolean dataUrl = digest != null;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (dataUrl && e.getKey().equals("compression")) {
                    continue;
                }
                JsonNode x = dataUrl && e.getKey().equals("source")
                        ? TextNode.valueOf(digest)
                        : normalize(e.getValue());
                if (x != null && !(x.isContainerNode() && x.isEmpty())) {
                    out.set(e.getKey(), x);
                }
            }
            if (out.get("ignition") instanceof ObjectNode ign) {
                ign.remove("version");
                if (ign.isEmpty()) {
                    out.remove("ignition");
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode x : v) {
                out.add(normalize(x));
            }
            return out;
        }
        return v;
    }

    private static String contentDigest(String url, String compression) throws Exception {
        int comma = url.indexOf(',');
        String head = url.substring(5, comma);
        String data = url.substring(comma + 1);
        byte[] bytes = head.endsWith(";base64") ? Base64.getDecoder().decode(data) : percentDecoded(data);
        if (compression.equals("gzip")) {
            try {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            } catch (IOException e) {
                return null; // not gzip after all: merging can pair a source with another's compression
            }
        }
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Percent-decoding of a data URL's payload ({@code +} stays a plus sign). */
    private static byte[] percentDecoded(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

}
