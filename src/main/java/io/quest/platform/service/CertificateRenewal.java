package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.route53.Route53Functions;
import com.pulumi.aws.route53.inputs.GetZoneArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetEcsParametersNetworkConfigurationArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;
import io.quest.platform.logs.EncryptedLogGroup;
import io.quest.platform.logs.LogGroupName;

import java.util.List;
import java.util.Map;

/**
 * The job that obtains and renews a Let's Encrypt certificate: an ECS task on the environment's cluster, started twice
 * a day by an EventBridge Scheduler schedule, which runs certbot with its Route 53 plugin (DNS-01), keeps the
 * certificate and its private key in a Secrets Manager secret encrypted with a key of its own, and re-imports the
 * certificate into ACM under the listener's certificate ARN.
 *
 * <p>Why a scheduled ECS task rather than a Lambda function: certbot is the maintained ACME client, published by its
 * authors as the {@code certbot/dns-route53} image; a task runs that image as it is, where a Lambda function would need
 * certbot repackaged (a layer or an image built for Lambda's runtime interface) or an ACME client of our own. The
 * cluster already exists and costs nothing idle; a run of a minute or two twice a day on the smallest Fargate size
 * costs cents a month, as a Lambda function would. What it needs at run time: a route to the internet (Let's
 * Encrypt's ACME API and the image's registry), which the private subnets have through the network's NAT (the
 * configuration refuses {@code natGateways: none} with this mode), and the AWS APIs of Route 53, ACM, Secrets
 * Manager, KMS and CloudWatch, reached the same way or through interface endpoints.
 */
public final class CertificateRenewal extends ComponentResource {

    public static final String TYPE = "quest:service:CertificateRenewal";

    /** A certificate is renewed when it expires within this many days (a 90-day Let's Encrypt certificate: after 60). */
    public static final int RENEW_DAYS = 30;
    /**
     * Twice a day, at 03:17 and 15:17 UTC, within a flexible window of 30 minutes: off the top of the hour, as Let's
     * Encrypt asks of clients (https://letsencrypt.org/docs/integration-guide/, read 2026-12-02), and twice so that one
     * failed run is retried within the day.
     */
    public static final String SCHEDULE = "cron(17 3,15 * * ? *)";
    /** The namespace of the metric the job publishes after every successful check. */
    public static final String METRIC_NAMESPACE = "Quest/CertificateRenewal";
    /** The metric itself: 1 per successful check, whatever the check decided; its dimension {@code Certificate} is the job's name. */
    public static final String METRIC_NAME = "RenewalCheckSucceeded";
    /** The flexible window, minutes. */
    public static final int WINDOW_MINUTES = 30;

    private final String taskFamily;
    private final Output<String> secretArn;

