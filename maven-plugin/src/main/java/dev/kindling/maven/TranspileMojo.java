package dev.kindling.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Transpiles every selected Butane config into an Ignition config (or, for openshift, a
 * MachineConfig) in {@code outputDirectory}, keeping its relative folder: {@code hosts/web.bu}
 * becomes {@code hosts/web.ign} (or {@code hosts/web.yaml}). A config is skipped when its output
 * was made from the same config, local files and options. Every problem is logged as
 * {@code FILE:LINE:COL: error: MESSAGE [$.json.path]}; the build fails when any config has an
 * error (or, with {@code strict}, a warning), after all configs were processed.
 */
@Mojo(name = "transpile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class TranspileMojo extends AbstractKindlingMojo {
    /** Where the outputs go. */
    @Parameter(property = "kindling.outputDirectory", defaultValue = "${project.build.directory}/ignition",
            required = true)
    protected File outputDirectory;

    /** Where the incremental build keeps what it needs to know about the last build. */
    @Parameter(defaultValue = "${project.build.directory}/kindling", readonly = true, required = true)
    protected File stateDirectory;

    /** This execution's id: each execution keeps its own state. */
    @Parameter(defaultValue = "${mojo.executionId}", readonly = true)
    protected String executionId;

    @Override
    protected void execute(List<SourceFile> sources) throws MojoExecutionException, MojoFailureException {
        Path out = outputDirectory.toPath();
        KindlingBuild.Settings settings = new KindlingBuild.Settings(base(), effectiveFilesDir(), strict, pretty, out,
                stateFile(), threads());
        KindlingBuild.Result result;
        try {
            result = runBuild(settings, sources);
        } catch (KindlingBuild.CollisionException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Kindling could not write " + display(out) + ": " + e, e);
        }
        logOutcomes(getLog(), result.files());
        for (String p : result.pruned()) {
            getLog().info("Deleted output whose config is gone or no longer included: " + p);
        }
        Summary s = Summary.of(result.files(), strict);
        if (s.files() > 0) {
            getLog().info("Butane configs in " + display(sourceDirectory.toPath()) + ": " + s.transpiled()
                    + " transpiled, " + s.upToDate() + " up to date, " + s.failed() + " failed (output in "
                    + display(out) + ")");
        }
        failIfNeeded(s);
    }

    Path stateFile() {
        String id = executionId == null || executionId.isBlank() || executionId.contains("${") ? "default"
                : executionId.replaceAll("[^A-Za-z0-9._-]", "_");
        return stateDirectory.toPath().resolve("transpile-" + id + ".json");
    }
}
