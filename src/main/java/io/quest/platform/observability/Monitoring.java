package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.LogSubscriptionFilter;
import com.pulumi.aws.cloudwatch.LogSubscriptionFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.QueryDefinition;
import com.pulumi.aws.cloudwatch.QueryDefinitionArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.aws.synthetics.Canary;
import com.pulumi.aws.synthetics.CanaryArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigS3EncryptionArgs;
import com.pulumi.aws.synthetics.inputs.CanaryRunConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryScheduleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.governance.SecurityMetric;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an on-call engineer needs on day one in an environment: an encrypted alert topic with its
 * subscriptions, an alarm for each way the service fails (each saying what to do, notifying on ALARM and
 * OK), a dashboard, a synthetic health check from outside, saved Logs Insights queries, and, when asked,
 * the service's logs streamed to another destination.
 *
 * <p>Every alarm's dimensions come from the service's real attributes (the load balancer's and target
 * group's ARN suffixes, the cluster and service names), never from names guessed here.
 */
public final class Monitoring extends ComponentResource {

    public static final String TYPE = "quest:observability:Monitoring";

    private final Output<String> alertTopicArn;
    private final Output<String> canaryName;
    private final Output<String> dashboardName;

    public Monitoring(String name, MonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        String canary = Canaries.healthCanaryName(args.environment());
        String dashboard = DashboardBody.requireValidName("quest-" + args.environment());
        var child = CustomResourceOptions.builder().parent(this).build();

        Topic topic = alerts(name, args, child);
        Output<List<String>> notify = topic.arn().applyValue(List::of);

        Canary healthCheck = healthCanary(name, canary, args, child);
        alarms(name, args, healthCheck.name(), notify, child);
        for (SecurityMetric metric : args.securityMetrics()) {
            securityAlarm(name, metric, args, notify, child);
        }
        if (args.dashboard()) {
            Output<String> body = Output.all(List.of(args.service().serviceUrl(), args.service().albDnsName(),
                            args.service().albArnSuffix(), args.service().targetGroupArnSuffix(), args.service().clusterName(),
                            args.service().serviceName(), args.service().logGroupName(), args.service().imageDigest(), healthCheck.name()))
                    .applyValue(v -> ServiceDashboard.body(args.environment(), new MonitoredService(args.region(),
                            v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8))).toJson());
            new Dashboard(name + "-dashboard", DashboardArgs.builder()
                    .dashboardName(dashboard)
                    .dashboardBody(body)
                    .build(), child);
        }
        for (LogQuery query : LogQuery.values()) {
            new QueryDefinition(name + "-" + query.key(), QueryDefinitionArgs.builder()
                    .name(query.savedName(args.environment()))
                    .queryString(query.query())
                    .logGroupNames(args.service().logGroupName().applyValue(List::of))
                    .build(), child);
        }
        args.logStreaming().ifPresent(destination -> logStreaming(name, destination, args, child));

        this.alertTopicArn = topic.arn();
        this.canaryName = healthCheck.name();
        this.dashboardName = Output.of(args.dashboard() ? dashboard : "");
        registerOutputs(Map.of("alertTopicArn", alertTopicArn, "canaryName", canaryName, "dashboardName", dashboardName));
    }

    /** The KMS-encrypted topic every alarm notifies, its policy, and its subscriptions. */
    private Topic alerts(String name, MonitoringArgs args, CustomResourceOptions child) {
        var key = new Key(name + "-alerts-key", KeyArgs.builder()
                .description("Encrypts the " + args.environment() + " alert topic; CloudWatch may use it to publish alarms")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(MonitoringPolicies.alertKeyPolicy(args.accountId()).toJson())
                .tags(args.tags().named(name + "-alerts-key"))
                .build(), CustomResourceOptions.builder().parent(this).protect(args.production()).build());
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
                .policy(topic.arn().applyValue(arn -> MonitoringPolicies.topicPolicy(arn, args.accountId()).toJson()))
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
                .build(), CustomResourceOptions.builder().parent(this).additionalSecretOutputs("endpoint").build()));
        return topic;
    }

    /** The service's alarms, in the order of {@link AlarmKind}. */
    private void alarms(String name, MonitoringArgs args, Output<String> canaryName, Output<List<String>> notify, CustomResourceOptions child) {
        WatchedService s = args.service();
        Output<Map<String, String>> loadBalancer = s.albArnSuffix().applyValue(lb -> Map.of("LoadBalancer", lb));
        Output<Map<String, String>> targetGroup = Output.tuple(s.targetGroupArnSuffix(), s.albArnSuffix())
                .applyValue(t -> ordered("TargetGroup", t.t1, "LoadBalancer", t.t2));
        Output<Map<String, String>> ecsService = Output.tuple(s.clusterName(), s.serviceName())
                .applyValue(t -> ordered("ClusterName", t.t1, "ServiceName", t.t2));
        Output<Map<String, String>> canary = canaryName.applyValue(c -> Map.of("CanaryName", c));

        for (AlarmKind kind : AlarmKind.values()) {
            AlarmSettings settings = args.alarms().get(kind);
            MetricAlarmArgs.Builder alarm = base(name, kind, settings, notify, args);
            switch (kind) {
                case TARGET_5XX -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.TARGET_5XX, targetGroup, settings).statistic("Sum");
                case ELB_5XX -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.ELB_5XX, loadBalancer, settings).statistic("Sum");
                case LATENCY_P99 -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.TARGET_RESPONSE_TIME, targetGroup, settings)
                        .extendedStatistic("p99");
                case UNHEALTHY_HOSTS -> metric(alarm, ServiceMetrics.ALB, ServiceMetrics.UNHEALTHY_HOSTS, targetGroup, settings)
                        .statistic("Maximum");
                case CPU -> metric(alarm, ServiceMetrics.ECS, ServiceMetrics.CPU, ecsService, settings).statistic("Average");
                case MEMORY -> metric(alarm, ServiceMetrics.ECS, ServiceMetrics.MEMORY, ecsService, settings).statistic("Average");
                case CANARY -> metric(alarm, ServiceMetrics.SYNTHETICS, ServiceMetrics.CANARY_SUCCESS, canary, settings).statistic("Average");
                case TARGET_5XX_RATE -> alarm.metricQueries(
                        query("errors", ServiceMetrics.ALB, ServiceMetrics.TARGET_5XX, targetGroup, "Sum", settings),
                        query("requests", ServiceMetrics.ALB, ServiceMetrics.REQUEST_COUNT, targetGroup, "Sum", settings),
                        expression("rate", "100 * FILL(errors, 0) / requests", "5xx rate (%)"));
                case RUNNING_TASKS -> alarm.metricQueries(
                        query("running", ServiceMetrics.CONTAINER_INSIGHTS, ServiceMetrics.RUNNING_TASKS, ecsService, "Average", settings),
                        query("desired", ServiceMetrics.CONTAINER_INSIGHTS, ServiceMetrics.DESIRED_TASKS, ecsService, "Average", settings),
                        expression("missing", "desired - running", "tasks short of desired"));
            }
            new MetricAlarm(name + "-" + kind.nameSuffix(), alarm.build(), child);
        }
    }

    /** What every alarm has: name, description, threshold, evaluation, and the topic on ALARM and on OK. */
    private static MetricAlarmArgs.Builder base(String name, AlarmKind kind, AlarmSettings s, Output<List<String>> notify,
                                                MonitoringArgs args) {
        return MetricAlarmArgs.builder()
                .name(name + "-" + kind.nameSuffix())
                .alarmDescription(kind.title() + " in " + args.environment() + ". " + kind.runbook())
                .comparisonOperator(kind.comparisonOperator())
                .threshold(s.threshold())
                .evaluationPeriods(s.evaluationPeriods())
                .datapointsToAlarm(s.datapointsToAlarm())
                .treatMissingData(s.treatMissingData().configValue())
                .alarmActions(notify)
                .okActions(notify)
                .tags(args.tags().named(name + "-" + kind.nameSuffix()));
    }

    private static MetricAlarmArgs.Builder metric(MetricAlarmArgs.Builder alarm, String namespace, String metricName,
                                                  Output<Map<String, String>> dimensions, AlarmSettings s) {
        return alarm.namespace(namespace).metricName(metricName).dimensions(dimensions).period(s.periodSeconds());
    }

    private static MetricAlarmMetricQueryArgs query(String id, String namespace, String metricName, Output<Map<String, String>> dimensions,
                                                    String stat, AlarmSettings s) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace)
                        .metricName(metricName)
                        .dimensions(dimensions)
                        .stat(stat)
                        .period(s.periodSeconds())
                        .build())
                .build();
    }

    private static MetricAlarmMetricQueryArgs expression(String id, String expression, String label) {
        return MetricAlarmMetricQueryArgs.builder().id(id).expression(expression).label(label).returnData(true).build();
    }

    /** An alarm on a CloudTrail metric: any matching event in five minutes notifies the topic. */
    private void securityAlarm(String name, SecurityMetric metric, MonitoringArgs args, Output<List<String>> notify, CustomResourceOptions child) {
        String alarmName = name + "-security-" + metric.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase();
        new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                .name(alarmName)
                .alarmDescription(metric.description() + ". Find the events in CloudTrail (Event history, or the trail's log group)"
                        + " and confirm with whoever made them that they were intended; if not, treat it as a security incident.")
                .namespace(metric.namespace())
                .metricName(metric.name())
                .statistic("Sum")
                .period(300)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData(TreatMissingData.NOT_BREACHING.configValue())
                .alarmActions(notify)
                .okActions(notify)
                .tags(args.tags().named(alarmName))
                .build(), child);
    }

    /** The canary, its role and its encrypted, expiring, private artifacts bucket holding the script package. */
    private Canary healthCanary(String name, String canaryName, MonitoringArgs args, CustomResourceOptions child) {
        CanarySettings settings = args.canary();
        var bucket = new BucketV2(name + "-canary-artifacts", BucketV2Args.builder()
                .forceDestroy(!args.production())
                .tags(args.tags().named(name + "-canary-artifacts"))
                .build(), CustomResourceOptions.builder().parent(this).protect(args.production()).build());
        new BucketOwnershipControls(name + "-canary-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child);
        new BucketServerSideEncryptionConfigurationV2(name + "-canary-sse", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                                .sseAlgorithm("AES256")
                                .build())
                        .build())
                .build(), child);
        new BucketPublicAccessBlock(name + "-canary-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        new BucketLifecycleConfigurationV2(name + "-canary-expiry", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-run-artifacts")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(Canaries.ARTIFACTS_PREFIX).build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(settings.retentionDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(1)
                                .build())
                        .build())
                .build(), child);
        var bucketPolicy = new BucketPolicy(name + "-canary-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().applyValue(arn -> MonitoringPolicies.artifactsBucketPolicy(arn).toJson()))
                .build(), child);

        byte[] zip = Canaries.zip();
        var script = new BucketObjectv2(name + "-canary-script", BucketObjectv2Args.builder()
                .bucket(bucket.id())
                .key(Canaries.scriptKey(zip))
                .contentBase64(Base64.getEncoder().encodeToString(zip))
                .contentType("application/zip")
                .serverSideEncryption("AES256")
                .tags(args.tags().named(name + "-canary-script"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(bucketPolicy).build());

        var role = new Role(name + "-canary-role", RoleArgs.builder()
                .description("Runs the " + canaryName + " canary: its artifacts, logs and metrics only")
                .assumeRolePolicy(MonitoringPolicies.canaryTrustPolicy().toJson())
                .tags(args.tags().named(name + "-canary-role"))
                .build(), child);
        var rolePolicy = new RolePolicy(name + "-canary-role-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(bucket.arn().applyValue(arn -> MonitoringPolicies.canaryPolicy(arn, args.region(), args.accountId(),
                        canaryName, settings.activeTracing()).toJson()))
                .build(), child);

        String path = settings.path().orElse(args.healthCheckPath());
        Output<Map<String, String>> environment = args.service().serviceUrl()
                .applyValue(url -> Map.of("TARGET_URL", url.replaceFirst("/+$", "") + path));
        return new Canary(name + "-health", CanaryArgs.builder()
                .name(canaryName)
                .executionRoleArn(role.arn())
                .runtimeVersion(settings.runtimeVersion())
                .handler(Canaries.HANDLER)
                .s3Bucket(bucket.bucket())
                .s3Key(script.key())
                .artifactS3Location(Output.format("s3://%s/%s", bucket.bucket(), Canaries.ARTIFACTS_PREFIX))
                .artifactConfig(CanaryArtifactConfigArgs.builder()
                        .s3Encryption(CanaryArtifactConfigS3EncryptionArgs.builder().encryptionMode("SSE_S3").build())
                        .build())
                .schedule(CanaryScheduleArgs.builder().expression(settings.schedule().expression()).build())
                .runConfig(CanaryRunConfigArgs.builder()
                        .timeoutInSeconds(settings.timeoutSeconds())
                        .activeTracing(settings.activeTracing())
                        .environmentVariables(environment)
                        .build())
                .successRetentionPeriod(settings.retentionDays())
                .failureRetentionPeriod(settings.retentionDays())
                .startCanary(true)
                .deleteLambda(true)
                .tags(args.tags().named(canaryName))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy, script).build());
    }

    /** Streams every line of the service's log group to the destination, through a role limited to it when one is needed. */
    private void logStreaming(String name, LogDestination destination, MonitoringArgs args, CustomResourceOptions child) {
        var filter = LogSubscriptionFilterArgs.builder()
                .name(name + "-stream")
                .logGroup(args.service().logGroupName())
                .filterPattern("")
                .destinationArn(destination.arn());
        List<com.pulumi.resources.Resource> after = new ArrayList<>();
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
                CustomResourceOptions.builder().parent(this).dependsOn(after).build());
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** The topic every alarm notifies: other alarms of the environment (the account baseline's) can use it too. */
    public Output<String> alertTopicArn() {
        return alertTopicArn;
    }

    public Output<String> canaryName() {
        return canaryName;
    }

    public Output<String> dashboardName() {
        return dashboardName;
    }
}
