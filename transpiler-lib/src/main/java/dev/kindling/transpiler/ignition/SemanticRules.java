/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import static dev.kindling.transpiler.ignition.IgnitionCodes.*;

import dev.kindling.transpiler.tree.ListValue;
import dev.kindling.transpiler.tree.ObjValue;
import dev.kindling.transpiler.tree.Path;
import dev.kindling.transpiler.tree.StrValue;
import dev.kindling.transpiler.tree.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-object rules of an Ignition spec version. {@link #check} is called once per object, in
 * walk order, and reports the object's own problems; its children get their own call afterwards.
 */
final class SemanticRules {
    /** The patterns, compiled when a config first needs them rather than on every start. */
    // The two text shapes below are loops, not regular expressions: every config with a unit or
    // a partition checks them, and compiling a pattern in a cold JVM costs milliseconds (the
    // tests hold the patterns they replace and compare both on many names).

    /**
     * Whether {@code s} is empty or a GUID: 8-4-4-4-12 hexadecimal digits of either case
     * ({@code |[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}).
     */
    static boolean isGuidOrEmpty(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The template prefix of an instance of a template service ({@code prefix@instance.service},
     * no line feed anywhere, prefix and instance not empty: {@code ^(.+?)@(.+?)\.service\z} with
     * only {@code \n} a line end), or null. The prefix ends at the first {@code @} after the first
     * character: a later one leaves a shorter instance, which cannot fit where this one did not.
     */
    static String templatePrefix(String name) {
        if (!name.endsWith(".service") || name.indexOf('\n') >= 0) {
            return null;
        }
        int at = name.indexOf('@', 1);
        if (at < 0 || at > name.length() - ".service".length() - 2) {
            return null;
        }
        return name.substring(0, at);
    }
    private static final Set<String> UNIT_SUFFIXES = Set.of(".service", ".socket", ".device", ".mount", ".automount",
            ".swap", ".target", ".path", ".timer", ".snapshot", ".slice", ".scope");
    private static final String SYSTEMD_DIR = "/etc/systemd/system/";

    private final int minor;
    private final Reporter reporter;

    SemanticRules(int minor, Reporter reporter) {
        this.minor = minor;
        this.reporter = reporter;
    }

    void check(Shape shape, ObjValue o, Path p) {
        switch (shape) {
            case CONFIG -> config(o, p);
            case IGNITION -> ignition(o, p);
            case IGNITION_CONFIG -> {
                if (minor >= 1) {
                    requiredSources(o, p, "merge");
                }
            }
            case RESOURCE -> resource(o, p);
            case FILE_CONTENTS -> fileContents(o, p);
            case CONFIG_REFERENCE -> {
                String source = o.str("source");
                if (source != null && !source.isEmpty()) {
                    url(p.append("source"), source);
                }
            }
            case CA_REFERENCE -> url(p.append("source"), o.strOrEmpty("source"));
            case HTTP_HEADER -> header(o, p);
            case VERIFICATION -> verification(o, p);
            case PROXY -> {
                proxy(o, p, "httpProxy", true);
                proxy(o, p, "httpsProxy", false);
            }
            case TLS -> {
                if (minor >= 1) {
                    requiredSources(o, p, "certificateAuthorities");
                }
            }
            case STORAGE -> storage(o, p);
            case DIRECTORY -> {
                nodePath(o, p);
                mode(o, p);
            }
            case FILE -> file(o, p);
            case LINK -> nodePath(o, p);
            case NODE_USER, NODE_GROUP -> {
                if (o.integer("id") != null && notEmpty(o, "name")) {
                    reporter.error(p, ID_AND_NAME, "set either id or name, not both");
                }
            }
            case DISK -> disk(o, p);
            case PARTITION -> partition(o, p);
            case FILESYSTEM -> filesystem(o, p);
            case LUKS -> luks(o, p);
            case CLEVIS_CUSTOM -> clevisCustom(o, p);
            case TANG -> tang(o, p);
            case RAID -> raid(o, p);
            case SYSTEMD -> systemd(o, p);
            case UNIT -> unit(o, p);
            case DROPIN -> dropin(o, p);
            default -> {
                // nothing of its own to check
            }
        }
    }

    // ---- config level ------------------------------------------------------------------------

    /** No file, directory or link may sit where a unit or drop-in with contents is written. */
    private void config(ObjValue o, Path p) {
        Set<String> unitPaths = new HashSet<>();
        for (ObjValue unit : objects(child(o, "systemd").list("units"))) {
            String name = unit.strOrEmpty("name");
            if (notEmpty(unit, "contents")) {
                unitPaths.add(SYSTEMD_DIR + name);
            }
            for (ObjValue dropin : objects(unit.list("dropins"))) {
                if (notEmpty(dropin, "contents")) {
                    unitPaths.add(SYSTEMD_DIR + name + ".d/" + dropin.strOrEmpty("name"));
                }
            }
        }
        ObjValue storage = child(o, "storage");
        for (String kind : new String[] {"files", "directories", "links"}) {
            List<Value> items = storage.items(kind);
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ObjValue node && unitPaths.contains(node.strOrEmpty("path"))) {
                    reporter.error(p.append("storage", kind, i, "path"), PATH_CONFLICTS_SYSTEMD,
                            "this path is also where a systemd unit or drop-in of the config is written");
                }
            }
        }
    }

    private void ignition(ObjValue o, Path p) {
        Path at = p.append("version");
        String version = o.strOrEmpty("version");
        SemVer parsed = SemVer.parse(version);
        if (parsed == null) {
            reporter.error(at, INVALID_VERSION, "the config version \"" + version + "\" is not a valid version number");
            return;
        }
        String expected = "3." + minor + ".0" + (minor == 7 ? "-experimental" : "");
        if (!parsed.equals(SemVer.parse(expected))) {
            reporter.error(at, UNKNOWN_VERSION, "the config version \"" + version + "\" is not " + expected);
        }
    }

    // ---- resources ---------------------------------------------------------------------------

    /** Items of a list of resources that must name a source: merged configs, certificate authorities. */
    private void requiredSources(ObjValue o, Path p, String listName) {
        List<Value> items = o.items(listName);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjValue res)) {
                continue;
            }
            Path at = p.append(listName, i);
            String source = res.str("source");
            if (source == null || source.isEmpty()) {
                reporter.error(at, SOURCE_REQUIRED, "a source URL is required here");
            } else {
                url(at, source);
            }
        }
    }

    private void resource(ObjValue o, Path p) {
        compression(o, p);
        verificationNeedsSource(o, p);
        String source = o.str("source");
        if (source != null && !source.isEmpty()) {
            url(p.append("source"), source);
        }
        if (!o.items("httpHeaders").isEmpty()) {
            Path at = p.append("httpHeaders");
            String scheme = source == null || source.isEmpty() ? null : UrlRules.scheme(source);
            if (scheme == null) {
                reporter.error(at, INVALID_URL, "HTTP headers need a source URL that can be parsed");
            } else if (!scheme.equals("http") && !scheme.equals("https")) {
                reporter.error(at, HEADERS_UNSUPPORTED_SCHEME,
                        "HTTP headers can only be used with http or https sources, not " + scheme);
            }
        }
    }

    private void fileContents(ObjValue o, Path p) {
        compression(o, p);
        verificationNeedsSource(o, p);
        String source = o.str("source");
        if (source != null && !source.isEmpty()) {
            url(p.append("source"), source);
        }
    }

    private void compression(ObjValue o, Path p) {
        String compression = o.str("compression");
        if (compression != null && !compression.isEmpty() && !compression.equals("gzip")) {
            reporter.error(p.append("compression"), INVALID_COMPRESSION,
                    "unknown compression \"" + compression + "\" (only gzip is supported)");
        }
    }

    private void verificationNeedsSource(ObjValue o, Path p) {
        ObjValue verification = o.obj("verification");
        if (verification != null && verification.str("hash") != null && o.str("source") == null) {
            reporter.error(p.append("verification", "hash"), VERIFICATION_WITHOUT_SOURCE,
                    "a verification hash needs a source to verify");
        }
    }

    private void url(Path at, String url) {
        UrlRules.Problem problem = UrlRules.checkSource(url, minor);
        if (problem != null) {
            reporter.error(at, problem.code, problem.message);
        }
    }

    private void header(ObjValue o, Path p) {
        if (o.strOrEmpty("name").isEmpty()) {
            reporter.error(p.append("name"), HEADER_NAME_EMPTY, "an HTTP header needs a name");
        }
        String value = o.str("value");
        if (value != null && value.isEmpty()) {
            reporter.error(p.append("value"), HEADER_VALUE_EMPTY, "an HTTP header value cannot be empty");
        }
    }

    private void verification(ObjValue o, Path p) {
        String hash = o.str("hash");
        if (hash == null) {
            return;
        }
        Path at = p.append("hash");
        int dash = hash.indexOf('-');
        if (dash < 0) {
            reporter.error(at, HASH_MALFORMED, "a hash must look like <function>-<hex digest>");
            return;
        }
        String function = hash.substring(0, dash);
        int expected;
        if (function.equals("sha512")) {
            expected = 128;
        } else if (function.equals("sha256") && minor >= 1) {
            expected = 64;
        } else {
            reporter.error(at, HASH_UNRECOGNIZED, "unsupported hash function \"" + function + "\"");
            return;
        }
        if (utf8Length(hash.substring(dash + 1)) != expected) {
            reporter.error(at, HASH_WRONG_SIZE, "a " + function + " digest is " + expected + " hex digits long");
        }
    }

    private void proxy(ObjValue o, Path p, String field, boolean plainHttpOk) {
        String value = o.str(field);
        if (value == null) {
            return;
        }
        Path at = p.append(field);
        String scheme = UrlRules.scheme(value);
        if (scheme == null) {
            reporter.error(at, INVALID_URL, "the proxy URL cannot be parsed");
        } else if (!scheme.equals("http") && !scheme.equals("https")) {
            reporter.error(at, INVALID_PROXY, "a proxy must be an http or https URL");
        } else if (scheme.equals("http") && !plainHttpOk) {
            reporter.warning(at, INSECURE_PROXY, "HTTPS requests would go through a plain-text HTTP proxy");
        }
    }

    // ---- storage -----------------------------------------------------------------------------

    private void storage(ObjValue o, Path p) {
        LinkPaths links = new LinkPaths(objects(o.list("links")));
        Map<String, Integer> directoryPaths = new HashMap<>();
        for (ObjValue dir : objects(o.list("directories"))) {
            String path = dir.strOrEmpty("path");
            Integer before = directoryPaths.get(path);
            directoryPaths.put(path, before == null ? 1 : before + 1);
        }
        underLink(o, p, "directories", links, DIRECTORY_UNDER_LINK, "directory");
        underLink(o, p, "files", links, FILE_UNDER_LINK, "file");
        List<Value> linkItems = o.items("links");
        for (int i = 0; i < linkItems.size(); i++) {
            if (!(linkItems.get(i) instanceof ObjValue link)) {
                continue;
            }
            Path at = p.append("links", i);
            String path = link.strOrEmpty("path");
            for (int k = links.through(path); k > 0; k--) {
                reporter.error(at, LINK_UNDER_LINK, "this link's path goes through another link of the config");
            }
            String target;
            if (minor >= 3) {
                target = link.str("target");
                if (target == null || target.isEmpty()) {
                    reporter.error(at.append("target"), LINK_TARGET_REQUIRED, "a link needs a target");
                    continue;
                }
            } else {
                target = link.strOrEmpty("target");
            }
            if (!link.isTrue("hard")) {
                continue;
            }
            String resolved = GoPath.clean(target);
            if (!GoPath.isAbs(resolved)) {
                resolved = GoPath.join(path, target);
            }
            for (int k = directoryPaths.getOrDefault(resolved, 0); k > 0; k--) {
                reporter.error(at, HARD_LINK_TO_DIRECTORY, "a hard link cannot point at a directory");
            }
            ObjValue user = child(link, "user");
            ObjValue group = child(link, "group");
            hardLinkOwner(user.has("id"), at.append("user", "id"));
            hardLinkOwner(user.has("name"), at.append("user", "name"));
            hardLinkOwner(group.has("id"), at.append("group", "id"));
            hardLinkOwner(group.has("name"), at.append("group", "name"));
        }
        filesystemsOnDisks(o, p);
    }

    private void underLink(ObjValue o, Path p, String listName, LinkPaths links, String code, String what) {
        List<Value> items = o.items(listName);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjValue node)) {
                continue;
            }
            String path = node.strOrEmpty("path");
            for (int k = links.through(path); k > 0; k--) {
                reporter.error(p.append(listName, i), code,
                        "this " + what + "'s path goes through a link of the config");
            }
        }
    }

    /**
     * The links' paths, to ask how many of them a path goes through ({@code path} starts with
     * a link's path and a {@code /}), as Ignition asks of every pair; looked up by the path's
     * prefixes instead, so that many entries take linear time rather than quadratic.
     */
    private static final class LinkPaths {
        private final Map<String, Integer> count = new HashMap<>();
        private final java.util.BitSet lengths = new java.util.BitSet();

        LinkPaths(List<ObjValue> links) {
            for (ObjValue link : links) {
                String path = link.strOrEmpty("path");
                Integer before = count.get(path);
                count.put(path, before == null ? 1 : before + 1);
                lengths.set(path.length());
            }
        }

        int through(String path) {
            int n = 0;
            for (int j = path.indexOf('/'); j >= 0; j = path.indexOf('/', j + 1)) {
                if (lengths.get(j)) {
                    n += count.getOrDefault(path.substring(0, j), 0);
                }
            }
            return n;
        }
    }

    private void hardLinkOwner(boolean set, Path at) {
        if (set) {
            reporter.warning(at, HARD_LINK_OWNER, "the owner of a hard link is ignored (it is the target's)");
        }
    }

    private void filesystemsOnDisks(ObjValue o, Path p) {
        Map<String, ObjValue> disks = new HashMap<>();
        for (ObjValue disk : objects(o.list("disks"))) {
            disks.put(disk.strOrEmpty("device"), disk);
        }
        List<Value> filesystems = o.items("filesystems");
        for (int i = 0; i < filesystems.size(); i++) {
            if (!(filesystems.get(i) instanceof ObjValue fs)) {
                continue;
            }
            ObjValue disk = disks.get(fs.strOrEmpty("device"));
            if (disk == null) {
                continue;
            }
            Path at = p.append("filesystems", i, "device");
            if (!disk.items("partitions").isEmpty()) {
                reporter.warning(at, FILESYSTEM_OVERWRITES_PARTITIONS,
                        "this filesystem takes the whole disk, which also has partitions");
            } else if (!fs.isTrue("wipeFilesystem") && disk.isTrue("wipeTable")) {
                reporter.warning(at, FILESYSTEM_IMPLICIT_WIPE,
                        "the disk's partition table is wiped, so this filesystem will be wiped too");
            }
        }
    }

    private void nodePath(ObjValue o, Path p) {
        path(p.append("path"), o.strOrEmpty("path"));
    }

    /** An absolute path in its simplest form. */
    private void path(Path at, String path) {
        if (path.isEmpty()) {
            reporter.error(at, PATH_EMPTY, "a path is required");
        } else if (!GoPath.isAbs(path)) {
            reporter.error(at, PATH_NOT_ABSOLUTE, "the path \"" + path + "\" is not absolute");
        } else if (!GoPath.clean(path).equals(path)) {
            reporter.error(at, PATH_NOT_CLEAN,
                    "the path \"" + path + "\" is not in its simplest form (" + GoPath.clean(path) + ")");
        }
    }

    private void mode(ObjValue o, Path p) {
        Long mode = o.integer("mode");
        if (mode == null) {
            return;
        }
        Path at = p.append("mode");
        if (mode < 0 || mode > 07777) {
            reporter.error(at, INVALID_MODE, "the mode must be between 0 and 07777");
        }
        if (minor <= 5 && (mode & 07000) != 0) {
            reporter.warning(at, SPECIAL_MODE_BITS,
                    "setuid, setgid and sticky bits are not applied by Ignition before spec 3.6.0");
        }
    }

    private void file(ObjValue o, Path p) {
        nodePath(o, p);
        mode(o, p);
        if (o.isTrue("overwrite") && child(o, "contents").str("source") == null) {
            reporter.error(p.append("overwrite"), OVERWRITE_WITHOUT_SOURCE,
                    "overwrite needs a contents source (otherwise set it to false)");
        }
    }

    private void disk(ObjValue o, Path p) {
        String device = o.strOrEmpty("device");
        if (device.isEmpty()) {
            reporter.error(p.append("device"), DEVICE_REQUIRED, "a disk needs a device");
            return;
        }
        path(p.append("device"), device);
        List<ObjValue> partitions = objects(o.list("partitions"));

        Map<Long, List<Integer>> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            long number = number(partitions.get(i));
            if (number != 0) {
                List<Integer> same = byNumber.get(number);
                if (same == null) {
                    same = new ArrayList<>();
                    byNumber.put(number, same);
                }
                same.add(i);
            }
        }
        for (List<Integer> indices : byNumber.values()) {
            if (indices.size() > 1) {
                reporter.error(p.append("partitions", indices.get(1)), PARTITION_NUMBERS_COLLIDE,
                        "another partition of this disk has the same number");
                break;
            }
        }

        int overlapping = overlappingPartition(partitions);
        if (overlapping >= 0) {
            reporter.error(p.append("partitions", overlapping), PARTITIONS_OVERLAP,
                    "this partition overlaps another partition of the disk");
        }

        boolean hasZero = false;
        boolean hasShouldNotExist = false;
        for (ObjValue part : partitions) {
            hasZero |= number(part) == 0;
            hasShouldNotExist |= Boolean.FALSE.equals(part.bool("shouldExist"));
        }
        if (hasZero && hasShouldNotExist) {
            reporter.error(p.append("partitions"), ZERO_NUMBER_WITH_SHOULD_NOT_EXIST,
                    "a partition without a number cannot be combined with a partition marked shouldExist: false");
        }

        Set<String> labels = new HashSet<>();
        for (int i = 0; i < partitions.size(); i++) {
            String label = partitions.get(i).str("label");
            if (label != null && !labels.add(label)) {
                reporter.error(p.append("partitions", i), DUPLICATE_PARTITION_LABEL,
                        "another partition of this disk has the label \"" + label + "\"");
                break;
            }
        }
    }

    private static long number(ObjValue partition) {
        Long n = partition.integer("number");
        return n == null ? 0 : n;
    }

    /** The index of the first partition found overlapping another; only fully placed partitions count. */
    private static int overlappingPartition(List<ObjValue> partitions) {
        for (int a = 0; a < partitions.size(); a++) {
            ObjValue p = partitions.get(a);
            Long pStart = p.integer("startMiB");
            Long pSize = p.integer("sizeMiB");
            if (pStart == null || pSize == null || pStart == 0) {
                continue;
            }
            long pEnd = end(pStart, pSize);
            for (int b = 0; b < partitions.size(); b++) {
                ObjValue o = partitions.get(b);
                Long oStart = o.integer("startMiB");
                Long oSize = o.integer("sizeMiB");
                if (oStart == null || oSize == null || a == b || oStart == 0) {
                    continue;
                }
                long oEnd = end(oStart, oSize);
                if (pStart >= oStart && pStart <= oEnd || pEnd >= oStart && pEnd <= oEnd
                        || pStart < oStart && pEnd > oEnd) {
                    return b;
                }
            }
        }
        return -1;
    }

    /** The last MiB of a partition; a size of 0 (fill the disk) counts as ending where it starts. */
    private static long end(long start, long size) {
        return size == 0 ? start : start + size - 1;
    }

    private void partition(ObjValue o, Path p) {
        if (Boolean.FALSE.equals(o.bool("shouldExist")) && (o.str("label") != null || notEmpty(o, "typeGuid")
                || notEmpty(o, "guid") || o.integer("startMiB") != null || o.integer("sizeMiB") != null)) {
            reporter.error(p, SHOULD_NOT_EXIST_WITH_OTHERS,
                    "a partition with shouldExist: false cannot also set label, guid, typeGuid, start or size");
        }
        String label = o.str("label");
        if (number(o) == 0 && label == null) {
            reporter.error(p, PARTITION_NEEDS_LABEL_OR_NUMBER, "a partition needs a number (1 or more) or a label");
        }
        if (label != null) {
            if (goLength(o, "label") > 36) {
                reporter.error(p.append("label"), PARTITION_LABEL_TOO_LONG,
                        "a partition label is at most 36 characters long");
            } else if (label.indexOf(':') >= 0) {
                reporter.error(p.append("label"), PARTITION_LABEL_COLON,
                        "a partition label cannot contain ':' (it would be cut there)");
            }
        }
        guid(o, p, "guid");
        guid(o, p, "typeGuid");
    }

    private void guid(ObjValue o, Path p, String field) {
        String guid = o.str(field);
        if (guid != null && !isGuidOrEmpty(guid)) {
            reporter.error(p.append(field), INVALID_GUID,
                    "\"" + guid + "\" is not a GUID of the form 01234567-89AB-CDEF-EDCB-A98765432101");
        }
    }

    private void filesystem(ObjValue o, Path p) {
        String path = o.str("path");
        if (path != null && !path.isEmpty()) {
            path(p.append("path"), path);
        }
        path(p.append("device"), o.strOrEmpty("device"));
        String format = o.str("format");
        boolean noFormat = format == null || format.isEmpty();
        if (noFormat) {
            if (notEmpty(o, "path") || notEmpty(o, "label") || notEmpty(o, "uuid") || o.isTrue("wipeFilesystem")
                    || !o.items("mountOptions").isEmpty() || !o.items("options").isEmpty()) {
                reporter.error(p.append("format"), FORMAT_REQUIRED,
                        "a format is required when path, label, uuid, wipeFilesystem, options or mountOptions is set");
            }
        } else if (!knownFormat(format)) {
            reporter.error(p.append("format"), INVALID_FILESYSTEM_FORMAT, "unknown filesystem format \"" + format + "\"");
        }
        String label = o.str("label");
        if (label == null || label.isEmpty()) {
            return;
        }
        if (noFormat) {
            reporter.error(p.append("label"), LABEL_NEEDS_FORMAT, "a filesystem label needs a format");
            return;
        }
        int max = switch (format) {
            case "ext4" -> 16;
            case "btrfs" -> 256;
            case "xfs" -> 12;
            case "swap" -> 15;
            case "vfat" -> 11;
            default -> Integer.MAX_VALUE;
        };
        if (goLength(o, "label") > max) {
            reporter.error(p.append("label"), FILESYSTEM_LABEL_TOO_LONG,
                    format + " filesystem labels are at most " + max + " characters long");
        }
    }

    private boolean knownFormat(String format) {
        return switch (format) {
            case "ext4", "btrfs", "xfs", "swap", "vfat" -> true;
            case "none" -> minor >= 3;
            default -> false;
        };
    }

    private void raid(ObjValue o, Path p) {
        Path levelAt = p.append("level");
        String level = o.str("level");
        if (minor >= 3 && (level == null || level.isEmpty())) {
            reporter.error(levelAt, RAID_LEVEL_REQUIRED, "a RAID array needs a level");
        } else {
            switch (level == null ? "" : level) {
                case "linear", "raid0", "0", "stripe" -> {
                    Long spares = o.integer("spares");
                    if (spares != null && spares != 0) {
                        reporter.error(levelAt, RAID_SPARES_UNSUPPORTED,
                                "linear and raid0 arrays cannot have spare devices");
                    }
                }
                case "raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10" -> {
                    // known level
                }
                default -> reporter.error(levelAt, RAID_LEVEL_UNKNOWN, "unknown RAID level \"" + level + "\"");
            }
        }
        List<Value> devices = o.items("devices");
        if (devices.isEmpty()) {
            reporter.error(p.append("devices"), RAID_DEVICES_REQUIRED, "a RAID array needs devices");
        }
        for (int i = 0; i < devices.size(); i++) {
            path(p.append("devices", i), devices.get(i) instanceof StrValue s
                    ? s.value() : "");
        }
    }

    // ---- luks --------------------------------------------------------------------------------

    private void luks(ObjValue o, Path p) {
        if (o.strOrEmpty("name").contains("/")) {
            reporter.error(p.append("name"), LUKS_NAME_SLASH, "a LUKS device name cannot contain '/'");
        }
        String label = o.str("label");
        if (label != null && goLength(o, "label") > 47) {
            reporter.error(p.append("label"), LUKS_LABEL_TOO_LONG, "a LUKS label is at most 47 characters long");
        }
        String device = o.str("device");
        if (device == null || device.isEmpty()) {
            reporter.error(p.append("device"), DEVICE_REQUIRED, "a LUKS volume needs a device");
        } else {
            path(p.append("device"), device);
        }
        ObjValue clevis = o.obj("clevis");
        boolean customWithOthers;
        if (minor == 2) {
            customWithOthers = clevis != null && clevis.obj("custom") != null && clevisUsesStandardPins(clevis);
        } else {
            customWithOthers = clevis != null && notEmpty(child(clevis, "custom"), "pin")
                    && clevisUsesStandardPins(clevis);
        }
        if (customWithOthers) {
            reporter.error(p.append("clevis"), CLEVIS_CUSTOM_WITH_OTHERS,
                    "a custom clevis configuration cannot be combined with tpm2, tang or threshold");
        }
        ObjValue keyFile = child(o, "keyFile");
        String keySource = keyFile.str("source");
        if (keySource != null && !keySource.isEmpty() && UrlRules.checkSource(keySource, minor) != null) {
            reporter.error(p.append("keys"), INVALID_LUKS_KEY_FILE, "the key file source is not a valid URL");
        }
        if (minor >= 5 && child(o, "cex").isTrue("enabled")) {
            if (clevis != null && (notEmpty(child(clevis, "custom"), "pin") || clevisUsesStandardPins(clevis))) {
                reporter.error(p.append("cex"), CEX_WITH_CLEVIS, "cex cannot be combined with clevis");
            }
            if (keySource != null && !keySource.isEmpty()) {
                reporter.error(p.append("cex"), CEX_WITH_KEY_FILE, "cex cannot be combined with a key file");
            }
        }
    }

    private static boolean clevisUsesStandardPins(ObjValue clevis) {
        Long threshold = clevis.integer("threshold");
        return !clevis.items("tang").isEmpty() || clevis.isTrue("tpm2") || threshold != null && threshold != 0;
    }

    private void clevisCustom(ObjValue o, Path p) {
        String pin = o.strOrEmpty("pin");
        String config = o.strOrEmpty("config");
        if (minor == 2) {
            if (pin.isEmpty() && config.isEmpty()) {
                return;
            }
            if (!standardPin(pin)) {
                reporter.error(p.append("pin"), CLEVIS_PIN_UNKNOWN, "unknown clevis pin \"" + pin + "\"");
            }
        } else {
            if (pin.isEmpty() && config.isEmpty() && !o.isTrue("needsNetwork")) {
                return;
            }
            if (pin.isEmpty()) {
                reporter.error(p.append("pin"), CLEVIS_PIN_REQUIRED, "a custom clevis configuration needs a pin");
            } else if (minor <= 5 && !standardPin(pin)) {
                reporter.error(p.append("pin"), CLEVIS_PIN_UNKNOWN, "unknown clevis pin \"" + pin + "\"");
            }
        }
        if (config.isEmpty()) {
            reporter.error(p.append("config"), CLEVIS_CONFIG_REQUIRED, "a custom clevis configuration needs a config");
        }
    }

    private static boolean standardPin(String pin) {
        return pin.equals("tpm2") || pin.equals("tang") || pin.equals("sss");
    }

    private void tang(ObjValue o, Path p) {
        UrlRules.Problem problem = UrlRules.checkTang(o.strOrEmpty("url"));
        if (problem != null) {
            reporter.error(p.append("url"), problem.code,
                    problem == UrlRules.Problem.SCHEME ? "a tang server URL must use http or https" : problem.message);
        }
        if (!notEmpty(o, "thumbprint")) {
            reporter.error(p.append("thumbprint"), TANG_THUMBPRINT_REQUIRED, "a tang server needs a thumbprint");
        }
        if (minor >= 4 && notEmpty(o, "advertisement") && !JsonSyntax.decodable(o.str("advertisement"))) {
            reporter.error(p.append("advertisement"), INVALID_TANG_ADVERTISEMENT,
                    "the tang advertisement is not valid JSON");
        }
    }

    // ---- systemd -----------------------------------------------------------------------------

    /** An enabled template instance whose template unit (with contents) has no [Install] options. */
    private void systemd(ObjValue o, Path p) {
        Map<String, ObjValue> units = new HashMap<>();
        List<ObjValue> all = objects(o.list("units"));
        for (ObjValue unit : all) {
            units.put(unit.strOrEmpty("name"), unit);
        }
        List<Value> items = o.items("units");
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof ObjValue unit) || !unit.isTrue("enabled")) {
                continue;
            }
            String prefix = templatePrefix(unit.strOrEmpty("name"));
            if (prefix == null) {
                continue;
            }
            String templateName = prefix + "@.service";
            ObjValue template = units.get(templateName);
            if (template == null || !notEmpty(template, "contents")) {
                continue;
            }
            List<UnitFile.Option> options;
            try {
                options = UnitFile.parse(template.str("contents"));
            } catch (UnitFile.InvalidUnitException e) {
                continue;
            }
            if (!UnitFile.hasOptionInSection(options, "Install")) {
                reporter.warning(p.append("units", i, "contents"), TEMPLATE_NO_INSTALL_SECTION,
                        "template unit " + templateName + " of enabled unit " + unit.strOrEmpty("name")
                                + " has no [Install] section");
            }
        }
    }

    private void unit(ObjValue o, Path p) {
        String name = o.strOrEmpty("name");
        if (!UNIT_SUFFIXES.contains(GoPath.ext(name))) {
            reporter.error(p.append("name"), UNIT_BAD_SUFFIX, "\"" + name + "\" does not end in a known unit type suffix");
        }
        Path at = p.append("contents");
        String contents = o.str("contents");
        List<UnitFile.Option> options = List.of();
        if (contents != null) {
            try {
                options = UnitFile.parse(contents);
            } catch (UnitFile.InvalidUnitException e) {
                reporter.error(at, UNIT_CONTENTS_INVALID, "invalid unit contents: " + e.getMessage());
                return;
            }
        }
        if (o.isTrue("enabled") && contents != null && !contents.isEmpty()
                && !UnitFile.hasOptionInSection(options, "Install")) {
            reporter.warning(at, UNIT_NO_INSTALL_SECTION,
                    "unit " + name + " is enabled but has no [Install] section, so enabling it does nothing");
        }
    }

    private void dropin(ObjValue o, Path p) {
        String contents = o.str("contents");
        if (contents != null) {
            try {
                UnitFile.parse(contents);
            } catch (UnitFile.InvalidUnitException e) {
                reporter.error(p.append("contents"), UNIT_CONTENTS_INVALID, "invalid drop-in contents: " + e.getMessage());
            }
        }
        if (!GoPath.ext(o.strOrEmpty("name")).equals(".conf")) {
            reporter.error(p.append("name"), DROPIN_BAD_SUFFIX, "a drop-in name must end in .conf");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static boolean notEmpty(ObjValue o, String field) {
        String s = o.str(field);
        return s != null && !s.isEmpty();
    }

    /** The child object, or an empty one standing for Go's zero struct. */
    private static ObjValue child(ObjValue o, String field) {
        ObjValue c = o == null ? null : o.obj(field);
        return c == null ? new ObjValue("") : c;
    }

    private static List<ObjValue> objects(ListValue list) {
        List<ObjValue> out = new ArrayList<>();
        if (list != null) {
            for (Value v : list.items()) {
                if (v instanceof ObjValue o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /**
     * Go's {@code len} of a string field: its bytes, which for a {@code !!binary} value are the
     * decoded bytes as they are (a byte that is not UTF-8 counts once, not as the three bytes of
     * the U+FFFD it is shown as).
     */
    private static int goLength(ObjValue o, String field) {
        return o.get(field) instanceof StrValue s && s.hasRawBytes() ? s.bytes().length : utf8Length(o.strOrEmpty(field));
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
