package dev.kindling.maven;

import dev.kindling.transpiler.ConfigInput;
import dev.kindling.transpiler.report.FileReport;
import dev.kindling.transpiler.report.GithubReport;
import dev.kindling.transpiler.report.JsonReport;
import dev.kindling.transpiler.report.ReportFormat;
import dev.kindling.transpiler.report.SarifReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every selected Butane config without writing anything: all configs are checked and
 * all their problems logged as {@code FILE:LINE:COL: error: MESSAGE [$.json.path]} before the
 * build fails on errors (or, with {@code strict}, on warnings).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractKindlingMojo {
    /**
     * Also write the problems of all configs to {@link #reportFile} in this format: {@code json}
     * (an array of {file, severity, code, path, line, column, message}), {@code sarif} (SARIF
     * 2.1.0, for GitHub code scanning) or {@code github} (workflow commands). Empty: no report
     * file. The report is written before the build fails, so CI can upload it either way.
     */
    @Parameter(property = "kindling.reportFormat")
    protected String reportFormat;

    /**
     * Where the report goes; defaults to {@code target/kindling-report.json},
     * {@code .sarif} or {@code .txt} by format.
     */
    @Parameter(property = "kindling.reportFile")
    protected File reportFile;

    /**
     * The folder that file names in the report are relative to. Defaults to the folder Maven
     * was started in, which is normally the repository root that code scanning resolves
     * SARIF locations against.
     */
    @Parameter(property = "kindling.reportBaseDirectory", defaultValue = "${session.executionRootDirectory}")
    protected File reportBaseDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    @Override
    protected void execute(List<SourceFile> sources) throws MojoExecutionException, MojoFailureException {
        KindlingBuild.Settings settings = new KindlingBuild.Settings(base(), effectiveFilesDir(), strict, pretty, null,
                null, threads());
        KindlingBuild.Result result;
        try {
            result = runBuild(settings, sources);
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
        if (reportFormat == null || reportFormat.isBlank()) {
            return;
        }
        ReportFormat format = ReportFormat.parse(reportFormat.trim())
                .filter(f -> f == ReportFormat.JSON || f == ReportFormat.SARIF || f == ReportFormat.GITHUB)
                .orElseThrow(() -> new MojoExecutionException("kindling.reportFormat must be json, sarif or github, not "
                        + reportFormat));
        Path base = (reportBaseDirectory != null ? reportBaseDirectory : baseDirectory).toPath().toAbsolutePath();
        List<FileReport> files = new ArrayList<>(outcomes.size());
        for (FileOutcome o : outcomes) {
            byte[] source = null;
            try {
                source = ConfigInput.read(o.source().file());
            } catch (IOException e) {
                // the report just lacks end columns for this file
            }
            files.add(new FileReport(reportName(base, o.source().file()), o.diagnostics(), source));
        }
        byte[] bytes = switch (format) {
            case JSON -> JsonReport.write(files);
            case SARIF -> SarifReport.write(files, PluginVersion.VERSION);
            default -> GithubReport.write(files).getBytes(StandardCharsets.UTF_8);
        };
        Path target = (reportFile != null ? reportFile
                : new File(buildDirectory, "kindling-report." + (format == ReportFormat.GITHUB ? "txt" : format.id())))
                .toPath();
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new MojoExecutionException("Kindling could not write its report " + target + ": " + e.getMessage(), e);
        }
        getLog().info("Kindling report (" + format.id() + "): " + display(target));
    }

    /** The config's path relative to the report base, with / separators; absolute when outside it. */
    static String reportName(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(base) ? base.relativize(abs) : abs;
        return rel.toString().replace(File.separatorChar, '/');
    }
}
