/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.cli;

import dev.kindling.transpiler.TranspileOptions;
import dev.kindling.transpiler.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed with the rules of Go's pflag package as Butane configures it, so that
 * every argument vector means the same to Kindling as to Butane:
 * <ul>
 * <li>long flags {@code --name}, {@code --name=value}, {@code --name value} (the last form not
 * for flags with an optional value, such as {@code --color});
 * <li>short flags that can be grouped ({@code -ps}) and take a value as {@code -oFILE},
 * {@code -o=FILE} or {@code -o FILE};
 * <li>boolean flags accept {@code =true}/{@code =false} and the other strconv.ParseBool forms;
 * <li>flags and positional arguments may be mixed; {@code --} ends the flags; a lone {@code -}
 * is a positional argument.
 * </ul>
 * A syntax error yields a {@link UsageException} with pflag's message.
 */
final class Flags {
    /**
     * One declared flag: the one table that parsing, {@code --help}, the shell completions and
     * the manual page are made from.
     *
     * @param valueName what the value is, for the manual page ({@code FILE}, {@code DIR}, ...);
     *     a value named {@code DIR} completes to folders, others to files unless {@code values}
     * @param values the words the value can be, for completion (empty: any)
     */
    record Spec(String name, char shorthand, boolean bool, String noOptDefault, String usage,
            String defaultValue, boolean hidden, String deprecated, String valueName, List<String> values) {
        /** A flag without value metadata: its value, if any, is a file. */
        Spec(String name, char shorthand, boolean bool, String noOptDefault, String usage, String defaultValue,
                boolean hidden, String deprecated) {
            this(name, shorthand, bool, noOptDefault, usage, defaultValue, hidden, deprecated, bool ? "" : "FILE",
                    List.of());
        }
    }

    private static final List<String> COLORS = List.of("auto", "always", "never");

    private static final Spec[] SPECS = {
        new Spec("help", 'h', true, "true", "show usage and exit", "false", false, null),
        new Spec("version", 'V', true, "true", "print the version and exit", "false", false, null),
        new Spec("debug", 'D', true, "true", "log translations", "false", true, null),
        new Spec("check", 'c', true, "true", "check config without producing output", "false", false, null),
        new Spec("strict", 's', true, "true", "fail on any warning", "false", false, null),
        new Spec("pretty", 'p', true, "true", "output formatted json", "false", false, null),
        new Spec("raw", 'r', true, "true", "never wrap in a MachineConfig; force Ignition output", "false", false,
                null),
        new Spec("raw-errors", '\0', true, "true", "show raw errors, rather than pretty printing them", "false",
                false, null),
        new Spec("color", '\0', false, "always", "control color output: \"auto\", \"always\", or \"never\"", "auto",
                false, null, "WHEN", COLORS),
        new Spec("colour", '\0', false, "always", "control color output: \"auto\", \"always\", or \"never\"",
                "auto", true, null, "WHEN", COLORS),
        new Spec("input", '\0', false, null, "read from input file instead of stdin", "", true,
                "specify filename directly on command line"),
        new Spec("output", 'o', false, null, "write to output file instead of stdout", "", false, null),
        new Spec("files-dir", 'd', false, null, "allow embedding local files from this directory", "", false, null,
                "DIR", List.of()),
        new Spec("format", '\0', false, null, "report problems as \"human\", \"raw\", \"json\", \"sarif\" or \"github\"",
                "human", false, null, "FORMAT",
                reportFormatIds()),
        new Spec("var", '\0', false, null, "set a variable for $[[NAME]] references: --var NAME=VALUE (repeatable)", "",
                false, null),
        new Spec("vars", '\0', false, null, "read variables from a YAML file of NAME: VALUE (repeatable)", "", false,
                null),
        new Spec("var-env", '\0', false, null, "set a secret variable from the environment: --var-env NAME=ENVVAR"
                + " (repeatable; never shown)", "", false, null),
        new Spec("fleet", '\0', false, null, "build every host of a fleet inventory (with -o OUTDIR/ or --check)", "",
                false, null),
        new Spec("snippet", '\0', false, null, "merge this Butane config on top of the input (repeatable;"
                + " merged in order, with Ignition's merge rules)", "", false, null),
        new Spec("schema", '\0', false, null, "print the JSON Schema of a spec instead: --schema VARIANT VERSION"
                + " (VARIANT ignition for Ignition's)", "", false, null, "VARIANT", SchemaCommand.variants()),
        new Spec("completion", '\0', false, null, "print a shell completion script: \"bash\" or \"zsh\"", "", false,
                null, "SHELL", List.of("bash", "zsh")),
        new Spec("man", '\0', true, "true", "print the manual page (roff)", "false", false, null),
        new Spec("upgrade", '\0', true, "true", "rewrite the config to another spec version of its variant (see --to)",
                "false", false, null),
        new Spec("to", '\0', false, null, "with --upgrade: the spec version to rewrite to (default: the newest"
                + " stable one)", "", false, null),
        new Spec("decompile", '\0', true, "true", "turn an Ignition config or MachineConfig into a Butane config",
                "false", false, null),
        new Spec("variant", '\0', false, null, "with --decompile: the variant to write (with --version VERSION)",
                "", false, null),
        new Spec("trees", '\0', true, "true", "with --decompile and -d: gather the last files into a trees"
                + " folder", "false", false, null),
        new Spec("local-threshold", '\0', false, null, "with --decompile and -d: larger contents become local"
                + " files", "65536", false, null),
    };

