/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.ignition.ConfigMerge;
import dev.kindling.transpiler.output.JsonWriter;
import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of Ignition's merge, checked on random configs (seeded, so a failure repeats):
 * merging onto or with an empty config changes nothing; a config merged with itself is itself
 * (when it has no concatenated list, which would double); and merging is associative when no
 * key changes list within its key space between the configs (a path from files to links, a
 * kernel argument from shouldExist to shouldNotExist) (with kind changes it is not, in Ignition either: a
 * file replaced by a link and then by a file keeps none of the first file's fields, while the
 * link and second file merged first give the second file, merged with the first).
 */
class MergePropertiesTest {
    private static final int MINOR = 4;
    private static final int RUNS = 400;
    private static final List<String> PATHS = List.of("/etc/a", "/etc/b", "/etc/c", "/var/d", "/var/e", "/opt/f");
    private static final List<String> UNITS = List.of("a.service", "b.service", "c.timer", "d.socket");
    private static final List<String> DROPINS = List.of("10-a.conf", "20-b.conf", "30-c.conf");
    private static final List<String> USERS = List.of("core", "admin", "ops");
    private static final List<String> WORDS = List.of("k1", "k2", "k3", "k4", "quiet", "debug");

    /** Random configs over a small vocabulary, so that keys collide often. */
    static final class Gen {
        private final Random rnd;
        /** The one kind of every path, when kinds must not change between configs. */
        private final Map<String, String> kinds;

        Gen(long seed, boolean fixedKinds) {
            rnd = new Random(seed);
            kinds = fixedKinds ? new HashMap<>() : null;
        }

        ObjValue config(boolean withConcatenated) {
            ObjValue c = new ObjValue("Config");
            c.put("ignition", new ObjValue("Ignition").put("version", new StrValue("3.4.0")));
            if (rnd.nextBoolean()) {
                c.put("storage", storage(withConcatenated));
            }
            if (rnd.nextBoolean()) {
                ObjValue systemd = new ObjValue("Systemd");
                systemd.put("units", list(UNITS, name -> unit(name)));
                c.put("systemd", systemd);
            }
            if (rnd.nextBoolean()) {
                ObjValue passwd = new ObjValue("Passwd");
                passwd.put("users", list(USERS, name -> {
                    ObjValue u = new ObjValue("PasswdUser").put("name", new StrValue(name));
                    maybe(u, "sshAuthorizedKeys", () -> strings());
                    maybe(u, "shell", () -> new StrValue(pick(List.of("/bin/bash", "/bin/zsh"))));
                    return u;
                }));
                c.put("passwd", passwd);
            }
            if (rnd.nextBoolean()) {
                // the two lists share one key space: like a path, a word "changes kind" when it
                // moves from one list to the other
                List<String> exist = new ArrayList<>();
                List<String> notExist = new ArrayList<>();
                for (String w : WORDS) {
                    if (rnd.nextBoolean()) {
                        String list = kinds == null ? pick(List.of("e", "n"))
                                : kinds.computeIfAbsent("karg:" + w, x -> pick(List.of("e", "n")));
                        (list.equals("e") ? exist : notExist).add(w);
                    }
                }
                ObjValue kargs = new ObjValue("KernelArguments");
                kargs.put("shouldExist", strings(exist));
                kargs.put("shouldNotExist", strings(notExist));
                c.put("kernelArguments", kargs);
            }
            return c;
        }

        private ObjValue storage(boolean withConcatenated) {
            ObjValue s = new ObjValue("Storage");
            Map<String, ListValue> lists = new HashMap<>();
            for (String kind : List.of("files", "directories", "links")) {
                lists.put(kind, new ListValue());
            }
            for (String path : PATHS) {
                if (rnd.nextInt(3) == 0) {
                    continue;
                }
                String kind = kinds == null ? pick(List.of("files", "directories", "links"))
                        : kinds.computeIfAbsent(path, p -> pick(List.of("files", "directories", "links")));
                lists.get(kind).add(node(kind, path, withConcatenated));
            }
            lists.forEach((k, l) -> {
                if (l.size() > 0) {
                    s.put(k, l);
                }
            });
            return s;
        }

        private ObjValue node(String kind, String path, boolean withConcatenated) {
            String type = switch (kind) {
                case "files" -> "File";
                case "directories" -> "Directory";
                default -> "Link";
            };
            ObjValue n = new ObjValue(type).put("path", new StrValue(path));
            maybe(n, "overwrite", () -> new BoolValue(rnd.nextBoolean()));
            maybe(n, "user", () -> new ObjValue("NodeUser").put("name", new StrValue(pick(USERS))));
            if (!type.equals("Link")) {
                maybe(n, "mode", () -> new IntValue(pick(List.of(0644L, 0600L, 0755L))));
            } else {
                n.put("target", new StrValue(pick(PATHS) + "-target"));
            }
            if (type.equals("File")) {
                maybe(n, "contents", () -> new ObjValue("Resource").put("source", new StrValue("data:," + pick(WORDS))));
                if (withConcatenated) {
                    maybe(n, "append", () -> new ListValue()
                            .add(new ObjValue("Resource").put("source", new StrValue("data:," + pick(WORDS)))));
                }
            }
            return n;
        }

