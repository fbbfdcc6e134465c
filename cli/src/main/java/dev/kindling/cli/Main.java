/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.ConfigInput;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.report.ReportFormat;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kindling}: a drop-in for the {@code butane} command. Same flags, same streams, same
 * exit statuses (0 success, 1 failure, 2 bad command line), same messages.
 */
public final class Main {
    static final String PROGRAM = "kindling";

    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final Terminal terminal;

    /** Where colour decisions come from; a seam for tests. */
    interface Terminal {
        boolean stderrIsTerminal();

        String env(String name);
    }

    Main(InputStream stdin, OutputStream stdout, OutputStream stderr, Terminal terminal) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        // Butane ignores failures to write its report: a closed or full stderr must not turn a
        // config with a warning into a failure
        OutputStream err = Streams.ignoringErrors(new FileOutputStream(FileDescriptor.err));
        int status;
        try {
            status = new Main(System.in, out, err, new SystemTerminal()).run(args);
        } catch (Throwable t) {
            // never a stack trace: whatever went wrong is one line and exit status 1
            status = 1;
            try {
                err.write(("Error: " + describe(t) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // nothing left to report to
            }
        }
        System.exit(status);
    }

    /** Runs one command line; returns the exit status. */
    int run(String[] args) throws IOException {
        Flags flags;
        StringBuilder notices = new StringBuilder();
        try {
            flags = Flags.parse(args, notices);
        } catch (Flags.UsageException e) {
            Streams.print(stderr, notices.toString());
            return usageError(e.getMessage());
        }
        Streams.print(stderr, notices.toString());

        // --check over many inputs or folders, -o OUTDIR: the only cases where several positional
        // arguments are allowed (Butane refuses them)
        boolean many = Batch.manyInputs(flags);
        String input = flags.input;
        if (flags.positional.size() == 1 && input.isEmpty()) {
            input = flags.positional.get(0);
        } else if (!flags.positional.isEmpty() && !many) {
            return usageError(tooManyInputs(flags));
        }
        if (flags.help) {
            Streams.print(stdout, Flags.help(PROGRAM));
            return 0;
        }
        if (flags.version) {
            Streams.print(stdout, "Kindling " + Version.get() + "\n");
            return 0;
        }
        if (!flags.completion.isEmpty()) {
            if (!CommandDocs.SHELLS.contains(flags.completion)) {
                return usageError(CommandDocs.completionError(flags.completion));
            }
            Streams.print(stdout, CommandDocs.completion(flags.completion, PROGRAM));
            return 0;
        }
        if (flags.man) {
            Streams.print(stdout, CommandDocs.man(PROGRAM, Version.get()));
            return 0;
        }
        if (!flags.schema.isEmpty()) {
            return schema(flags.schema, input, flags.output);
        }
        if (!flags.decompile && (!flags.variant.isEmpty() || !flags.localThreshold.isEmpty() || flags.trees)) {
            return usageError("--variant, --trees and --local-threshold only apply with --decompile");
        }
        if (flags.decompile) {
            return new DecompileCommand(stdin, stdout, stderr, colorize(flags)).run(flags, input);
        }

        if (flags.upgrade || !flags.to.isEmpty()) {
            if (!flags.upgrade || many) {
                return usageError(flags.upgrade ? "--upgrade takes one input" : "--to needs --upgrade");
            }
            return new UpgradeCommand(flags, stdin, stdout, stderr, colorize(flags)).run(input);
        }
        Variables variables = Variables.empty();
        // (no method reference made for a plain run: each costs a call-site link at start-up)
        if (!flags.variables.isEmpty()) {
            try {
                variables = VariableArgs.build(flags.variables, terminal::env);
            } catch (VariableArgs.Problem e) {
                return fail("Error: " + e.getMessage() + "\n");
            }
        }
        if (!flags.fleet.isEmpty()) {
            if (!flags.positional.isEmpty() || !flags.input.isEmpty()) {
                return usageError("--fleet takes no input files: the inventory names them");
            }
            if (!flags.snippets.isEmpty()) {
                return usageError("--fleet takes no --snippet: give the hosts snippets in the inventory");
            }
            if (!flags.check && (flags.output.isEmpty() || !FleetCommand.namesDirectory(flags.output))) {
                return usageError("--fleet needs -o OUTDIR/ (a folder) or --check");
            }
            return new FleetCommand(flags, variables, stdout, stderr, colorize(flags), terminal::env).run();
        }

        if (!flags.snippets.isEmpty()) {
            if (many) {
                return usageError("--snippet composes one INPUT; it cannot be combined with several inputs or"
                        + " folders");
            }
            return new SnippetRun(flags, stdin, stdout, stderr, colorize(flags), variables).run(input);
        }
        if (many || flags.reportFormat().machineReadable()) {
            return new Batch(flags, stdin, stdout, stderr, colorize(flags), variables).run(many, input);
        }

        String fileName = "<stdin>";
        byte[] source;
        if (input.isEmpty()) {
            try {
                source = ConfigInput.read(stdin);
            } catch (IOException e) {
                return fail("failed to read /dev/stdin: read /dev/stdin: " + OutputFile.reason(e) + "\n");
            }
        } else {
            fileName = input;
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                return fail("failed to read " + input + ": read " + input + ": is a directory\n");
            }
            try {
                source = ConfigInput.read(p);
            } catch (IOException e) {
                return fail("failed to open " + input + ": open " + input + ": " + OutputFile.reason(e) + "\n");
            }
        }

        TranspileOptions options = flags.transpileOptions()
                .strict(false) // --strict is applied below, after the report, as Butane does
                .sourceName(fileName)
                .variables(variables)
                .build();
        TranspileResult result = Transpiler.create().transpile(source, options);

        if (!result.diagnostics().isEmpty()) {
            Streams.write(stderr, ReportPrinter.render(result.diagnostics(), fileName, source, colorize(flags),
                    flags.reportFormat() == ReportFormat.RAW, new Function<Diagnostic, Optional<String>>() {
                        // a class, not a method reference: a cold JVM pays about a millisecond
                        // for each lambda it links, and a run with a warning links none else
                        @Override
                        public Optional<String> apply(Diagnostic d) {
                            return result.hint(d);
                        }
                    }));
        }
        if (!result.success()) {
            if (flags.reportFormat() == ReportFormat.HUMAN && result.fatal().isPresent()) {
                Streams.write(stderr, ReportPrinter.renderFatal(result.fatal().get(), fileName, source,
                        colorize(flags)));
            }
            String why = result.fatal().isPresent() ? result.fatal().get().message()
                    : result.failureMessage().orElse("translation failed");
            return fail("Error translating config: " + why + "\n");
        }
        if (flags.strict && !result.diagnostics().isEmpty()) {
            return fail("Config produced warnings and --strict was specified\n");
        }
        if (flags.check) {
            return 0;
        }

        byte[] doc = result.output().orElseThrow();
        if (flags.output.isEmpty()) {
            try {
                stdout.write(doc); // and the newline apart: a large config is not copied once more
                stdout.write('\n');
                stdout.flush();
            } catch (IOException e) {
                return fail("Failed to write config to /dev/stdout: write /dev/stdout: " + OutputFile.reason(e)
                        + "\n");
            }
        } else {
            byte[] data = new byte[doc.length + 1];
            System.arraycopy(doc, 0, data, 0, doc.length);
            data[doc.length] = '\n';
            try {
                OutputFile.write(flags.output, data);
            } catch (OutputFile.OpenException e) {
                return fail("failed to open " + flags.output + ": " + e.getMessage() + "\n");
            } catch (IOException e) {
                return fail("Failed to write config to " + flags.output + ": write " + flags.output + ": "
                        + OutputFile.reason(e) + "\n");
            }
        }
        return 0;
    }

