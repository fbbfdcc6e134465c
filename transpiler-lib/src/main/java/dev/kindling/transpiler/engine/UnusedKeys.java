/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.schema.InputValidator;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Warns about keys the spec version does not have (typos, fields of newer versions, fields of
 * other variants). Which keys are unknown is decided by validating the YAML against the spec's
 * generated JSON Schema ({@link InputValidator}, networknt): each {@code additionalProperties}
 * failure is an unknown key.
 *
 * <p>Where and in which order they are reported follows Butane, which needs the engine's own
 * walk: Butane walks the decoded config and looks each object up in the YAML as written, so an
 * object written as an alias or a null gets one "does not match" warning instead and nothing
 * below it is checked; a merge key {@code <<} is itself an unknown key; and list items are
 * matched by their decoded index (null items dropped). The schema is validated against the
 * document as that walk sees it ({@code YamlJson.asWritten}), and a test checks on the whole
 * corpus that the schema's verdicts equal the type table's.
 */
final class UnusedKeys {
    private final Locator locator;
    private final Report report;
    private final Map<Path, Set<String>> unknown;

    private UnusedKeys(Locator locator, Report report, Map<Path, Set<String>> unknown) {
        this.locator = locator;
        this.report = report;
        this.unknown = unknown;
    }

    static void check(ObjValue config, SpecVersion spec, YNode root, Locator locator, Report report) {
        UnusedKeys u = new UnusedKeys(locator, report, InputValidator.unknownKeys(root, spec));
        SchemaWalk.walk(config, spec, (obj, type, path) -> u.checkObject(type, path));
    }

    private void checkObject(TypeDef type, Path path) {
        YNode node = locator.find(path);
        if (node == null) {
            return;
        }
        if (!(node instanceof YMap m)) {
            report.warning(path, "context-mismatch", "the value at " + path
                    + " is not written as a mapping (an alias or a null?); positions may be inexact"
                    + " and unknown keys below it are not reported");
            return;
        }
        Set<String> keys = unknown.getOrDefault(path, Set.of());
        if (keys.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (YNode.Entry e : m.entries()) {
            String key = e.keyText();
            if (seen.add(key) && keys.contains(key)) {
                report.warning(path.append(new Path.Key(key)), "unused-key", "unused key " + key);
            }
        }
    }
}