        private ObjValue unit(String name) {
            ObjValue u = new ObjValue("Unit").put("name", new StrValue(name));
            maybe(u, "enabled", () -> new BoolValue(rnd.nextBoolean()));
            maybe(u, "contents", () -> new StrValue("[Unit]\nDescription=" + pick(WORDS) + "\n"));
            maybe(u, "dropins", () -> list(DROPINS, d -> new ObjValue("Dropin").put("name", new StrValue(d))
                    .put("contents", new StrValue("[Unit]\nX=" + pick(WORDS) + "\n"))));
            return u;
        }

        private ListValue list(List<String> names, java.util.function.Function<String, ObjValue> item) {
            ListValue l = new ListValue();
            for (String n : names) {
                if (rnd.nextBoolean()) {
                    l.add(item.apply(n));
                }
            }
            return l;
        }

        private ListValue strings() {
            List<String> some = new ArrayList<>();
            for (String w : WORDS) {
                if (rnd.nextInt(3) == 0) {
                    some.add(w);
                }
            }
            return strings(some);
        }

        private static ListValue strings(List<String> words) {
            ListValue l = new ListValue();
            words.forEach(w -> l.add(new StrValue(w)));
            return l;
        }

        private void maybe(ObjValue o, String field, java.util.function.Supplier<dev.kindling.transpiler.tree.Value> v) {
            if (rnd.nextBoolean()) {
                o.put(field, v.get());
            }
        }

        private <T> T pick(List<T> from) {
            return from.get(rnd.nextInt(from.size()));
        }
    }

    private static String json(ObjValue c) {
        return new String(JsonWriter.write(c, MINOR, false), StandardCharsets.UTF_8);
    }

    private static ObjValue merge(ObjValue parent, ObjValue child) {
        return ConfigMerge.merge(parent, child, MINOR);
    }

    private static ObjValue empty() {
        return new ObjValue("Config").put("ignition", new ObjValue("Ignition").put("version", new StrValue("3.4.0")));
    }

    @Test
    void anEmptyConfigIsANeutralElement() {
        for (int i = 0; i < RUNS; i++) {
            ObjValue c = new Gen(i, false).config(true);
            assertThat(json(merge(c, empty()))).as("seed %d, empty child", i).isEqualTo(json(c));
            assertThat(json(merge(empty(), c))).as("seed %d, empty parent", i).isEqualTo(json(c));
        }
    }

    @Test
    void aConfigMergedWithItselfIsItself() {
        for (int i = 0; i < RUNS; i++) {
            ObjValue c = new Gen(i, false).config(false);
            assertThat(json(merge(c, c))).as("seed %d", i).isEqualTo(json(c));
        }
    }

    @Test
    void concatenatedListsDoubleWhenAConfigIsMergedWithItself() {
        ObjValue file = new ObjValue("File").put("path", new StrValue("/a")).put("append", new ListValue()
                .add(new ObjValue("Resource").put("source", new StrValue("data:,x"))));
        ObjValue c = empty().put("storage", new ObjValue("Storage").put("files", new ListValue().add(file)));
        assertThat(json(merge(c, c))).contains("\"append\":[{\"source\":\"data:,x\"},{\"source\":\"data:,x\"}]");
    }

    @Test
    void mergingIsAssociativeWhenNoPathChangesKind() {
        for (int i = 0; i < RUNS; i++) {
            Gen g = new Gen(i, true);
            ObjValue a = g.config(true);
            ObjValue b = g.config(true);
            ObjValue c = g.config(true);
            assertThat(json(merge(merge(a, b), c))).as("seed %d", i).isEqualTo(json(merge(a, merge(b, c))));
        }
    }

    @Test
    void withKindChangesItIsNotAssociative() {
        ObjValue a = empty().put("storage", new ObjValue("Storage").put("files", new ListValue()
                .add(new ObjValue("File").put("path", new StrValue("/p")).put("mode", new IntValue(0600)))));
        ObjValue b = empty().put("storage", new ObjValue("Storage").put("links", new ListValue()
                .add(new ObjValue("Link").put("path", new StrValue("/p")).put("target", new StrValue("/t")))));
        ObjValue c = empty().put("storage", new ObjValue("Storage").put("files", new ListValue()
                .add(new ObjValue("File").put("path", new StrValue("/p")))));
        assertThat(json(merge(merge(a, b), c))).doesNotContain("\"mode\"");
        assertThat(json(merge(a, merge(b, c)))).contains("\"mode\":384");
    }

    @Test
    void anHttpHeaderWithoutValueRemovesTheParentsHeader() {
        ObjValue parent = empty().put("ignition", new ObjValue("Ignition").put("version", new StrValue("3.4.0"))
                .put("config", new ObjValue("IgnitionConfig").put("merge", new ListValue().add(
                        new ObjValue("Resource").put("source", new StrValue("https://x/a.ign")).put("httpHeaders",
                                new ListValue()
                                        .add(new ObjValue("HTTPHeader").put("name", new StrValue("A"))
                                                .put("value", new StrValue("1")))
                                        .add(new ObjValue("HTTPHeader").put("name", new StrValue("B"))
                                                .put("value", new StrValue("2"))))))));
        ObjValue child = empty().put("ignition", new ObjValue("Ignition").put("version", new StrValue("3.4.0"))
                .put("config", new ObjValue("IgnitionConfig").put("merge", new ListValue().add(
                        new ObjValue("Resource").put("source", new StrValue("https://x/a.ign")).put("httpHeaders",
                                new ListValue().add(new ObjValue("HTTPHeader").put("name", new StrValue("A"))))))));
        assertThat(json(merge(parent, child))).contains("\"httpHeaders\":[{\"name\":\"B\",\"value\":\"2\"}]");
    }
}
