/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Runs every case of the recorded Butane conformance corpus in-process and judges it the way
 * {@code check.py} does: same exit status, same output document (data URLs compared by the bytes
 * they deliver; MachineConfig YAML compared as parsed data) and the same set of (severity, path,
 * line, column) diagnostics. Messages are not compared.
 *
 * <p>Cases listed in {@code conformance/known-failures.txt} are expected to fail and are reported
 * as skipped; one that passes fails the build so that the list only ever shrinks.
 *
 * <p>System properties: {@code conformance.filter} runs only cases whose path contains the text;
 * {@code conformance.ignoreKnown=true} runs listed cases as ordinary ones. After a run, the
 * names of all failing cases are in {@code target/conformance-failing.txt}.
 */
class ConformanceTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/conformance");
    private static final Path CASES = ROOT.resolve("cases");
    private static final Path KNOWN = ROOT.resolve("known-failures.txt");
    private static final Pattern DIAG = Pattern.compile(
            "^(warning|error) at (\\$\\S*?)(?:, line (\\d+) col (\\d+))?: (.*)$", Pattern.UNICODE_CHARACTER_CLASS);

    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger KNOWN_FAILED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger EXACT = new AtomicInteger();
    private static final Set<String> FAILING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        Set<String> known = knownFailures();
        List<String> cases = findCases();
        if (cases.isEmpty()) {
            fail("no conformance cases under " + CASES.toAbsolutePath());
        }
        Set<String> stale = new LinkedHashSet<>(known);
        cases.forEach(stale::remove);
        if (!stale.isEmpty()) {
            fail("remove " + String.join(", ", stale) + " from known-failures.txt (no such case)");
        }
        String filter = System.getProperty("conformance.filter");
        boolean ignoreKnown = Boolean.getBoolean("conformance.ignoreKnown");
        return cases.stream()
                .filter(c -> filter == null || filter.isEmpty() || c.contains(filter))
                .map(c -> DynamicTest.dynamicTest(c, () -> check(c, !ignoreKnown && known.contains(c))));
    }

    /**
     * Prints a summary and writes the names of all failing cases to
     * {@code target/conformance-failing.txt}, ready to become known-failures.txt.
     */
    @AfterAll
    static void summary() throws IOException {
        int total = PASSED.get() + KNOWN_FAILED.get() + FAILED.get();
        if (total > 0) {
            Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
            Files.createDirectories(target);
            Files.write(target.resolve("conformance-failing.txt"),
                    FAILING.stream().sorted().collect(Collectors.toList()), StandardCharsets.UTF_8);
            System.out.printf("conformance: %d/%d cases pass (%d byte-identical), %d known failures, %d unexpected"
                    + " failures%n", PASSED.get(), total, EXACT.get(), KNOWN_FAILED.get(), FAILED.get());
        }
    }

    private static void check(String name, boolean knownFailure) throws Exception {
        CaseResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(name));
        List<String> problems = result.problems();
        if (!problems.isEmpty()) {
            FAILING.add(name);
        }
        if (knownFailure) {
            if (problems.isEmpty()) {
                FAILED.incrementAndGet();
                fail("case " + name + " passes now: remove " + name + " from known-failures.txt");
            }
            KNOWN_FAILED.incrementAndGet();
            Assumptions.abort("known failure: " + String.join("; ", problems));
        }
        if (!problems.isEmpty()) {
            FAILED.incrementAndGet();
            fail(name + ": " + String.join("; ", problems));
        }
        PASSED.incrementAndGet();
        if (result.exact()) {
            EXACT.incrementAndGet();
        }
    }

    /** How one case went: its problems (none when it passes), and whether stdout was byte-identical. */
    record CaseResult(List<String> problems, boolean exact) {
    }

    /** Runs one case. */
    static CaseResult run(String name) throws IOException {
        Path bu = CASES.resolve(name + ".bu");
        Path folder = bu.getParent();
        String base = bu.getFileName().toString();
        base = base.substring(0, base.length() - 3);
        TranspileOptions.Builder options = TranspileOptions.builder().sourceName(base + ".bu");
        boolean strict = false;
        Optional<String> args = readString(folder.resolve(base + ".args"));
        for (String a : args.orElse("").trim().split("\\s+")) {
            switch (a) {
                case "" -> { }
                case "--pretty", "-p" -> options.pretty(true);
                case "--raw", "-r" -> options.raw(true);
                case "--strict", "-s" -> {
                    strict = true;
                    options.strict(true);
                }
                default -> throw new IllegalArgumentException(name + ".args: unsupported argument " + a);
            }
        }
        Path filesDir = folder.resolve(base + ".d");
        if (Files.isDirectory(filesDir)) {
            options.filesDir(filesDir.toAbsolutePath());
        }
        int wantRc = Integer.parseInt(readString(folder.resolve(base + ".rc")).orElseThrow().trim());
        byte[] wantOut = Files.exists(folder.resolve(base + ".stdout"))
                ? Files.readAllBytes(folder.resolve(base + ".stdout")) : new byte[0];
        String wantErr = readString(folder.resolve(base + ".stderr")).orElse("");

        TranspileResult r = Transpiler.create().transpile(Files.readAllBytes(bu), options.build());

        // what `kindling [args] --raw-errors NAME.bu` prints, as the CLI would
        StringBuilder gotErr = new StringBuilder();
        r.diagnostics().forEach(d -> gotErr.append(d.toRawString()).append('\n'));
        byte[] gotOut = new byte[0];
        int gotRc;
        if (!r.success()) {
            String why = r.fatal().map(Diagnostic::message).orElseGet(() -> r.failureMessage().orElse(""));
            gotErr.append("Error translating config: ").append(why).append('\n');
            gotRc = 1;
        } else if (strict && !r.diagnostics().isEmpty()) {
            gotErr.append("Config produced warnings and --strict was specified\n");
            gotRc = 1;
        } else {
            byte[] doc = r.output().orElseThrow();
            gotOut = new byte[doc.length + 1];
            System.arraycopy(doc, 0, gotOut, 0, doc.length);
            gotOut[doc.length] = '\n';
            gotRc = 0;
        }

        List<String> problems = new ArrayList<>();
        if (gotRc != wantRc) {
            problems.add("exit status " + gotRc + ", expected " + wantRc);
        }
        boolean exact = java.util.Arrays.equals(gotOut, wantOut);
        if (!exact && (wantOut.length > 0 || gotOut.length > 0) && !parseDoc(gotOut).equals(parseDoc(wantOut))) {
            problems.add("output differs: got " + abbreviate(new String(gotOut, StandardCharsets.UTF_8)));
        }
        List<List<Object>> wantD = diagnostics(wantErr);
        List<List<Object>> gotD = diagnostics(gotErr.toString());
        if (!wantD.equals(gotD)) {
            List<List<Object>> missing = wantD.stream().filter(d -> !gotD.contains(d)).collect(Collectors.toList());
            List<List<Object>> extra = gotD.stream().filter(d -> !wantD.contains(d)).collect(Collectors.toList());
            problems.add("diagnostics differ: missing " + missing + " extra " + extra);
        }
        if (!problems.isEmpty() && gotErr.length() > 0) {
            problems.add("stderr: " + abbreviate(gotErr.toString()));
        }
        return new CaseResult(problems, exact);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 600 ? t.substring(0, 600) + "…" : t;
    }

    // ---------------------------------------------------------------- corpus files

    /** Case names (path below cases/ without .bu), skipping the NAME.d input folders. */
    static List<String> findCases() throws IOException {
        if (!Files.isDirectory(CASES)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(CASES)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".bu") && Files.isRegularFile(p))
                    .filter(p -> {
                        for (Path part : CASES.relativize(p).getParent() == null ? List.<Path>of()
                                : CASES.relativize(p).getParent()) {
                            if (part.toString().endsWith(".d")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .map(p -> {
                        String rel = CASES.relativize(p).toString().replace('\\', '/');
                        return rel.substring(0, rel.length() - 3);
                    })
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static Set<String> knownFailures() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (!Files.exists(KNOWN)) {
            return out;
        }
        for (String line : Files.readAllLines(KNOWN, StandardCharsets.UTF_8)) {
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (s.startsWith("cases/")) {
                s = s.substring("cases/".length());
            }
            if (s.endsWith(".bu")) {
                s = s.substring(0, s.length() - 3);
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static Optional<String> readString(Path p) throws IOException {
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- diagnostics (check.py's rules)

    /** The sorted (severity, path, line, column) tuples found in stderr text. */
    static List<List<Object>> diagnostics(String stderr) {
        List<List<Object>> found = new ArrayList<>();
        for (String line : pySplitLines(stderr)) {
            Matcher m = DIAG.matcher(pyStrip(line));
            if (m.matches()) {
                found.add(java.util.Arrays.asList(m.group(1), m.group(2),
                        m.group(3) == null ? null : Integer.parseInt(m.group(3)),
                        m.group(4) == null ? null : Integer.parseInt(m.group(4))));
            }
        }
        found.sort((a, b) -> a.toString().compareTo(b.toString()));
        return found;
    }

    /** Python's str.splitlines(). */
    static List<String> pySplitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85
                    || c == 0x2028 || c == 0x2029) {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** Python's str.strip() with no arguments. */
    static String pyStrip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && pySpace(s.charAt(b))) {
            b++;
        }
        while (e > b && pySpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean pySpace(char c) {
        return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    // ---------------------------------------------------------------- documents (check.py's rules)

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** A document as check.py compares it: its kind (json, yaml, text) and its normalised content. */
    static List<Object> parseDoc(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            return java.util.Arrays.asList("json", normalize(fromJson(JSON.readTree(text))));
        } catch (IOException | RuntimeException e) {
            // not JSON
        }
        try {
            return java.util.Arrays.asList("yaml", normalize(loadYaml(text)));
        } catch (RuntimeException e) {
            // not YAML either
        }
        return java.util.Arrays.asList("text", text);
    }

    private static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), fromJson(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(fromJson(x)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return number(n.bigIntegerValue());
        }
        if (n.isNumber()) {
            return number(n.doubleValue());
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    /** Numbers compare by value, so 1 (int) equals 1.0 (float) as in Python; NaN stays unequal. */
    private static Object number(Object v) {
        if (v instanceof BigInteger i) {
            return new BigDecimal(i).stripTrailingZeros();
        }
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d)) {
            return new Object(); // equal to nothing, like float('nan')
        }
        if (Double.isInfinite(d)) {
            return d;
        }
        return BigDecimal.valueOf(d).stripTrailingZeros();
    }

    @SuppressWarnings("unchecked")
    private static Object normalize(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalize(v)));
            Object src = map.get("source");
            if (src instanceof String s && s.startsWith("data:")) {
                Object compression = map.get("compression");
                String payload = dataUrlPayload(s, compression);
                if (payload != null) {
                    out.put("source", payload);
                    out.remove("compression");
                }
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            ((List<Object>) list).forEach(v -> out.add(normalize(v)));
            return out;
        }
        return node;
    }

    /** sha256 of what a data URL delivers after decoding and gunzip, or null when undecodable. */
    static String dataUrlPayload(String url, Object compression) {
        try {
            String rest = url.substring(5);
            int comma = rest.indexOf(',');
            String meta = comma < 0 ? rest : rest.substring(0, comma);
            String body = comma < 0 ? "" : rest.substring(comma + 1);
            byte[] raw;
            if (meta.endsWith(";base64")) {
                raw = pyB64Decode(body);
            } else {
                raw = unquoteToBytes(body);
            }
            if ("gzip".equals(compression)) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    raw = in.readAllBytes();
                }
            }
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (IOException | IllegalArgumentException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Python's base64.b64decode without validation: non-alphabet characters are dropped. */
    private static byte[] pyB64Decode(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=') {
                sb.append(c);
            }
        }
        String s = sb.toString();
        int pad = s.indexOf('=');
        String data = pad < 0 ? s : s.substring(0, pad);
        if (data.length() % 4 == 1) {
            throw new IllegalArgumentException("invalid base64 length");
        }
        int needed = (4 - data.length() % 4) % 4;
        if (pad >= 0 ? s.length() - pad < needed : needed > 0) {
            throw new IllegalArgumentException("incorrect padding");
        }
        return Base64.getDecoder().decode(data + "=".repeat(needed));
    }

    /** Python's urllib.parse.unquote_to_bytes. */
    private static byte[] unquoteToBytes(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    // ---------------------------------------------------------------- YAML 1.1 like PyYAML's safe_load

    private static final Tag PLAIN = new Tag("tag:kindling.dev,2025:plain");
    private static final Pattern Y_BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern Y_FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern Y_INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern Y_NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern Y_TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private static Object loadYaml(String text) {
        Schema core = new CoreSchema();
        Map<Tag, ConstructNode> constructors = new HashMap<>(core.getSchemaTagConstructors());
        constructors.put(PLAIN, node -> plainScalar(((ScalarNode) node).getValue()));
        ScalarResolver resolver = (value, implicit) -> implicit ? PLAIN : Tag.STR;
        Schema schema = new Schema() {
            @Override
            public ScalarResolver getScalarResolver() {
                return resolver;
            }

            @Override
            public Map<Tag, ConstructNode> getSchemaTagConstructors() {
                return constructors;
            }
        };
        LoadSettings settings = LoadSettings.builder().setSchema(schema).setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(Integer.MAX_VALUE).build();
        return new Load(settings).loadFromString(text);
    }

    /** A plain scalar resolved by PyYAML's YAML 1.1 rules. */
    private static Object plainScalar(String v) {
        if (Y_NULL.matcher(v).matches()) {
            return null;
        }
        if (Y_BOOL.matcher(v).matches()) {
            return switch (v.charAt(0)) {
                case 'y', 'Y', 't', 'T' -> true;
                case 'o', 'O' -> v.length() == 2;
                default -> false;
            };
        }
        if (Y_INT.matcher(v).matches()) {
            return number(yamlInt(v.replace("_", "")));
        }
        if (Y_FLOAT.matcher(v).matches()) {
            return number(yamlFloat(v.replace("_", "").toLowerCase(java.util.Locale.ROOT)));
        }
        if (Y_TIMESTAMP.matcher(v).matches()) {
            return "timestamp:" + v;
        }
        if (v.equals("=")) {
            throw new IllegalStateException("PyYAML's safe_load cannot construct a value tag");
        }
        return v;
    }

    private static BigInteger yamlInt(String v) {
        int sign = 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            sign = v.charAt(0) == '-' ? -1 : 1;
            v = v.substring(1);
        }
        BigInteger r;
        if (v.equals("0")) {
            r = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            r = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            r = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            r = new BigInteger(v.substring(1), 8);
        } else if (v.contains(":")) {
            r = BigInteger.ZERO;
            for (String part : v.split(":")) {
                r = r.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            r = new BigInteger(v);
        }
        return sign < 0 ? r.negate() : r;
    }

    private static Double yamlFloat(String v) {
        double sign = 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            sign = v.charAt(0) == '-' ? -1 : 1;
            v = v.substring(1);
        }
        if (v.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (v.equals(".nan")) {
            return Double.NaN;
        }
        if (v.contains(":")) {
            double r = 0;
            for (String part : v.split(":")) {
                r = r * 60 + Double.parseDouble(part);
            }
            return sign * r;
        }
        return sign * Double.parseDouble(v);
    }
}
