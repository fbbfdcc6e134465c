/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading an inline Ignition config as Go's JSON decoder fills Ignition's structs (the golden
 * cases inline-json-* under conformance/cases/fidelity are the same rules recorded from Butane).
 */
class IgnitionJsonTest {
    private final List<String> heard = new ArrayList<>();

    private ObjValue read(String json) throws IgnitionJson.BadJson {
        return IgnitionJson.read(json, 4, new IgnitionJson.UnusedKeySink() {
            @Override
            public void unused(Path at, String key) {
                heard.add("unused " + at);
            }

            @Override
            public void notAnObject(Path at) {
                heard.add("null " + at);
            }
        });
    }

    private static List<String> paths(ObjValue config) {
        List<String> out = new ArrayList<>();
        ListValue files = config.obj("storage").list("files");
        for (Value v : files.items()) {
            ObjValue f = (ObjValue) v;
            ObjValue contents = f.obj("contents");
            out.add(f.str("path") + (contents == null ? "" : " " + contents.str("source")));
        }
        return out;
    }

    @Test
    void aRepeatedKeyIsDecodedIntoWhatTheFirstFilled() throws Exception {
        ObjValue c = read("{\"storage\": {\"files\": [{\"path\": \"/a\"}]}, \"storage\": {\"directories\": [{\"path\": \"/d\"}]}}");
        assertThat(paths(c)).containsExactly("/a");
        assertThat(c.obj("storage").list("directories").size()).isEqualTo(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void keysMatchInAnyCaseButOnlyExactOnesCountAsKnown() throws Exception {
        ObjValue c = read("{\"STORAGE\": {\"Files\": [{\"PATH\": \"/a\"}]}}");
        assertThat(paths(c)).containsExactly("/a");
        assertThat(heard).containsExactly("unused $.STORAGE"); // Ignition's check of the plain tree
    }

    @Test
    void nullEmptiesPointersAndListsButLeavesPlainValues() throws Exception {
        ObjValue c = read("{\"ignition\": {\"version\": \"3.4.0\", \"version\": null},"
                + " \"storage\": {\"files\": [{\"path\": \"/a\", \"mode\": 420}]}, \"storage\": null,"
                + " \"passwd\": {\"users\": [{\"name\": \"u\", \"uid\": 5, \"uid\": null, \"name\": null}]},"
                + " \"systemd\": {\"units\": [{\"name\": \"a.service\"}], \"units\": null}}");
        assertThat(c.obj("ignition").str("version")).isEqualTo("3.4.0");
        assertThat(paths(c)).containsExactly("/a"); // storage: a plain struct
        ObjValue user = (ObjValue) c.obj("passwd").list("users").items().get(0);
        assertThat(user.str("name")).isEqualTo("u"); // a plain string
        assertThat(user.integer("uid")).isNull(); // a pointer
        assertThat(c.obj("systemd").list("units")).isNull(); // a slice
        assertThat(heard).containsExactly("null $.storage");
    }

    @Test
    void aListReusesTheElementsItsCapacityHolds() throws Exception {
        // four items make a capacity of 4; one item keeps three stale elements behind it, which
        // the next four items are decoded into; the fifth grows the slice (by half, to 6),
        // which copies only the items, so it starts empty
        ObjValue c = read("{\"storage\": {\"files\": [{\"path\": \"/a\", \"contents\": {\"source\": \"s:a\"}},"
                + " {\"path\": \"/b\", \"contents\": {\"source\": \"s:b\"}}, {\"path\": \"/c\", \"contents\": {\"source\": \"s:c\"}},"
                + " {\"path\": \"/d\", \"contents\": {\"source\": \"s:d\"}}]},"
                + " \"storage\": {\"files\": [{\"path\": \"/e\"}]},"
                + " \"storage\": {\"files\": [{\"path\": \"/f\"}, {\"path\": \"/g\"}, {\"path\": \"/h\"}, {\"path\": \"/i\"},"
                + " {\"path\": \"/j\"}]}}");
        assertThat(paths(c)).containsExactly("/f s:a", "/g s:b", "/h s:c", "/i s:d", "/j");
    }

    @Test
    void anEmptyListLeavesNoCapacity() throws Exception {
        ObjValue c = read("{\"storage\": {\"files\": [{\"path\": \"/a\", \"contents\": {\"source\": \"s:a\"}},"
                + " {\"path\": \"/b\", \"contents\": {\"source\": \"s:b\"}}]}, \"storage\": {\"files\": []},"
                + " \"storage\": {\"files\": [{\"path\": \"/c\"}, {\"path\": \"/d\"}]}}");
        assertThat(paths(c)).containsExactly("/c", "/d");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorEvenWhenARepeatedKeyReplacesIt() {
        assertThatThrownBy(() -> read("{\"storage\": {\"files\": 5}, \"storage\": {\"files\": []}}"))
                .isInstanceOf(IgnitionJson.BadJson.class).hasMessageContaining("cannot unmarshal number");
    }

    @Test
    void theTreeHoldsIgnitionsFieldNames() throws Exception {
        ObjValue c = read("{\"passwd\": {\"users\": [{\"name\": \"a\", \"SSHAUTHORIZEDKEYS\": [\"k\"],"
                + " \"passwordHash\": \"x\"}]}}");
        ObjValue user = (ObjValue) c.obj("passwd").list("users").items().get(0);
        assertThat(user.list("sshAuthorizedKeys").size()).isEqualTo(1); // what the validator looks up
        assertThat(user.str("passwordHash")).isEqualTo("x");
        assertThat(user.get("ssh_authorized_keys")).isNull();
    }

    @Test
    void aNullDocumentIsAnEmptyConfig() throws Exception {
        ObjValue c = read("null");
        assertThat(c.obj("ignition")).isNull();
        assertThat(heard).containsExactly("null $");
    }
}