    /**
     * The words {@code --format} takes. A loop rather than a stream: this runs in the class's
     * initialiser, on every start, where a stream pipeline and its lambdas cost a few
     * milliseconds of linking in a cold JVM.
     */
    private static List<String> reportFormatIds() {
        List<String> ids = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            ids.add(f.id());
        }
        return List.copyOf(ids);
    }

    /** The flags {@code --help} lists, sorted by name as pflag does. */
    static List<Spec> visible() {
        List<Spec> out = new ArrayList<>();
        for (Spec s : SPECS) {
            if (!s.hidden()) {
                out.add(s);
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** With --decompile, --version (-V) names the spec version to write instead of printing ours. */
    private static final Spec VERSION_VALUE = new Spec("version", 'V', false, null, "", "", true, null);

    /** A command line pflag rejects; the message is pflag's. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    boolean help;
    boolean version;
    boolean debug;
    boolean check;
    boolean strict;
    boolean pretty;
    boolean raw;
    boolean rawErrors;
    String color = "auto";
    String input = "";
    String output = "";
    String filesDir = "";
    /** {@code --format}; null when not given, and then {@code --raw-errors} decides. */
    ReportFormat format;
    String schema = "";
    String completion = "";
    boolean man;
    boolean upgrade;
    String to = "";
    boolean decompile;
    boolean trees;
    String variant = "";
    /** {@code --version VERSION} with {@code --decompile}. */
    String decompileVersion = "";
    String localThreshold = "";
    /** {@code --var}, {@code --vars} and {@code --var-env}, in command-line order (later ones win). */
    final List<VariableArgs.Arg> variables = new ArrayList<>();
    String fleet = "";
    /** {@code --snippet FILE}, in the order given. */
    final List<String> snippets = new ArrayList<>();
    final List<String> positional = new ArrayList<>();
    /** Notices pflag prints while parsing (deprecated flags), for stderr, also when parsing fails. */
    final StringBuilder notices;

    private Flags(StringBuilder notices) {
        this.notices = notices;
    }

    /**
     * Transpile options as these flags set them. Local-file digests are off: nothing on the
     * command line fingerprints runs, and hashing every local file was most of a run with large
     * ones.
     */
    TranspileOptions.Builder transpileOptions() {
        return TranspileOptions.builder()
                .filesDir(filesDir.isEmpty() ? null : Path.of(filesDir))
                .pretty(pretty)
                .raw(raw)
                .strict(strict)
                .trackLocalFiles(false);
    }

    /** The report format: {@code --format}, else raw with {@code --raw-errors}, else human. */
    ReportFormat reportFormat() {
        if (format != null) {
            return format;
        }
        return rawErrors ? ReportFormat.RAW : ReportFormat.HUMAN;
    }

    static Flags parse(String[] argv) throws UsageException {
        return parse(argv, new StringBuilder());
    }

    static Flags parse(String[] argv, StringBuilder notices) throws UsageException {
        Flags f = new Flags(notices);
        for (String a : argv) {
            if (a.equals("--")) {
                break;
            }
            f.decompile |= a.equals("--decompile") || a.equals("--decompile=true");
        }
        int i = 0;
        while (i < argv.length) {
            String s = argv[i++];
            if (s.length() < 2 || s.charAt(0) != '-') {
                f.positional.add(s);
                continue;
            }
            if (s.charAt(1) == '-') {
                if (s.length() == 2) {
                    while (i < argv.length) {
                        f.positional.add(argv[i++]);
                    }
                    break;
                }
                i = f.parseLong(s, argv, i);
            } else {
                i = f.parseShorts(s, argv, i);
            }
        }
        return f;
    }

    private int parseLong(String s, String[] argv, int next) throws UsageException {
        String name = s.substring(2);
        if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
            throw new UsageException("bad flag syntax: " + s);
        }
        int eq = name.indexOf('=');
        String value = null;
        if (eq >= 0) {
            value = name.substring(eq + 1);
            name = name.substring(0, eq);
        }
        Spec spec = effective(byName(name));
        if (spec == null) {
            throw new UsageException("unknown flag: --" + name);
        }
        if (value == null) {
            if (spec.noOptDefault() != null) {
                value = spec.noOptDefault();
            } else if (next < argv.length) {
                value = argv[next++];
            } else {
                throw new UsageException("flag needs an argument: --" + name);
            }
        }
        set(spec, value);
        return next;
    }

    private int parseShorts(String s, String[] argv, int next) throws UsageException {
        String shorthands = s.substring(1);
        if (shorthands.startsWith("test.")) {
            return next; // pflag skips Go test runner flags such as -test.v
        }
        while (!shorthands.isEmpty()) {
            char c = shorthands.charAt(0);
            Spec spec = effective(byShorthand(c));
            if (spec == null) {
                throw new UsageException("unknown shorthand flag: " + goQuoteRune(shorthands.codePointAt(0)) + " in -"
                        + shorthands);
            }
            String value;
            String rest = shorthands.substring(1);
            if (shorthands.length() > 2 && shorthands.charAt(1) == '=') {
                value = shorthands.substring(2);
                rest = "";
            } else if (spec.noOptDefault() != null) {
                value = spec.noOptDefault();
            } else if (shorthands.length() > 1) {
                value = rest;
                rest = "";
            } else if (next < argv.length) {
                value = argv[next++];
            } else {
                throw new UsageException("flag needs an argument: " + goQuoteRune(c) + " in -" + shorthands);
            }
            set(spec, value);
            shorthands = rest;
        }
        return next;
    }

    private void set(Spec spec, String value) throws UsageException {
        if (spec.bool()) {
            boolean b = switch (value) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw new UsageException("invalid argument " + goQuote(value) + " for "
                        + goQuote(displayName(spec)) + " flag: strconv.ParseBool: parsing " + goQuote(value)
                        + ": invalid syntax");
            };
            switch (spec.name()) {
                case "help" -> help = b;
                case "version" -> version = b;
                case "debug" -> debug = b;
                case "check" -> check = b;
                case "strict" -> strict = b;
                case "pretty" -> pretty = b;
                case "raw" -> raw = b;
                case "raw-errors" -> rawErrors = b;
                case "man" -> man = b;
                case "upgrade" -> upgrade = b;
                case "decompile" -> decompile = b;
                case "trees" -> trees = b;
                default -> throw new IllegalStateException(spec.name());
            }
        } else {
            switch (spec.name()) {
                case "color", "colour" -> color = value;
                case "input" -> input = value;
                case "output" -> output = value;
                case "files-dir" -> filesDir = value;
                case "format" -> format = ReportFormat.parse(value).orElseThrow(() -> new UsageException(
                        "invalid argument " + goQuote(value) + " for \"--format\" flag: must be one of "
                                + ReportFormat.names()));
                case "schema" -> schema = value;
                case "completion" -> completion = value;
                case "to" -> to = value;
                case "version" -> decompileVersion = value;
                case "variant" -> variant = value;
                case "local-threshold" -> localThreshold = value;
                case "var", "vars", "var-env" -> variables.add(VariableArgs.parse(spec.name(), value));
                case "fleet" -> fleet = value;
                case "snippet" -> snippets.add(value);
                default -> throw new IllegalStateException(spec.name());
            }
        }
        if (spec.deprecated() != null) {
            notices.append("Flag --").append(spec.name()).append(" has been deprecated, ").append(spec.deprecated())
                    .append('\n');
        }
    }

    private Spec effective(Spec spec) {
        return decompile && spec != null && spec.name().equals("version") ? VERSION_VALUE : spec;
    }

    private static String displayName(Spec spec) {
        return spec.shorthand() != '\0' ? "-" + spec.shorthand() + ", --" + spec.name() : "--" + spec.name();
    }

    private static Spec byName(String name) {
        for (Spec s : SPECS) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    private static Spec byShorthand(char c) {
        for (Spec s : SPECS) {
            if (s.shorthand() == c) {
                return s;
            }
        }
        return null;
    }

    /** The usage text Butane prints (pflag's default layout, visible flags sorted by name). */
    static String usage(String program) {
        Spec[] sorted = SPECS.clone();
        java.util.Arrays.sort(sorted, (a, b) -> a.name().compareTo(b.name()));
        List<String> heads = new ArrayList<>();
        List<String> tails = new ArrayList<>();
        int maxLen = 0;
        for (Spec s : sorted) {
            if (s.hidden()) {
                continue;
            }
            StringBuilder head = new StringBuilder();
            if (s.shorthand() != '\0') {
                head.append("  -").append(s.shorthand()).append(", --").append(s.name());
            } else {
                head.append("      --").append(s.name());
            }
            if (!s.bool()) {
                head.append(" string");
                if (s.noOptDefault() != null) {
                    head.append("[=\"").append(s.noOptDefault()).append("\"]");
                }
            }
            maxLen = Math.max(maxLen, head.length() + 1);
            StringBuilder tail = new StringBuilder(s.usage());
            if (!s.bool() && !s.defaultValue().isEmpty()) {
                tail.append(" (default ").append(goQuote(s.defaultValue())).append(')');
            }
            heads.add(head.toString());
            tails.add(tail.toString());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: ").append(program).append(" [options] [input-file]\n");
        sb.append("Options:\n");
        for (int i = 0; i < heads.size(); i++) {
            String head = heads.get(i);
            sb.append(head).append(' ').append(" ".repeat(maxLen - head.length())).append(' ').append(tails.get(i))
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * What {@code --help} prints: Butane's usage text, then how to check or transpile many files
     * at once, the exit statuses and where completion and the manual page come from.
     */
    static String help(String program) {
        String p = program;
        return usage(program) + """

                Many files (Kindling's additions; with one input file everything is as in Butane):
                  %1$s --check [options] FILE|FOLDER...
                        check every config; folders are searched for *.bu files
                  %1$s -o OUTDIR/ [options] FILE|FOLDER...
                        write one output per config into OUTDIR (a name ending in "/" or an existing
                        folder): FOLDER/hosts/web.bu becomes OUTDIR/hosts/web.ign (.yaml for an
                        OpenShift MachineConfig), FILE gets its base name; a config with errors gets
                        no output
                  --format json|sarif|github
                        report every problem of every file in a form CI systems read
                  %1$s --schema VARIANT VERSION
                        print the JSON Schema of a spec, for editors

                Exit status:
                  0  success (warnings are printed on standard error)
                  1  a config has errors (or warnings with --strict), or a file could not be read
                     or written
                  2  usage error: the command line is wrong (the message says why)

                Shell completion: %1$s --completion bash|zsh; manual page: %1$s --man
                """.formatted(p);
    }

    /** Go's %q for a string of printable text (enough for flag names and values). */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> appendQuoted(sb, cp, '"'));
        return sb.append('"').toString();
    }

    /** Go's %q for a rune. */
    static String goQuoteRune(int cp) {
        StringBuilder sb = new StringBuilder("'");
        appendQuoted(sb, cp, '\'');
        return sb.append('\'').toString();
    }

    private static void appendQuoted(StringBuilder sb, int cp, char quote) {
        switch (cp) {
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\t' -> sb.append("\\t");
            case '\r' -> sb.append("\\r");
            case 0x07 -> sb.append("\\a");
            case 0x08 -> sb.append("\\b");
            case 0x0c -> sb.append("\\f");
            case 0x0b -> sb.append("\\v");
            default -> {
                if (cp == quote) {
                    sb.append('\\').appendCodePoint(cp);
                } else if (cp < 0x20 || cp == 0x7f) {
                    sb.append(String.format("\\x%02x", cp));
                } else {
                    sb.appendCodePoint(cp);
                }
            }
        }
    }
}
