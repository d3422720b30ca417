package io.quest.platform.approval;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a preview will do to one resource, after the engine's replacement steps are folded together.
 * Parsed from the engine's step op names ({@code create}, {@code create-replacement}, ...): the list is
 * {@code StepOps} in pulumi/pulumi {@code pkg/resource/deploy/step.go} @ 1b5949891b3cefcb9974752b24a5ecef0acc86c8,
 * which has two ops more than {@code OpType} in {@code sdk/go/common/apitype/history.go}: {@code diff} (a logical step
 * that only asks the provider for a diff) and {@code extend-parameterize} (an internal step on a provider, no URN).
 */
public enum Operation {
    /** Nothing changes. */
    SAME,
    /** A new resource is created. */
    CREATE,
    /** An existing resource is changed in place. */
    UPDATE,
    /** The resource is deleted and not re-created. */
    DELETE,
    /** The resource is deleted and created again (from {@code replace}, {@code create-replacement} or {@code delete-replaced}). */
    REPLACE,
    /** An existing cloud resource is read, not managed. */
    READ,
    /** An existing cloud resource is adopted into the stack. */
    IMPORT,
    /** The state is refreshed from the cloud; nothing is changed in the cloud. */
    REFRESH,
    /** A read resource is forgotten by the stack; nothing is changed in the cloud. */
    DISCARD,
    /**
     * A step op this gate does not know, from a newer Pulumi CLI: read, counted as a change to the cloud (it may be
     * one), and reviewed by a human.
     */
    UNKNOWN;

    /** How an engine op is spelled: lower-case words joined by hyphens ({@code create-replacement}). */
    private static final Pattern OP_SHAPE = Pattern.compile("[a-z]+(-[a-z]+)*");

    /** Whether the cloud may change: an unknown op is assumed to change it. */
    public boolean changesCloud() {
        return this == CREATE || this == UPDATE || this == DELETE || this == REPLACE || this == IMPORT || this == UNKNOWN;
    }

    /** Whether a resource that exists today is destroyed. */
    public boolean destroys() {
        return this == DELETE || this == REPLACE;
    }

    /** The lower-case name used in reports and in the digest. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Maps an engine op name to an operation; an op of the engine's shape that this gate does not know is
     * {@link #UNKNOWN}.
     *
     * @throws PreviewFormatException when the text is not shaped like an engine op at all
     */
    public static Operation fromEngine(String op) {
        if (!OP_SHAPE.matcher(op).matches()) {
            throw new PreviewFormatException("step op \"" + Redaction.redact(op) + "\" is not an engine op;"
                    + " expected lower-case words joined by hyphens such as same, create, update, delete, replace,"
                    + " create-replacement, delete-replaced, read, import, refresh, discard");
        }
        return switch (op) {
            case "same", "diff" -> SAME;
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "replace", "create-replacement", "delete-replaced" -> REPLACE;
            case "read", "read-replacement" -> READ;
            case "import", "import-replacement" -> IMPORT;
            case "refresh" -> REFRESH;
            case "discard", "discard-replaced", "remove-pending-replace", "extend-parameterize" -> DISCARD;
            default -> UNKNOWN;
        };
    }

    /** Whether the engine op is one step of a replacement (as opposed to a plain create or delete). */
    static boolean isReplacementStep(String op) {
        return op.equals("replace") || op.equals("create-replacement") || op.equals("delete-replaced");
    }
}
