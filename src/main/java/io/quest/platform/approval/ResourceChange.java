package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the preview will do to one resource: every engine step for its URN folded into one change.
 *
 * @param operation          what happens
 * @param urn                the resource
 * @param type               its type token (from the state, else from the URN)
 * @param protect            whether the existing resource is marked {@code protect}
 * @param protectAfter       whether it is marked {@code protect} after the change (the engine shows a change of
 *                           {@code protect} alone as a {@code same} step: pulumi/pulumi {@code pkg/backend/display/display.go},
 *                           {@code shouldShow})
 * @param oldInputs          inputs of the existing resource, or JSON null
 * @param newInputs          inputs it will have, or JSON null
 * @param changedProperties  property paths that differ, as the engine names them ({@code tags.Owner}, {@code ingress[0]}); sorted
 * @param replaceProperties  property paths that force the replacement; sorted
 * @param unknownOps         the engine step ops for this resource that this gate does not know; sorted
 */
public record ResourceChange(
        Operation operation,
        Urn urn,
        String type,
        boolean protect,
        boolean protectAfter,
        JsonNode oldInputs,
        JsonNode newInputs,
        List<String> changedProperties,
        List<String> replaceProperties,
        List<String> unknownOps) {

    private static final Set<String> TAG_PROPERTIES = Set.of("tags", "tagsAll");

    public ResourceChange {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(type, "type");
        oldInputs = oldInputs == null ? NullNode.getInstance() : oldInputs.deepCopy();
        newInputs = newInputs == null ? NullNode.getInstance() : newInputs.deepCopy();
        changedProperties = List.copyOf(new TreeSet<>(changedProperties));
        replaceProperties = List.copyOf(new TreeSet<>(replaceProperties));
        unknownOps = List.copyOf(new TreeSet<>(unknownOps));
    }

    /** A change whose {@code protect} flag stays as it is and whose steps are all known. */
    public ResourceChange(Operation operation, Urn urn, String type, boolean protect, JsonNode oldInputs,
                          JsonNode newInputs, List<String> changedProperties, List<String> replaceProperties) {
        this(operation, urn, type, protect, protect, oldInputs, newInputs, changedProperties, replaceProperties, List.of());
    }

    /** Whether the change takes {@code protect} off a resource that has it. */
    public boolean removesProtect() {
        return protect && !protectAfter && operation != Operation.DELETE;
    }

    /** Whether anything about the resource changes: the cloud, or its {@code protect} flag. */
    public boolean isChange() {
        return operation.changesCloud() || protect != protectAfter;
    }

    /** The logical name, the last part of the URN. */
    public String name() {
        return urn.name();
    }

    /** The top-level input names behind the changed paths ({@code tags.Owner} and {@code tags.Team} give {@code tags}). */
    public Set<String> changedTopLevelProperties() {
        Set<String> names = new TreeSet<>();
        for (String path : changedProperties) {
            names.add(topLevel(path));
        }
        for (String path : replaceProperties) {
            names.add(topLevel(path));
        }
        return names;
    }

    /** An update whose every known change is to {@code tags} or {@code tagsAll}. */
    public boolean isTagOnlyUpdate() {
        Set<String> changed = changedTopLevelProperties();
        return operation == Operation.UPDATE && !changed.isEmpty() && TAG_PROPERTIES.containsAll(changed);
    }

    static String topLevel(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
