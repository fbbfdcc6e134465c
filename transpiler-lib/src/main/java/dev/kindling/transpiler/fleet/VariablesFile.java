/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fleet;

import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Variables written in YAML, as in a {@code --vars} file or the {@code variables:} of a fleet
 * inventory: a mapping from name to value. A value is a scalar, taken as written
 * ({@code port: 8080} is the text {@code 8080}), or {@code {env: ENVVAR}}: a secret read from an
 * environment variable, never shown in any diagnostic.
 */
public final class VariablesFile {
    private VariablesFile() {
    }

    /**
     * Reads a variables file.
     *
     * @param name the file's name for messages
     * @param env the environment that {@code {env: ...}} values are read from
     */
    public static Variables parse(byte[] yaml, String name, Function<String, String> env) throws InventoryException {
        YamlTree tree = new YamlTree(name);
        YNode root = tree.load(yaml);
        return root == null ? Variables.empty() : read(tree, root, "the variables file", env);
    }

    static Variables read(YamlTree tree, YNode node, String what, Function<String, String> env)
            throws InventoryException {
        Variables.Builder b = Variables.builder();
        for (Map.Entry<String, YNode> e : tree.map(node, what, null).entrySet()) {
            String var = e.getKey();
            YNode keyNode = tree.keyNode(node, var);
            if (!Variables.isValidName(var)) {
                throw tree.error(keyNode, "invalid variable name \"" + var
                        + "\": use letters, digits, '_', '.' and '-', starting with a letter or '_'");
            }
            YNode value = e.getValue();
            if (value instanceof YScalar s) {
                if (s.plain() && (s.value().isEmpty() || s.value().equals("~") || s.value().equals("null"))) {
                    throw tree.error(value, "variable " + var + " has no value (write \"\" for an empty text)");
                }
                b.put(var, s.value());
            } else {
                Map<String, YNode> ref = tree.map(value, "the value of variable " + var
                        + " (a text, or {env: ENVVAR} for a secret)", Set.of("env"));
                YNode envNode = ref.get("env");
                if (envNode == null) {
                    throw tree.error(value, "variable " + var + ": a secret is written {env: ENVVAR}");
                }
                String envVar = tree.string(envNode, "env");
                String secret = env.apply(envVar);
                if (secret == null) {
                    throw tree.error(envNode, "variable " + var + ": the environment variable " + envVar
                            + " is not set");
                }
                b.putSecret(var, secret);
            }
        }
        return b.build();
    }
}
