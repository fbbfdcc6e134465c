/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.spec;

/**
 * An output field a variant does not support: if the generated Ignition config has a non-empty
 * value there, that is an error.
 *
 * @param path dotted output path without list indices, relative to the Ignition config, e.g.
 *     {@code storage.luks.clevis}
 * @param code the diagnostic code
 * @param message the diagnostic message
 * @param ignoreZero a present but zero scalar (e.g. {@code compression: ""} that desugaring
 *     adds) counts as empty
 * @param machineConfigOnly the check only applies to MachineConfig output (openshift's bans are
 *     written against the MachineConfig, so they do not fire on {@code --raw} output)
 */
public record FieldFilter(String path, String code, String message, boolean ignoreZero, boolean machineConfigOnly) {
}
