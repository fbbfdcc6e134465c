/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a generated Ignition config the way Butane has Ignition check it before writing it out:
 * first duplicate keys across the whole tree, then the semantic rules of the target spec version.
 *
 * <p>Both passes walk the config depth-first in Ignition's field order and check each object
 * before its children, so problems come out in the order Butane prints them. Every problem is
 * reported at its output path (camelCase names, e.g. {@code $.storage.files.0.path}), even when
 * that field is absent from the config.
 */
public final class IgnitionValidator {
    private IgnitionValidator() {
    }

    /**
     * Validates {@code config} (an output config of type "Config") against Ignition 3.{@code ignitionMinor}
     * (0 = 3.0.0 … 7 = 3.7.0-experimental), reporting every problem to {@code reporter}: duplicates
     * first (whole tree), then the semantic rules, as Butane checks the config it generated.
     */
    public static void validate(ObjValue config, int ignitionMinor, Reporter reporter) {
        checkMinor(ignitionMinor);
        duplicatePass(config, ignitionMinor, reporter);
        semanticPass(config, ignitionMinor, reporter);
    }

    /**
     * Like {@link #validate} but in the order Ignition uses when it validates a config on its own
     * (what Butane runs on an inline merge/replace config): semantic rules first, then duplicates.
     * Unused-key warnings, which Ignition appends after both, are the caller's.
     */
    public static void validateStandalone(ObjValue config, int ignitionMinor, Reporter reporter) {
        checkMinor(ignitionMinor);
        semanticPass(config, ignitionMinor, reporter);
        duplicatePass(config, ignitionMinor, reporter);
    }

    private static void checkMinor(int ignitionMinor) {
        if (ignitionMinor < 0 || ignitionMinor > 7) {
            throw new IllegalArgumentException("unsupported Ignition minor version " + ignitionMinor);
        }
    }

    private static void duplicatePass(ObjValue config, int minor, Reporter reporter) {
        walk(Shape.CONFIG, config, Path.ROOT, minor, new Visitor() {
            @Override
            public void visit(Shape shape, ObjValue obj, Path path) {
                duplicates(shape, obj, path, minor, reporter);
            }
        });
    }

    private static void semanticPass(ObjValue config, int minor, Reporter reporter) {
        SemanticRules rules = new SemanticRules(minor, reporter);
        walk(Shape.CONFIG, config, Path.ROOT, minor, new Visitor() {
            @Override
            public void visit(Shape shape, ObjValue obj, Path path) {
                rules.check(shape, obj, path);
            }
        });
    }

    // Visitors are classes, not lambdas: every transpile runs both passes, and a cold JVM pays
    // about a millisecond for each lambda it links (the plain transpile path links none).

    @FunctionalInterface
    interface Visitor {
        void visit(Shape shape, ObjValue obj, Path path);
    }

    /** Visits {@code obj}, then its children in field order; absent objects hold nothing to report except the version. */
    static void walk(Shape shape, ObjValue obj, Path path, int minor, Visitor visitor) {
        visitor.visit(shape, obj, path);
        for (Shape.Child child : shape.children(minor)) {
            if (child.shape() == null) {
                continue;
            }
            if (child.list()) {
                List<Value> items = obj.items(child.name());
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof ObjValue item) {
                        walk(child.shape(), item, path.append(child.name(), i), minor, visitor);
                    }
                }
            } else {
                ObjValue c = obj.obj(child.name());
                if (c == null && child.shape() == Shape.IGNITION) {
                    c = new ObjValue("Ignition"); // always validated: its version is required
                }
                if (c != null) {
                    walk(child.shape(), c, path.append(child.name()), minor, visitor);
                }
            }
        }
    }

    /** Reports each later list item whose key was already used in the same key space of this object. */
    private static void duplicates(Shape shape, ObjValue obj, Path path, int minor, Reporter reporter) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Shape.Child child : shape.children(minor)) {
            if (!child.list() || !child.checkDuplicates()) {
                continue;
            }
            ListValue list = obj.list(child.name());
            if (list == null) {
                continue;
            }
            Set<String> keys = seen.get(child.namespace());
            if (keys == null) {
                keys = new HashSet<>();
                seen.put(child.namespace(), keys);
            }
            for (int i = 0; i < list.size(); i++) {
                String key = key(child.shape(), list.items().get(i));
                if (!keys.add(key)) {
                    reporter.error(path.append(child.name(), i), IgnitionCodes.DUPLICATE,
                            "duplicate entry: an earlier item already uses the key \"" + key + "\"");
                }
            }
        }
    }

    /** The identity of a list item for duplicate detection. */
    static String key(Shape shape, Value item) {
        if (shape == null) {
            return item instanceof StrValue s ? s.value() : String.valueOf(item);
        }
        if (!(item instanceof ObjValue o)) {
            return "";
        }
        return switch (shape) {
            case RESOURCE, CONFIG_REFERENCE, CA_REFERENCE, FILE_CONTENTS -> o.strOrEmpty("source");
            case DIRECTORY, FILE, LINK -> o.strOrEmpty("path");
            case DISK, FILESYSTEM -> o.strOrEmpty("device");
            case TANG -> o.strOrEmpty("url");
            case PARTITION -> {
                Long number = o.integer("number");
                if (number != null && number != 0) {
                    yield "number:" + number;
                }
                String label = o.str("label");
                yield label != null ? "label:" + label : "";
            }
            default -> o.strOrEmpty("name");
        };
    }
}
