/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.maven;

import dev.kindling.transpiler.Diagnostic;
import dev.kindling.transpiler.upgrade.UpgradeOptions;
import dev.kindling.transpiler.upgrade.UpgradeResult;
import dev.kindling.transpiler.upgrade.Upgrader;
import dev.kindling.transpiler.upgrade.VersionSteps;
import dev.kindling.transpiler.yaml.DecodeException;
import dev.kindling.transpiler.yaml.Decoder;
import dev.kindling.transpiler.yaml.YNode;
import dev.kindling.transpiler.yaml.YamlException;
import dev.kindling.transpiler.yaml.YamlLimits;
import dev.kindling.transpiler.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rewrites the Butane configs of the project in place to another spec version of their variant
 * (by default the newest stable one), keeping every comment and the layout of each file: only
 * the {@code version} line changes. Each rewrite is checked by transpiling both versions (see
 * {@code Upgrader}); a config the target version cannot express is left alone and its problems
 * are logged at file, line and column, and the build fails after all configs were handled.
 * Files that do not change are not touched; changed ones are replaced atomically. With
 * {@code -Dkindling.dryRun} nothing is written: the log lists what would change, line by line.
 *
 * <p>Run it from the command line: {@code mvn kindling:upgrade},
 * {@code mvn kindling:upgrade -Dkindling.to=1.6.0 -Dkindling.dryRun}.
 */
@Mojo(name = "upgrade", threadSafe = true, requiresProject = true)
public class UpgradeMojo extends AbstractConfigsMojo {
    /**
     * The versions to rewrite to, comma-separated: {@code VARIANT=VERSION} for the configs of one
     * variant ({@code fcos=1.6.0,openshift=4.18.0}), or a bare {@code VERSION} for the configs of
     * every other variant (one that lacks the version refuses it). Without an entry for its variant a
     * config goes to the newest stable version of its variant.
     */
    @Parameter(property = "kindling.to")
    protected List<String> to;

    /** Write nothing; log which configs would change and how. */
    @Parameter(property = "kindling.dryRun", defaultValue = "false")
    protected boolean dryRun;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping Kindling (kindling.skip is set)");
            return;
        }
        Path base = base();
        Targets targets = Targets.parse(to);
        List<SourceFile> sources = scanSources(includePatterns(), excludePatterns());
        Path files = filesFolder();
        Upgrader upgrader = Upgrader.create();
        int changed = 0;
        int unchanged = 0;
        int refused = 0;
        for (SourceFile source : sources) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(source.file());
            } catch (IOException e) {
                log.error(source.display() + ": error: cannot read: " + e.getMessage());
                refused++;
                continue;
            }
            String variant = Targets.variantOf(bytes);
            UpgradeResult r = upgrader.upgrade(bytes, UpgradeOptions.builder()
                    .targetVersion(targets.versionFor(variant))
                    .filesDir(files)
                    .sourceName(source.display())
                    .build());
            for (Diagnostic d : r.diagnostics()) {
                String line = DiagnosticFormat.line(source.display(), d);
                switch (d.severity()) {
                    case ERROR -> log.error(line);
                    case WARNING -> log.warn(line);
                }
            }
            if (!r.success()) {
                refused++;
                continue;
            }
            if (!r.changed()) {
                unchanged++;
                continue;
            }
            changed++;
            String what = source.display() + ": " + r.variant() + " " + r.fromVersion() + " -> " + r.toVersion();
            if (dryRun) {
                log.info("Would upgrade " + what);
                for (UpgradeResult.LineChange c : r.lineChanges()) {
                    log.info(String.format("  %4d - %s", c.line(), c.before()));
                    log.info(String.format("  %4d + %s", c.line(), c.after()));
                }
            } else {
                try {
                    AtomicFiles.write(source.file(), r.output().orElseThrow());
                } catch (IOException e) {
                    throw new MojoExecutionException("Cannot write " + source.display() + ": " + e, e);
                }
                log.info("Upgraded " + what);
            }
        }
        log.info(String.format("Butane configs in %s: %d %s, %d already at their target version, %d refused%s",
                SourceScanner.display(base, sourceDirectory.toPath()), changed, dryRun ? "would be upgraded"
                        : "upgraded", unchanged, refused, dryRun ? " (dry run: nothing was written)" : ""));
        if (refused > 0) {
            throw new MojoFailureException(refused + " config" + (refused == 1 ? "" : "s")
                    + " could not be upgraded (left unchanged); see the errors above");
        }
    }

    /** The parsed {@code to} parameter. */
    record Targets(Map<String, String> byVariant, String anyVariant) {
        static Targets parse(List<String> entries) throws MojoExecutionException {
            Map<String, String> byVariant = new LinkedHashMap<>();
            String any = null;
            for (String raw : entries == null ? List.<String>of() : entries) {
                for (String e : raw.split(",")) {
                    String entry = e.strip();
                    if (entry.isEmpty()) {
                        continue;
                    }
                    int eq = entry.indexOf('=');
                    if (eq < 0) {
                        any = entry;
                    } else {
                        String variant = entry.substring(0, eq).strip();
                        if (VersionSteps.line(variant).isEmpty()) {
                            throw new MojoExecutionException("kindling.to: unknown variant " + variant + " in "
                                    + entry);
                        }
                        byVariant.put(variant, entry.substring(eq + 1).strip());
                    }
                }
            }
            return new Targets(Map.copyOf(byVariant), any);
        }

        /** The version asked for the variant, or null for its newest stable one. */
        String versionFor(String variant) {
            if (variant != null && byVariant.containsKey(variant)) {
                return byVariant.get(variant);
            }
            return anyVariant;
        }

        /** The config's variant, or null (the upgrade then reports why it cannot read the config). */
        static String variantOf(byte[] config) {
            try {
                YNode root = new YamlLoader(YamlLimits.DEFAULT).load(config);
                return Decoder.variantAndVersion(root)[0];
            } catch (YamlException | DecodeException | RuntimeException e) {
                return null;
            }
        }
    }
}
