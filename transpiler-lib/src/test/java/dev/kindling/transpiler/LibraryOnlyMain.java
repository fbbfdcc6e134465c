/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler;

import java.nio.charset.StandardCharsets;

/** An application that uses only the library: one transpile (with a warning), output on stdout. */
public final class LibraryOnlyMain {
    private LibraryOnlyMain() {
    }

    public static void main(String[] args) {
        TranspileResult r = Transpiler.create().transpile("variant: fcos\nversion: 1.6.0\nunknown: 1\n",
                TranspileOptions.defaults());
        System.out.println(new String(r.output().orElseThrow(), StandardCharsets.UTF_8) + " " + r.warningCount());
        // a plain transpile no longer touches the schema validator (and so SLF4J); the schema
        // check API does, and must be just as quiet
        try {
            var spec = dev.kindling.transpiler.spec.Specs.find("fcos", "1.6.0").orElseThrow();
            var root = new dev.kindling.transpiler.yaml.YamlLoader(dev.kindling.transpiler.yaml.YamlLimits.DEFAULT)
                    .load("variant: fcos\nversion: 1.6.0\nunknown: 1\n".getBytes(StandardCharsets.UTF_8));
            System.out.println(dev.kindling.transpiler.schema.InputValidator.validate(root, spec).size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
