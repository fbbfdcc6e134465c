package dev.kindling.transpiler.engine;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Value;
import java.util.Map;
import java.util.Set;

/**
 * Brings an Ignition 3.0.0 output tree up to the shape of 3.1.0 and later, as Ignition's own
 * translation does before it merges configs of different versions: spec 3.0's three reference
 * types (config, CA and file contents references) became the one {@code Resource} type in 3.1.
 * Nothing else changed shape between the 3.x versions, so later configs need no translation.
 */
final class Upgrade {
    private static final Set<String> RESOURCE_BEFORE_3_1 = Set.of("ConfigReference", "CaReference", "FileContents");

    private Upgrade() {
    }

    /** Rewrites, in place, every 3.0-only reference object below {@code config} as a Resource. */
    static void fromV30(ObjValue config) {
        for (Map.Entry<String, Value> e : config.fields().entrySet()) {
            e.setValue(upgraded(e.getValue()));
        }
    }

    private static Value upgraded(Value v) {
        if (v instanceof ObjValue o) {
            fromV30(o);
            if (RESOURCE_BEFORE_3_1.contains(o.type())) {
                ObjValue r = new ObjValue("Resource").withOrigin(o.origin());
                o.fields().forEach(r::put);
                return r;
            }
        } else if (v instanceof ListValue l) {
            l.items().replaceAll(Upgrade::upgraded);
        }
        return v;
    }
}
