/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The launcher's training run for its class-data archive (CDS, or the AOT cache from JDK 25):
 * loads every class of the transpiler and of the YAML library it reads with, then runs the
 * command line as {@link Main} does.
 *
 * <p>Why load them all: the archive holds only the classes the training run loaded, and a run
 * that needs one class more (a YAML comment, an error path, a sugar the training configs do not
 * use) makes the JVM open the jar and read its whole central directory, about 9 ms of a cold
 * run. Loading (not initialising) these few hundred classes costs the archive a few hundred KiB.
 * The other libraries in the jar (Jackson, the JSON Schema validator) serve the commands that
 * are not the plain transpile path and stay out, to keep the archive small.
 */
public final class ArchiveTraining {
    private static final String[] PACKAGES = {"dev/kindling/", "org/snakeyaml/engine/"};

    private ArchiveTraining() {}

    public static void main(String[] args) {
        loadClasses();
        Main.main(args);
    }

    /** Loads the classes of {@link #PACKAGES} from this class's jar; returns how many loaded. */
    static int loadClasses() {
        Path jar;
        try {
            jar = Path.of(ArchiveTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return 0; // no jar to list: the archive simply holds what the run loads
        }
        if (!jar.toString().endsWith(".jar")) {
            return 0; // classes from a folder (tests): nothing to archive
        }
        return loadClasses(jar, ArchiveTraining.class.getClassLoader());
    }

    /** Loads, through {@code loader}, the classes of {@link #PACKAGES} that {@code jar} lists. */
    static int loadClasses(Path jar, ClassLoader loader) {
        int loaded = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || !inPackages(name) || name.endsWith("module-info.class")) {
                    continue;
                }
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class that cannot load here (a missing optional dependency) is not archived
                }
            }
        } catch (IOException e) {
            return loaded; // an unreadable jar: train on what the run itself loads
        }
        return loaded;
    }

    private static boolean inPackages(String entry) {
        for (String p : PACKAGES) {
            if (entry.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
