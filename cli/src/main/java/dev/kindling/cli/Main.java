package dev.kindling.cli;

import dev.kindling.transpiler.ConfigInput;
import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.TranspileResult;
import dev.kindling.transpiler.Transpiler;
import dev.kindling.transpiler.report.ReportFormat;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
            Streams.print(stderr, Flags.usage(PROGRAM));
            Streams.print(stderr, e.getMessage() + "\n");
            return 2;
        }
        Streams.print(stderr, notices.toString());

        boolean colorize = switch (flags.color) {
            case "always", "yes" -> true;
            case "auto" -> terminal.env("NO_COLOR") == null && terminal.stderrIsTerminal();
            default -> false; // "never", "no", and (as in Butane) anything else
        };

        // --check over many inputs or folders, -o OUTDIR: the only cases where several positional
        // arguments are allowed (Butane refuses them)
        boolean many = Batch.manyInputs(flags);
        String input = flags.input;
        if (flags.positional.size() == 1 && input.isEmpty()) {
            input = flags.positional.get(0);
        } else if (!flags.positional.isEmpty() && !many) {
            Streams.print(stderr, Flags.usage(PROGRAM));
            return 2;
        }
        if (flags.help) {
            Streams.print(stdout, Flags.usage(PROGRAM));
            return 0;
        }
        if (flags.version) {
            Streams.print(stdout, "Kindling " + Version.get() + "\n");
            return 0;
        }
        if (!flags.schema.isEmpty()) {
            return schema(flags.schema, input, flags.output);
        }

        if (many || flags.reportFormat().machineReadable()) {
            return new Batch(flags, stdin, stdout, stderr, colorize).run(many, input);
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

        TranspileOptions options = TranspileOptions.builder()
                .filesDir(flags.filesDir.isEmpty() ? null : Path.of(flags.filesDir))
                .pretty(flags.pretty)
                .raw(flags.raw)
                .strict(false) // --strict is applied below, after the report, as Butane does
                .sourceName(fileName)
                .build();
        TranspileResult result = Transpiler.create().transpile(source, options);

        Streams.write(stderr, ReportPrinter.render(result.diagnostics(), fileName, source, colorize,
                flags.reportFormat() == ReportFormat.RAW));
        if (!result.success()) {
            String why = result.fatal().map(Diagnostic::message)
                    .orElseGet(() -> result.failureMessage().orElse("translation failed"));
            return fail("Error translating config: " + why + "\n");
        }
        if (flags.strict && !result.diagnostics().isEmpty()) {
            return fail("Config produced warnings and --strict was specified\n");
        }
        if (flags.check) {
            return 0;
        }

        byte[] doc = result.output().orElseThrow();
        byte[] data = new byte[doc.length + 1];
        System.arraycopy(doc, 0, data, 0, doc.length);
        data[doc.length] = '\n';
        if (flags.output.isEmpty()) {
            try {
                stdout.write(data);
                stdout.flush();
            } catch (IOException e) {
                return fail("Failed to write config to /dev/stdout: write /dev/stdout: " + OutputFile.reason(e)
                        + "\n");
            }
        } else {
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

    /** {@code --schema VARIANT VERSION}: the version is the positional argument. */
    private int schema(String variant, String version, String output) throws IOException {
        byte[] text;
        try {
            text = SchemaCommand.render(variant, version).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fail("Error: " + e.getMessage() + "\n");
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
