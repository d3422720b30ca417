package io.quest.platform.approval;

import java.util.Arrays;
import java.util.List;

/**
 * A Pulumi resource URN, {@code urn:pulumi:<stack>::<project>::<parent-type>$...$<type>::<name>}.
 *
 * @param value      the URN as written
 * @param stack      the stack part
 * @param typeChain  the parent types then the resource's own type, outermost first
 * @param name       the resource's logical name
 */
public record Urn(String value, String stack, List<String> typeChain, String name) {

    public Urn {
        typeChain = List.copyOf(typeChain);
    }

    /** The resource's own type token, e.g. {@code aws:iam/role:Role}. */
    public String type() {
        return typeChain.get(typeChain.size() - 1);
    }

    /** Whether any parent of the resource has the given component type token. */
    public boolean hasAncestorType(String typeToken) {
        return typeChain.subList(0, typeChain.size() - 1).contains(typeToken);
    }

    /**
     * Splits a URN into its parts.
     *
     * @throws PreviewFormatException when the text is not a URN
     */
    public static Urn parse(String urn) {
        String[] parts = urn.split("::", 4);
        if (!urn.startsWith("urn:pulumi:") || parts.length != 4 || parts[2].isEmpty()) {
            throw new PreviewFormatException("\"" + urn + "\" is not a Pulumi URN; expected urn:pulumi:<stack>::<project>::<type>::<name>");
        }
        String stack = parts[0].substring("urn:pulumi:".length());
        return new Urn(urn, stack, Arrays.asList(parts[2].split("\\$")), parts[3]);
    }
}
