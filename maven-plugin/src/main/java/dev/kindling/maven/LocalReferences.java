package dev.kindling.maven;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The names of the local files a config can read, found in its YAML: the values of every key
 * called {@code local} (file contents, {@code ignition.config}, certificate authorities, key
 * files, {@code trees}) or ending in {@code _local} ({@code contents_local},
 * {@code ssh_authorized_keys_local}), wherever it appears. The search is deliberately wider than
 * the Butane schema, so it never misses a reference; a name that is not really a reference only
 * costs a file hash.
 */
final class LocalReferences {
    private LocalReferences() {
    }

    /**
     * The referenced names, sorted; empty when the document could not be read well enough to
     * tell (then everything below the files folder must be considered a dependency).
     */
    static Optional<Set<String>> find(byte[] config) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(true)
                .setMaxAliasesForCollections(Integer.MAX_VALUE)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setUseMarks(false)
                .build();
        Set<String> names = new TreeSet<>();
        try {
            Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Node doc : new Compose(settings).composeAllFromInputStream(new ByteArrayInputStream(config))) {
                if (!walk(doc, names, seen)) {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // not YAML that this reader accepts: the transpiler will say what is wrong, or
            // accept a form this reader does not know; either way, assume the worst
            return Optional.empty();
        }
        return Optional.of(names);
    }

    /** Collects from {@code node} and below; false when a reference cannot be read as text. */
    private static boolean walk(Node root, Set<String> names, Set<Node> seen) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && isReferenceKey(k.getValue())
                            && !collect(t.getValueNode(), names)) {
                        return false;
                    }
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            } else if (node instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    todo.push(item);
                }
            }
        }
        return true;
    }

    static boolean isReferenceKey(String key) {
        return key.equals("local") || key.endsWith("_local");
    }

    /** The names in a reference's value: one scalar, or a list of scalars. */
    private static boolean collect(Node value, Set<String> names) {
        if (value instanceof ScalarNode s) {
            if (Tag.BINARY.equals(s.getTag())) {
                return false; // decoded bytes, not the text we see
            }
            names.add(s.getValue());
            return true;
        }
        if (value instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (!collect(item, names)) {
                    return false;
                }
            }
            return true;
        }
        // a mapping where a name belongs is an error the transpiler reports; nothing to read
        return true;
    }
}
