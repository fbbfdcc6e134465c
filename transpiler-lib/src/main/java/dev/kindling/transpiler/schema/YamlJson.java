/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.yaml.GoYaml;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YNode.YAlias;
import dev.kindling.transpiler.yaml.YNode.YMap;
import dev.kindling.transpiler.yaml.YNode.YScalar;
import dev.kindling.transpiler.yaml.YNode.YSeq;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a YAML tree into the JSON tree a schema validator checks. Scalars are resolved the way
 * Butane's YAML reader resolves them (YAML 1.1 octals such as {@code 0644}, {@code !!binary}
 * decoded to text); a merge key {@code <<} stays an ordinary key, which is also how Butane's
 * unused-key check sees it.
 */
public final class YamlJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Alias expansion can multiply a document; past this many nodes the conversion stops. */
    private static final int MAX_EXPANDED_NODES = 1_000_000;

    private final boolean asWritten;
    private int nodes;

    private YamlJson(boolean asWritten) {
        this.asWritten = asWritten;
    }

    /**
     * The document as data: aliases expanded, every item kept. This is what an editor's schema
     * validator sees.
     *
     * @throws IllegalArgumentException when alias expansion exceeds a million nodes
     */
    public static JsonNode resolved(YNode root) {
        return root == null ? F.nullNode() : new YamlJson(false).convert(root);
    }

    /**
     * The document as Butane's unused-key check sees it, for {@link InputValidator}: mappings as
     * written, an alias as a null (Butane does not look through aliases there), and in each
     * sequence only as many items as Butane decodes (it drops null items and then matches the
     * remaining ones to the written items by index, so the items past that count are nulls).
     * Only the structure matters there, so every scalar is a null too.
     */
    public static JsonNode asWritten(YNode root) {
        return root == null ? F.nullNode() : new YamlJson(true).convert(root);
    }

    /** A container made but not filled yet, and the YAML node (no alias) to fill it from. */
    private record Pending(YNode from, JsonNode into, Via via) {
    }

    /**
     * The anchored nodes entered through aliases on the way to a node. An alias back into one of
     * them (an alias inside its own anchor: a recursive value) becomes a null, which bounds the
     * expansion of a recursive value.
     */
    private record Via(YNode target, Via up) {
        static boolean contains(Via v, YNode n) {
            for (Via c = v; c != null; c = c.up) {
                if (c.target == n) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Converts without recursion (documents may nest ten thousand levels deep, also below keys
     * the decoder never looks at): containers are attached first and filled from a work list.
     */
    private JsonNode convert(YNode top) {
        Deque<Pending> work = new ArrayDeque<>();
        JsonNode result = shallow(top, work, null);
        while (!work.isEmpty()) {
            Pending p = work.pop();
            if (p.from() instanceof YMap m) {
                ObjectNode o = (ObjectNode) p.into();
                for (YNode.Entry e : m.entries()) {
                    String key = e.keyText();
                    if (!o.has(key)) {
                        o.set(key, shallow(e.value(), work, p.via()));
                    }
                }
            } else {
                YSeq s = (YSeq) p.from();
                ArrayNode a = (ArrayNode) p.into();
                int kept = s.items().size();
                if (asWritten) {
                    kept = 0;
                    for (YNode item : s.items()) {
                        if (!isNull(item)) {
                            kept++;
                        }
                    }
                }
                for (int i = 0; i < s.items().size(); i++) {
                    a.add(i < kept ? shallow(s.items().get(i), work, p.via()) : F.nullNode());
                }
            }
        }
        return result;
    }

    /** A scalar's value, or an empty container queued to be filled. */
    private JsonNode shallow(YNode n, Deque<Pending> work, Via via) {
        if (++nodes > MAX_EXPANDED_NODES) {
            throw new IllegalArgumentException("the document expands to more than " + MAX_EXPANDED_NODES + " nodes");
        }
        YNode t = n;
        if (n instanceof YAlias a) {
            if (asWritten) {
                return F.nullNode();
            }
            t = a.target();
            while (t instanceof YAlias inner) {
                t = inner.target();
            }
            if (Via.contains(via, t)) {
                return F.nullNode();
            }
            via = new Via(t, via);
        }
        if (t instanceof YMap) {
            ObjectNode o = F.objectNode();
            work.push(new Pending(t, o, via));
            return o;
        }
        if (t instanceof YSeq) {
            ArrayNode a = F.arrayNode();
            work.push(new Pending(t, a, via));
            return a;
        }
        // the unused-key check only needs the structure: its scalars stay unresolved
        return asWritten ? F.nullNode() : scalar((YScalar) t);
    }

    private static boolean isNull(YNode n) {
        YNode t = n instanceof YAlias a ? a.target() : n;
        if (!(t instanceof YScalar s)) {
            return false;
        }
        try {
            return GoYaml.resolve(s).type() == GoYaml.Type.NULL;
        } catch (GoYaml.TagMismatch e) {
            return false;
        }
    }

    /**
     * The {line, column} of a path in the document (a trailing {@link Path.Key} designates the
     * key token), following aliases; a path that is not there is shortened until it is. Null for
     * an empty document.
     */
    public static int[] locate(YNode root, Path path) {
        if (root == null) {
            return null;
        }
        YNode best = root;
        YNode cur = root;
        for (int i = 0; i < path.size(); i++) {
            YNode n = cur instanceof YAlias a ? a.target() : cur;
            Object e = path.get(i);
            YNode next = null;
            if (e instanceof Path.Key k && n instanceof YMap m) {
                for (YNode.Entry en : m.entries()) {
                    if (en.keyText().equals(k.name())) {
                        return new int[] {en.key().line(), en.key().column()};
                    }
                }
            } else if (e instanceof String name && n instanceof YMap m) {
                for (YNode.Entry en : m.entries()) {
                    if (en.keyText().equals(name)) {
                        next = en.value();
                        break;
                    }
                }
            } else if (e instanceof Integer idx && n instanceof YSeq seq && idx >= 0 && idx < seq.items().size()) {
                next = seq.items().get(idx);
            }
            if (next == null) {
                break;
            }
            cur = next;
            best = next;
        }
        return new int[] {best.line(), best.column()};
    }

    /** A scalar as Butane's YAML reader resolves it. */
    static JsonNode scalar(YScalar s) {
        GoYaml.Resolved r;
        try {
            r = GoYaml.resolve(s);
        } catch (GoYaml.TagMismatch e) {
            return F.textNode(s.value());
        }
        return switch (r.type()) {
            case NULL -> F.nullNode();
            case BOOL -> F.booleanNode((Boolean) r.value());
            case INT -> r.value() instanceof Long l ? F.numberNode(l) : F.numberNode((BigInteger) r.value());
            case FLOAT -> F.numberNode((Double) r.value());
            case BINARY -> {
                byte[] raw = GoYaml.decodeBinary(s.value());
                yield F.textNode(raw == null ? s.value() : StrValue.goText(raw));
            }
            default -> F.textNode(s.value());
        };
    }
}