    public CertificateRenewal(String name, CertificateRenewalArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var kept = CustomResourceOptions.builder().parent(this).protect(args.protect()).build();
        var placement = args.placement();
        var acme = args.acme();
        var tags = args.tags();
        String account = placement.accountId();
        String region = placement.region();
        this.taskFamily = name;

        var secretKey = new Key(name + "-secret-key", KeyArgs.builder()
                .description("Encrypts the Let's Encrypt certificate and private key kept by " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocument.of(Statement.administerKey("AccountAdministers", Principal.account(Partition.of(region), account))).toJson())
                .tags(tags.named(name + "-secret-key"))
                .build(), kept);
        var secret = new Secret(name + "-secret", SecretArgs.builder()
                .description("The Let's Encrypt certificate, chain and private key the load balancer serves, written by " + name)
                .kmsKeyId(secretKey.arn())
                .recoveryWindowInDays(30)
                .tags(tags.named(name + "-secret"))
                .build(), kept);
        this.secretArn = secret.arn();

        String logGroupName = "/quest/" + name;
        var logs = EncryptedLogGroup.create(name + "-logs", new EncryptedLogGroup.Spec(account, region, LogGroupName.exactly(logGroupName),
                args.logRetentionDays(), "the Let's Encrypt renewal job's output", args.protect(), false, tags), this);

        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(placement.vpcId())
                .description("The certificate renewal task: HTTPS out (Let's Encrypt, the registry, AWS APIs), nothing in")
                .revokeRulesOnDelete(true)
                .tags(tags.named(name + "-sg"))
                .build(), child);
        new SecurityGroupEgressRule(name + "-https-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS out: Let's Encrypt's ACME API, the image registry, AWS APIs")
                .tags(tags.named(name + "-https-out"))
                .build(), child);

        String trust = WebServicePolicies.taskTrustPolicy(account, region).requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the renewal task trust policy").toJson();
        var executionRole = new Role(name + "-execution", RoleArgs.builder()
                .description("ECS starts " + name + "'s container with this role: its image and its log group")
                .assumeRolePolicy(trust)
                .tags(tags.named(name + "-execution"))
                .build(), child);
        new RolePolicy(name + "-execution-policy", RolePolicyArgs.builder()
                .role(executionRole.name())
                .policy(logs.logGroup().arn().applyValue(arn -> WebServicePolicies.executionPolicy(acme.ecrRepositoryArn(), arn, List.of(), List.of())
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the renewal execution policy").toJson()))
                .build(), child);
        var taskRole = new Role(name + "-task", RoleArgs.builder()
                .description(name + " changes only its _acme-challenge TXT records, its certificate and its secret with this role")
                .assumeRolePolicy(trust)
                .tags(tags.named(name + "-task"))
                .build(), child);
        // The names must be in the zone the role may write to: checked against the zone AWS describes, before the
        // job's permissions exist (a job that could never validate would only fail and alarm at its first run).
        Output<String> zoneName = Route53Functions.getZone(GetZoneArgs.builder().zoneId(acme.hostedZoneId()).build(),
                        InvokeOptions.builder().parent(this).build())
                .applyValue(zone -> HostedZoneCheck.requireNamesIn(acme.hostedZoneId(), zone.name(), zone.privateZone().orElse(false),
                        acme.domainNames()));
        new RolePolicy(name + "-task-policy", RolePolicyArgs.builder()
                .role(taskRole.name())
                .policy(Output.tuple(args.certificateArn(), secret.arn(), secretKey.arn(), zoneName).applyValue(t -> CertificateRenewalPolicies.jobPolicy(
                        region, acme.hostedZoneId(), acme.domainNames(), t.t1, t.t2, t.t3)
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the renewal task policy").toJson()))
                .build(), child);

        Output<String> containers = Output.tuple(args.certificateArn(), secret.arn(), logs.logGroup().name()).applyValue(t ->
                RenewalTask.containerDefinitions(acme.image(), Map.of(
                        "DOMAINS", String.join(",", acme.domainNames()),
                        "CERTIFICATE_ARN", t.t1,
                        "SECRET_ID", t.t2,
                        "ACME_SERVER", acme.endpoint().directoryUrl(),
                        "ACME_EMAIL", acme.contactEmail(),
                        "RENEW_DAYS", String.valueOf(RENEW_DAYS),
                        "METRIC_NAMESPACE", METRIC_NAMESPACE,
                        "METRIC_NAME", METRIC_NAME,
                        "METRIC_CERTIFICATE", name,
                        "AWS_DEFAULT_REGION", region), t.t3, region));
        var task = new TaskDefinition(name, TaskDefinitionArgs.builder()
                .family(taskFamily)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu("256")
                .memory("512")
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder().operatingSystemFamily("LINUX").cpuArchitecture("X86_64").build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(List.of(TaskDefinitionVolumeArgs.builder().name("tmp").build()))
                .containerDefinitions(containers)
                .tags(tags.named(name))
                .build(), child);

        var schedulerRole = new Role(name + "-scheduler", RoleArgs.builder()
                .description("EventBridge Scheduler starts " + name + "'s task with this role")
                .assumeRolePolicy(CertificateRenewalPolicies.schedulerTrustPolicy(Partition.of(region), account).toJson())
                .tags(tags.named(name + "-scheduler"))
                .build(), child);
        new RolePolicy(name + "-scheduler-policy", RolePolicyArgs.builder()
                .role(schedulerRole.name())
                .policy(Output.tuple(task.arnWithoutRevision(), placement.clusterArn(), executionRole.arn(), taskRole.arn())
                        .applyValue(t -> CertificateRenewalPolicies.schedulerPolicy(t.t1, t.t2, t.t3, t.t4).toJson()))
                .build(), child);
        new Schedule(name + "-schedule", ScheduleArgs.builder()
                .name(name)
                .description("Checks " + String.join(", ", acme.domainNames()) + "'s Let's Encrypt certificate and renews it "
                        + RENEW_DAYS + " days before it expires")
                .scheduleExpression(SCHEDULE)
                .scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("FLEXIBLE").maximumWindowInMinutes(WINDOW_MINUTES).build())
                .target(ScheduleTargetArgs.builder()
                        .arn(placement.clusterArn())
                        .roleArn(schedulerRole.arn())
                        .ecsParameters(ScheduleTargetEcsParametersArgs.builder()
                                .taskDefinitionArn(task.arn())
                                .launchType("FARGATE")
                                .platformVersion("LATEST")
                                .taskCount(1)
                                .networkConfiguration(ScheduleTargetEcsParametersNetworkConfigurationArgs.builder()
                                        .subnets(placement.subnetIds())
                                        .securityGroups(sg.id().applyValue(List::of))
                                        .assignPublicIp(false)
                                        .build())
                                .build())
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder().maximumRetryAttempts(3).maximumEventAgeInSeconds(3600).build())
                        .build())
                .build(), child);

        registerOutputs(Map.of("taskFamily", Output.of(taskFamily), "secretArn", secretArn));
    }

    /** The job's task definition family, which names its tasks' group ({@code family:<family>}) in ECS events. */
    public String taskFamily() {
        return taskFamily;
    }

    /** The secret holding the certificate, its chain and its private key. */
    public Output<String> secretArn() {
        return secretArn;
    }
}
