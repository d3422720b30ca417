package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorArgs;
import com.pulumi.aws.cloudtrail.inputs.TrailEventSelectorDataResourceArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;
import io.quest.platform.logs.EncryptedLogGroup;
import io.quest.platform.logs.LogGroupName;

import java.util.List;
import java.util.Map;

/**
 * A multi-region CloudTrail trail (FSBP CloudTrail.1, CIS v1.2.0 2.1 / v1.4.0 3.1) that records global
 * service events, signs its log files (CloudTrail.4, CIS 2.2 / 3.2), encrypts them with the shared log key
 * (CloudTrail.2, CIS 2.7 / 3.7) and delivers them to the shared log archive, under the account's own
 * {@code AWSLogs/<account>/CloudTrail/} prefix the archive's bucket policy allows; a copy goes to CloudWatch Logs
 * in the account (CloudTrail.5, CIS 2.4 / 3.4), encrypted with a key of its own that CloudWatch Logs may use for
 * that log group only, where the CIS v3.0.0 metric filters (4.1-4.15) count security events,
 * one more counts every use of the break-glass roles, and alarms watch the counts. In the shared account it also
 * records the S3 data events of the log archive and state buckets ({@link AuditTrailArgs#dataEventBuckets()}).
 */
public final class AuditTrail extends ComponentResource {

    public static final String TYPE = "quest:governance:AuditTrail";

    /** What on-call does when a CIS alarm fires; every alarm's description ends with it. */
    static final String RUNBOOK = "Find the events in CloudTrail (Event history, or the trail's log group) and confirm with whoever"
            + " made them that they were intended; if not, treat it as a security incident.";

    private final Output<String> trailArn;
    private final Output<String> logGroupName;

    public AuditTrail(String name, AuditTrailArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        // The events copy has a key of its own that CloudWatch Logs may use for this log group only.
        var logGroup = EncryptedLogGroup.create(name + "-logs", new EncryptedLogGroup.Spec(
                args.accountId(), args.region(), LogGroupName.exactly(logGroupName(name)), args.retentionDays(),
                "the CloudTrail events of " + name, args.protectLogs(), args.retainLogs(), tags), this).logGroup();

        var role = new Role(name + "-logs-role", RoleArgs.builder()
                .description("CloudTrail: copies the trail's events into its CloudWatch log group")
                .assumeRolePolicy(trustPolicy(Partition.of(args.region()), args.accountId()).toJson())
                .tags(tags.named(name + "-logs-role"))
                .build(), child);
        var writeLogs = new RolePolicy(name + "-logs-role-write", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> logDeliveryPolicy(arn).toJson()))
                .build(), child);

        // CloudTrail checks at creation that the role can write to the log group, so the trail waits for the policy.
        var trailArgs = TrailArgs.builder()
                .name(name)
                .isMultiRegionTrail(true)
                .isOrganizationTrail(args.organizationTrail())
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .kmsKeyId(args.archiveKeyArn())
                .s3BucketName(args.archiveBucketName())
                // CloudTrail wants the log group ARN with its ":*" (every stream); the provider's arn attribute has none.
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(arn -> arn + ":*"))
                .cloudWatchLogsRoleArn(role.arn())
                .tags(tags.named(name));
        if (!args.dataEventBuckets().isEmpty()) {
            trailArgs.eventSelectors(Output.all(args.dataEventBuckets()).applyValue(AuditTrail::dataEvents));
        }
        var trail = new Trail(name, trailArgs.build(), CustomResourceOptions.builder().parent(this).dependsOn(writeLogs).build());

        for (CisMetricFilter filter : CisMetricFilter.values()) {
            alarmOn(name + "-" + filter.key(), filter.pattern(), filter.metric(), logGroup, args, child);
        }
        if (!args.alarmedRoleArns().isEmpty()) {
            alarmOn(name + "-" + RoleUseFilter.KEY, new RoleUseFilter(args.alarmedRoleArns()).pattern(), RoleUseFilter.METRIC,
                    logGroup, args, child);
        }

        this.trailArn = trail.arn();
        this.logGroupName = logGroup.name();
        registerOutputs(Map.of("trailArn", trailArn, "logGroupName", logGroupName));
    }

    /**
     * Management events as without selectors (read and write, every source: the CIS filters read them), and the S3 object
     * reads and writes of these buckets. CloudTrail's basic event selector names a bucket's objects as
     * {@code arn:aws:s3:::<bucket>/}, resource type {@code AWS::S3::Object}
     * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html, read 2026-12-02).
     */
    static List<TrailEventSelectorArgs> dataEvents(List<String> bucketArns) {
        return List.of(TrailEventSelectorArgs.builder()
                .readWriteType("All")
                .includeManagementEvents(true)
                .dataResources(TrailEventSelectorDataResourceArgs.builder()
                        .type("AWS::S3::Object")
                        .values(bucketArns.stream().map(arn -> arn + "/").toList())
                        .build())
                .build());
    }

    /** The name of the trail's CloudWatch Logs copy. */
    static String logGroupName(String trailName) {
        return "/quest/" + trailName;
    }

    /** A metric filter on the trail's log group counting the events that match, and an alarm at the first one. */
    private static void alarmOn(String name, String pattern, SecurityMetric metric, LogGroup logGroup, AuditTrailArgs args,
                                CustomResourceOptions child) {
        new LogMetricFilter(name, LogMetricFilterArgs.builder()
                .name(name)
                .logGroupName(logGroup.name())
                .pattern(pattern)
                .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                        .name(metric.name())
                        .namespace(metric.namespace())
                        .value("1")
                        .build())
                .build(), child);
        var alarm = MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(metric.description() + ". " + RUNBOOK)
                .namespace(metric.namespace())
                .metricName(metric.name())
                .statistic("Sum")
                .period(300)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching")
                .tags(args.tags().named(name));
        args.alarmTopicArn().ifPresent(topic -> alarm.alarmActions(topic.applyValue(List::of)));
        new MetricAlarm(name + "-alarm", alarm.build(), child);
    }

    /** Only CloudTrail, acting for this account, can assume the log delivery role. */
    static PolicyDocument trustPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("CloudTrailAssumesRole", ServicePrincipal.CLOUDTRAIL, partition)
                .onBehalfOf(accountId))
                .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the trail's log delivery trust policy");
    }

    /** Create streams and put events in the trail's log group, nothing else. */
    static PolicyDocument logDeliveryPolicy(String logGroupArn) {
        return PolicyDocument.of(Statement.allow("WriteTrailEvents")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logGroupArn + ":log-stream:*"))
                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the trail's log delivery policy");
    }

    public Output<String> trailArn() {
        return trailArn;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }
}
