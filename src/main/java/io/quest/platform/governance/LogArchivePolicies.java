package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log archive's key policy and bucket policy, as data. CloudTrail and AWS Config of the platform's
 * accounts may write, each account only under its own {@code AWSLogs/<account>/} prefix and only for its
 * own service ({@code aws:SourceAccount}); nothing reaches the bucket without TLS.
 */
public final class LogArchivePolicies {

    private LogArchivePolicies() {
    }

    /**
     * The bucket policy: TLS only, then, per source account, CloudTrail under {@code AWSLogs/<account>/CloudTrail*}
     * (logs, digests, insights) and AWS Config under {@code AWSLogs/<account>/Config/}; both may read the bucket ACL,
     * which they check before delivering.
     */
    public static PolicyDocument bucketPolicy(String bucketArn, List<String> sourceAccounts) {
        return bucketPolicy(bucketArn, sourceAccounts, "", Optional.empty());
    }

    /**
     * The bucket policy, and with an organisation ID the write access of the organisation trail that
     * {@code ownerAccount} runs: CloudTrail writes every member account's events under {@code AWSLogs/<organization>/}.
     */
    public static PolicyDocument bucketPolicy(String bucketArn, List<String> sourceAccounts, String ownerAccount,
                                              Optional<String> organizationId) {
        Partition partition = Partition.ofArn(bucketArn);
        String[] accounts = sourceAccounts.toArray(String[]::new);
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.denyInsecureTransport(bucketArn));
        statements.add(Statement.grantToService("CloudTrailAclCheck", ServicePrincipal.CLOUDTRAIL, partition, "s3:GetBucketAcl")
                .resources(bucketArn)
                .onBehalfOf(accounts));
        statements.add(Statement.grantToService("ConfigAclCheck", ServicePrincipal.CONFIG, partition, "s3:GetBucketAcl", "s3:ListBucket")
                .resources(bucketArn)
                .onBehalfOf(accounts));
        for (String account : sourceAccounts) {
            statements.add(Statement.grantToService("CloudTrailWrite" + account, ServicePrincipal.CLOUDTRAIL, partition, "s3:PutObject")
                    .resources(bucketArn + "/AWSLogs/" + account + "/CloudTrail*")
                    .onBehalfOf(account)
                    .when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"));
            statements.add(Statement.grantToService("ConfigWrite" + account, ServicePrincipal.CONFIG, partition, "s3:PutObject")
                    .resources(bucketArn + "/AWSLogs/" + account + "/Config/*")
                    .onBehalfOf(account)
                    .when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"));
        }
        organizationId.ifPresent(organization -> statements.add(Statement.grantToService("OrganizationTrailWrite",
                        ServicePrincipal.CLOUDTRAIL, partition, "s3:PutObject")
                .resources(bucketArn + "/AWSLogs/" + organization + "/*")
                .onBehalfOf(ownerAccount)
                .when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")));
        return new PolicyDocument(statements);
    }

    /**
     * The key policy: the owning account administers the key through IAM (without this statement nobody
     * could); CloudTrail and AWS Config of the source accounts may encrypt with it, and nothing else may.
     */
    public static PolicyDocument keyPolicy(Partition partition, String ownerAccount, List<String> sourceAccounts) {
        String[] accounts = sourceAccounts.toArray(String[]::new);
        String[] trails = sourceAccounts.stream().map(a -> partition.arn("cloudtrail", "*", a, "trail/*")).toArray(String[]::new);
        return PolicyDocument.of(
                Statement.administerKey("AccountAdministersKeyThroughIam", Principal.account(partition, ownerAccount)),
                Statement.grantToService("CloudTrailEncryptsLogs", ServicePrincipal.CLOUDTRAIL, partition, "kms:GenerateDataKey*")
                        .resources("*")
                        .onBehalfOf(accounts)
                        .when("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", trails),
                Statement.grantToService("CloudTrailDescribesKey", ServicePrincipal.CLOUDTRAIL, partition, "kms:DescribeKey")
                        .resources("*")
                        .onBehalfOf(accounts),
                Statement.grantToService("ConfigEncryptsDeliveries", ServicePrincipal.CONFIG, partition, "kms:Decrypt", "kms:GenerateDataKey")
                        .resources("*")
                        .onBehalfOf(accounts));
    }
}
