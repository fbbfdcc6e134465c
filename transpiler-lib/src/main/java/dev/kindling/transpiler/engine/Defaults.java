/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.spec.ButaneSchema;
import dev.kindling.transpiler.spec.FieldDef;
import dev.kindling.transpiler.spec.Kind;
import dev.kindling.transpiler.spec.TypeDef;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.Names;
import dev.kindling.transpiler.tree.NullValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;

/**
 * Adds the fields Ignition always writes even when empty ({@code "path": ""}, {@code "name": ""}),
 * so that validation sees them and the JSON matches Butane's.
 */
final class Defaults {
    private Defaults() {
    }

    static void fill(Value v, int minor) {
        if (v instanceof ObjValue o) {
            TypeDef t = typeOf(o.type());
            if (t != null) {
                for (FieldDef f : t.allFields()) {
                    if (f.alwaysWritten() && !f.butaneOnly() && f.since() <= minor && minor <= f.until()
                            && f.feature() == null) {
                        String name = Names.snakeToCamel(f.name());
                        if (!o.has(name)) {
                            // a plain Go string is written as "", a nil pointer or slice as null
                            boolean plain = f.kind() == Kind.STRING && !f.pointer();
                            Value s = plain ? new StrValue("") : new NullValue();
                            // Butane's translation table has an entry for a plain value it copied
                            // (Go copies the zero value too), but none for a nil pointer or slice:
                            // a problem there is reported at Butane's fallback path (in a
                            // MachineConfig "$.spec.config...", line 1), so a null has no origin
                            if (plain && o.origin() != null) {
                                s.withOrigin(o.origin().append(f.name()));
                            }
                            o.put(name, s);
                        }
                    }
                }
            }
            for (Value c : o.fields().values()) {
                fill(c, minor);
            }
        } else if (v instanceof ListValue l) {
            for (Value c : l.items()) {
                fill(c, minor);
            }
        }
    }

    private static TypeDef typeOf(String name) {
        try {
            return ButaneSchema.type(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
