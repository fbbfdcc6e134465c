/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.fleet.InventoryException;
import dev.kindling.transpiler.fleet.VariablesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The variable flags: {@code --var NAME=VALUE}, {@code --vars FILE} and
 * {@code --var-env NAME=ENVVAR} (a secret). They are applied in command-line order, a later
 * definition of a name replacing an earlier one.
 */
final class VariableArgs {
    enum Kind { VALUE, FILE, ENV }

    /** One flag: {@code name}/{@code value} for VALUE and ENV (value: the environment variable), the path for FILE. */
    record Arg(Kind kind, String name, String value) {
    }

    /** A variables file or environment variable that cannot be used. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private VariableArgs() {
    }

    static Arg parse(String flag, String value) throws Flags.UsageException {
        if (flag.equals("vars")) {
            if (value.isEmpty()) {
                throw new Flags.UsageException("flag needs a file name: --vars");
            }
            return new Arg(Kind.FILE, null, value);
        }
        int eq = value.indexOf('=');
        String name = eq < 0 ? value : value.substring(0, eq);
        if (eq < 0 || !Variables.isValidName(name)) {
            // the value itself is not repeated: it may be a secret given in the wrong form
            throw new Flags.UsageException("invalid argument for \"--" + flag + "\" flag: expected "
                    + (flag.equals("var") ? "NAME=VALUE" : "NAME=ENVVAR")
                    + " with a NAME of letters, digits, '_', '.' and '-' starting with a letter or '_'");
        }
        return new Arg(flag.equals("var") ? Kind.VALUE : Kind.ENV, name, value.substring(eq + 1));
    }

    /** The variables the flags define. */
    static Variables build(List<Arg> args, Function<String, String> env) throws Problem {
        Variables vars = Variables.empty();
        for (Arg a : args) {
            switch (a.kind()) {
                case VALUE -> vars = vars.with(Variables.builder().put(a.name(), a.value()).build());
                case ENV -> {
                    String secret = env.apply(a.value());
                    if (secret == null) {
                        throw new Problem("--var-env " + a.name() + "=" + a.value() + ": the environment variable "
                                + a.value() + " is not set");
                    }
                    vars = vars.with(Variables.builder().putSecret(a.name(), secret).build());
                }
                case FILE -> {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(Path.of(a.value()));
                    } catch (IOException | RuntimeException e) {
                        throw new Problem("failed to read variables file " + a.value() + ": "
                                + (e instanceof IOException io ? OutputFile.reason(io) : e.getMessage()));
                    }
                    try {
                        vars = vars.with(VariablesFile.parse(bytes, a.value(), env));
                    } catch (InventoryException e) {
                        throw new Problem(e.toString());
                    }
                }
                default -> throw new IllegalStateException(a.kind().toString());
            }
        }
        return vars;
    }
}
