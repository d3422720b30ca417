package io.quest.platform.observability;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The alert topic of a {@link Monitoring}: encrypted with the monitoring's KMS key, which CloudWatch and EventBridge may
 * use to publish (and the canary's role, through S3 only, for its artifacts: {@link HealthCanary}), a policy scoped to the
 * account, and its email and webhook subscriptions.
 */
final class AlertTopic {

    private AlertTopic() {
    }

    /** The topic, and the monitoring's key that encrypts it (and the canary's artifacts). */
    record Registered(Topic topic, Output<String> keyArn) {
    }

    /** Registers the key, its alias, the topic, its policy and subscriptions under {@code parent}; returns the topic and key. */
    static Registered register(Monitoring parent, String name, MonitoringArgs args) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var key = new Key(name + "-alerts-key", KeyArgs.builder()
                .description("Encrypts the " + args.environment() + " alert topic; CloudWatch may use it to publish alarms")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(MonitoringPolicies.alertKeyPolicy(Partition.of(args.region()), args.accountId()).toJson())
                .tags(args.tags().named(name + "-alerts-key"))
                .build(), CustomResourceOptions.builder().parent(parent)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build());
        new Alias(name + "-alerts-key-alias", AliasArgs.builder()
                .name("alias/quest/" + args.environment() + "/alerts")
                .targetKeyId(key.keyId())
                .build(), child);
        var topic = new Topic(name + "-alerts", TopicArgs.builder()
                .displayName("Quest " + args.environment() + " alerts")
                .kmsMasterKeyId(key.arn())
                .tags(args.tags().named(name + "-alerts"))
                .build(), child);
        new TopicPolicy(name + "-alerts-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(topic.arn().applyValue(arn -> MonitoringPolicies.topicPolicy(arn, Partition.of(args.region()), args.accountId()).toJson()))
                .build(), child);
        for (String email : args.emails()) {
            new TopicSubscription(name + "-alerts-" + email, TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(email)
                    .build(), child);
        }
        args.webhookUrl().ifPresent(url -> new TopicSubscription(name + "-alerts-webhook", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("https")
                .endpoint(url.asSecret())
                .build(), CustomResourceOptions.builder().parent(parent).additionalSecretOutputs("endpoint").build()));
        return new Registered(topic, key.arn());
    }
}
