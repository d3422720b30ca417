package io.quest.platform.data;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

/** The policy documents of a {@link Database}: its key's policy and its monitoring role's trust. */
final class DatabasePolicies {

    private DatabasePolicies() {
    }

    /**
     * The account administers the key through IAM, as with every key of the platform. RDS, Secrets Manager and
     * Performance Insights use it on behalf of whoever creates or reads the database (grants made through the calling
     * principal), so no service needs a statement of its own.
     */
    static PolicyDocument keyPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.administerKey("AccountAdministers", Principal.account(partition, accountId)));
    }

    /** Only RDS enhanced monitoring, for this account, may take the monitoring role. */
    static PolicyDocument monitoringTrust(String accountId) {
        return PolicyDocument.of(Statement.allow("RdsEnhancedMonitoring")
                .principal(Principal.service("monitoring.rds.amazonaws.com"))
                .actions("sts:AssumeRole")
                .when("StringEquals", "aws:SourceAccount", accountId));
    }
}
