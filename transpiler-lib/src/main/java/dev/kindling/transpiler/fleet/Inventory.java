/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 The Kindling developers
 */
package dev.kindling.transpiler.fleet;

import dev.kindling.transpiler.Variables;
import dev.kindling.transpiler.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A fleet inventory ({@code fleet.yaml}): the hosts of a fleet, each made of a base config and
 * snippets merged on top, with its own variables and output name.
 *
 * <pre>{@code
 * files_dir: files                 # optional: where local files are read (default: none)
 * defaults:                        # optional: what every host gets
 *   base: base.bu
 *   snippets: [common/ntp.bu]
 *   variables: {domain: example.org}
 * roles:                           # optional: named groups of snippets and variables
 *   web:
 *     snippets: [roles/web.bu]
 *     variables: {http_port: "8080"}
 * hosts:
 *   web-1:
 *     roles: [web]
 *     variables:
 *       address: 10.0.0.11/24
 *       k3s_token: {env: K3S_TOKEN}  # a secret, from the environment
 *     output: web/web-1            # optional: output name without extension (default: the host name)
 * }</pre>
 *
 * <p>A host's sources are, in this order: its {@code base} (else the default base), the default
 * snippets, each role's snippets in the order of {@code roles}, its own snippets. Its variables
 * are the defaults', then each role's, then its own, later ones winning. Every path is relative
 * to the inventory's folder and must stay inside it (also through symbolic links).
 */
public final class Inventory {
    /** Host names, which are also default output names. */
    public static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Output names: host-like names, optionally in folders. */
    private static final Pattern OUTPUT_NAME = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private static final Set<String> TOP = Set.of("files_dir", "defaults", "roles", "hosts");
    private static final Set<String> DEFAULTS = Set.of("base", "snippets", "variables");
    private static final Set<String> ROLE = Set.of("snippets", "variables");
    private static final Set<String> HOST = Set.of("base", "roles", "snippets", "variables", "output");

    /**
     * One host.
     *
     * @param name the host's name in the inventory
     * @param sources the base config first, then the snippets in merge order (absolute paths)
     * @param variables its variables (before any given on the command line)
     * @param output the output name without extension, relative to the output folder
     */
    public record Host(String name, List<Path> sources, Variables variables, String output) {
        public Host {
            sources = List.copyOf(sources);
        }
    }

    private final String name;
    private final Path folder;
    private final Path filesDir;
    private final List<Host> hosts;

    private Inventory(String name, Path folder, Path filesDir, List<Host> hosts) {
        this.name = name;
        this.folder = folder;
        this.filesDir = filesDir;
        this.hosts = List.copyOf(hosts);
    }

    /** The inventory's name as given (in messages). */
    public String name() {
        return name;
    }

    /** The folder every path of the inventory is relative to. */
    public Path folder() {
        return folder;
    }

    /** The inventory's {@code files_dir}, resolved; absent when it names none. */
    public Optional<Path> filesDir() {
        return Optional.ofNullable(filesDir);
    }

    /** The hosts, in inventory order. */
    public List<Host> hosts() {
        return hosts;
    }