    /**
     * Whether the report is coloured. Asked only where a report may be printed: with
     * {@code --color=auto} it looks at stderr's file type, which a clean run does not need.
     */
    private boolean colorize(Flags flags) {
        return switch (flags.color) {
            case "always", "yes" -> true;
            case "auto" -> terminal.env("NO_COLOR") == null && terminal.stderrIsTerminal();
            default -> false; // "never", "no", and (as in Butane) anything else
        };
    }

    /** {@code --schema VARIANT VERSION}: the version is the positional argument. */
    private int schema(String variant, String version, String output) throws IOException {
        byte[] text;
        try {
            text = SchemaCommand.render(variant, version).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a variant or version that has no schema: a usage error, with the ones there are
            Streams.print(stderr, "Error: " + e.getMessage() + "\n");
            return 2;
        }
        if (output.isEmpty()) {
            Streams.write(stdout, text);
            return 0;
        }
        try {
            OutputFile.write(output, text);
        } catch (OutputFile.OpenException e) {
            return fail("failed to open " + output + ": " + e.getMessage() + "\n");
        }
        return 0;
    }

    /**
     * A command line that cannot run: Butane's usage text, then what was wrong, exit status 2.
     */
    private int usageError(String what) throws IOException {
        Streams.print(stderr, Flags.usage(PROGRAM));
        Streams.print(stderr, what + "\n");
        return 2;
    }

    /** Why several inputs are refused here (Butane takes one). */
    static String tooManyInputs(Flags flags) {
        List<String> inputs = Batch.inputArguments(flags);
        String listed = String.join(" ", inputs);
        if (!flags.schema.isEmpty()) {
            return "--schema " + flags.schema + " takes one VERSION, not " + flags.positional.size() + ": "
                    + String.join(" ", flags.positional);
        }
        if (!flags.input.isEmpty()) {
            return "the input is given twice (--input " + flags.input + " and " + String.join(" ",
                    flags.positional) + "); name it once";
        }
        if (!flags.output.isEmpty()) {
            return inputs.size() + " inputs (" + listed + ") but -o " + flags.output + " names a file: end it with"
                    + " \"/\" to write one output per input into that folder";
        }
        return inputs.size() + " inputs (" + listed + "): only one can be transpiled to standard output; use"
                + " --check to check them all, or -o OUTDIR/ to write one output per input";
    }

    private int fail(String message) throws IOException {
        Streams.print(stderr, message);
        return 1;
    }


    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }

    /** The real process environment. */
    static final class SystemTerminal implements Terminal {
        @Override
        public boolean stderrIsTerminal() {
            return Tty.isCharDevice(2);
        }

        @Override
        public String env(String name) {
            return System.getenv(name);
        }
    }
}
