/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.transpiler.spec.Feature;
import dev.kindling.transpiler.spec.Rule;
import dev.kindling.transpiler.spec.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The value constraints of the schemas: only what Butane or Ignition refuse for the version at
 * hand (an error when the config is transpiled or applied), never a matter of style. Field names
 * here are Butane's; {@code name} turns them into the schema's (camelCase for Ignition).
 *
 * <p>Ignition-level constraints (the rules Ignition validates) appear in both the Butane and the
 * Ignition schemas of a version; Butane-level ones (sugar, variant restrictions) only in Butane's.
 */
final class Constraints {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static final String ABSOLUTE = "^/";
    static final String ABSOLUTE_OR_EMPTY = "^(/.*)?$";
    static final String GUID = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$";
    static final String HASH_V0 = "^sha512-[0-9a-fA-F]{128}$";
    static final String HASH = "^(sha512-[0-9a-fA-F]{128}|sha256-[0-9a-fA-F]{64})$";
    static final String UNIT_NAME = "\\.(service|socket|device|mount|automount|swap|target|path|timer|snapshot|slice"
            + "|scope)$";
    static final String DROPIN_NAME = "\\.conf$";
    static final String QUADLET_NAME = "\\.(container|volume|network|kube|image|build|pod|artifact)$";
    static final String HTTP_URL = "^[Hh][Tt][Tt][Pp][Ss]?:";
    static final String ROLE_LABEL = "machineconfiguration.openshift.io/role";

    /** What a schema is generated for: a Butane spec (spec set) or an Ignition version (spec null). */
    record Target(SpecVersion spec, int minor) {
        boolean butane() {
            return spec != null;
        }

        boolean openshift() {
            return spec != null && spec.has(Feature.OPENSHIFT);
        }

        boolean has(Rule r) {
            return spec != null && spec.has(r);
        }
    }

    private Constraints() {
    }

    /** Adds the constraints of one field to its schema {@code s}. */
    static void field(Target t, String type, String field, ObjectNode s) {
        switch (type + "." + field) {
            case "Verification.hash" -> string(s).put("pattern", t.minor() == 0 ? HASH_V0 : HASH);
            case "Resource.compression", "FileContents.compression" -> enumOf(s, "", "gzip");
            case "Directory.path", "File.path", "Link.path", "Disk.device", "Filesystem.device", "Luks.device" ->
                    string(s).put("pattern", ABSOLUTE);
            case "Filesystem.path" -> string(s).put("pattern", ABSOLUTE_OR_EMPTY);
            case "Raid.devices" -> {
                s.put("minItems", 1);
                string((ObjectNode) s.get("items")).put("pattern", ABSOLUTE);
            }
            case "Directory.mode" -> s.put("minimum", 0).put("maximum", 07777);
            case "File.mode", "Tree.file_mode" -> s.put("minimum", 0)
                    .put("maximum", t.has(Rule.NO_SPECIAL_FILE_MODES) ? 0777 : 07777);
            case "Tree.dir_mode" -> s.put("minimum", 0).put("maximum", 07777);
            // a number is a fine label or name once Butane has read it as text: keep the scalar types
            case "Partition.label" -> s.put("maxLength", 36).put("pattern", "^[^:]*$");
            case "Partition.guid", "Partition.type_guid" -> string(s).put("pattern", GUID);
            case "Filesystem.format" -> enumOf(s, formats(t));
            case "Luks.name" -> s.put("pattern", "^[^/]*$");
            case "Luks.label" -> s.put("maxLength", 47);
            case "Raid.level" -> {
                enumOf(s, "linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4", "raid5", "5",
                        "raid6", "6", "raid10", "10");
                if (t.butane()) {
                    // level: 1 unquoted is the number 1 in YAML, which Butane reads as the text "1"
                    s.putArray("type").add("string").add("integer");
                    ArrayNode e = (ArrayNode) s.get("enum");
                    for (int level : new int[] {0, 1, 4, 5, 6, 10}) {
                        e.add(level);
                    }
                }
            }
            case "Tang.url" -> string(s).put("pattern", HTTP_URL);
            case "Tang.thumbprint", "HTTPHeader.name", "HTTPHeader.value", "Tree.local", "GrubUser.name",
                    "GrubUser.password_hash", "Metadata.name" -> s.put("minLength", 1);
            case "Unit.name" -> string(s).put("pattern", UNIT_NAME);
            case "Dropin.name" -> string(s).put("pattern", DROPIN_NAME);
            case "Quadlet.name" -> string(s).put("pattern", QUADLET_NAME);
            case "BootDevice.layout" -> enumOf(s, t.minor() >= 5
                    ? new String[] {"aarch64", "ppc64le", "s390x-eckd", "s390x-virt", "s390x-zfcp", "x86_64"}
                    : new String[] {"aarch64", "ppc64le", "x86_64"});
            case "BootDeviceMirror.devices" -> {
                // one device is refused; none (or two and more) is fine
                ObjectNode one = F.objectNode().put("minItems", 1).put("maxItems", 1);
                s.set("not", one);
            }
            case "OpenShift.kernel_type" -> enumOf(s, "", "default", "realtime");
            case "Metadata.labels" -> {
                s.putArray("required").add(ROLE_LABEL);
                ObjectNode role = s.putObject("properties").putObject(ROLE_LABEL);
                role.putArray("type").add("string").add("number").add("boolean");
                role.put("minLength", 1);
            }
            case "PasswdUser.name" -> {
                if (t.openshift()) {
                    string(s).put("const", "core");
                }
            }
            default -> {
                // no constraint of its own
            }
        }
    }

