package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.LogSubscriptionFilter;
import com.pulumi.aws.cloudwatch.LogSubscriptionFilterArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/** The service's logs streamed to another destination, when a {@link Monitoring} is asked to. */
final class LogStreaming {

    private LogStreaming() {
    }

    /** Streams every line of the service's log group to the destination, through a role limited to it when one is needed. */
    static void register(Monitoring parent, String name, LogDestination destination, MonitoringArgs args) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var filter = LogSubscriptionFilterArgs.builder()
                .name(name + "-stream")
                .logGroup(args.service().logGroupName())
                .filterPattern("")
                .destinationArn(destination.arn());
        List<Resource> after = new ArrayList<>();
        if (destination.kind().needsRole()) {
            var role = new Role(name + "-log-stream", RoleArgs.builder()
                    .description("Lets CloudWatch Logs stream the " + args.environment() + " service logs to " + destination.arn())
                    .assumeRolePolicy(MonitoringPolicies.logStreamingTrustPolicy(args.region(), args.accountId()).toJson())
                    .tags(args.tags().named(name + "-log-stream"))
                    .build(), child);
            after.add(new RolePolicy(name + "-log-stream", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(MonitoringPolicies.logStreamingPolicy(destination).toJson())
                    .build(), child));
            filter.roleArn(role.arn());
        }
        new LogSubscriptionFilter(name + "-stream", filter.build(),
                CustomResourceOptions.builder().parent(parent).dependsOn(after).build());
    }
}
