/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

/**
 * What a successful (or attempted) transpilation produces.
 *
 * @param variant the config's variant, e.g. {@code fcos}
 * @param version the config's spec version, normalised, e.g. {@code 1.5.0}
 * @param ignitionVersion the Ignition spec version of the output, e.g. {@code 3.4.0}
 * @param mediaType {@code application/vnd.coreos.ignition+json} or {@code application/yaml}
 * @param fileExtension {@code .ign} for Ignition JSON, {@code .yaml} for a MachineConfig
 */
public record OutputInfo(String variant, String version, String ignitionVersion, String mediaType,
        String fileExtension) {
    /** The media type of an Ignition config. */
    public static final String IGNITION_MEDIA_TYPE = "application/vnd.coreos.ignition+json";
    /** The media type of an openshift MachineConfig. */
    public static final String YAML_MEDIA_TYPE = "application/yaml";
}
