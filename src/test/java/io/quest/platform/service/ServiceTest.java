package io.quest.platform.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.JsonRenderer;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.policy.Finding;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service layer as the planner registers it: reachability, permissions, TLS modes, scaling and promotion. */
@SuppressWarnings("unchecked")
class ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan dev;
    private static StackPlan prod;
    private static StackPlan plain;
    private static StackPlan imported;

    @BeforeAll
    static void plan() {
        plan = PlanFixture.plan(Map.of(
                "shared", ServiceStacks.shared(),
                "dev", ServiceStacks.dev(),
                "prod", ServiceStacks.prod(),
                "test", ServiceStacks.plain(),
                "imp", ServiceStacks.imported()));
        dev = plan.stack("dev");
        prod = plan.stack("prod");
        plain = plan.stack("test");
        imported = plan.stack("imp");
    }

    // --- who can reach the tasks ---

    @Test
    void tasks_accept_only_the_load_balancer_security_group_on_the_container_port() {
        String tasksSg = dev.named("dev-web-tasks-sg").id();
        String albSg = dev.named("dev-web-alb-sg").id();
        List<PlannedResource> intoTasks = ingressRules(dev).stream().filter(r -> tasksSg.equals(r.input("securityGroupId"))).toList();

        assertThat(intoTasks).singleElement().satisfies(rule -> {
            assertThat(rule.input("referencedSecurityGroupId")).isEqualTo(albSg);
            assertThat(rule.input("fromPort")).isEqualTo(3000L);
            assertThat(rule.input("toPort")).isEqualTo(3000L);
            assertThat(rule.input("ipProtocol")).isEqualTo("tcp");
            assertThat(rule.input("cidrIpv4")).isNull();
        });
        assertThat(dev.named("dev-web-tasks-sg").input("ingress")).isNull();
    }

    @Test
    void the_load_balancer_admits_only_80_and_443_from_anywhere_and_sends_only_to_the_tasks() {
        String albSg = dev.named("dev-web-alb-sg").id();
        List<PlannedResource> intoAlb = ingressRules(dev).stream().filter(r -> albSg.equals(r.input("securityGroupId"))).toList();
        assertThat(intoAlb).hasSize(4);
        assertThat(intoAlb).extracting(r -> r.input("fromPort") + "/" + r.input("cidrIpv4") + "/" + r.input("cidrIpv6"))
                .containsExactlyInAnyOrder("80/0.0.0.0/0/null", "80/null/::/0", "443/0.0.0.0/0/null", "443/null/::/0");
        assertThat(intoAlb).allSatisfy(r -> assertThat(r.input("toPort")).isEqualTo(r.input("fromPort")));

        List<PlannedResource> outOfAlb = dev.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                .filter(r -> albSg.equals(r.input("securityGroupId"))).toList();
        assertThat(outOfAlb).singleElement().satisfies(rule -> {
            assertThat(rule.input("referencedSecurityGroupId")).isEqualTo(dev.named("dev-web-tasks-sg").id());
            assertThat(rule.input("fromPort")).isEqualTo(3000L);
            assertThat(rule.input("cidrIpv4")).isNull();
        });
        assertThat(dev.named("dev-web-alb-sg").input("egress")).isNull();
        assertThat(dev.findings()).extracting(Finding::rule).doesNotContain("open-ingress");
    }

    @Test
    void tasks_run_in_the_private_subnets_without_public_ips() {
        Map<String, Object> network = (Map<String, Object>) service(dev).input("networkConfiguration");
        List<String> privateSubnets = List.of(dev.named("dev-private-a").id(), dev.named("dev-private-b").id());

        assertThat(network.get("assignPublicIp")).isEqualTo(false);
        assertThat((List<String>) network.get("subnets")).containsExactlyInAnyOrderElementsOf(privateSubnets);
        assertThat((List<String>) network.get("securityGroups")).containsExactly(dev.named("dev-web-tasks-sg").id());
        assertThat(dev.ofType("aws:lb/loadBalancer:LoadBalancer")).singleElement().satisfies(alb -> {
            assertThat(alb.input("internal")).isEqualTo(false);
            assertThat((List<String>) alb.input("subnets")).containsExactlyInAnyOrder(dev.named("dev-public-a").id(), dev.named("dev-public-b").id());
        });
    }

    // --- permissions as data ---

    @Test
    void the_execution_role_pulls_one_repository_writes_one_log_group_and_reads_only_the_listed_secrets() {
        Map<String, Map<String, Object>> statements = statements(policyOf(dev, "dev-web-execution-policy"));

        assertThat(statements).containsOnlyKeys("RegistryLogin", "PullImage", "WriteLogs", "ReadParameters", "ReadSecrets");
        assertThat(statements.get("RegistryLogin").get("Action")).isEqualTo("ecr:GetAuthorizationToken");
        assertThat(statements.get("PullImage").get("Resource")).isEqualTo(plan.stack("shared").outputs().get("registryArn"));
        assertThat(statements.get("WriteLogs").get("Resource"))
                .isEqualTo("arn:aws:logs:eu-west-1:222222222222:log-group:/quest/dev-web:log-stream:*");
        assertThat(statements.get("ReadParameters").get("Resource")).isEqualTo("arn:aws:ssm:eu-west-1:222222222222:parameter/quest/secret-word");
        assertThat(statements.get("ReadSecrets").get("Resource"))
                .isEqualTo("arn:aws:secretsmanager:eu-west-1:222222222222:secret:quest/api-token-AbCdEf");
        statements.forEach((sid, s) -> {
            if (!sid.equals("RegistryLogin")) {
                assertThat(s.get("Resource")).as(sid).isNotEqualTo("*");
            }
        });
    }

    @Test
    void the_task_role_has_no_permissions_unless_ecs_exec_grants_its_channels() {
        assertThat(rolePolicies(dev, "dev-web-task")).isEmpty();
        assertThat(rolePolicies(prod, "prod-web-task")).isEmpty();

        List<PlannedResource> withExec = rolePolicies(plain, "test-web-task");
        assertThat(withExec).hasSize(1);
        Map<String, Map<String, Object>> statements = statements(String.valueOf(withExec.get(0).input("policy")));
        assertThat((List<String>) statements.get("EcsExecChannels").get("Action")).allMatch(a -> a.startsWith("ssmmessages:"));
        assertThat(service(plain).input("enableExecuteCommand")).isEqualTo(true);
        assertThat(service(dev).input("enableExecuteCommand")).isEqualTo(false);
    }

    @Test
    void an_image_outside_ecr_gets_no_registry_permissions() {
        assertThat(statements(policyOf(plain, "test-web-execution-policy"))).containsOnlyKeys("WriteLogs");
        assertThat(container(plain).get("image")).isEqualTo("public.ecr.aws/docker/library/node:22-alpine");
    }

    @Test
    void container_logs_go_to_a_log_group_encrypted_with_a_key_only_cloudwatch_logs_of_the_region_may_use_for_it() {
        PlannedResource logGroup = dev.named("dev-web-logs");
        PlannedResource key = dev.named("dev-web-logs-key");
        Map<String, Map<String, Object>> keyPolicy = statements(String.valueOf(key.input("policy")));

        assertThat(logGroup.input("kmsKeyId")).isEqualTo("arn:aws:kms:eu-west-1:222222222222:key/" + key.id());
        assertThat(logGroup.input("retentionInDays")).isEqualTo(30L);
        assertThat(keyPolicy.get("CloudWatchLogsUseForThisLogGroup").get("Principal")).isEqualTo(Map.of("Service", "logs.eu-west-1.amazonaws.com"));
        assertThat(keyPolicy.get("CloudWatchLogsUseForThisLogGroup").get("Condition")).isEqualTo(Map.of("ArnEquals",
                Map.of("kms:EncryptionContext:aws:logs:arn", "arn:aws:logs:eu-west-1:222222222222:log-group:/quest/dev-web")));
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
        assertThat(((Map<String, Object>) container(dev).get("logConfiguration")).get("options"))
                .isEqualTo(Map.of("awslogs-group", "/quest/dev-web", "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "web"));
    }

    // --- the task ---

    @Test
    void the_task_definition_is_fargate_awsvpc_with_a_read_only_root_and_a_writable_tmp() {
        PlannedResource task = service(dev);
        PlannedResource taskDefinition = dev.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0);
        Map<String, Object> container = container(dev);

        assertThat(dev.ofType("aws:ecs/taskDefinition:TaskDefinition")).hasSize(1);
        assertThat(taskDefinition.input("requiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(taskDefinition.input("networkMode")).isEqualTo("awsvpc");
        assertThat(taskDefinition.input("cpu")).isEqualTo("256");
        assertThat(taskDefinition.input("memory")).isEqualTo("512");
        assertThat(container.get("readonlyRootFilesystem")).isEqualTo(true);
        assertThat(container.get("mountPoints")).isEqualTo(List.of(Map.of("sourceVolume", "tmp", "containerPath", "/tmp", "readOnly", false)));
        assertThat(container.get("portMappings")).isEqualTo(List.of(Map.of("containerPort", 3000, "protocol", "tcp", "name", "web")));
        assertThat(container.get("environment")).isEqualTo(List.of(Map.of("name", "NODE_ENV", "value", "production")));
        assertThat(container.get("secrets")).isEqualTo(List.of(
                Map.of("name", "API_TOKEN", "valueFrom", "arn:aws:secretsmanager:eu-west-1:222222222222:secret:quest/api-token-AbCdEf"),
                Map.of("name", "SECRET_WORD", "valueFrom", "arn:aws:ssm:eu-west-1:222222222222:parameter/quest/secret-word")));
        assertThat(task.input("launchType")).isEqualTo("FARGATE");
        assertThat(container(plain).get("readonlyRootFilesystem")).isEqualTo(false);
        assertThat(container(plain).get("mountPoints")).isNull();
    }

    @Test
    void a_failing_deployment_rolls_back_fails_the_update_and_the_task_count_is_left_to_autoscaling_after_creation() {
        PlannedResource service = service(dev);

        assertThat(service.input("waitForSteadyState")).as("pulumi up waits for steady state and fails on a rollback").isEqualTo(true);
        assertThat(service.input("deploymentCircuitBreaker")).isEqualTo(Map.of("enable", true, "rollback", true));
        assertThat(service.ignoreChanges()).containsExactly("desiredCount");
        assertThat(service.input("desiredCount")).isEqualTo(2L);
        assertThat(service.input("healthCheckGracePeriodSeconds")).isEqualTo(60L);
        assertThat(service.dependencies()).contains(dev.named("dev-web-https").urn(), dev.named("dev-web-http").urn());
    }

    @Test
    void the_target_group_checks_the_configured_path_on_ip_targets_and_drains_for_30_seconds() {
        PlannedResource tg = dev.ofType("aws:lb/targetGroup:TargetGroup").get(0);
        Map<String, Object> health = (Map<String, Object>) tg.input("healthCheck");

        assertThat(dev.ofType("aws:lb/targetGroup:TargetGroup")).hasSize(1);
        assertThat(tg.input("targetType")).isEqualTo("ip");
        assertThat(tg.input("port")).isEqualTo(3000L);
        assertThat(tg.input("deregistrationDelay")).isEqualTo(30L);
        assertThat(health).containsEntry("path", "/health").containsEntry("interval", 15L).containsEntry("timeout", 5L)
                .containsEntry("healthyThreshold", 2L).containsEntry("unhealthyThreshold", 3L);
        Map<String, Object> target = ((List<Map<String, Object>>) service(dev).input("loadBalancers")).get(0);
        assertThat(target).containsEntry("containerName", "web").containsEntry("containerPort", 3000L);
        assertThat(target.get("targetGroupArn"))
                .isEqualTo(((List<Map<String, Object>>) dev.named("dev-web-https").input("defaultActions")).get(0).get("targetGroupArn"))
                .isEqualTo("arn:aws:elasticloadbalancing:eu-west-1:222222222222:" + dev.outputs().get("targetGroupArnSuffix"));
    }

    // --- TLS ---

    @Test
    void https_uses_the_validated_certificate_with_the_default_tls_1_2_and_1_3_policy() {
        PlannedResource https = dev.named("dev-web-https");
        PlannedResource validation = dev.named("dev-web-validation");

        assertThat(https.input("protocol")).isEqualTo("HTTPS");
        assertThat(https.input("port")).isEqualTo(443L);
        assertThat(https.input("sslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(https.input("certificateArn")).asString().startsWith("arn:aws:acm:eu-west-1:222222222222:certificate/");
        assertThat(https.dependencies()).contains(validation.urn());
        assertThat(prod.named("prod-web-https").input("sslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-3-2021-06");
    }

    @Test
    void http_redirects_permanently_to_https() {
        List<Map<String, Object>> actions = (List<Map<String, Object>>) dev.named("dev-web-http").input("defaultActions");

        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.get("type")).isEqualTo("redirect");
            assertThat(action.get("redirect")).isEqualTo(Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"));
        });
        assertThat(dev.findings()).extracting(Finding::rule).doesNotContain("tls-disabled");
    }

    @Test
    void acm_validates_each_name_once_in_the_hosted_zone_and_points_the_domain_at_the_load_balancer() {
        List<PlannedResource> records = dev.ofType("aws:route53/record:Record");
        List<PlannedResource> validations = records.stream().filter(r -> r.name().startsWith("dev-web-validation-")).toList();

        // quest-dev.example.com and *.quest-dev.example.com share one record; www.example.org has its own.
        assertThat(validations).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("dev-web-validation-quest-dev-example-com", "dev-web-validation-www-example-org");
        assertThat(validations).allSatisfy(r -> {
            assertThat(r.input("zoneId")).isEqualTo("Z0DEVZONE");
            assertThat(r.input("type")).isEqualTo("CNAME");
            assertThat(r.input("name")).asString().endsWith(r.name().endsWith("org") ? ".www.example.org." : ".quest-dev.example.com.");
        });
        assertThat((List<String>) dev.named("dev-web-validation").input("validationRecordFqdns")).hasSize(2);
        PlannedResource alias = dev.named("dev-web-alias");
        assertThat(alias.input("name")).isEqualTo("quest-dev.example.com");
        assertThat(((List<Map<String, Object>>) alias.input("aliases")).get(0).get("name")).isEqualTo(dev.outputs().get("albDnsName"));
        assertThat(dev.outputs().get("serviceUrl")).isEqualTo("https://quest-dev.example.com");
    }

    @Test
    void an_imported_certificate_alarms_the_alert_topic_30_days_before_it_expires_and_an_acm_one_which_renews_does_not() {
        String servedCertificate = imported.ofType("aws:lb/listener:Listener").stream().filter(l -> Long.valueOf(443).equals(l.input("port")))
                .map(l -> (String) l.input("certificateArn")).findFirst().orElseThrow();
        PlannedResource alarm = imported.named("imp-monitoring-certificate-expiry");
        String topicArn = (String) imported.outputs().get("alertTopicArn");

        assertThat(alarm.input("namespace")).isEqualTo("AWS/CertificateManager");
        assertThat(alarm.input("metricName")).isEqualTo("DaysToExpiry");
        assertThat(servedCertificate).startsWith("arn:aws:acm:eu-west-1:555555555555:certificate/");
        assertThat(alarm.input("dimensions")).as("the certificate the HTTPS listener serves").isEqualTo(Map.of("CertificateArn", servedCertificate));
        assertThat(alarm.input("statistic")).isEqualTo("Minimum");
        assertThat(alarm.input("period")).isEqualTo(86400L);
        assertThat(alarm.input("comparisonOperator")).isEqualTo("LessThanOrEqualToThreshold");
        assertThat(((Number) alarm.input("threshold")).doubleValue()).isEqualTo(30.0);
        assertThat(alarm.input("treatMissingData")).as("a certificate that stops reporting is not taken for a healthy one").isEqualTo("breaching");
        assertThat(alarm.input("alarmActions")).isEqualTo(List.of(topicArn));
        assertThat(dev.resources()).as("ACM renews the certificates it issues").noneMatch(r -> r.name().endsWith("-certificate-expiry"));
        assertThat(plain.resources()).noneMatch(r -> r.name().endsWith("-certificate-expiry"));
    }

    @Test
    void an_imported_certificate_is_secret_in_the_plan_even_where_the_stack_file_has_plain_text() throws Exception {
        PlannedResource certificate = imported.ofType("aws:acm/certificate:Certificate").get(0);

        assertThat(certificate.input("privateKey")).isEqualTo("[secret]");
        assertThat(certificate.input("certificateBody")).isEqualTo("[secret]");
        assertThat(certificate.input("domainName")).isNull();
        assertThat(imported.named("imp-web-https").input("certificateArn")).asString()
                .startsWith("arn:aws:acm:eu-west-1:555555555555:certificate/");
        assertThat(imported.ofType("aws:route53/record:Record")).isEmpty();
        assertThat(JsonRenderer.render(plan)).doesNotContain("BEGIN PRIVATE KEY", "MIIEvQ", "MIIDdz");
    }

    @Test
    void tls_none_serves_plain_http_opens_only_port_80_and_is_a_finding() {
        List<PlannedResource> listeners = plain.ofType("aws:lb/listener:Listener");
        String albSg = plain.named("test-web-alb-sg").id();

        assertThat(listeners).singleElement().satisfies(l -> {
            assertThat(l.input("protocol")).isEqualTo("HTTP");
            assertThat(((List<Map<String, Object>>) l.input("defaultActions")).get(0).get("type")).isEqualTo("forward");
        });
        assertThat(ingressRules(plain).stream().filter(r -> albSg.equals(r.input("securityGroupId"))))
                .hasSize(2).allSatisfy(r -> assertThat(r.input("fromPort")).isEqualTo(80L));
        assertThat(plain.ofType("aws:acm/certificate:Certificate")).isEmpty();
        assertThat(plain.findings()).filteredOn(f -> f.rule().equals("tls-disabled")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("test-web-http", "plain HTTP"));
        assertThat(plain.outputs().get("serviceUrl")).asString().startsWith("http://test-web-alb-");
    }

    // --- scaling, promotion, production ---

    @Test
    void request_scaling_tracks_the_target_group_behind_its_load_balancer() {
        PlannedResource target = dev.named("dev-web-scaling");
        Map<String, Object> requests = (Map<String, Object>) dev.named("dev-web-requests-scaling").input("targetTrackingScalingPolicyConfiguration");
        Map<String, Object> cpu = (Map<String, Object>) dev.named("dev-web-cpu-scaling").input("targetTrackingScalingPolicyConfiguration");

        assertThat(dev.ofType("aws:appautoscaling/policy:Policy")).hasSize(2);
        assertThat(target.input("resourceId")).isEqualTo("service/" + dev.outputs().get("clusterName") + "/" + dev.outputs().get("serviceName"));
        assertThat(target.input("minCapacity")).isEqualTo(2L);
        assertThat(target.input("maxCapacity")).isEqualTo(4L);
        assertThat(requests.get("predefinedMetricSpecification")).isEqualTo(Map.of(
                "predefinedMetricType", "ALBRequestCountPerTarget",
                "resourceLabel", dev.outputs().get("albArnSuffix") + "/" + dev.outputs().get("targetGroupArnSuffix")));
        assertThat(String.valueOf(dev.outputs().get("albArnSuffix"))).startsWith("app/dev-web-alb-");
        assertThat(String.valueOf(dev.outputs().get("targetGroupArnSuffix"))).startsWith("targetgroup/dev-web-tg-");
        assertThat(requests.get("targetValue")).isEqualTo(500L);
        assertThat(cpu.get("predefinedMetricSpecification")).isEqualTo(Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"));
        assertThat(cpu.get("targetValue")).isEqualTo(70L);
        assertThat(plain.ofType("aws:appautoscaling/target:Target")).isEmpty();
    }

    @Test
    void dev_deploys_its_tag_by_digest_and_prod_deploys_exactly_that_digest_through_the_stack_reference() {
        String devImage = String.valueOf(container(dev).get("image"));
        String prodImage = String.valueOf(container(prod).get("image"));
        String registry = String.valueOf(plan.stack("shared").outputs().get("registryUrl"));

        assertThat(dev.outputs().get("imageDigest")).asString().matches("sha256:[0-9a-f]{64}");
        assertThat(devImage).isEqualTo(registry + "@" + dev.outputs().get("imageDigest")).doesNotContain("1.4.2");
        assertThat(prodImage).isEqualTo(dev.outputs().get("imageRepositoryUrl") + "@" + dev.outputs().get("imageDigest"));
        assertThat(prod.outputs().get("imageDigest")).isEqualTo(dev.outputs().get("imageDigest"));
        assertThat(prod.references()).contains("organization/quest-platform/dev");
        assertThat(plan.stacks()).extracting(StackPlan::stack).containsSubsequence("dev", "prod");
        assertThat(statements(policyOf(prod, "prod-web-execution-policy")).get("PullImage").get("Resource"))
                .isEqualTo(plan.stack("shared").outputs().get("registryArn"));
    }

    @Test
    void promoting_from_a_stack_that_runs_no_service_or_no_digest_fails_before_planning() {
        String withoutService = PlanFixture.failure(Map.of(
                "shared", ServiceStacks.shared(),
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"),
                "prod", ServiceStacks.prod()));
        assertThat(withoutService).contains("quest-platform:service.image.promoteFrom: \"dev\" of stack prod names a stack without a service; "
                + "there is no image to promote");

        String byTag = PlanFixture.failure(Map.of(
                "shared", ServiceStacks.shared(),
                "dev", ServiceStacks.plain().replace("444444444444", "222222222222").replace("{mode: none}", "{mode: none}"),
                "prod", ServiceStacks.prod()));
        assertThat(byTag).contains("quest-platform:service.image.promoteFrom: \"dev\" of stack prod names a stack that runs "
                + "public.ecr.aws/docker/library/node:22-alpine by tag, which has no digest to promote");
    }

    @Test
    void production_protects_the_load_balancer_its_log_bucket_and_the_log_key() {
        assertThat(prod.ofType("aws:lb/loadBalancer:LoadBalancer").get(0).input("enableDeletionProtection")).isEqualTo(true);
        assertThat(dev.ofType("aws:lb/loadBalancer:LoadBalancer").get(0).input("enableDeletionProtection")).isEqualTo(false);
        assertThat(prod.named("prod-web-alb-logs").protect()).isTrue();
        assertThat(prod.named("prod-web-logs-key").protect()).isTrue();
        assertThat(dev.named("dev-web-alb-logs").protect()).isFalse();
        assertThat(prod.findings()).extracting(Finding::rule).doesNotContain("unprotected-state", "tls-disabled");
    }

    @Test
    void access_logs_go_to_an_sse_s3_bucket_only_the_regions_log_delivery_may_write_and_only_over_tls() {
        PlannedResource alb = dev.ofType("aws:lb/loadBalancer:LoadBalancer").get(0);
        String bucket = dev.named("dev-web-alb-logs").id();
        Map<String, Map<String, Object>> policy = statements(String.valueOf(dev.named("dev-web-alb-logs-policy").input("policy")));

        assertThat(alb.input("accessLogs")).isEqualTo(Map.of("bucket", bucket, "enabled", true));
        assertThat(alb.input("dropInvalidHeaderFields")).isEqualTo(true);
        assertThat(policy.get("ElbAccessLogDelivery").get("Principal")).isEqualTo(Map.of("AWS", "arn:aws:iam::156460612806:root"));
        assertThat(policy.get("ElbAccessLogDelivery").get("Resource")).isEqualTo("arn:aws:s3:::" + bucket + "/AWSLogs/222222222222/*");
        assertThat(policy.get("DenyInsecureTransport").get("Effect")).isEqualTo("Deny");
        assertThat(((List<Map<String, Object>>) dev.named("dev-web-alb-logs-sse").input("rules")).get(0).get("applyServerSideEncryptionByDefault"))
                .isEqualTo(Map.of("sseAlgorithm", "AES256"));
        assertThat(dev.named("dev-web-alb-logs-public-access").inputs())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(alb.dependencies()).contains(dev.named("dev-web-alb-logs-policy").urn());
        // ELB's delivery needs no ACLs (enable-access-logging.html, read 2026-12-02): ACLs are disabled (FSBP S3.12).
        assertThat(dev.named("dev-web-alb-logs-ownership").input("rule", "objectOwnership")).isEqualTo("BucketOwnerEnforced");
        assertThat(policy.get("ElbAccessLogDelivery").get("Condition")).as("no ACL asked of the writer").isNull();
    }

    @Test
    void access_logs_and_container_logs_each_keep_their_own_retention() {
        // Defaults: container logs 30 days outside production, access logs 90 (not the container logs' 30).
        assertThat(dev.named("dev-web-logs").input("retentionInDays")).isEqualTo(30L);
        assertThat(accessLogExpiry(dev)).isEqualTo(90L);
        assertThat(prod.named("prod-web-logs").input("retentionInDays")).isEqualTo(365L);
        assertThat(accessLogExpiry(prod)).isEqualTo(365L);
        // Configured apart, each goes to its own resource and not to the other.
        assertThat(plain.named("test-web-logs").input("retentionInDays")).isEqualTo(7L);
        assertThat(accessLogExpiry(plain)).isEqualTo(45L);
    }

    private static Object accessLogExpiry(StackPlan stack) {
        List<Map<String, Object>> rules = (List<Map<String, Object>>) stack.named(stack.stack() + "-web-alb-logs-expiry").input("rules");
        assertThat(rules).hasSize(1);
        return ((Map<String, Object>) rules.get(0).get("expiration")).get("days");
    }

    @Test
    void load_balancer_and_target_group_names_leave_room_for_the_autoname() {
        for (StackPlan stack : List.of(dev, prod, plain, imported)) {
            assertThat(stack.ofType("aws:lb/loadBalancer:LoadBalancer")).hasSize(1);
            assertThat(stack.ofType("aws:lb/targetGroup:TargetGroup")).hasSize(1);
            assertThat(stack.resources()).filteredOn(r -> r.type().startsWith("aws:lb/") && !r.type().endsWith("Listener"))
                    .allSatisfy(r -> assertThat(r.name().length()).as(r.name()).isLessThanOrEqualTo(24));
        }
    }

    @Test
    void the_fixed_cost_counts_the_load_balancer_and_the_desired_tasks() {
        assertThat(prod.cost().items()).filteredOn(i -> i.item().startsWith("Fargate")).singleElement().satisfies(i -> {
            assertThat(i.quantity()).isEqualTo(3 * 730.0);
            assertThat(i.unitUsd()).isCloseTo(0.5 * 0.04048 + 1 * 0.004445, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(i.item()).isEqualTo("Fargate tasks (3 x 0.5 vCPU, 1 GB)");
        });
        assertThat(prod.cost().items()).filteredOn(i -> i.item().equals("application load balancer")).hasSize(1);
    }

    private static PlannedResource service(StackPlan stack) {
        assertThat(stack.ofType("aws:ecs/service:Service")).hasSize(1);
        return stack.ofType("aws:ecs/service:Service").get(0);
    }

    private static List<PlannedResource> ingressRules(StackPlan stack) {
        return stack.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    }

    private static List<PlannedResource> rolePolicies(StackPlan stack, String role) {
        return stack.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> stack.named(role).id().equals(p.input("role")))
                .toList();
    }

    private static String policyOf(StackPlan stack, String name) {
        return String.valueOf(stack.named(name).input("policy"));
    }

    private static Map<String, Map<String, Object>> statements(String policy) {
        try {
            Map<String, Object> doc = JSON.readValue(policy, new TypeReference<>() { });
            Map<String, Map<String, Object>> bySid = new java.util.LinkedHashMap<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("Statement")) {
                bySid.put(String.valueOf(s.get("Sid")), s);
            }
            return bySid;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> container(StackPlan stack) {
        try {
            List<Map<String, Object>> containers = JSON.readValue(String.valueOf(
                    stack.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0).input("containerDefinitions")), new TypeReference<>() { });
            assertThat(containers).hasSize(1);
            return containers.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
