/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** What every goal shares: which Butane configs of the project it works on, and where their files are. */
public abstract class AbstractConfigsMojo extends AbstractMojo {
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

    /** Do nothing. */
    @Parameter(property = "kindling.skip", defaultValue = "false")
    protected boolean skip;

    Path base() {
        return baseDirectory.toPath().toAbsolutePath().normalize();
    }

    /** {@code includes}, or every {@code .bu} file. */
    List<PathPattern> includePatterns() {
        return PathPattern.list(includes, DEFAULT_INCLUDES);
    }

    List<PathPattern> excludePatterns() {
        return PathPattern.list(excludes, List.of());
    }

    /** The configs of {@code sourceDirectory} that the patterns select. */
    List<SourceFile> scanSources(List<PathPattern> in, List<PathPattern> out) throws MojoExecutionException {
        try {
            return SourceScanner.scan(base(), sourceDirectory.toPath(), in, out);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot search " + sourceDirectory + " for Butane configs: " + e, e);
        }
    }

    /** {@code filesDir}, or {@code sourceDirectory} without it. */
    Path filesFolder() {
        return (filesDir != null ? filesDir : sourceDirectory).toPath();
    }
}
