/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.fleet.Inventory;
import dev.kindling.transpiler.fleet.InventoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/** What the transpile and check goals share: how configs are read, and how problems are reported. */
public abstract class AbstractKindlingMojo extends AbstractConfigsMojo {
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

    /**
     * A fleet inventory (see the README's "Fleets"): when set, the goal builds every host of it,
     * each composed of its base config and snippets with its variables, instead of the configs
     * of {@code sourceDirectory}; outputs are named by the hosts' output names. Relative to the
     * project's base folder.
     */
    @Parameter(property = "kindling.fleet")
    protected File fleet;

    /**
     * Variables for the {@code $[[NAME]]} references of every config (and every host, on top of
     * its own): {@code <variables><domain>example.org</domain></variables>}. Properties named
     * {@code kindling.var.NAME} (in the pom or {@code -Dkindling.var.NAME=VALUE}) add to them and
     * win.
     */
    @Parameter
    protected Map<String, String> variables;

    /**
     * Secret variables, each read from an environment variable and never shown in the log:
     * {@code <secretVariables><k3s_token>K3S_TOKEN</k3s_token></secretVariables>} (the value is
     * the environment variable's name). A missing environment variable fails the build.
     */
    @Parameter
    protected Map<String, String> secretVariables;

    /** The project, for {@code kindling.var.*} properties. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected org.apache.maven.project.MavenProject mavenProject;

    /** The session, for {@code -Dkindling.var.*} on the command line. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected org.apache.maven.execution.MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Kindling (kindling.skip is set)");
            return;
        }
        if (fleet != null) {
            execute(fleetHosts());
            return;
        }
        List<PathPattern> in = includePatterns();
        List<PathPattern> out = excludePatterns();
        List<SourceFile> sources = scanSources(in, out);
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

    /** The environment secrets are read from; a seam for tests. */
    protected java.util.function.Function<String, String> environment = System::getenv;

    /** The inventory's files folder (or the one set by {@code filesDir}); set by {@link #fleetHosts}. */
    private Path fleetFilesDir;
    private String fleetName;

    /** The hosts of the inventory, in its order. */
    List<SourceFile> fleetHosts() throws MojoFailureException {
        Path file = base().resolve(fleet.toPath()).normalize();
        fleetName = display(file);
        Inventory inventory;
        try {
            inventory = Inventory.load(file, fleetName, environment);
        } catch (InventoryException e) {
            throw new MojoFailureException(e.toString());
        }
        fleetFilesDir = inventory.filesDir().orElse(inventory.folder());
        List<SourceFile> hosts = new ArrayList<>();
        for (Inventory.Host h : inventory.hosts()) {
            List<SourceFile> snippets = new ArrayList<>();
            for (Path p : h.sources().subList(1, h.sources().size())) {
                snippets.add(new SourceFile(p, p.getFileName().toString(), display(p)));
            }
            Path baseConfig = h.sources().get(0);
            hosts.add(new SourceFile(baseConfig, h.output() + ".bu", display(baseConfig), snippets, h.variables(),
                    h.name()));
        }
        return hosts;
    }

    /** What the summary line names: the fleet inventory, or the source folder. */
    String inputsLabel() {
        return fleet != null ? "Fleet hosts in " + fleetName : "Butane configs in " + display(sourceDirectory.toPath());
    }

    /**
     * The build's own variables: {@code variables}, then {@code kindling.var.*} properties of the
     * project, then of the session (the command line), then {@code secretVariables}.
     */
    Variables buildVariables() throws MojoFailureException {
        Variables.Builder b = Variables.builder();
        try {
            if (variables != null) {
                new java.util.TreeMap<>(variables).forEach((k, v) -> b.put(k, v == null ? "" : v));
            }
            for (java.util.Properties props : propertySources()) {
                for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
                    if (key.startsWith(VAR_PROPERTY) && key.length() > VAR_PROPERTY.length()) {
                        b.put(key.substring(VAR_PROPERTY.length()), props.getProperty(key));
                    }
                }
            }
            if (secretVariables != null) {
                for (var e : new java.util.TreeMap<>(secretVariables).entrySet()) {
                    String value = e.getValue() == null ? null : environment.apply(e.getValue().strip());
                    if (value == null) {
                        throw new MojoFailureException("secret variable " + e.getKey() + ": the environment variable "
                                + e.getValue() + " is not set");
                    }
                    b.putSecret(e.getKey(), value);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        return b.build();
    }

    static final String VAR_PROPERTY = "kindling.var.";

    private List<java.util.Properties> propertySources() {
        List<java.util.Properties> out = new ArrayList<>();
        if (mavenProject != null) {
            out.add(mavenProject.getProperties());
        }
        if (session != null) {
            out.add(session.getUserProperties());
        }
        return out;
    }

    Path effectiveFilesDir() {
        if (filesDir == null && fleetFilesDir != null) {
            return fleetFilesDir;
        }
        return filesFolder();
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
                String line = DiagnosticFormat.line(o.fileOf(o.diagnostics().get(i)), o.diagnostics().get(i));
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
