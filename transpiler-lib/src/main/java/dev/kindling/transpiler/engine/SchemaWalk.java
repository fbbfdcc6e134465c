/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.List;

/**
 * Visits the objects of a decoded Butane config depth-first in field order, the way Butane's
 * validation walks its structs: every object-typed field is visited whether it was written or
 * not (then with a null object), except one Go holds by a pointer, which is visited only when
 * present; list items in order.
 */
final class SchemaWalk {
    interface Visitor {
        /** @param obj the object, or null where the config has none */
        void visit(ObjValue obj, TypeDef type, Path path);
    }

    private SchemaWalk() {
    }

    static void walk(ObjValue config, SpecVersion spec, Visitor visitor) {
        walk(config, ButaneSchema.type("Config"), Path.ROOT, spec, visitor);
    }

    private static void walk(ObjValue obj, TypeDef type, Path path, SpecVersion spec, Visitor visitor) {
        visitor.visit(obj, type, path);
        List<FieldDef> fields = type.fields(spec);
        for (int i = 0; i < fields.size(); i++) {
            FieldDef f = fields.get(i);
            Value v = obj == null ? null : obj.get(f.name());
            if (f.kind() == Kind.OBJECT) {
                if (f.pointer() && !(v instanceof ObjValue)) {
                    continue; // Go does not walk into a nil pointer
                }
                walk(v instanceof ObjValue o ? o : null, ButaneSchema.type(f.ref()), path.append(f.name()), spec, visitor);
            } else if (f.kind() == Kind.LIST && f.ref() != null && v instanceof ListValue l) {
                TypeDef itemType = ButaneSchema.type(f.ref());
                for (int j = 0; j < l.size(); j++) {
                    walk((ObjValue) l.items().get(j), itemType, path.append(f.name(), j), spec, visitor);
                }
            }
        }
    }
}
