/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet we show users compiles against the library: each {@code ```java} block of
 * README.md and the example in {@link Transpiler}'s Javadoc. A snippet is compiled as the body
 * of a method that may throw any exception and is given {@code Path input} (the config file);
 * its own {@code import} lines are kept, and {@code dev.kindling.transpiler}, {@code java.io},
 * {@code java.nio.file} and {@code java.util} are imported for it.
 */
class DocumentedSnippetsTest {

    /** Holds each snippet's source and classes; JUnit removes it after the class's tests. */
    @TempDir
    static Path work;

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    static List<String> readmeSnippets() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String javadocSnippet() throws Exception {
        String src = Files.readString(ROOT.resolve("transpiler-lib/src/main/java/dev/kindling/transpiler/Transpiler.java"));
        Matcher m = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL).matcher(src);
        assertThat(m.find()).as("Transpiler's Javadoc has an example").isTrue();
        return m.group(1).replaceAll("(?m)^ \\* ?", "");
    }

    /** The snippet as a compilation unit. */
    static String unit(String name, String snippet) {
        StringBuilder imports = new StringBuilder("import dev.kindling.transpiler.*;\nimport java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n");
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "class " + name + " {\n    static void run(Path input) throws Exception {\n" + body + "    }\n}\n";
    }

    /**
     * Compiles the unit with the JDK's {@code javac} (a process of its own, so that the test
     * needs no access to {@code java.compiler} from inside the library's module) against the
     * test's class and module path; returns javac's output when it fails.
     */
    static String compile(String name, String unit) throws Exception {
        Path dir = Files.createTempDirectory(work, name);
        Path source = Files.writeString(dir.resolve(name + ".java"), unit, StandardCharsets.UTF_8);
        String classPath = System.getProperty("jdk.module.path", "") + File.pathSeparator
                + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-encoding", "UTF-8", "-proc:none", "-classpath", classPath, "-d", dir.resolve("out").toString(),
                source.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? "" : out;
    }

    @TestFactory
    List<DynamicTest> everySnippetCompiles() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> readme = readmeSnippets();
        assertThat(readme).as("README.md has Java snippets").isNotEmpty();
        for (int i = 0; i < readme.size(); i++) {
            String name = "ReadmeSnippet" + (i + 1);
            String unit = unit(name, readme.get(i));
            tests.add(DynamicTest.dynamicTest("README.md java block " + (i + 1),
                    () -> assertThat(compile(name, unit)).as(unit).isEmpty()));
        }
        String unit = unit("TranspilerJavadoc", javadocSnippet());
        tests.add(DynamicTest.dynamicTest("Transpiler Javadoc example",
                () -> assertThat(compile("TranspilerJavadoc", unit)).as(unit).isEmpty()));
        return tests;
    }

    @TestFactory
    List<DynamicTest> aSnippetThatDoesNotCompileIsCaught() {
        // the mistake the README once had: a checked exception inside a lambda
        String broken = "Optional.of(new byte[0]).ifPresent(b -> Files.write(Path.of(\"x\"), b));\n";
        return List.of(DynamicTest.dynamicTest("IOException in a lambda",
                () -> assertThat(compile("Broken", unit("Broken", broken))).contains("IOException")));
    }
}
