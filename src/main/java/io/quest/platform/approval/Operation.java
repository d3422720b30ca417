package io.quest.platform.approval;

import java.util.Locale;

/**
 * What a preview will do to one resource, after the engine's replacement steps are folded together.
 * Parsed from the engine's step op names ({@code create}, {@code create-replacement}, ...).
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
    DISCARD;

    /** Whether the cloud changes at all. */
    public boolean changesCloud() {
        return this == CREATE || this == UPDATE || this == DELETE || this == REPLACE || this == IMPORT;
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
     * Maps an engine op name (from {@code pulumi/sdk/go/common/apitype} and {@code pkg/display}) to an operation.
     *
     * @throws PreviewFormatException when the op is not one the engine writes
     */
    public static Operation fromEngine(String op) {
        return switch (op) {
            case "same" -> SAME;
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "replace", "create-replacement", "delete-replaced" -> REPLACE;
            case "read", "read-replacement" -> READ;
            case "import", "import-replacement" -> IMPORT;
            case "refresh" -> REFRESH;
            case "discard", "discard-replaced", "remove-pending-replace" -> DISCARD;
            default -> throw new PreviewFormatException("unknown step op \"" + op
                    + "\"; expected one of same, create, update, delete, replace, create-replacement, delete-replaced,"
                    + " read, read-replacement, import, import-replacement, refresh, discard, discard-replaced, remove-pending-replace");
        };
    }

    /** Whether the engine op is one step of a replacement (as opposed to a plain create or delete). */
    static boolean isReplacementStep(String op) {
        return op.equals("replace") || op.equals("create-replacement") || op.equals("delete-replaced");
    }
}