    /**
     * Reads an inventory.
     *
     * @param displayName the name of the file in messages (as the user gave it)
     * @param env where {@code {env: ...}} secrets are read
     */
    public static Inventory load(Path file, String displayName, Function<String, String> env)
            throws InventoryException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InventoryException(displayName, 0, 0, "cannot read the inventory: " + reason(e));
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        return parse(bytes, displayName, folder, env);
    }

    /** Reads an inventory given as bytes; paths are resolved against {@code folder}. */
    public static Inventory parse(byte[] bytes, String displayName, Path folder, Function<String, String> env)
            throws InventoryException {
        folder = folder.toAbsolutePath().normalize();
        YamlTree t = new YamlTree(displayName);
        YNode root = t.load(bytes);
        if (root == null) {
            throw new InventoryException(displayName, 0, 0, "the inventory is empty; it needs hosts");
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw new InventoryException(displayName, 0, 0, "cannot read the inventory's folder: " + reason(e));
        }
        Paths paths = new Paths(t, folder, realFolder);
        Map<String, YNode> top = t.map(root, "the inventory", TOP);

        Path filesDir = null;
        if (top.containsKey("files_dir")) {
            YNode n = top.get("files_dir");
            filesDir = paths.resolve(n, t.string(n, "files_dir"), true);
        }

        Map<String, YNode> defaults = top.containsKey("defaults") ? t.map(top.get("defaults"), "defaults", DEFAULTS)
                : Map.of();
        Path defaultBase = defaults.containsKey("base")
                ? paths.resolve(defaults.get("base"), t.string(defaults.get("base"), "base"), false) : null;
        List<Path> defaultSnippets = paths.list(defaults.get("snippets"), "snippets");
        Variables defaultVars = defaults.containsKey("variables")
                ? VariablesFile.read(t, defaults.get("variables"), "variables", env) : Variables.empty();

        record Role(List<Path> snippets, Variables variables) {
        }
        Map<String, Role> roles = new HashMap<>();
        if (top.containsKey("roles")) {
            for (var e : t.map(top.get("roles"), "roles", null).entrySet()) {
                Map<String, YNode> r = t.map(e.getValue(), "role " + e.getKey(), ROLE);
                roles.put(e.getKey(), new Role(paths.list(r.get("snippets"), "snippets"),
                        r.containsKey("variables") ? VariablesFile.read(t, r.get("variables"), "variables", env)
                                : Variables.empty()));
            }
        }

        if (!top.containsKey("hosts")) {
            throw t.error(root, "the inventory has no hosts");
        }
        List<Host> hosts = new ArrayList<>();
        Map<String, String> outputs = new LinkedHashMap<>();
        YNode hostsNode = top.get("hosts");
        Map<String, YNode> hostMap = t.map(hostsNode, "hosts", null);
        if (hostMap.isEmpty()) {
            throw t.error(hostsNode, "the inventory has no hosts");
        }
        for (var e : hostMap.entrySet()) {
            String name = e.getKey();
            YNode keyNode = t.keyNode(hostsNode, name);
            if (!HOST_NAME.matcher(name).matches()) {
                throw t.error(keyNode, "invalid host name \"" + name
                        + "\": use letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
            Map<String, YNode> h = t.map(e.getValue(), "host " + name, HOST);
            List<Path> sources = new ArrayList<>();
            Variables vars = defaultVars;
            if (h.containsKey("base")) {
                sources.add(paths.resolve(h.get("base"), t.string(h.get("base"), "base"), false));
            } else if (defaultBase != null) {
                sources.add(defaultBase);
            } else {
                throw t.error(keyNode, "host " + name + " has no base config (give it a base, or give defaults one)");
            }
            sources.addAll(defaultSnippets);
            if (h.containsKey("roles")) {
                List<YNode> items = t.list(h.get("roles"), "roles");
                for (String roleName : t.strings(h.get("roles"), "roles")) {
                    Role role = roles.get(roleName);
                    if (role == null) {
                        YNode at = items.get(t.strings(h.get("roles"), "roles").indexOf(roleName));
                        throw t.error(at, "host " + name + " has the role " + roleName
                                + ", which the inventory does not define");
                    }
                    sources.addAll(role.snippets());
                    vars = vars.with(role.variables());
                }
            }
            sources.addAll(paths.list(h.get("snippets"), "snippets"));
            if (h.containsKey("variables")) {
                vars = vars.with(VariablesFile.read(t, h.get("variables"), "variables", env));
            }
            String output = name;
            if (h.containsKey("output")) {
                output = t.string(h.get("output"), "output");
                if (!OUTPUT_NAME.matcher(output).matches()) {
                    throw t.error(h.get("output"), "invalid output name \"" + output
                            + "\": a relative name such as web/web-1, without extension, '..' or '//'");
                }
            }
            String other = outputs.putIfAbsent(output, name);
            if (other != null) {
                throw t.error(keyNode, "hosts " + other + " and " + name + " have the same output name " + output);
            }
            hosts.add(new Host(name, sources, vars, output));
        }
        return new Inventory(displayName, folder, filesDir, hosts);
    }

    /** Resolves the inventory's paths below its folder. */
    private record Paths(YamlTree tree, Path folder, Path realFolder) {
        Path resolve(YNode at, String given, boolean directory) throws InventoryException {
            Path rel;
            try {
                rel = Path.of(given);
            } catch (RuntimeException e) {
                throw tree.error(at, "invalid path \"" + given + "\"");
            }
            if (rel.isAbsolute() || given.isEmpty()) {
                throw tree.error(at, "the path \"" + given + "\" must be relative to the inventory's folder");
            }
            Path p = folder.resolve(rel).normalize();
            if (!p.startsWith(folder)) {
                throw tree.error(at, "the path \"" + given + "\" leaves the inventory's folder");
            }
            if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
                throw tree.error(at, (directory ? "no folder " : "no file ") + given + " next to the inventory");
            }
            try {
                if (!p.toRealPath().startsWith(realFolder)) {
                    throw tree.error(at, "the path \"" + given
                            + "\" leads out of the inventory's folder through a symbolic link");
                }
            } catch (IOException e) {
                throw tree.error(at, "cannot read " + given + ": " + reason(e));
            }
            return p;
        }

        List<Path> list(YNode node, String what) throws InventoryException {
            if (node == null) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            List<YNode> items = tree.list(node, what);
            List<String> names = tree.strings(node, what);
            for (int i = 0; i < names.size(); i++) {
                out.add(resolve(items.get(i), names.get(i), false));
            }
            return out;
        }
    }

    private static String reason(IOException e) {
        return dev.kindling.transpiler.engine.LocalFiles.reason(e);
    }
}
