/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.transpiler.tree.BoolValue;
import dev.kindling.transpiler.tree.IntValue;
import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.NullValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.StrValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static ObjValue config(String version) {
        ObjValue c = new ObjValue("Config");
        c.objOrCreate("ignition", "Ignition").put("version", new StrValue(version));
        return c;
    }

    private static String compact(ObjValue c, int minor) {
        return new String(JsonWriter.write(c, minor, false), StandardCharsets.UTF_8);
    }

    private static String pretty(ObjValue c, int minor) {
        return new String(JsonWriter.write(c, minor, true), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return new String(JsonWriter.quote(s), StandardCharsets.UTF_8);
    }

    @Test
    void minimalConfigCompactAndPretty() {
        ObjValue c = config("3.5.0");
        assertThat(compact(c, 5)).isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"}}");
        assertThat(pretty(c, 5)).isEqualTo("{\n  \"ignition\": {\n    \"version\": \"3.5.0\"\n  }\n}");
    }

    @Test
    void escapesLikeGo() {
        assertThat(quote("a\"b\\c\nd\re\tf")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
        assertThat(quote("\u0000\u0001\u0008\u000c\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u0008\\u000c\\u001f\u007f\"");
        assertThat(quote("<a href='x'>&</a>")).isEqualTo("\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\"");
        assertThat(quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        assertThat(quote("/etc/café/日本 😀")).isEqualTo("\"/etc/café/日本 😀\"");
        assertThat(quote("x\ud800y\udc00")).isEqualTo("\"x\\ufffdy\\ufffd\"");
    }

    /** Go's encoding/json rules one character at a time, the reference for the writer's runs. */
    private static String goQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    @Test
    void quotesRandomStringsAsGoDoes() {
        java.util.Random rnd = new java.util.Random(2026);
        char[] alphabet = "ab Z~\u007f\"\\<>&\n\r\t\u0000\u001f\u00e9\u2028\u2029\u65e5\ud83d\ude00\ud800\udc00".toCharArray();
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(round % 50 == 0 ? 5000 : 40);
            for (int i = 0; i < len; i++) {
                sb.append(rnd.nextInt(3) == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (char) ('a' + rnd.nextInt(26)));
            }
            String in = sb.toString();
            assertThat(quote(in)).as("quoting %s", in).isEqualTo(goQuoted(in));
        }
    }

    @Test
    void nonAsciiIsRawUtf8() {
        byte[] b = JsonWriter.quote("é😀");
        assertThat(b).containsExactly('"', 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, '"');
    }

    @Test
    void keysSortedAndEmptyValuesOmitted() {
        ObjValue c = config("3.4.0");
        ObjValue storage = c.objOrCreate("storage", "Storage");
        storage.listOrCreate("raid"); // empty list: omitted
        ObjValue disk = new ObjValue("Disk").put("wipeTable", new BoolValue(false))
                .put("device", new StrValue("/dev/vda"));
        ObjValue part = new ObjValue("Partition").put("sizeMiB", new IntValue(0))
                .put("number", new IntValue(0)) // plain Go int: zero is omitted
                .put("label", new StrValue(""));
        disk.listOrCreate("partitions").add(part);
        storage.listOrCreate("disks").add(disk);
        c.objOrCreate("passwd", "Passwd"); // all-empty object: omitted
        assertThat(compact(c, 4)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"disks\":"
                + "[{\"device\":\"/dev/vda\",\"partitions\":[{\"label\":\"\",\"sizeMiB\":0}],\"wipeTable\":false}]}}");
    }

    @Test
    void nodeKeysComeFirst() {
        ObjValue c = config("3.4.0");
        ObjValue file = new ObjValue("File").put("mode", new IntValue(420))
                .put("user", new ObjValue("NodeUser").put("name", new StrValue("core")))
                .put("contents", new ObjValue("Resource").put("source", new StrValue("data:,x")))
                .put("path", new StrValue("/a")).put("overwrite", new BoolValue(true))
                .put("append", new ListValue());
        ObjValue link = new ObjValue("Link").put("target", new StrValue("/t")).put("hard", new BoolValue(false))
                .put("path", new StrValue("/l"));
        c.objOrCreate("storage", "Storage").listOrCreate("files").add(file);
        c.obj("storage").listOrCreate("links").add(link);
        assertThat(compact(c, 4)).isEqualTo("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":"
                + "[{\"overwrite\":true,\"path\":\"/a\",\"user\":{\"name\":\"core\"},\"contents\":{\"source\":"
                + "\"data:,x\"},\"mode\":420}],\"links\":[{\"path\":\"/l\",\"hard\":false,\"target\":\"/t\"}]}}");
    }

    @Test
    void passwdUserFollowsGoFieldOrder() {
        ObjValue c = config("3.4.0");
        ObjValue user = new ObjValue("PasswdUser").put("shell", new StrValue("/bin/sh"))
                .put("shouldExist", new BoolValue(true)).put("name", new StrValue("core"))
                .put("system", new BoolValue(true));
        user.listOrCreate("sshAuthorizedKeys").add(new StrValue("ssh-ed25519 AAAA"));
        c.objOrCreate("passwd", "Passwd").listOrCreate("users").add(user);
        assertThat(compact(c, 4)).contains("{\"name\":\"core\",\"sshAuthorizedKeys\":[\"ssh-ed25519 AAAA\"],"
                + "\"shell\":\"/bin/sh\",\"shouldExist\":true,\"system\":true}");
    }

    @Test
    void alwaysWrittenFieldsDependOnVersion() {
        // Ignition 3.2: raid level/devices and clevis custom pin/config have no omitempty
        ObjValue c = config("3.2.0");
        ObjValue raid = new ObjValue("Raid").put("name", new StrValue("md0")).put("level", new StrValue(""))
                .put("devices", new ListValue());
        c.objOrCreate("storage", "Storage").listOrCreate("raid").add(raid);
        assertThat(compact(c, 2)).contains("{\"devices\":[],\"level\":\"\",\"name\":\"md0\"}");
        // 3.3: both became omitempty pointers/lists
        c.obj("ignition").put("version", new StrValue("3.3.0"));
        raid.remove("level");
        assertThat(compact(c, 3)).contains("\"raid\":[{\"name\":\"md0\"}]");
    }

    @Test
    void structsHeldByPointerAreWrittenEvenWhenEmptyButValueStructsAreOmitted() {
        // Ignition 3.2 holds clevis and clevis custom by pointer (as recorded from Butane): written
        ObjValue c = config("3.2.0");
        ObjValue luks = new ObjValue("Luks").put("name", new StrValue("root")).put("device", new StrValue("/dev/x"));
        luks.objOrCreate("clevis", "Clevis").put("custom",
                new ObjValue("ClevisCustom").put("pin", new StrValue("")).put("config", new StrValue("")));
        c.objOrCreate("storage", "Storage").listOrCreate("luks").add(luks);
        assertThat(compact(c, 2)).contains("\"clevis\":{\"custom\":{\"config\":\"\",\"pin\":\"\"}}");
        // in 3.3+ pin/config are pointers: present empty strings count
        assertThat(compact(c, 3)).contains("\"clevis\":{\"custom\":{\"config\":\"\",\"pin\":\"\"}}");
        // an empty clevis: kept in 3.2, omitted once it is a plain struct (3.3+)
        luks.put("clevis", new ObjValue("Clevis"));
        assertThat(compact(c, 2)).contains("\"luks\":[{\"clevis\":{},\"device\":\"/dev/x\",\"name\":\"root\"}]");
        assertThat(compact(c, 3)).contains("\"luks\":[{\"device\":\"/dev/x\",\"name\":\"root\"}]");
    }

    @Test
    void prettyEmptyContainersAndNesting() {
        ObjValue c = config("3.2.0");
        ObjValue raid = new ObjValue("Raid").put("name", new StrValue("md0")).put("devices", new ListValue());
        ObjValue ka = c.objOrCreate("kernelArguments", "KernelArguments");
        ka.listOrCreate("shouldExist").add(new StrValue("a")).add(new StrValue("b"));
        c.objOrCreate("storage", "Storage").listOrCreate("raid").add(raid);
        assertThat(pretty(c, 3)).isEqualTo("""
                {
                  "ignition": {
                    "version": "3.2.0"
                  },
                  "kernelArguments": {
                    "shouldExist": [
                      "a",
                      "b"
                    ]
                  },
                  "storage": {
                    "raid": [
                      {
                        "name": "md0"
                      }
                    ]
                  }
                }""");
        assertThat(pretty(c, 2)).contains("\n      {\n        \"devices\": [],\n        \"name\": \"md0\"\n      }\n");
    }

    @Test
    void nullsAreWrittenAndCountAsEmpty() {
        // Ignition 3.0: a merge reference's source has no omitempty, a nil pointer prints null
        ObjValue c = config("3.0.0");
        ObjValue cfg = c.obj("ignition").objOrCreate("config", "IgnitionConfig");
        cfg.listOrCreate("merge").add(new ObjValue("ConfigReference").put("source", new NullValue()));
        cfg.put("replace", new ObjValue("ConfigReference").put("source", new NullValue()));
        assertThat(compact(c, 0)).isEqualTo("{\"ignition\":{\"config\":{\"merge\":[{\"source\":null}]},"
                + "\"version\":\"3.0.0\"}}");
    }

    @Test
    void byteStringsKeepValidSequencesAndReplaceInvalidBytes() {
        ObjValue c = config("3.4.0");
        byte[] raw = {'a', (byte) 0xff, (byte) 0xc3, (byte) 0xa9, (byte) 0xed, (byte) 0xa0, (byte) 0x80,
            (byte) 0xe2, (byte) 0x80, (byte) 0xa8, '<', (byte) 0xe2, (byte) 0x82};
        c.objOrCreate("storage", "Storage").listOrCreate("files")
                .add(new ObjValue("File").put("path", StrValue.ofBytes(raw)));
        byte[] out = JsonWriter.write(c, 4, false);
        String s = new String(out, StandardCharsets.UTF_8);
        assertThat(s).contains("\"path\":\"a\\ufffdé\\ufffd\\ufffd\\ufffd\\u2028\\u003c\\ufffd\\ufffd\"");
    }

    @Test
    void matchesButaneOutputForUnicodePathsCase() {
        ObjValue c = config("3.5.0");
        ObjValue storage = c.objOrCreate("storage", "Storage");
        storage.listOrCreate("files").add(file("/etc/café/naïve.conf", "data:;base64,Y3LDqG1lIGJyw7tsw6llCg=="))
                .add(file("/opt/日本語/ファイル.txt", "data:;base64,5pel5pys6Kqe44OG44Kt44K544OI"));
        storage.listOrCreate("directories").add(new ObjValue("Directory").put("path", new StrValue("/srv/Ωμέγα")));
        storage.listOrCreate("links").add(new ObjValue("Link").put("path", new StrValue("/srv/лінк"))
                .put("target", new StrValue("/srv/Ωμέγα")));
        c.objOrCreate("passwd", "Passwd").listOrCreate("users").add(new ObjValue("PasswdUser")
                .put("name", new StrValue("core")).put("gecos", new StrValue("مرحبا بالعالم \u202eevil\u202c שלום")));
        String expected = """
                {
                  "ignition": {
                    "version": "3.5.0"
                  },
                  "passwd": {
                    "users": [
                      {
                        "gecos": "مرحبا بالعالم \u202eevil\u202c שלום",
                        "name": "core"
                      }
                    ]
                  },
                  "storage": {
                    "directories": [
                      {
                        "path": "/srv/Ωμέγα"
                      }
                    ],
                    "files": [
                      {
                        "path": "/etc/café/naïve.conf",
                        "contents": {
                          "compression": "",
                          "source": "data:;base64,Y3LDqG1lIGJyw7tsw6llCg=="
                        }
                      },
                      {
                        "path": "/opt/日本語/ファイル.txt",
                        "contents": {
                          "compression": "",
                          "source": "data:;base64,5pel5pys6Kqe44OG44Kt44K544OI"
                        }
                      }
                    ],
                    "links": [
                      {
                        "path": "/srv/лінк",
                        "target": "/srv/Ωμέγα"
                      }
                    ]
                  }
                }""";
        assertThat(pretty(c, 5)).isEqualTo(expected);
    }

    private static ObjValue file(String path, String source) {
        return new ObjValue("File").put("path", new StrValue(path)).put("contents",
                new ObjValue("Resource").put("source", new StrValue(source)).put("compression", new StrValue("")));
    }
}
