package io.quest.platform.data;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

/** The policy documents of a {@link Database}: its key's policy, its monitoring role's trust, and what its client may read. */
public final class DatabasePolicies {

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
    static PolicyDocument monitoringTrust(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("RdsEnhancedMonitoring", ServicePrincipal.RDS_MONITORING, partition)
                .onBehalfOf(accountId));
    }

    /**
     * What the application needs to log in: the master secret's value, and the database key to decrypt it only when
     * Secrets Manager of this region asks on its behalf ({@code kms:ViaService}; AWS Secrets Manager User Guide, "Secret
     * encryption and decryption in AWS Secrets Manager", read 2026-12-02: GetSecretValue calls kms:Decrypt with the
     * caller's credentials, and the encryption context names the secret's ARN, which binds the grant to this secret).
     */
    public static PolicyDocument clientPolicy(String region, String secretArn, String keyArn) {
        return PolicyDocument.of(
                Statement.allow("ReadMasterSecret")
                        .actions("secretsmanager:GetSecretValue")
                        .resources(secretArn),
                Statement.allow("DecryptMasterSecret")
                        .actions("kms:Decrypt")
                        .resources(keyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("secretsmanager", region))
                        .when("StringEquals", "kms:EncryptionContext:SecretARN", secretArn));
    }
}
