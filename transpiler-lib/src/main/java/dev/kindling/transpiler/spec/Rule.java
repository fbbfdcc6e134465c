/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/** Checks and behaviours that only some variant versions have. */
public enum Rule {
    /** Mount points of generated mount units must be /etc, /var or below (fcos 1.6+). */
    MOUNT_POINT_UNDER_ETC_OR_VAR,
    /** Warn about reusing a partition by label without a number (fcos 1.6+). */
    WARN_REUSE_BY_LABEL,
    /** Warn about reserved partition labels at the wrong number (fcos and openshift). */
    WARN_RESERVED_PARTITION_LABELS,
    /** Warn about a too small or constrained root partition (fcos 1.3+ and openshift). */
    WARN_ROOT_PARTITION_SIZE,
    /** A boot_device mirror without a layout is an error instead of a warning (fcos 1.7+). */
    MIRROR_NEEDS_LAYOUT_ERROR,
    /** boot_device.luks.device needs a method (fcos 1.7+). */
    BOOT_LUKS_NEEDS_METHOD,
    /** Never gzip generated contents (openshift 4.8 and 4.9, whose MCO cannot read it). */
    NO_AUTO_COMPRESSION,
    /** openshift with fips: add the FIPS-approved cipher to LUKS volumes without one (4.8 to 4.19). */
    FIPS_LUKS_CIPHER,
    /** openshift: file modes must not have special bits (4.10+). */
    NO_SPECIAL_FILE_MODES,
    /** openshift: filesystem format none is refused (4.14+). */
    NO_FILESYSTEM_NONE,
    /** openshift: CEX-encrypted root needs the rd.luks.key kernel argument (4.19+). */
    CEX_NEEDS_KERNEL_ARGUMENT,
    /** openshift: a grub user.cfg with one append entry becomes its contents (4.23+). */
    GRUB_CFG_AS_CONTENTS
}
