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
    NO_AUTO_COMPRESSION
}
