/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.ignition;

/** The diagnostic codes {@link IgnitionValidator} reports, one per kind of problem. */
public final class IgnitionCodes {
    private IgnitionCodes() {
    }

    // duplicates
    public static final String DUPLICATE = "duplicate";

    // ignition section
    public static final String INVALID_VERSION = "invalid-version";
    public static final String UNKNOWN_VERSION = "unknown-version";
    public static final String SOURCE_REQUIRED = "source-required";

    // resources and URLs
    public static final String INVALID_URL = "invalid-url";
    public static final String INVALID_SCHEME = "invalid-scheme";
    public static final String INVALID_S3_VERSION_ID = "invalid-s3-version-id";
    public static final String INVALID_S3_ARN = "invalid-s3-arn";
    public static final String INVALID_DATA_URL = "invalid-data-url";
    public static final String INVALID_COMPRESSION = "invalid-compression";
    public static final String VERIFICATION_WITHOUT_SOURCE = "verification-without-source";
    public static final String HEADERS_UNSUPPORTED_SCHEME = "headers-unsupported-scheme";
    public static final String HEADER_NAME_EMPTY = "header-name-empty";
    public static final String HEADER_VALUE_EMPTY = "header-value-empty";
    public static final String HASH_MALFORMED = "hash-malformed";
    public static final String HASH_UNRECOGNIZED = "hash-unrecognized";
    public static final String HASH_WRONG_SIZE = "hash-wrong-size";
    public static final String INVALID_PROXY = "invalid-proxy";
    public static final String INSECURE_PROXY = "insecure-proxy";

    // paths and nodes
    public static final String PATH_EMPTY = "path-empty";
    public static final String PATH_NOT_ABSOLUTE = "path-not-absolute";
    public static final String PATH_NOT_CLEAN = "path-not-clean";
    public static final String ID_AND_NAME = "id-and-name";
    public static final String INVALID_MODE = "invalid-mode";
    public static final String SPECIAL_MODE_BITS = "special-mode-bits";
    public static final String OVERWRITE_WITHOUT_SOURCE = "overwrite-without-source";
    public static final String DIRECTORY_UNDER_LINK = "directory-under-link";
    public static final String FILE_UNDER_LINK = "file-under-link";
    public static final String LINK_UNDER_LINK = "link-under-link";
    public static final String LINK_TARGET_REQUIRED = "link-target-required";
    public static final String HARD_LINK_TO_DIRECTORY = "hard-link-to-directory";
    public static final String HARD_LINK_OWNER = "hard-link-owner";
    public static final String PATH_CONFLICTS_SYSTEMD = "path-conflicts-systemd";

    // disks and partitions
    public static final String DEVICE_REQUIRED = "device-required";
    public static final String PARTITION_NUMBERS_COLLIDE = "partition-numbers-collide";
    public static final String PARTITIONS_OVERLAP = "partitions-overlap";
    public static final String ZERO_NUMBER_WITH_SHOULD_NOT_EXIST = "zero-number-with-should-not-exist";
    public static final String DUPLICATE_PARTITION_LABEL = "duplicate-partition-label";
    public static final String SHOULD_NOT_EXIST_WITH_OTHERS = "should-not-exist-with-others";
    public static final String PARTITION_NEEDS_LABEL_OR_NUMBER = "partition-needs-label-or-number";
    public static final String PARTITION_LABEL_TOO_LONG = "partition-label-too-long";
    public static final String PARTITION_LABEL_COLON = "partition-label-colon";
    public static final String INVALID_GUID = "invalid-guid";

    // filesystems
    public static final String INVALID_FILESYSTEM_FORMAT = "invalid-filesystem-format";
    public static final String FORMAT_REQUIRED = "format-required";
    public static final String LABEL_NEEDS_FORMAT = "label-needs-format";
    public static final String FILESYSTEM_LABEL_TOO_LONG = "filesystem-label-too-long";
    public static final String FILESYSTEM_OVERWRITES_PARTITIONS = "filesystem-overwrites-partitions";
    public static final String FILESYSTEM_IMPLICIT_WIPE = "filesystem-implicit-wipe";

    // raid
    public static final String RAID_LEVEL_REQUIRED = "raid-level-required";
    public static final String RAID_LEVEL_UNKNOWN = "raid-level-unknown";
    public static final String RAID_SPARES_UNSUPPORTED = "raid-spares-unsupported";
    public static final String RAID_DEVICES_REQUIRED = "raid-devices-required";

    // luks and clevis
    public static final String LUKS_NAME_SLASH = "luks-name-slash";
    public static final String LUKS_LABEL_TOO_LONG = "luks-label-too-long";
    public static final String CLEVIS_CUSTOM_WITH_OTHERS = "clevis-custom-with-others";
    public static final String INVALID_LUKS_KEY_FILE = "invalid-luks-key-file";
    public static final String CEX_WITH_CLEVIS = "cex-with-clevis";
    public static final String CEX_WITH_KEY_FILE = "cex-with-key-file";
    public static final String CLEVIS_PIN_REQUIRED = "clevis-pin-required";
    public static final String CLEVIS_PIN_UNKNOWN = "clevis-pin-unknown";
    public static final String CLEVIS_CONFIG_REQUIRED = "clevis-config-required";
    public static final String TANG_THUMBPRINT_REQUIRED = "tang-thumbprint-required";
    public static final String INVALID_TANG_ADVERTISEMENT = "invalid-tang-advertisement";

    // systemd
    public static final String UNIT_BAD_SUFFIX = "unit-bad-suffix";
    public static final String UNIT_CONTENTS_INVALID = "unit-contents-invalid";
    public static final String UNIT_NO_INSTALL_SECTION = "unit-no-install-section";
    public static final String TEMPLATE_NO_INSTALL_SECTION = "template-no-install-section";
    public static final String DROPIN_BAD_SUFFIX = "dropin-bad-suffix";
}
