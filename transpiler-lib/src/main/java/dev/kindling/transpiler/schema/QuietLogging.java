/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.schema;

import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;

/**
 * Keeps the library's promise to print nothing. The schema validator (networknt) logs through
 * SLF4J, and SLF4J, when it finds no logging provider, writes
 * {@code SLF4J(W): No SLF4J providers were found.} to standard error the first time any logger
 * is made. Every networknt validator makes one, so this cannot be avoided by configuration,
 * and a library must not bring a provider of its own (it would clash with the application's).
 *
 * <p>So, before the validator is first loaded: when the application has no SLF4J provider at
 * all and has not configured SLF4J's own reporting, that reporting is turned down to errors
 * ({@code slf4j.internal.verbosity}). With no provider every log call goes nowhere anyway;
 * only the notice about it is dropped. An application with a provider, or with its own
 * setting, is left exactly as it is; so is one with the SLF4J 1.x API (Maven's plugin class
 * loaders, for one), which has neither providers nor that property.
 */
final class QuietLogging {
    static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietLogging() {
    }

    static {
        // LoggerFactory.class only names the class: SLF4J is not initialised here
        ClassLoader loader = LoggerFactory.class.getClassLoader();
        Class<?> spi = null;
        try {
            spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            spi = null; // SLF4J 1.x
        }
        if (spi != null && System.getProperty(VERBOSITY) == null && System.getProperty("slf4j.provider") == null
                && ServiceLoader.load(spi, loader).stream().findAny().isEmpty()) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }

    /** Runs the check above once per class loader; call before any networknt class is used. */
    static void ensure() {
        // the work is in the static initialiser
    }
}
