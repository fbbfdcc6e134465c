/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

import java.util.ArrayList;
import java.util.List;

/**
 * The object kinds of an Ignition config and, per spec version, the children of each kind in
 * Ignition's own field order (alphabetical by JSON name, with a node's {@code group},
 * {@code overwrite}, {@code path}, {@code user} ahead of the node kind's own fields). Only children
 * that can hold something to check are listed; scalar fields are read by the rules directly.
 */
enum Shape {
    CONFIG, IGNITION, IGNITION_CONFIG, RESOURCE, CONFIG_REFERENCE, CA_REFERENCE, FILE_CONTENTS, HTTP_HEADER,
    VERIFICATION, PROXY, SECURITY, TLS, KERNEL_ARGUMENTS, PASSWD, PASSWD_GROUP, PASSWD_USER, STORAGE, DIRECTORY, FILE,
    LINK, NODE_USER, NODE_GROUP, DISK, PARTITION, FILESYSTEM, LUKS, CEX, CLEVIS, CLEVIS_CUSTOM, TANG, RAID, SYSTEMD,
    UNIT, DROPIN;

    /**
     * One child field.
     *
     * @param name the JSON name
     * @param shape the kind of the child object or of the list items; null for a list of strings
     * @param list whether the field is a list
     * @param checkDuplicates whether the duplicate check covers the list
     * @param namespace the key space the list shares with sibling lists (its own name by default)
     */
    record Child(String name, Shape shape, boolean list, boolean checkDuplicates, String namespace) {
    }

    /** The children at an Ignition minor version, in declaration order (built once per pair). */
    List<Child> children(int minor) {
        if (minor < 0 || minor >= Memo.MINORS) {
            return List.copyOf(declaredChildren(minor));
        }
        // every object of every config asks; the lists are immutable, so a racing first build
        // by two threads is harmless (both store equal lists)
        List<Child>[] row = Memo.CHILDREN[ordinal()];
        List<Child> known = row[minor];
        if (known == null) {
            known = List.copyOf(declaredChildren(minor));
            row[minor] = known;
        }
        return known;
    }

    private static final class Memo {
        static final int MINORS = 32;
        @SuppressWarnings("unchecked")
        static final List<Child>[][] CHILDREN = new List[values().length][MINORS];
    }

    private List<Child> declaredChildren(int minor) {
        List<Child> c = new ArrayList<>();
        Shape ref = minor == 0 ? CONFIG_REFERENCE : RESOURCE;
        Shape contents = minor == 0 ? FILE_CONTENTS : RESOURCE;
        switch (this) {
            case CONFIG -> {
                c.add(obj("ignition", IGNITION));
                if (minor >= 3) {
                    c.add(obj("kernelArguments", KERNEL_ARGUMENTS));
                }
                c.add(obj("passwd", PASSWD));
                c.add(obj("storage", STORAGE));
                c.add(obj("systemd", SYSTEMD));
            }
            case IGNITION -> {
                c.add(obj("config", IGNITION_CONFIG));
                if (minor >= 1) {
                    c.add(obj("proxy", PROXY));
                }
                c.add(obj("security", SECURITY));
            }
            case IGNITION_CONFIG -> {
                c.add(list("merge", ref));
                c.add(obj("replace", ref));
            }
            case RESOURCE -> {
                c.add(list("httpHeaders", HTTP_HEADER));
                c.add(obj("verification", VERIFICATION));
            }
            case CONFIG_REFERENCE, CA_REFERENCE, FILE_CONTENTS -> c.add(obj("verification", VERIFICATION));
            case PROXY -> c.add(list("noProxy", null));
            case SECURITY -> c.add(obj("tls", TLS));
            case TLS -> c.add(list("certificateAuthorities", minor == 0 ? CA_REFERENCE : RESOURCE));
            case KERNEL_ARGUMENTS -> {
                c.add(new Child("shouldExist", null, true, true, "kernelArgument"));
                c.add(new Child("shouldNotExist", null, true, true, "kernelArgument"));
            }
            case PASSWD -> {
                c.add(list("groups", PASSWD_GROUP));
                c.add(list("users", PASSWD_USER));
            }
            case PASSWD_USER -> {
                c.add(list("groups", null));
                c.add(list("sshAuthorizedKeys", null));
            }
            case STORAGE -> {
                c.add(new Child("directories", DIRECTORY, true, true, "node"));
                c.add(list("disks", DISK));
                c.add(new Child("files", FILE, true, true, "node"));
                c.add(list("filesystems", FILESYSTEM));
                c.add(new Child("links", LINK, true, true, "node"));
                if (minor >= 2) {
                    c.add(list("luks", LUKS));
                }
                c.add(list("raid", RAID));
            }
            case DIRECTORY, LINK -> {
                c.add(obj("group", NODE_GROUP));
                c.add(obj("user", NODE_USER));
            }
            case FILE -> {
                c.add(obj("group", NODE_GROUP));
                c.add(obj("user", NODE_USER));
                c.add(unchecked("append", contents));
                c.add(obj("contents", contents));
            }
            case DISK -> c.add(list("partitions", PARTITION));
            case FILESYSTEM -> {
                if (minor >= 1) {
                    c.add(unchecked("mountOptions", null));
                }
                c.add(unchecked("options", null));
            }
            case LUKS -> {
                if (minor >= 5) {
                    c.add(obj("cex", CEX));
                }
                c.add(obj("clevis", CLEVIS));
                c.add(obj("keyFile", RESOURCE));
                if (minor >= 4) {
                    c.add(list("openOptions", null));
                }
                c.add(unchecked("options", null));
            }
            case CLEVIS -> {
                c.add(obj("custom", CLEVIS_CUSTOM));
                c.add(list("tang", TANG));
            }
            case RAID -> {
                c.add(list("devices", null));
                c.add(unchecked("options", null));
            }
            case SYSTEMD -> c.add(list("units", UNIT));
            case UNIT -> c.add(list("dropins", DROPIN));
            default -> {
                // no children worth visiting
            }
        }
        return c;
    }

    private static Child obj(String name, Shape shape) {
        return new Child(name, shape, false, false, name);
    }

    private static Child list(String name, Shape shape) {
        return new Child(name, shape, true, true, name);
    }

    private static Child unchecked(String name, Shape shape) {
        return new Child(name, shape, true, false, name);
    }
}
