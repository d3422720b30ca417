package io.quest.platform.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.logs.LogGroupKeyPolicy;
import io.quest.platform.logs.LogGroupName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Fargate service behind a {@link LoadBalancer}: one container, its logs in a KMS-encrypted log group,
 * tasks in private subnets without public IPs that accept traffic only from the load balancer's security
 * group on the container port, an execution role that can pull only its image, write only its log group
 * and read only its listed secrets, a task role with no permissions (ECS Exec adds its channels), a
 * deployment circuit breaker that rolls a failing deployment back, and target-tracking autoscaling.
 */
public final class WebService extends ComponentResource {

    public static final String TYPE = "quest:service:WebService";

    /** The container's name in the task definition and the load balancer's target. */
    public static final String CONTAINER = "web";

    private final Output<String> serviceName;
    private final Output<String> logGroupName;
    private final Output<String> securityGroupId;
    private final Output<String> taskRoleName;

    public WebService(String name, WebServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        var sg = new SecurityGroup(name + "-tasks-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Tasks of " + name + ": the container port from the load balancer only")
                .revokeRulesOnDelete(true)
                .tags(tags.named(name + "-tasks-sg"))
                .build(), child);
        new SecurityGroupIngressRule(name + "-tasks-from-alb", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .referencedSecurityGroupId(args.loadBalancer().securityGroupId())
                .ipProtocol("tcp").fromPort(args.containerPort()).toPort(args.containerPort())
                .description("The service's port, from its load balancer")
                .tags(tags.named(name + "-tasks-from-alb"))
                .build(), child);
        new SecurityGroupEgressRule(name + "-alb-to-tasks", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(args.loadBalancer().securityGroupId())
                .referencedSecurityGroupId(sg.id())
                .ipProtocol("tcp").fromPort(args.containerPort()).toPort(args.containerPort())
                .description("The load balancer to the service's tasks, on their port")
                .tags(tags.named(name + "-alb-to-tasks"))
                .build(), child);
        // Image layers, secrets, logs and AWS APIs are all HTTPS (through NAT or interface endpoints).
        new SecurityGroupEgressRule(name + "-tasks-https-out", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(sg.id())
                .cidrIpv4("0.0.0.0/0")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .description("HTTPS out: registry, secrets, logs, AWS APIs")
                .tags(tags.named(name + "-tasks-https-out"))
                .build(), child);

