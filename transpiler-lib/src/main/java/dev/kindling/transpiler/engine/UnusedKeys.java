package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Warns about keys the spec version does not have (typos, fields of newer versions, fields of
 * other variants). Walks the decoded config and looks each object up in the YAML as written; a
 * place where the YAML has no mapping (an alias, a null) gets one "does not match" warning
 * instead, as in Butane.
 */
final class UnusedKeys {
    private final SpecVersion spec;
    private final Locator locator;
    private final Report report;

    private UnusedKeys(SpecVersion spec, Locator locator, Report report) {
        this.spec = spec;
        this.locator = locator;
        this.report = report;
    }

    static void check(ObjValue config, SpecVersion spec, Locator locator, Report report) {
        UnusedKeys u = new UnusedKeys(spec, locator, report);
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
        Set<String> seen = new LinkedHashSet<>();
        for (YNode.Entry e : m.entries()) {
            String key = e.keyText();
            if (seen.add(key) && type.field(key, spec) == null) {
                report.warning(path.append(new Path.Key(key)), "unused-key", "unused key " + key);
            }
        }
    }
}
