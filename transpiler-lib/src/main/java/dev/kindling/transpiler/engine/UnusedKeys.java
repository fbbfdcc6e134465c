/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import java.util.HashSet;
import java.util.Set;

/**
 * Warns about keys the spec version does not have (typos, fields of newer versions, fields of
 * other variants). A key is unknown when the spec's type table has no field of that name for
 * the object's type in this spec version ({@link TypeDef#field}). The generated JSON Schema says
 * the same ({@code additionalProperties: false} from the same declarations); a test keeps the two
 * in agreement on the whole corpus. The engine asks the table and not the schema validator
 * because loading and compiling the validator (about 230 classes, networknt and Jackson) cost
 * more than the whole rest of a small one-shot run.
 *
 * <p>Where and in which order they are reported follows Butane, which needs the engine's own
 * walk: Butane walks the decoded config and looks each object up in the YAML as written, so an
 * object written as an alias or a null gets one "does not match" warning instead and nothing
 * below it is checked; a merge key {@code <<} is itself an unknown key; and list items are
 * matched by their decoded index (null items dropped). The schema is validated against the
 * document as that walk sees it ({@code YamlJson.asWritten}) in that test.
 */
final class UnusedKeys {
    private final Locator locator;
    private final Report report;
    private final SpecVersion spec;

    private UnusedKeys(Locator locator, Report report, SpecVersion spec) {
        this.locator = locator;
        this.report = report;
        this.spec = spec;
    }

    static void check(ObjValue config, SpecVersion spec, YNode root, Locator locator, Report report) {
        UnusedKeys u = new UnusedKeys(locator, report, spec);
        // a class, not a lambda: a cold JVM pays about a millisecond for each lambda it links
        SchemaWalk.walk(config, spec, new SchemaWalk.Visitor() {
            @Override
            public void visit(ObjValue obj, TypeDef type, Path path) {
                u.checkObject(type, path);
            }
        });
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
        Set<String> seen = null;
        for (YNode.Entry e : m.entries()) {
            String key = e.keyText();
            if (type.field(key, spec) != null) {
                continue;
            }
            if (seen == null) {
                seen = new HashSet<>();
            }
            if (seen.add(key)) {
                report.warning(path.append(new Path.Key(key)), "unused-key", "unused key " + key);
            }
        }
    }
}
