/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/** Variant-level additions on top of the shared base spec. */
public enum Feature {
    /** {@code boot_device}: fcos 1.3+ and openshift. */
    BOOT_DEVICE,
    /** {@code grub}: fcos 1.5+ and openshift 4.14+. */
    GRUB,
    /** {@code metadata} and {@code openshift}: the openshift variant. */
    OPENSHIFT
}