        String logGroup = "/quest/" + name;
        var key = new Key(name + "-logs-key", KeyArgs.builder()
                .description("Encrypts the container logs of " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(LogGroupKeyPolicy.document(args.accountId(), args.region(), LogGroupName.exactly(logGroup)).toJson())
                .tags(tags.named(name + "-logs-key"))
                .build(), CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build());
        var logs = new LogGroup(name + "-logs", LogGroupArgs.builder()
                .name(logGroup)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn())
                .tags(tags.named(name + "-logs"))
                .build(), CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).retainOnDelete(args.retainOnDelete()).build());

        var trust = WebServicePolicies.taskTrustPolicy(args.accountId(), args.region()).requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the task trust policy");
        var executionRole = new Role(name + "-execution", RoleArgs.builder()
                .description("ECS pulls " + name + "'s image, writes its logs and reads its secrets with this role")
                .assumeRolePolicy(trust.toJson())
                .tags(tags.named(name + "-execution"))
                .build(), child);
        List<String> secretArns = List.copyOf(args.secrets().values());
        List<String> databaseParameters = args.database().map(DatabaseClient::parameterArns).orElse(List.of());
        Output<String> executionPolicy = args.repositoryArn()
                .map(repo -> Output.tuple(repo, logs.arn()).applyValue(t ->
                        WebServicePolicies.executionPolicy(Optional.of(t.t1), t.t2, secretArns, databaseParameters)))
                .orElseGet(() -> logs.arn().applyValue(arn -> WebServicePolicies.executionPolicy(Optional.empty(), arn, secretArns, databaseParameters)))
                .applyValue(doc -> doc.requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the execution role policy").toJson());
        // GuardDuty Runtime Monitoring (every account's baseline) adds its agent as a sidecar of each task.
        new RolePolicy(name + "-execution-guardduty-agent", RolePolicyArgs.builder()
                .role(executionRole.name())
                .policy(WebServicePolicies.guardDutyAgentPolicy(args.region())
                        .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the GuardDuty agent policy").toJson())
                .build(), child);
        new RolePolicy(name + "-execution-policy", RolePolicyArgs.builder()
                .role(executionRole.name())
                .policy(executionPolicy)
                .build(), child);

        var taskRole = new Role(name + "-task", RoleArgs.builder()
                .description("The application in " + name + "'s tasks runs with this role; it grants nothing unless granted")
                .assumeRolePolicy(trust.toJson())
                .tags(tags.named(name + "-task"))
                .build(), child);
        if (args.ecsExec()) {
            new RolePolicy(name + "-task-ecs-exec", RolePolicyArgs.builder()
                    .role(taskRole.name())
                    .policy(WebServicePolicies.ecsExecPolicy().toJson())
                    .build(), child);
        }

        List<TaskDefinitionVolumeArgs> volumes = args.readonlyRootFilesystem()
                ? List.of(TaskDefinitionVolumeArgs.builder().name("tmp").build()) : List.of();
        var taskDefinition = new TaskDefinition(name, TaskDefinitionArgs.builder()
                .family(name)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(args.size().cpu()))
                .memory(String.valueOf(args.size().memoryMiB()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder().operatingSystemFamily("LINUX").cpuArchitecture("X86_64").build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .volumes(volumes)
                .containerDefinitions(Output.tuple(args.image(), logs.name())
                        .applyValue(t -> ContainerDefinition.toJson(List.of(container(args, t.t1, t.t2)))))
                .tags(tags.named(name))
                .build(), child);

        var service = new Service(name, ServiceArgs.builder()
                .cluster(args.cluster().arn())
                .taskDefinition(taskDefinition.arn())
                .launchType("FARGATE")
                .platformVersion("LATEST")
                .desiredCount(args.desiredCount())
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(200)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                // `pulumi up` waits until the deployment reaches steady state, and fails when the circuit breaker
                // rolls it back instead of reporting success for tasks that never became healthy.
                .waitForSteadyState(true)
                .healthCheckGracePeriodSeconds(args.healthCheckGracePeriodSeconds())
                .enableExecuteCommand(args.ecsExec())
                .enableEcsManagedTags(true)
                .propagateTags("SERVICE")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.privateSubnetIds())
                        .securityGroups(Output.all(List.of(sg.id())))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(args.loadBalancer().targetGroupArn())
                        .containerName(CONTAINER)
                        .containerPort(args.containerPort())
                        .build())
                .tags(tags.named(name))
                .build(), CustomResourceOptions.builder()
                .parent(this)
                // A target group must be attached to a listener before a service can register into it.
                .dependsOn(args.loadBalancer().listeners())
                // The count is autoscaling's (or an operator's) after creation; a deployment must not reset it.
                .ignoreChanges("desiredCount")
                .build());

        args.autoscaling().ifPresent(scaling -> autoscaling(name, args, scaling, args.cluster().clusterName(), service.name(), child));

        this.serviceName = service.name();
        this.logGroupName = logs.name();
        this.securityGroupId = sg.id();
        this.taskRoleName = taskRole.name();
        registerOutputs(Map.of("serviceName", serviceName, "logGroupName", logGroupName, "securityGroupId", securityGroupId,
                "taskRoleName", taskRoleName));
    }

    private void autoscaling(String name, WebServiceArgs args, Autoscaling scaling, Output<String> cluster,
                             Output<String> service, CustomResourceOptions child) {
        var target = new Target(name + "-scaling", TargetArgs.builder()
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(Output.format("service/%s/%s", cluster, service))
                .minCapacity(scaling.min())
                .maxCapacity(scaling.max())
                .tags(args.tags().named(name + "-scaling"))
                .build(), child);
        new Policy(name + "-cpu-scaling", PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                .predefinedMetricType("ECSServiceAverageCPUUtilization").build())
                        .targetValue((double) scaling.cpuTarget())
                        .scaleInCooldown(300)
                        .scaleOutCooldown(60)
                        .build())
                .build(), child);
        scaling.requestsPerTarget().ifPresent(requests -> new Policy(name + "-requests-scaling", PolicyArgs.builder()
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .predefinedMetricSpecification(PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                .predefinedMetricType("ALBRequestCountPerTarget")
                                .resourceLabel(Output.format("%s/%s", args.loadBalancer().arnSuffix(), args.loadBalancer().targetGroupArnSuffix()))
                                .build())
                        .targetValue((double) requests)
                        .scaleInCooldown(300)
                        .scaleOutCooldown(60)
                        .build())
                .build(), child));
    }

    /** The one container of the task, as ECS receives it. */
    static ContainerDefinition container(WebServiceArgs args, String image, String logGroup) {
        Map<String, String> plain = new TreeMap<>(args.environment());
        Map<String, String> fromStores = new TreeMap<>(args.secrets());
        args.database().ifPresent(database -> {
            plain.putAll(database.environment());
            fromStores.putAll(database.secrets());
        });
        List<ContainerDefinition.KeyValue> environment = plain.entrySet().stream()
                .map(e -> new ContainerDefinition.KeyValue(e.getKey(), e.getValue())).toList();
        List<ContainerDefinition.Secret> secrets = fromStores.entrySet().stream()
                .map(e -> new ContainerDefinition.Secret(e.getKey(), e.getValue())).toList();
        List<ContainerDefinition.MountPoint> mounts = args.readonlyRootFilesystem()
                ? List.of(new ContainerDefinition.MountPoint("tmp", "/tmp", false)) : List.of();
        return new ContainerDefinition(
                CONTAINER,
                image,
                true,
                List.of(new ContainerDefinition.PortMapping(args.containerPort(), "tcp", CONTAINER)),
                args.readonlyRootFilesystem(),
                environment,
                secrets,
                mounts,
                new ContainerDefinition.LinuxParameters(true),
                new ContainerDefinition.LogConfiguration("awslogs", Map.of(
                        "awslogs-group", logGroup,
                        "awslogs-region", args.region(),
                        "awslogs-stream-prefix", CONTAINER)));
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }

    /** The role the application runs with: what a database grants its secret to. */
    public Output<String> taskRoleName() {
        return taskRoleName;
    }

    /** The tasks' security group. */
    public Output<String> securityGroupId() {
        return securityGroupId;
    }
}
