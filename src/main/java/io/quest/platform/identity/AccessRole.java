package io.quest.platform.identity;

import io.quest.platform.choice.ConfigChoice;

/**
 * The ways people reach the platform's accounts through IAM Identity Center: one permission set each, assigned to
 * groups per account ({@code quest-platform:access.groups}). The permission set names are fixed, so the break-glass
 * role can trust the role Identity Center provisions for one of them by name.
 */
public enum AccessRole implements ConfigChoice {
    /** Full administrator ({@code AdministratorAccess}), one-hour sessions: the shared stack's own deployments. */
    ADMINISTRATOR("administrator", "quest-administrator", 1),
    /**
     * What the platform's deployer role may do: {@code AdministratorAccess} inside the deployer's permissions boundary,
     * one-hour sessions. Member accounts only, where the boundary policy exists.
     */
    DEPLOYER("deployer", "quest-deployer", 1),
    /** {@code ReadOnlyAccess} without secret values, eight-hour sessions: everyday reading and debugging. */
    READ_ONLY("read-only", "quest-read-only", 8),
    /** {@code SecurityAudit} and {@code ReadOnlyAccess}, as the auditor role, eight-hour sessions: security review. */
    SECURITY_AUDITOR("security-auditor", "quest-security-auditor", 8),
    /**
     * Nothing but assuming the break-glass role of a member account, one-hour sessions. Shared account only: the
     * break-glass roles trust this permission set's role there, and every use of them is alarmed.
     */
    BREAK_GLASS("break-glass", "quest-break-glass", 1);

    /** The shortest and longest session AWS accepts for a permission set, in hours (PT1H to PT12H). */
    public static final int MIN_SESSION_HOURS = 1;
    public static final int MAX_SESSION_HOURS = 12;

    private final String configValue;
    private final String permissionSetName;
    private final int defaultSessionHours;

    AccessRole(String configValue, String permissionSetName, int defaultSessionHours) {
        this.configValue = configValue;
        this.permissionSetName = permissionSetName;
        this.defaultSessionHours = defaultSessionHours;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The permission set's name in Identity Center (1 to 32 of {@code [\w+=,.@-]}), and in its roles' names. */
    public String permissionSetName() {
        return permissionSetName;
    }

    /** The session length when {@code access.sessionDurations} does not name this role. */
    public int defaultSessionHours() {
        return defaultSessionHours;
    }

    /** Whether the permission set may be assigned in the shared account. */
    public boolean assignableToShared() {
        return this != DEPLOYER;
    }

    /** Whether the permission set may be assigned in a member (environment) account. */
    public boolean assignableToMembers() {
        return this != BREAK_GLASS;
    }

    /** A session length as the ISO-8601 duration the API takes ({@code PT8H}). */
    public static String isoDuration(int hours) {
        if (hours < MIN_SESSION_HOURS || hours > MAX_SESSION_HOURS) {
            throw new IllegalArgumentException("a permission set's session lasts 1 to 12 hours, not " + hours);
        }
        return "PT" + hours + "H";
    }
}
