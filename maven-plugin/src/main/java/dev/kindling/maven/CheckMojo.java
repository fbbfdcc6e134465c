package dev.kindling.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every selected Butane config without writing anything: all configs are checked and
 * all their problems logged as {@code FILE:LINE:COL: error: MESSAGE [$.json.path]} before the
 * build fails on errors (or, with {@code strict}, on warnings).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractKindlingMojo {

    @Override
    protected void execute(List<SourceFile> sources) throws MojoExecutionException, MojoFailureException {
        KindlingBuild.Settings settings = new KindlingBuild.Settings(base(), effectiveFilesDir(), strict, pretty, null,
                null, threads());
        KindlingBuild.Result result;
        try {
            long start = System.nanoTime();
            result = new KindlingBuild(settings).run(sources);
            getLog().debug(String.format("Kindling: %d configs in %d ms on %d threads", sources.size(),
                    (System.nanoTime() - start) / 1_000_000, Math.min(settings.threads(), Math.max(1, sources.size()))));
        } catch (KindlingBuild.CollisionException | java.io.IOException e) {
            throw new MojoExecutionException("Kindling could not check " + display(sourceDirectory.toPath()) + ": "
                    + e.getMessage(), e);
        }
        logOutcomes(getLog(), result.files());
        Summary s = Summary.of(result.files(), strict);
        report(result.files(), s);
        if (s.files() > 0) {
            getLog().info("Checked " + Summary.count(s.files(), "Butane config") + " in "
                    + display(sourceDirectory.toPath()) + ": " + Summary.count(s.errors(), "error") + ", "
                    + Summary.count(s.warnings(), "warning"));
        }
        failIfNeeded(s);
    }

    /**
     * Hands the results to reports other than the log. The log has them already; this is where
     * a report file (JSON, SARIF) is written.
     */
    protected void report(List<FileOutcome> outcomes, Summary summary) throws MojoExecutionException {
        // nothing yet besides the log
    }
}
