/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.spec.SpecVersion;
import dev.kindling.transpiler.spec.Specs;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.Value;
import dev.kindling.transpiler.yaml.Decoder;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BootDeviceTest {
    @Test
    void mirrorWithTpm2AndDiscardOnX86() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: x86_64
                  luks:
                    tpm2: true
                    discard: true
                  mirror:
                    devices:
                      - /dev/disk/by-id/nvme-a
                      - /dev/disk/by-id/nvme-b
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.5.0"},"storage":{"disks":[{"device":"/dev/disk/by-id/nvme-a","partitions":[\
                {"label":"bios-1","sizeMiB":1,"typeGuid":"21686148-6449-6E6F-744E-656564454649"},\
                {"label":"esp-1","sizeMiB":127,"typeGuid":"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"},\
                {"label":"boot-1","sizeMiB":384},{"label":"root-1"}],"wipeTable":true},\
                {"device":"/dev/disk/by-id/nvme-b","partitions":[\
                {"label":"bios-2","sizeMiB":1,"typeGuid":"21686148-6449-6E6F-744E-656564454649"},\
                {"label":"esp-2","sizeMiB":127,"typeGuid":"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"},\
                {"label":"boot-2","sizeMiB":384},{"label":"root-2"}],"wipeTable":true}],\
                "filesystems":[{"device":"/dev/disk/by-partlabel/esp-1","format":"vfat","label":"esp-1","wipeFilesystem":true},\
                {"device":"/dev/disk/by-partlabel/esp-2","format":"vfat","label":"esp-2","wipeFilesystem":true},\
                {"device":"/dev/md/md-boot","format":"ext4","label":"boot","wipeFilesystem":true},\
                {"device":"/dev/mapper/root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "luks":[{"clevis":{"tpm2":true},"device":"/dev/md/md-root","discard":true,"label":"luks-root","name":"root","wipeVolume":true}],\
                "raid":[{"devices":["/dev/disk/by-partlabel/boot-1","/dev/disk/by-partlabel/boot-2"],"level":"raid1","name":"md-boot","options":["--metadata=1.0"]},\
                {"devices":["/dev/disk/by-partlabel/root-1","/dev/disk/by-partlabel/root-2"],"level":"raid1","name":"md-root"}]}}
                """);
    }

    @Test
    void ppc64leMirrorOnIgnition32() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.3.0
                boot_device:
                  layout: ppc64le
                  luks:
                    tpm2: true
                  mirror:
                    devices: [/dev/sda, /dev/sdb, /dev/sdc]
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.2.0"},"storage":{"disks":[\
                {"device":"/dev/sda","partitions":[{"label":"prep-1","sizeMiB":4,"typeGuid":"9E1A2D38-C612-4316-AA26-8B49521E5A8B"},\
                {"label":"reserved-1","sizeMiB":1,"typeGuid":"8DA63339-0007-60C0-C436-083AC8230908"},{"label":"boot-1","sizeMiB":384},{"label":"root-1"}],"wipeTable":true},\
                {"device":"/dev/sdb","partitions":[{"label":"prep-2","sizeMiB":4,"typeGuid":"9E1A2D38-C612-4316-AA26-8B49521E5A8B"},\
                {"label":"reserved-2","sizeMiB":1,"typeGuid":"8DA63339-0007-60C0-C436-083AC8230908"},{"label":"boot-2","sizeMiB":384},{"label":"root-2"}],"wipeTable":true},\
                {"device":"/dev/sdc","partitions":[{"label":"prep-3","sizeMiB":4,"typeGuid":"9E1A2D38-C612-4316-AA26-8B49521E5A8B"},\
                {"label":"reserved-3","sizeMiB":1,"typeGuid":"8DA63339-0007-60C0-C436-083AC8230908"},{"label":"boot-3","sizeMiB":384},{"label":"root-3"}],"wipeTable":true}],\
                "filesystems":[{"device":"/dev/md/md-boot","format":"ext4","label":"boot","wipeFilesystem":true},\
                {"device":"/dev/mapper/root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "luks":[{"clevis":{"tpm2":true},"device":"/dev/md/md-root","label":"luks-root","name":"root","wipeVolume":true}],\
                "raid":[{"devices":["/dev/disk/by-partlabel/boot-1","/dev/disk/by-partlabel/boot-2","/dev/disk/by-partlabel/boot-3"],\
                "level":"raid1","name":"md-boot","options":["--metadata=1.0"]},\
                {"devices":["/dev/disk/by-partlabel/root-1","/dev/disk/by-partlabel/root-2","/dev/disk/by-partlabel/root-3"],"level":"raid1","name":"md-root"}]}}
                """);
    }

    @Test
    void aarch64MirrorWithoutLuksPutsRootOnTheArray() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.4.0
                boot_device:
                  layout: aarch64
                  mirror:
                    devices: [/dev/nvme0n1, /dev/nvme1n1]
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.3.0"},"storage":{"disks":[{"device":"/dev/nvme0n1","partitions":[\
                {"label":"reserved-1","sizeMiB":1,"typeGuid":"8DA63339-0007-60C0-C436-083AC8230908"},\
                {"label":"esp-1","sizeMiB":127,"typeGuid":"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"},\
                {"label":"boot-1","sizeMiB":384},{"label":"root-1"}],"wipeTable":true},{"device":"/dev/nvme1n1","partitions":[\
                {"label":"reserved-2","sizeMiB":1,"typeGuid":"8DA63339-0007-60C0-C436-083AC8230908"},\
                {"label":"esp-2","sizeMiB":127,"typeGuid":"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"},\
                {"label":"boot-2","sizeMiB":384},{"label":"root-2"}],"wipeTable":true}],\
                "filesystems":[{"device":"/dev/disk/by-partlabel/esp-1","format":"vfat","label":"esp-1","wipeFilesystem":true},\
                {"device":"/dev/disk/by-partlabel/esp-2","format":"vfat","label":"esp-2","wipeFilesystem":true},\
                {"device":"/dev/md/md-boot","format":"ext4","label":"boot","wipeFilesystem":true},\
                {"device":"/dev/md/md-root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "raid":[{"devices":["/dev/disk/by-partlabel/boot-1","/dev/disk/by-partlabel/boot-2"],"level":"raid1","name":"md-boot","options":["--metadata=1.0"]},\
                {"devices":["/dev/disk/by-partlabel/root-1","/dev/disk/by-partlabel/root-2"],"level":"raid1","name":"md-root"}]}}
                """);
    }

    @Test
    void s390xEckdCexUsesPartitionTwoOfTheDasd() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.7.0
                boot_device:
                  layout: s390x-eckd
                  luks:
                    device: /dev/dasdc
                    cex:
                      enabled: true
                    discard: false
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.6.0"},"storage":{"filesystems":[{"device":"/dev/mapper/root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "luks":[{"cex":{"enabled":true},"device":"/dev/dasdc2","discard":false,"label":"luks-root","name":"root","wipeVolume":true}]}}
                """);
    }

    @Test
    void s390xZfcpUsesPartitionFour() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.7.0
                boot_device:
                  layout: s390x-zfcp
                  luks:
                    device: /dev/sdb
                    discard: true
                    cex:
                      enabled: true
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.6.0"},"storage":{"filesystems":[{"device":"/dev/mapper/root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "luks":[{"cex":{"enabled":true},"device":"/dev/sdb4","discard":true,"label":"luks-root","name":"root","wipeVolume":true}]}}
                """);
    }

    @Test
    void tangServersThresholdAndTpm2AreCopiedIntoClevis() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: s390x-virt
                  luks:
                    discard: true
                    tang:
                      - url: https://tang-a.example.com
                        thumbprint: thumbA
                        advertisement: '{"payload":"e30"}'
                      - url: https://tang-b.example.com
                        thumbprint: thumbB
                    threshold: 2
                    tpm2: false
                """);
        SugarSupport.assertSameDocument(out, """
                {"ignition":{"version":"3.5.0"},"storage":{"filesystems":[{"device":"/dev/mapper/root","format":"xfs","label":"root","wipeFilesystem":true}],\
                "luks":[{"clevis":{"tang":[{"advertisement":"{\\"payload\\":\\"e30\\"}","thumbprint":"thumbA","url":"https://tang-a.example.com"},\
                {"thumbprint":"thumbB","url":"https://tang-b.example.com"}],"threshold":2,"tpm2":false},\
                "device":"/dev/disk/by-partlabel/root","discard":true,"label":"luks-root","name":"root","wipeVolume":true}]}}
                """);
    }

    @Test
    void userStorageMergesIntoTheGeneratedEntries() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: x86_64
                  mirror:
                    devices: [/dev/vda, /dev/vdb]
                  luks:
                    tpm2: true
                storage:
                  disks:
                    - device: /dev/vda
                      partitions:
                        - label: root-1
                          size_mib: 16384
                    - device: /dev/vdc
                      partitions:
                        - number: 1
                          label: data
                  filesystems:
                    - device: /dev/mapper/root
                      format: ext4
                    - device: /dev/disk/by-partlabel/data
                      format: xfs
                      path: /var
                  luks:
                    - name: root
                      options: [--cipher, aes-cbc-essiv:sha256]
                """);
        JsonNode doc = SugarSupport.json(out);
        JsonNode disks = doc.at("/storage/disks");
        assertThat(disks).hasSize(3);
        assertThat(disks.get(0).at("/device").asText()).isEqualTo("/dev/vda");
        assertThat(disks.get(0).at("/partitions")).hasSize(4);
        assertThat(disks.get(0).at("/partitions/3/label").asText()).isEqualTo("root-1");
        assertThat(disks.get(0).at("/partitions/3/sizeMiB").asInt()).isEqualTo(16384);
        assertThat(disks.get(1).at("/device").asText()).isEqualTo("/dev/vdb");
        assertThat(disks.get(2).at("/device").asText()).isEqualTo("/dev/vdc");

        JsonNode fs = doc.at("/storage/filesystems");
        assertThat(fs).hasSize(5);
        assertThat(fs.get(3).toString()).isEqualTo(
                "{\"device\":\"/dev/mapper/root\",\"format\":\"ext4\",\"label\":\"root\",\"wipeFilesystem\":true}");
        assertThat(fs.get(4).at("/device").asText()).isEqualTo("/dev/disk/by-partlabel/data");

        JsonNode luks = doc.at("/storage/luks");
        assertThat(luks).hasSize(1);
        assertThat(luks.get(0).at("/device").asText()).isEqualTo("/dev/md/md-root");
        assertThat(luks.get(0).at("/options").toString()).isEqualTo("[\"--cipher\",\"aes-cbc-essiv:sha256\"]");
    }

    @Test
    void nothingIsGeneratedWithoutAnEncryptionMethodOrMirror() {
        String out = SugarSupport.transpileOk("""
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: x86_64
                  luks:
                    threshold: 1
                    tpm2: false
                  mirror:
                    devices: []
                """);
        SugarSupport.assertSameDocument(out, "{\"ignition\":{\"version\":\"3.5.0\"}}");
    }

    @Test
    void doesNothingWhenTheSpecLacksBootDevice() {
        String yaml = """
                variant: fcos
                version: 1.3.0
                boot_device:
                  luks:
                    tpm2: true
                """;
        ObjValue input = SugarSupport.decode(yaml);
        Context ctx = SugarSupport.context(SugarSupport.spec("fcos", "1.2.0"), null);
        ObjValue output = new ObjValue("Config");
        assertThat(new BootDevice().apply(input, output, ctx)).isSameAs(output);
        assertThat(output.fields()).isEmpty();
    }

    @Test
    void generatedValuesPointAtTheBootDeviceFieldsTheyComeFrom() {
        ObjValue out = SugarSupport.applyPass(new BootDevice(), """
                variant: fcos
                version: 1.6.0
                boot_device:
                  layout: x86_64
                  mirror:
                    devices: [/dev/vda, /dev/vdb]
                  luks:
                    discard: true
                    threshold: 1
                    tang:
                      - url: http://tang.example.com
                        thumbprint: abc
                """, null);
        ObjValue storage = out.obj("storage");
        assertThat(origin(storage)).isEqualTo("$.boot_device");
        assertThat(origin(storage.list("disks"))).isEqualTo("$.boot_device.mirror.devices");
        ObjValue disk1 = (ObjValue) storage.list("disks").items().get(1);
        assertThat(origin(disk1)).isEqualTo("$.boot_device.mirror.devices.1");
        ObjValue part = (ObjValue) disk1.list("partitions").items().get(2);
        assertThat(origin(part.get("sizeMiB"))).isEqualTo("$.boot_device.mirror.devices.1");

        List<Value> fs = storage.list("filesystems").items();
        assertThat(origin(fs.get(0))).isEqualTo("$.boot_device.mirror.devices.0");
        assertThat(origin(((ObjValue) fs.get(1)).get("label"))).isEqualTo("$.boot_device.mirror.devices.1");
        assertThat(origin(fs.get(2))).isEqualTo("$.boot_device.mirror");
        assertThat(origin(((ObjValue) fs.get(3)).get("device"))).isEqualTo("$.boot_device");
        assertThat(origin(storage.list("filesystems"))).isEqualTo("$.boot_device");

        assertThat(origin(storage.list("raid"))).isEqualTo("$.boot_device.mirror");
        ObjValue raid = (ObjValue) storage.list("raid").items().get(1);
        assertThat(origin(raid.list("devices").items().get(0))).isEqualTo("$.boot_device.mirror");

        assertThat(origin(storage.list("luks"))).isEqualTo("$.boot_device.luks");
        ObjValue luks = (ObjValue) storage.list("luks").items().get(0);
        assertThat(origin(luks)).isEqualTo("$.boot_device.luks");
        assertThat(origin(luks.get("device"))).isEqualTo("$.boot_device.luks");
        assertThat(origin(luks.get("discard"))).isEqualTo("$.boot_device.luks.discard");
        ObjValue clevis = luks.obj("clevis");
        assertThat(origin(clevis)).isEqualTo("$.boot_device.luks");
        assertThat(origin(clevis.get("threshold"))).isEqualTo("$.boot_device.luks.threshold");
        assertThat(origin(clevis.list("tang"))).isEqualTo("$.boot_device.luks.tang");
        ObjValue tang = (ObjValue) clevis.list("tang").items().get(0);
        assertThat(origin(tang)).isEqualTo("$.boot_device.luks.tang.0");
        assertThat(origin(tang.get("url"))).isEqualTo("$.boot_device.luks.tang.0.url");
    }

    @Test
    void userValuesKeepTheirOwnOriginsAfterTheMerge() {
        ObjValue out = SugarSupport.applyPass(new BootDevice(), """
                variant: fcos
                version: 1.6.0
                boot_device:
                  luks:
                    tpm2: true
                storage:
                  filesystems:
                    - device: /dev/mapper/root
                      format: ext4
                """, null);
        ObjValue fs = (ObjValue) out.obj("storage").list("filesystems").items().get(0);
        assertThat(origin(fs.get("format"))).isEqualTo("$.storage.filesystems.0.format");
        assertThat(origin(fs.get("label"))).isEqualTo("$.boot_device");
        assertThat(origin(out.obj("storage").list("luks").items().get(0))).isEqualTo("$.boot_device.luks");
    }

    private static String origin(Value v) {
        Path p = v.origin();
        return p == null ? null : p.toString();
    }
}

/** Helpers shared by the sugar pass tests of this package. */
final class SugarSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SugarSupport() {
    }

    static TranspileResult transpile(String yaml, java.nio.file.Path filesDir) {
        return Transpiler.create().transpile(yaml, TranspileOptions.builder().filesDir(filesDir).build());
    }

    /** Transpiles a config that must succeed without diagnostics; returns the JSON text. */
    static String transpileOk(String yaml) {
        return transpileOk(yaml, null);
    }

    static String transpileOk(String yaml, java.nio.file.Path filesDir) {
        TranspileResult r = transpile(yaml, filesDir);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.success()).as("transpile failed: %s", r.failureMessage().orElse("")).isTrue();
        return new String(r.output().orElseThrow(), StandardCharsets.UTF_8);
    }

    /** The diagnostics as {@code severity at path, line L col C} strings (messages left out). */
    static List<String> positions(TranspileResult r) {
        return r.diagnostics().stream()
                .map((Diagnostic d) -> d.severity().name().toLowerCase() + " at " + d.path() + ", line " + d.line()
                        + " col " + d.column())
                .toList();
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares two Ignition documents, treating data URLs as the bytes they deliver (a gzip
     * stream from Java need not be byte-identical to Go's).
     */
    static void assertSameDocument(String actual, String expected) {
        assertThat(normalized(json(actual)).toPrettyString()).isEqualTo(normalized(json(expected)).toPrettyString());
    }

    private static JsonNode normalized(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            JsonNode source = o.get("source");
            if (source != null && source.isTextual() && source.asText().startsWith("data:")) {
                boolean gz = o.has("compression") && "gzip".equals(o.get("compression").asText());
                o.set("source", new TextNode("payload:" + payload(source.asText(), gz)));
                o.remove("compression");
            }
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                normalized(it.next().getValue());
            }
        } else if (n.isArray()) {
            n.forEach(SugarSupport::normalized);
        }
        return n;
    }

    /** The text a data URL delivers. */
    static String payload(String url, boolean gzip) {
        int comma = url.indexOf(',');
        String meta = url.substring(5, comma);
        String body = url.substring(comma + 1);
        byte[] raw = meta.endsWith(";base64") ? Base64.getDecoder().decode(body)
                : URLDecoder.decode(body.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                raw = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    static SpecVersion spec(String variant, String version) {
        return Specs.find(variant, version).orElseThrow();
    }

    /** The decoded Butane config (its own spec version decides the fields). */
    static ObjValue decode(String yaml) {
        try {
            YNode root = new YamlLoader(YamlLimits.DEFAULT).load(yaml.getBytes(StandardCharsets.UTF_8));
            String[] vv = Decoder.variantAndVersion(root);
            return Decoder.decode(root, spec(vv[0], vv[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Context context(SpecVersion spec, java.nio.file.Path filesDir) {
        return new Context(spec, new LocalFiles(filesDir), new Report());
    }

    /** Translates a config and runs one pass over it, returning the pass's output. */
    static ObjValue applyPass(SugarPass pass, String yaml, java.nio.file.Path filesDir) {
        ObjValue input = decode(yaml);
        String[] header = yaml.lines().filter(l -> l.startsWith("variant:") || l.startsWith("version:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).toArray(String[]::new);
        Context ctx = context(spec(header[0], header[1]), filesDir);
        ObjValue out = pass.apply(input, new Translator(ctx).translateConfig(input), ctx);
        assertThat(ctx.report.entries()).isEmpty();
        return out;
    }
}
