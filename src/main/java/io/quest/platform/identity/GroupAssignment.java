package io.quest.platform.identity;

import java.util.Objects;

/**
 * One group of the Identity Store given one permission set in one account.
 *
 * @param role        the permission set
 * @param accountName the account's name in {@code quest-platform:accounts} ({@code shared}, {@code dev}, ...)
 * @param accountId   the account's 12-digit ID
 * @param group       the group's display name in the Identity Store
 */
public record GroupAssignment(AccessRole role, String accountName, String accountId, String group) {

    public GroupAssignment {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(group, "group");
    }

    /**
     * The stable key of this assignment in resource names ({@code read-only-dev-developers}): the group's display name
     * in lowercase letters, digits and '-', with a short digest of the exact name whenever that changed it, so two
     * groups never share a key.
     */
    public String key() {
        return role.configValue() + "-" + accountName + "-" + groupKey(group);
    }

    static String groupKey(String group) {
        String slug = group.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.equals(group) && !slug.isEmpty()) {
            return slug;
        }
        return (slug.isEmpty() ? "group" : slug) + "-" + digest(group);
    }

    private static String digest(String text) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
