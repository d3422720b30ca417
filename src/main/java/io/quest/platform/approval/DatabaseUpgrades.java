package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * A database engine's major version changing in place. RDS upgrades a cluster or instance to a new major version
 * with {@code allowMajorVersionUpgrade}, as an update rather than a replacement, but the upgrade cannot be undone: the
 * only way back is restoring a snapshot taken before it, which loses every write made since. So the gate words it as
 * the data loss it can become, and it needs approval in every environment.
 */
final class DatabaseUpgrades {

    private static final Set<String> DATABASES = Set.of("aws:rds/cluster:Cluster", "aws:rds/instance:Instance",
            "aws:rds/clusterInstance:ClusterInstance");

    private DatabaseUpgrades() {
    }

    /** The reason a change needs approval, when it moves a database to another major version. */
    static Optional<Reason> reason(ResourceChange change, String noun) {
        if (!DATABASES.contains(change.type()) || change.operation() == Operation.CREATE || change.operation() == Operation.DELETE) {
            return Optional.empty();
        }
        Optional<String> before = major(change.oldInputs());
        Optional<String> after = major(change.newInputs());
        if (before.isEmpty() || after.isEmpty() || before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of(Reason.needsApproval("upgrades " + noun + " `" + change.name() + "` from engine major version "
                + before.get() + " to " + after.get() + ": it cannot be downgraded, and going back means restoring a snapshot"
                + " taken before it, losing the data written since"));
    }

    private static Optional<String> major(JsonNode inputs) {
        JsonNode version = inputs.path("engineVersion");
        return version.isTextual() && !version.asText().isBlank() ? Optional.of(version.asText().split("\\.")[0]) : Optional.empty();
    }
}
