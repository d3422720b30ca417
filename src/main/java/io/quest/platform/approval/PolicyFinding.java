package io.quest.platform.approval;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy pack's finding in an engine event log: a {@code policyEvent} (a violation) or a
 * {@code policyRemediationEvent} (the policy changed a resource's inputs). Shapes: pulumi/pulumi
 * {@code sdk/go/common/apitype/events.go} ({@code PolicyEvent}, {@code PolicyRemediationEvent}); enforcement levels:
 * {@code sdk/go/common/apitype/policy.go} ({@code advisory}, {@code mandatory}, {@code remediate}, {@code disabled}).
 * {@code pulumi preview --json} leaves policy events out ({@code pkg/backend/display/json.go}, "we don't handle policy
 * events in JSON serialization"), so only an event log carries them.
 *
 * @param urn              the resource, when the finding is about one
 * @param policy           {@code pack/policy} as a reviewer reads it
 * @param enforcementLevel the level as the engine wrote it, lower case
 * @param message          the policy's message, redacted and on one line
 */
public record PolicyFinding(Optional<String> urn, String policy, String enforcementLevel, String message) {

    public PolicyFinding {
        Objects.requireNonNull(urn, "urn");
        Objects.requireNonNull(policy, "policy");
        enforcementLevel = enforcementLevel.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(message, "message");
    }

    /**
     * What the finding alone demands: a mandatory violation blocks (the engine refuses it at {@code up}); an advisory
     * one, a remediation, or a level this gate does not know needs a human; a disabled policy nothing.
     */
    public Decision decision() {
        return switch (enforcementLevel) {
            case "mandatory" -> Decision.BLOCKED;
            case "disabled", "none" -> Decision.APPLY;
            default -> Decision.NEEDS_APPROVAL;
        };
    }

    /** The reason a reviewer reads. */
    public Reason reason() {
        String text = switch (enforcementLevel) {
            case "mandatory" -> "mandatory policy " + policy + " is violated: " + message;
            case "remediate" -> "policy " + policy + " changed the resource's inputs (remediation): " + message;
            default -> enforcementLevel + " policy " + policy + " is violated: " + message;
        };
        return new Reason(decision(), text);
    }
}
