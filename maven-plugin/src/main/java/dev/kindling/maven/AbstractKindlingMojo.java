package dev.kindling.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/** What both goals share: which configs, how to read them, and how problems are reported. */
public abstract class AbstractKindlingMojo extends AbstractMojo {
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.bu");

    /** The project's base folder; file names in the log are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File baseDirectory;

    /** The folder searched for Butane configs. */
    @Parameter(property = "kindling.sourceDirectory", defaultValue = "${project.basedir}/src/main/butane",
            required = true)
    protected File sourceDirectory;

    /**
     * Ant-style patterns, relative to {@code sourceDirectory}, of the configs to process
     * ({@code **} is any number of folders, {@code *} any part of a name). On the command line:
     * {@code -Dkindling.includes=hosts/**,edge/*.bu}.
     */
    @Parameter(property = "kindling.includes", defaultValue = "**/*.bu")
    protected List<String> includes;

    /** Ant-style patterns of configs to leave out, even though they match {@code includes}. */
    @Parameter(property = "kindling.excludes")
    protected List<String> excludes;

    /**
     * The folder that {@code local}, {@code contents_local}, {@code ssh_authorized_keys_local}
     * and {@code trees} are read from (Butane's {@code --files-dir}). Local files never leave it.
     * Default: {@code sourceDirectory}.
     */
    @Parameter(property = "kindling.filesDir")
    protected File filesDir;

    /** Fail on warnings too (Butane's {@code --strict}); a config with warnings then has no output. */
    @Parameter(property = "kindling.strict", defaultValue = "false")
    protected boolean strict;

    /**
     * Fail the build when {@code sourceDirectory} does not exist or no config in it matches
     * {@code includes} (a mistyped folder must not make a lint job pass on nothing); when false,
     * only warn.
     */
    @Parameter(property = "kindling.failIfNoConfigs", defaultValue = "true")
    protected boolean failIfNoConfigs;

    /** Do nothing. */
    @Parameter(property = "kindling.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Kindling (kindling.skip is set)");
            return;
        }
        List<PathPattern> in = PathPattern.list(includes, DEFAULT_INCLUDES);
        List<PathPattern> out = PathPattern.list(excludes, List.of());
        List<SourceFile> sources;
        try {
            sources = SourceScanner.scan(base(), sourceDirectory.toPath(), in, out);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot search " + sourceDirectory + " for Butane configs: " + e, e);
        }
        String none = null;
        if (!sourceDirectory.isDirectory()) {
            none = "The Butane source folder " + display(sourceDirectory.toPath())
                    + (sourceDirectory.exists() ? " is not a folder" : " does not exist");
        } else if (sources.isEmpty()) {
            none = "No Butane configs in " + display(sourceDirectory.toPath()) + " match " + PathPattern.describe(in)
                    + (out.isEmpty() ? "" : " minus " + PathPattern.describe(out));
        }
        if (none != null) {
            if (failIfNoConfigs) {
                throw new MojoFailureException(none + " (check sourceDirectory and includes, or set"
                        + " failIfNoConfigs to false)");
            }
            getLog().warn(none);
        }
        execute(sources);
    }

    /** The goal's own work on the selected configs, sorted by relative path (maybe none). */
    protected abstract void execute(List<SourceFile> sources) throws MojoExecutionException, MojoFailureException;

    Path base() {
        return baseDirectory.toPath().toAbsolutePath().normalize();
    }

    Path effectiveFilesDir() {
        return (filesDir != null ? filesDir : sourceDirectory).toPath();
    }

    String display(Path p) {
        return SourceScanner.display(base(), p);
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Logs every diagnostic of every config in the configs' order (errors as errors, warnings
     * as warnings), then the outputs deleted as stale.
     */
    static void logOutcomes(Log log, List<FileOutcome> outcomes) {
        for (FileOutcome o : outcomes) {
            for (int i = 0; i < o.diagnostics().size(); i++) {
                String line = DiagnosticFormat.line(o.source().display(), o.diagnostics().get(i));
                switch (o.diagnostics().get(i).severity()) {
                    case ERROR -> log.error(line);
                    case WARNING -> log.warn(line);
                }
            }
            for (String removed : o.removed()) {
                log.info("Deleted stale output " + removed);
            }
        }
    }

    /** Fails the build when the summary says so. */
    static void failIfNeeded(Summary summary) throws MojoFailureException {
        if (summary.failing()) {
            throw new MojoFailureException(summary.failureMessage());
        }
    }

    /** Runs the build over the sources and logs, at debug level, how long it took. */
    KindlingBuild.Result runBuild(KindlingBuild.Settings settings, List<SourceFile> sources)
            throws KindlingBuild.CollisionException, java.io.IOException {
        long start = System.nanoTime();
        KindlingBuild.Result result = new KindlingBuild(settings).run(sources);
        getLog().debug(String.format("Kindling: %d configs in %d ms on %d threads", sources.size(),
                (System.nanoTime() - start) / 1_000_000, Math.min(settings.threads(), Math.max(1, sources.size()))));
        return result;
    }
}
