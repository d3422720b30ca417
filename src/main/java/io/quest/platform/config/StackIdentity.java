package io.quest.platform.config;

import java.util.Objects;

/** Which stack a program run is for: organisation, project and stack name, as Pulumi names them. */
public record StackIdentity(String organization, String project, String stack) {

    public StackIdentity {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stack, "stack");
    }

    /** The fully qualified name of a stack of the same project and organisation. */
    public String sibling(String stackName) {
        return organization + "/" + project + "/" + stackName;
    }

    public String fullyQualified() {
        return sibling(stack);
    }
}