    private static String[] formats(Target t) {
        List<String> f = new ArrayList<>(List.of("", "ext4", "btrfs", "xfs", "swap", "vfat"));
        if (t.minor() >= 3) {
            f.add("none");
        }
        if (t.openshift()) {
            f.remove("btrfs");
            if (t.has(Rule.NO_FILESYSTEM_NONE)) {
                f.remove("none");
            }
        }
        return f.toArray(new String[0]);
    }

    /** Adds the object-level constraints of a type: required fields, exclusive fields. */
    static void object(Target t, String type, ObjectNode s, UnaryOperator<String> name) {
        switch (type) {
            case "Config" -> {
                if (t.butane()) {
                    required(s, name, t.openshift() ? List.of("variant", "version", "metadata")
                            : List.of("variant", "version"));
                } else {
                    required(s, name, List.of("ignition"));
                }
            }
            case "Ignition" -> {
                if (!t.butane()) {
                    required(s, name, List.of("version"));
                }
            }
            case "Directory", "File", "Link" -> required(s, name, List.of("path"));
            case "Disk", "Filesystem", "Luks" -> required(s, name, List.of("device"));
            case "Raid" -> required(s, name, List.of("devices", "level"));
            case "CaReference" -> required(s, name, List.of("source"));
            case "HTTPHeader" -> required(s, name, List.of("name"));
            case "Tang" -> required(s, name, List.of("thumbprint", "url"));
            case "Unit", "Dropin", "Quadlet", "Metadata" -> required(s, name, type.equals("Metadata")
                    ? List.of("name", "labels") : List.of("name"));
            case "Tree" -> required(s, name, List.of("local"));
            case "GrubUser" -> required(s, name, List.of("name", "password_hash"));
            case "NodeUser", "NodeGroup" -> exclusive(s, name, "id", "name");
            case "Partition" -> {
                // a partition is found by its number (1 or more) or by its label
                ArrayNode any = s.putArray("anyOf");
                any.addObject().putArray("required").add(name.apply("label"));
                ObjectNode byNumber = any.addObject();
                byNumber.putArray("required").add(name.apply("number"));
                byNumber.putObject("properties").putObject(name.apply("number")).put("minimum", 1);
            }
            case "Resource" -> {
                if (t.butane()) {
                    exclusive(s, name, "inline", "local", "source");
                }
            }
            case "FileContents" -> {
                if (t.butane()) {
                    exclusive(s, name, "inline", "source");
                }
            }
            default -> {
            }
        }
        if (t.butane() && ((type.equals("Unit") || type.equals("Dropin")) && t.minor() >= 4
                || type.equals("Quadlet"))) {
            exclusive(s, name, "contents", "contents_local");
        }
    }

    /**
     * The items of lists whose entries must name where they come from (merged configs and
     * certificate authorities from Ignition 3.1 on); the constraint goes on the list's items.
     */
    static void listItems(Target t, String type, String field, ObjectNode items, UnaryOperator<String> name) {
        boolean sourced = t.minor() >= 1 && (type + "." + field).matches(
                "IgnitionConfig\\.merge|TLS\\.certificate_authorities");
        if (!sourced) {
            return;
        }
        if (t.butane()) {
            ArrayNode any = items.putArray("anyOf");
            for (String f : List.of("source", "inline", "local")) {
                any.addObject().putArray("required").add(name.apply(f));
            }
        } else {
            items.putArray("required").add(name.apply("source"));
        }
    }

    private static void required(ObjectNode s, UnaryOperator<String> name, List<String> fields) {
        ArrayNode r = s.putArray("required");
        for (String f : fields) {
            r.add(name.apply(f));
        }
    }

    /** At most one of {@code fields} may be present. */
    private static void exclusive(ObjectNode s, UnaryOperator<String> name, String... fields) {
        List<ObjectNode> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            for (int j = i + 1; j < fields.length; j++) {
                ObjectNode pair = F.objectNode();
                pair.putArray("required").add(name.apply(fields[i])).add(name.apply(fields[j]));
                pairs.add(pair);
            }
        }
        ObjectNode not = F.objectNode();
        if (pairs.size() == 1) {
            not = pairs.get(0);
        } else {
            not.putArray("anyOf").addAll(pairs);
        }
        if (s.has("not")) {
            ArrayNode all = s.has("allOf") ? (ArrayNode) s.get("allOf") : s.putArray("allOf");
            all.addObject().set("not", not);
        } else {
            s.set("not", not);
        }
    }

    /** A string-only field (an enum or a pattern means text). */
    static ObjectNode string(ObjectNode s) {
        if (s.has("type") && s.get("type").isArray()) {
            ArrayNode types = (ArrayNode) s.get("type");
            boolean nullable = false;
            for (var n : types) {
                nullable |= n.asText().equals("null");
            }
            if (nullable) {
                s.putArray("type").add("string").add("null");
            } else {
                s.put("type", "string");
            }
        }
        return s;
    }

    private static void enumOf(ObjectNode s, String... values) {
        string(s);
        ArrayNode e = s.putArray("enum");
        for (String v : values) {
            e.add(v);
        }
    }
}
