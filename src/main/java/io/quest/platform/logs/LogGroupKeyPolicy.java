package io.quest.platform.logs;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

/**
 * The key policy of a log group's own KMS key: the account administers the key through IAM, and CloudWatch Logs of
 * the log group's region may use it only for that log group, named by the encryption context CloudWatch Logs sends
 * with every request ({@code kms:EncryptionContext:aws:logs:arn}). From "Encrypt log data in CloudWatch Logs using
 * AWS Key Management Service", step 2 "Set permissions on the KMS key"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html, read 2026-12-02).
 */
public final class LogGroupKeyPolicy {

    /** The most a key policy may hold (KMS quotas, "Key policy document size"). */
    public static final int KEY_POLICY_LIMIT = 32_768;

    private LogGroupKeyPolicy() {
    }

    /**
     * The policy for one log group.
     *
     * @param accountId  the account the key and the log group live in
     * @param region     the log group's region: only that region's CloudWatch Logs is admitted
     * @param logGroup   the log group's ARN, or the ARN pattern of a log group whose name only AWS completes
     *                   ({@link LogGroupName#arnCondition()})
     */
    public static PolicyDocument document(String accountId, String region, LogGroupName logGroup) {
        return PolicyDocument.of(
                Statement.administerKey("AccountAdministers", Principal.account(Partition.of(region), accountId)),
                Statement.grantToService("CloudWatchLogsUseForThisLogGroup", Principal.regionalService(ServicePrincipal.LOGS, region),
                                "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                        .resources("*")
                        .when(logGroup.arnOperator(), "kms:EncryptionContext:aws:logs:arn", logGroup.arnCondition(accountId, region)))
                .requireWithin(KEY_POLICY_LIMIT, "the key policy of log group " + logGroup.display());
    }
}
