package io.quest.platform.stacks;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review stack planned beside the repository's stacks: it runs in dev's account on dev's network and load balancer,
 * creates no account-level singleton and no network or load balancer of its own, carries its expiry on every resource,
 * plans after dev, and costs a fraction of dev.
 */
class ReviewStackTest {

    static final String EXPIRES = "2026-12-09T17:00:00Z";

    /** What {@code review 42} writes for the repository's dev stack. */
    static final String REVIEW_42 = """
            secretsprovider: awskms://alias/quest-platform-state?region=eu-west-1
            config:
              aws:region: eu-west-1
              quest-platform:account: "222222222222"
              quest-platform:role: review
              quest-platform:environment: dev
              quest-platform:owner: "platform-team"
              quest-platform:review:
                pullRequest: 42
                environmentStack: dev
                expiresAt: "%s"
                hostName: pr-42.quest-dev.example.com
                hostedZoneId: Z00000000000000000DEV
              quest-platform:service:
                image: {promoteFrom: dev}
                containerPort: 3000
                healthCheckPath: "/"
                cpu: 256
                memoryMiB: 512
                desiredCount: 1
            """.formatted(EXPIRES);

    /** Types AWS allows once per account (or region), the network and a load balancer: a review stack creates none. */
    private static final Set<String> NOT_IN_A_REVIEW_STACK = Set.of(
            "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/rule:Rule",
            "aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
            "aws:ebs/encryptionByDefault:EncryptionByDefault", "aws:ebs/defaultKmsKey:DefaultKmsKey",
            "aws:accessanalyzer/analyzer:Analyzer", "aws:guardduty/detector:Detector", "aws:securityhub/account:Account",
            "aws:cloudtrail/trail:Trail", "aws:iam/serviceLinkedRole:ServiceLinkedRole",
            "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway", "aws:ec2/internetGateway:InternetGateway",
            "aws:ec2/eip:Eip", "aws:autoscaling/group:Group", "aws:ec2/flowLog:FlowLog", "aws:ec2/vpcEndpoint:VpcEndpoint",
            "aws:lb/loadBalancer:LoadBalancer", "aws:lb/listener:Listener", "aws:synthetics/canary:Canary");

    private static Plan plan;
    private static StackPlan review;
    private static StackPlan dev;

