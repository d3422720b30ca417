package io.quest.platform.data;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Database} is made of. The database's shape is the {@link DatabaseSpec}; where it goes and who may
 * reach it come from other stacks, so they are {@link Output}s.
 *
 * @param region            the AWS region
 * @param accountId         the account the database lives in (key policy, confused-deputy conditions)
 * @param spec              engine, version, size, retention, monitoring
 * @param vpcId             the environment's VPC
 * @param isolatedSubnetIds the VPC's isolated subnets (no route out of the VPC), one per AZ
 * @param clientSecurityGroupId the one security group admitted to the database's port: the service's tasks
 * @param alertTopicArn     the SNS topic the database's alarms notify
 * @param protect           the engine refuses to delete the database and its key (production)
 * @param retainOnDelete    a deletion leaves the database and its key in AWS (production)
 * @param tags              the platform-wide tag layer
 */
public record DatabaseArgs(
        String region,
        String accountId,
        DatabaseSpec spec,
        Output<String> vpcId,
        Output<List<String>> isolatedSubnetIds,
        Output<String> clientSecurityGroupId,
        Output<String> alertTopicArn,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    public DatabaseArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(isolatedSubnetIds, "isolatedSubnetIds");
        Objects.requireNonNull(clientSecurityGroupId, "clientSecurityGroupId");
        Objects.requireNonNull(alertTopicArn, "alertTopicArn");
        Objects.requireNonNull(tags, "tags");
        if (spec.production() && !protect) {
            throw new IllegalArgumentException("a production database must be protected");
        }
    }
}
