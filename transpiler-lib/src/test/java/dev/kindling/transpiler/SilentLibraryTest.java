/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library prints nothing: an application with only the library and its own dependencies
 * on the class path (no SLF4J provider) gets an empty standard error from a transpile.
 */
class SilentLibraryTest {
    /**
     * The test's class and module path (surefire puts the library's module on the latter) as
     * one class path, as an application has it, without any SLF4J provider.
     */
    private static String libraryOnlyClassPath() {
        String all = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path");
        return Arrays.stream(all.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .filter(e -> !e.contains("slf4j-nop") && !e.contains("slf4j-simple") && !e.contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String[] run(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", libraryOnlyClassPath(), LibraryOnlyMain.class.getName()));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        return new String[] {new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8)};
    }

    @Test
    void anApplicationWithoutAnSlf4jProviderGetsNothingOnStandardError() throws Exception {
        assertThat(libraryOnlyClassPath()).contains("slf4j-api").doesNotContain("slf4j-nop");
        String[] r = run();
        assertThat(r[0]).isEqualTo("{\"ignition\":{\"version\":\"3.5.0\"}} 1" + System.lineSeparator() + "1"
                + System.lineSeparator());
        assertThat(r[1]).isEmpty();
    }

    @Test
    void anApplicationThatConfiguresSlf4jReportingKeepsItsSetting() throws Exception {
        // SLF4J's notice is still there when the application asks for it: the check above can fail
        String[] r = run("-Dslf4j.internal.verbosity=INFO");
        assertThat(r[1]).contains("No SLF4J providers were found");
    }
}