    @BeforeAll
    static void planBesideTheRepository() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("pr-42", REVIEW_42);
        plan = PlanFixture.plan(files);
        review = plan.stack("pr-42");
        dev = plan.stack("dev");
    }

    private static List<PlannedResource> ofType(StackPlan stack, String type) {
        return stack.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    @Test
    void plans_with_the_whole_platform_after_the_stacks_it_reads() {
        List<String> order = plan.stacks().stream().map(StackPlan::stack).toList();
        assertThat(order).contains("shared", "dev", "dev-data", "prod", "prod-data", "pr-42");
        assertThat(order.indexOf("pr-42")).isGreaterThan(order.indexOf("dev")).isGreaterThan(order.indexOf("shared"));
        assertThat(review.references()).containsExactlyInAnyOrder("organization/quest-platform/dev", "organization/quest-platform/shared");
    }

    @Test
    void creates_no_account_singleton_no_network_and_no_load_balancer() {
        assertThat(review.resources()).hasSizeGreaterThan(10)
                .noneMatch(r -> NOT_IN_A_REVIEW_STACK.contains(r.type()));
        assertThat(review.resources().stream().map(PlannedResource::type))
                .noneMatch(type -> type.startsWith("aws:cfg/") || type.startsWith("aws:guardduty/") || type.startsWith("aws:securityhub/")
                        || type.startsWith("aws:cloudtrail/") || type.startsWith("aws:accessanalyzer/"));
        assertThat(ofType(dev, "aws:ec2/vpc:Vpc")).as("dev still owns the network").hasSize(1);
        assertThat(ofType(dev, "aws:cfg/recorder:Recorder")).as("and the account's Config recorder").hasSize(1);
    }

    @Test
    void runs_on_devs_network_behind_devs_listener() {
        PlannedResource targetGroup = ofType(review, "aws:lb/targetGroup:TargetGroup").get(0);
        assertThat(ofType(review, "aws:lb/targetGroup:TargetGroup")).hasSize(1);
        assertThat(targetGroup.input("vpcId")).isEqualTo(dev.outputs().get("vpcId"));

        PlannedResource service = ofType(review, "aws:ecs/service:Service").get(0);
        assertThat(service.input("networkConfiguration", "subnets")).isEqualTo(dev.outputs().get("privateSubnetIds"));
        assertThat(service.input("networkConfiguration", "assignPublicIp")).isEqualTo(false);

        List<PlannedResource> rules = ofType(review, "aws:lb/listenerRule:ListenerRule");
        assertThat(rules).hasSize(1);
        PlannedResource rule = rules.get(0);
        assertThat(rule.input("listenerArn")).isEqualTo(dev.outputs().get(LoadBalancerOutputs.LISTENER_ARN));
        assertThat(((Number) rule.input("priority")).intValue()).isEqualTo(42);
        assertThat(rule.input("conditions")).isEqualTo(List.of(Map.of("hostHeader", Map.of("values", List.of("pr-42.quest-dev.example.com")))));
        Map<?, ?> action = (Map<?, ?>) ((List<?>) rule.input("actions")).get(0);
        assertThat(action.get("type")).isEqualTo("forward");
        assertThat(action.get("targetGroupArn")).isEqualTo(targetGroup.id() != null && targetGroup.id().startsWith("arn:")
                ? targetGroup.id() : ((Map<?, ?>) ((List<?>) service.input("loadBalancers")).get(0)).get("targetGroupArn"));

        // The listener gets a certificate for the review host; the host is an alias of dev's load balancer in dev's zone.
        assertThat(ofType(review, "aws:lb/listenerCertificate:ListenerCertificate")).singleElement()
                .satisfies(c -> assertThat(c.input("listenerArn")).isEqualTo(dev.outputs().get(LoadBalancerOutputs.LISTENER_ARN)));
        assertThat(ofType(review, "aws:acm/certificate:Certificate")).singleElement()
                .satisfies(c -> assertThat(c.input("domainName")).isEqualTo("pr-42.quest-dev.example.com"));
        PlannedResource alias = review.resources().stream().filter(r -> r.name().equals("pr-42-web-alias")).findFirst().orElseThrow();
        assertThat(alias.input("zoneId")).isEqualTo("Z00000000000000000DEV");
        assertThat(((Map<?, ?>) ((List<?>) alias.input("aliases")).get(0)).get("name")).isEqualTo(dev.outputs().get("albDnsName"));

        // Requests reach the tasks only from dev's load balancer security group.
        PlannedResource fromAlb = review.resources().stream().filter(r -> r.name().equals("pr-42-web-tasks-from-alb")).findFirst().orElseThrow();
        assertThat(fromAlb.input("referencedSecurityGroupId")).isEqualTo(dev.outputs().get(LoadBalancerOutputs.SECURITY_GROUP_ID));
        assertThat(review.outputs().get("serviceUrl")).isEqualTo("https://pr-42.quest-dev.example.com");
        assertThat(review.outputs().get("imageDigest")).isEqualTo(dev.outputs().get("imageDigest"));
    }

    @Test
    void every_tagged_resource_carries_the_expiry_and_the_review_stack_name() {
        List<PlannedResource> tagged = review.resources().stream().filter(r -> r.input("tags") instanceof Map<?, ?>).toList();
        assertThat(tagged).hasSizeGreaterThan(8).allSatisfy(r -> {
            assertThat(r.input("tags", "quest:expires-at")).as(r.name()).isEqualTo(EXPIRES);
            assertThat(r.input("tags", "stack")).as(r.name()).isEqualTo("pr-42");
        });
        assertThat(review.outputs().get(ReviewStack.EXPIRES_AT)).isEqualTo(EXPIRES);
        assertThat(review.resources()).noneMatch(PlannedResource::protect).noneMatch(PlannedResource::retainOnDelete);
    }

    @Test
    void costs_its_task_and_key_only_a_fraction_of_dev() {
        assertThat(review.cost().items()).extracting(i -> i.item())
                .anyMatch(item -> item.startsWith("Fargate tasks (1 x 0.25 vCPU"))
                .noneMatch(item -> item.contains("load balancer") || item.contains("NAT") || item.contains("canary"));
        assertThat(review.cost().monthlyUsd()).isPositive().isLessThan(dev.cost().monthlyUsd() / 5);
    }

    @Test
    void without_a_domain_dev_routes_a_path_prefix_over_http() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("dev", files.get("dev").replaceAll("(?s)  quest-platform:tls:\\n(    .*?\\n)+", "  quest-platform:tls: {mode: none}\n"));
        files.put("pr-42", REVIEW_42.replace("    hostName: pr-42.quest-dev.example.com\n    hostedZoneId: Z00000000000000000DEV\n",
                "    https: false\n"));
        StackPlan pathRouted = PlanFixture.plan(files, "pr-42").stack("pr-42");

        PlannedResource rule = ofType(pathRouted, "aws:lb/listenerRule:ListenerRule").get(0);
        assertThat(rule.input("conditions")).isEqualTo(List.of(Map.of("pathPattern", Map.of("values", List.of("/pr-42", "/pr-42/*")))));
        assertThat(ofType(pathRouted, "aws:acm/certificate:Certificate")).isEmpty();
        assertThat(ofType(pathRouted, "aws:route53/record:Record")).isEmpty();
        assertThat((String) pathRouted.outputs().get("serviceUrl")).startsWith("http://dev-web-alb").endsWith("/pr-42/");
    }

    @Test
    void refuses_a_review_stack_no_ci_role_may_deploy_and_other_stacks_named_like_review_stacks() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("shared", files.get("shared").replace("    reviewStacks: dev\n", ""));
        files.put("pr-42", REVIEW_42);
        files.put("pr-tools", files.get("dev").replace("10.10.0.0/16", "10.40.0.0/16") + "  quest-platform:role: environment\n");

        String message = PlanFixture.failure(files);

        assertThat(message).contains("stack pr-42 is a review stack, but quest-platform:state.reviewStacks of the shared stack names no"
                        + " environment, so no CI role may deploy it; set it to dev",
                "stack pr-tools is a environment stack named like a review stack; CI's review role may update every stack named pr-*,"
                        + " so rename it");
    }

    @Test
    void a_review_stack_deploys_as_devs_deployer_unless_the_run_asks_for_the_reviewer_which_only_review_stacks_may() {
        PlannedResource provider = review.resources().stream().filter(r -> r.type().equals("pulumi:providers:aws")).findFirst().orElseThrow();
        assertThat(String.valueOf(provider.input("assumeRole"))).contains("arn:aws:iam::222222222222:role/quest-platform-deployer");

        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("pr-42", REVIEW_42);
        var project = PlanFixture.project(files);
        var reviewer = Map.of("QUEST_PLATFORM_PROVIDER_ROLE", "reviewer");
        String message = org.assertj.core.api.Assertions.catchThrowable(() -> io.quest.platform.plan.Platform.load(project, reviewer)).getMessage();
        assertThat(message).contains("stack dev has", "QUEST_PLATFORM_PROVIDER_ROLE: \"reviewer\" applies only to review stacks (pr-<n>)")
                .doesNotContain("stack pr-42 has");
    }

    @Test
    void refuses_a_review_stack_with_a_network_tls_or_a_mismatched_number() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("pr-42", REVIEW_42.replace("pullRequest: 42", "pullRequest: 43")
                + "  quest-platform:network:\n    cidr: 10.99.0.0/16\n  quest-platform:tls: {mode: none}\n");
        files.put("pr-x", REVIEW_42.replace("    pullRequest: 42\n", ""));

        String message = PlanFixture.failure(files);

        assertThat(message).contains("quest-platform:review.pullRequest: 43 is not the number in the stack's name pr-42; expected 42",
                "quest-platform:tls: is set in a review stack, which is served by its environment's load balancer and TLS; remove it",
                "quest-platform:network",
                "quest-platform:role: is review but the stack is named pr-x");
    }
}
