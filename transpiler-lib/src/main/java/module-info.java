/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
/**
 * Kindling's Butane-to-Ignition transpiler. The API is {@code dev.kindling.transpiler}
 * ({@link dev.kindling.transpiler.Transpiler}, its options, results and diagnostics, and
 * composition with {@link dev.kindling.transpiler.Source} and
 * {@link dev.kindling.transpiler.Variables}), {@code dev.kindling.transpiler.decompile}
 * (Ignition to Butane) and {@code dev.kindling.transpiler.upgrade} (moving a config to another
 * spec version). Every other package is internal and may change in any release; on the module path it is not readable,
 * and the jar's own tools (command line, Maven plugin) use it from the class path.
 */
module dev.kindling.transpiler {
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;
    requires org.slf4j;
    requires org.snakeyaml.engine.v2;

    exports dev.kindling.transpiler;
    exports dev.kindling.transpiler.decompile;
    exports dev.kindling.transpiler.upgrade;

    // QuietLogging asks whether the application has an SLF4J provider
    uses org.slf4j.spi.SLF4JServiceProvider;
}
