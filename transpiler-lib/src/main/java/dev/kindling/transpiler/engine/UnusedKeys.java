package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
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
        new UnusedKeys(spec, locator, report).walkStruct(config, ButaneSchema.type("Config"), Path.ROOT);
    }

    private void walkStruct(ObjValue obj, TypeDef type, Path path) {
        YNode node = locator.find(path);
        if (node != null) {
            if (!(node instanceof YMap m)) {
                report.warning(path, "context-mismatch", "the value at " + path
                        + " is not written as a mapping (an alias or a null?); positions may be inexact"
                        + " and unknown keys below it are not reported");
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (YNode.Entry e : m.entries()) {
                    String key = e.keyText();
                    if (seen.add(key) && type.field(key, spec) == null) {
                        report.warning(path.append(new Path.Key(key)), "unused-key", "unused key " + key);
                    }
                }
            }
        }
        for (FieldDef f : type.fields(spec)) {
            Value v = obj == null ? null : obj.get(f.name());
            if (f.kind() == Kind.OBJECT) {
                // Go walks every struct field, set or not
                walkStruct(v instanceof ObjValue o ? o : null, ButaneSchema.type(f.ref()), path.append(f.name()));
            } else if (f.kind() == Kind.LIST && f.ref() != null && v instanceof ListValue l) {
                TypeDef et = ButaneSchema.type(f.ref());
                for (int i = 0; i < l.size(); i++) {
                    walkStruct((ObjValue) l.items().get(i), et, path.append(f.name(), i));
                }
            }
        }
    }
}
