/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.decompile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kindling.transpiler.decompile.JNode.JArr;
import dev.kindling.transpiler.decompile.JNode.JBool;
import dev.kindling.transpiler.decompile.JNode.JNull;
import dev.kindling.transpiler.decompile.JNode.JNum;
import dev.kindling.transpiler.decompile.JNode.JObj;
import dev.kindling.transpiler.decompile.JNode.JStr;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the decompiler's input into {@link JNode}s with positions: Ignition JSON (with
 * Jackson's streaming parser), or, when the text does not start with a brace, a YAML document
 * such as an OpenShift MachineConfig (with snakeyaml-engine's composer). Both are bounded: the
 * same 32 MiB size limit as Butane configs, and limited nesting.
 */
final class InputReader {
    static final int MAX_BYTES = 32 << 20;
    /** Ignition configs are a few levels deep; this bounds the recursion of reading and comparing. */
    private static final int MAX_DEPTH = 1_000;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_BYTES)
                    .maxNumberLength(1000)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();
    private static final Pattern YAML_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    /** The input cannot be read; line and column are 0 when unknown. */
    static final class BadInput extends Exception {
        final int line;
        final int column;

        BadInput(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** The document and whether it was YAML. */
    record Read(JNode root, boolean yaml) {
    }

    private InputReader() {
    }

    static Read read(byte[] input) throws BadInput {
        if (input.length > MAX_BYTES) {
            throw new BadInput("input is larger than " + (MAX_BYTES >> 20) + " MiB", 0, 0);
        }
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new BadInput("the input is empty", 0, 0);
        }
        if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
            return new Read(json(text), false);
        }
        return new Read(yaml(text), true);
    }

    // ---------------------------------------------------------------------------------------
    // JSON

    static JNode json(String text) throws BadInput {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInput("the input is empty", 0, 0);
            }
            JNode root = value(p, t);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new BadInput("unexpected data after the JSON document", l.getLineNr(), l.getColumnNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new BadInput("invalid JSON: " + e.getOriginalMessage(), l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr());
        } catch (IOException e) {
            throw new BadInput("cannot read the input: " + e.getMessage(), 0, 0);
        }
    }

    private static JNode value(JsonParser p, JsonToken t) throws IOException, BadInput {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, JNode> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    JNode v = value(p, p.nextToken());
                    if (m.containsKey(name)) {
                        throw new BadInput("duplicate key \"" + name + "\"", kl.getLineNr(), kl.getColumnNr());
                    }
                    m.put(name, v);
                }
                return new JObj(m, line, col);
            }
            case START_ARRAY: {
                List<JNode> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(value(p, e));
                }
                return new JArr(l, line, col);
            }
            case VALUE_STRING:
                return new JStr(p.getText(), line, col);
            case VALUE_NUMBER_INT:
                return new JNum(p.getText(), true, line, col);
            case VALUE_NUMBER_FLOAT:
                return new JNum(p.getText(), false, line, col);
            case VALUE_TRUE:
                return new JBool(true, line, col);
            case VALUE_FALSE:
                return new JBool(false, line, col);
            case VALUE_NULL:
                return new JNull(line, col);
            default:
                throw new BadInput("unexpected JSON token " + t, line, col);
        }
    }

    // ---------------------------------------------------------------------------------------
    // YAML (a MachineConfig as Butane writes it: plain YAML 1.2 core types)

    static JNode yaml(String text) throws BadInput {
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(MAX_BYTES)
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeReader(new StringReader(text));
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(null);
            throw new BadInput("invalid YAML: " + e.getProblem(), m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1);
        } catch (YamlEngineException e) {
            throw new BadInput("invalid YAML: " + e.getMessage(), 0, 0);
        }
        if (node.isEmpty()) {
            throw new BadInput("the input is empty", 0, 0);
        }
        return convert(node.get(), 0);
    }

    private static JNode convert(Node n, int depth) throws BadInput {
        Mark m = n.getStartMark().orElse(null);
        int line = m == null ? 0 : m.getLine() + 1;
        int col = m == null ? 0 : m.getColumn() + 1;
        if (depth > MAX_DEPTH) {
            throw new BadInput("the input is nested too deeply", line, col);
        }
        if (n instanceof MappingNode map) {
            LinkedHashMap<String, JNode> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new BadInput("a mapping key must be a string", line, col);
                }
                fields.put(key.getValue(), convert(t.getValueNode(), depth + 1));
            }
            return new JObj(fields, line, col);
        }
        if (n instanceof SequenceNode seq) {
            List<JNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new JArr(items, line, col);
        }
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return new JStr(v, line, col);
        }
        if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
            return new JNull(line, col);
        }
        if (v.equals("true") || v.equals("True") || v.equals("TRUE")) {
            return new JBool(true, line, col);
        }
        if (v.equals("false") || v.equals("False") || v.equals("FALSE")) {
            return new JBool(false, line, col);
        }
        if (YAML_INT.matcher(v).matches()) {
            return new JNum(v, true, line, col);
        }
        if (YAML_FLOAT.matcher(v).matches()) {
            return new JNum(v, false, line, col);
        }
        return new JStr(v, line, col);
    }
}
