/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Transpiles every selected Butane config into an Ignition config (or, for openshift, a
 * MachineConfig) in {@code outputDirectory}, keeping its relative folder: {@code hosts/web.bu}
 * becomes {@code hosts/web.ign} (or {@code hosts/web.yaml}). A config is skipped when its output
 * was made from the same config, local files and options. Every problem is logged as
 * {@code FILE:LINE:COL: error: MESSAGE [$.json.path]}; the build fails when any config has an
 * error (or, with {@code strict}, a warning), after all configs were processed.
 *
 * <p>Other builds can depend on the outputs: {@code attach} adds a zip of them to the project's
 * artifacts (installed and deployed with it, classifier {@code ignition}); {@code addResource}
 * puts them into the project's jar instead, under {@code resourceTargetPath}.
 */
@Mojo(name = "transpile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class TranspileMojo extends AbstractKindlingMojo {
    /** Where the outputs go. */
    @Parameter(property = "kindling.outputDirectory", defaultValue = "${project.build.directory}/ignition",
            required = true)
    protected File outputDirectory;

    /** Indent the JSON output (Butane's {@code --pretty}). */
    @Parameter(property = "kindling.pretty", defaultValue = "false")
    protected boolean pretty;

    /**
     * Attach a zip of the outputs (their paths relative to {@code outputDirectory}) to the
     * project, so that {@code install} and {@code deploy} ship it and other builds can depend on
     * {@code groupId:artifactId:zip:CLASSIFIER:version}. The zip is reproducible: it is dated
     * {@code project.build.outputTimestamp}.
     */
    @Parameter(property = "kindling.attach", defaultValue = "false")
    protected boolean attach;

    /** The classifier of the attached zip. */
    @Parameter(property = "kindling.classifier", defaultValue = "ignition")
    protected String classifier;

    /**
     * Add {@code outputDirectory} to the project's resources, so that the project's jar (and
     * its test classpath) contains the outputs under {@code resourceTargetPath}.
     */
    @Parameter(property = "kindling.addResource", defaultValue = "false")
    protected boolean addResource;

    /** Where in the jar the outputs go when {@code addResource} is set. */
    @Parameter(property = "kindling.resourceTargetPath", defaultValue = "ignition")
    protected String resourceTargetPath;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    protected String outputTimestamp;

    @javax.inject.Inject
    protected MavenProjectHelper projectHelper;

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
                stateFile(), threads(), buildVariables());
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
            getLog().info(inputsLabel() + ": " + s.transpiled()
                    + " transpiled, " + s.upToDate() + " up to date, " + s.failed() + " failed (output in "
                    + display(out) + ")");
        }
        failIfNeeded(s);
        publish(result.files());
    }

    /** Attaches the outputs and/or adds them as a resource, as asked. */
    private void publish(List<FileOutcome> files) throws MojoExecutionException {
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        if (attach) {
            List<Path> outputs = new ArrayList<>();
            for (FileOutcome f : files) {
                if (f.output() != null) {
                    outputs.add(base().resolve(f.output()).normalize());
                }
            }
            Path zip = Path.of(project.getBuild().getDirectory())
                    .resolve(project.getBuild().getFinalName() + "-" + classifier + ".zip");
            try {
                OutputArchive.write(zip, out, outputs, OutputArchive.time(outputTimestamp));
            } catch (IOException e) {
                throw new MojoExecutionException("Kindling could not write " + display(zip) + ": " + e, e);
            }
            projectHelper.attachArtifact(project, "zip", classifier, zip.toFile());
            getLog().info("Attached " + display(zip) + " (" + outputs.size() + " outputs, classifier " + classifier
                    + ")");
        }
        if (addResource) {
            Resource r = new Resource();
            r.setDirectory(out.toString());
            r.setTargetPath(resourceTargetPath);
            project.addResource(r);
            getLog().debug("Added " + display(out) + " to the resources, as " + resourceTargetPath + "/");
        }
    }

    Path stateFile() {
        String id = executionId == null || executionId.isBlank() || executionId.contains("${") ? "default"
                : executionId.replaceAll("[^A-Za-z0-9._-]", "_");
        return stateDirectory.toPath().resolve("transpile-" + id + ".json");
    }
}
