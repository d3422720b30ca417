package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GuardDuty and Security Hub in every account and every allowed region, the standards the platform is measured
 * against, aggregation of every account's and region's findings into the shared account, and GuardDuty findings on
 * the alert topic.
 */
class SecurityServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ACCOUNTS = Map.of("shared", "111111111111", "dev", "222222222222", "prod", "333333333333");
    private static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1");

    /** The repository's platform with a second allowed region. */
    private static Plan twoRegions;

    @BeforeAll
    static void plan() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("shared", files.get("shared").replace("quest-platform:allowedRegions: [eu-west-1]",
                "quest-platform:allowedRegions: [eu-west-1, eu-central-1]"));
        files.put("dev", files.get("dev") + "  quest-platform:baseline: {regions: [eu-west-1, eu-central-1]}\n");
        files.put("prod", files.get("prod") + "  quest-platform:baseline: {regions: [eu-west-1, eu-central-1]}\n");
        // The account baseline lives in the shared and environment stacks; data stacks share their environment's account.
        files.keySet().removeIf(stack -> stack.endsWith("-data"));
        files.replaceAll((stack, text) -> text.replace("    database: true\n", "")); // without data stacks, no database to read
        twoRegions = PlanFixture.plan(files);
    }

    @Test
    void every_account_runs_one_detector_and_security_hub_in_each_allowed_region_through_a_provider_pinned_there() {
        assertThat(twoRegions.stacks()).hasSize(3);
        for (StackPlan stack : twoRegions.stacks()) {
            String account = ACCOUNTS.get(stack.stack());
            for (String type : List.of("aws:guardduty/detector:Detector", "aws:securityhub/account:Account")) {
                List<PlannedResource> found = stack.ofType(type);
                assertThat(found).as(type + " in " + stack.stack()).hasSize(REGIONS.size());
                assertThat(found.stream().map(r -> where(stack, r)).collect(Collectors.toSet())).as(type + " in " + stack.stack())
                        .isEqualTo(REGIONS.stream().map(region -> account + "/" + region).collect(Collectors.toSet()));
            }
            assertThat(stack.ofType("aws:guardduty/detector:Detector")).allSatisfy(d -> assertThat(d.input("enable")).isEqualTo(true));
        }
        StackPlan dev = twoRegions.stack("dev");
        PlannedResource away = dev.ofType("aws:guardduty/detector:Detector").stream()
                .filter(d -> d.name().equals("dev-guardduty-eu-central-1")).findFirst().orElseThrow();
        assertThat(dev.byUrn(away.provider()).name()).isEqualTo("dev-aws-in-eu-central-1");
        assertThat(dev.byUrn(away.provider()).input("assumeRole", "roleArn")).as("the same deployer role as the home region's provider")
                .isEqualTo(dev.named("dev-aws").input("assumeRole", "roleArn"));
    }

    @Test
    void every_detector_has_every_protection_plan_on_and_the_fargate_agent_managed() {
        StackPlan dev = PlanFixture.repository().stack("dev");
        List<PlannedResource> features = dev.ofType("aws:guardduty/detectorFeature:DetectorFeature");
        String detector = dev.ofType("aws:guardduty/detector:Detector").get(0).id();

        assertThat(features).extracting(f -> f.input("name")).containsExactlyInAnyOrder("S3_DATA_EVENTS", "EKS_AUDIT_LOGS",
                "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING");
        assertThat(features).allSatisfy(f -> {
            assertThat(f.input("status")).isEqualTo("ENABLED");
            assertThat(f.input("detectorId")).isEqualTo(detector);
        });
        PlannedResource runtime = features.stream().filter(f -> "RUNTIME_MONITORING".equals(f.input("name"))).findFirst().orElseThrow();
        assertThat(runtime.input("additionalConfigurations")).isEqualTo(List.of(
                Map.of("name", "ECS_FARGATE_AGENT_MANAGEMENT", "status", "ENABLED"),
                Map.of("name", "EKS_ADDON_MANAGEMENT", "status", "ENABLED"),
                Map.of("name", "EC2_AGENT_MANAGEMENT", "status", "DISABLED")));
    }

    @Test
    void the_service_s_execution_role_may_pull_guardduty_s_fargate_agent_and_nothing_else_from_it() {
        StackPlan dev = PlanFixture.repository().stack("dev");
        PlannedResource policy = dev.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().equals("dev-web-execution-guardduty-agent")).findFirst().orElseThrow();
        PlannedResource role = dev.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals("dev-web-execution")).findFirst().orElseThrow();

        assertThat(policy.input("role")).isEqualTo(role.input("name") != null ? role.input("name") : role.id());
        String document = (String) policy.input("policy");
        assertThat(document).contains("\"Resource\":\"arn:aws:ecr:eu-west-1:*:repository/aws-guardduty-agent-fargate\"")
                .contains("ecr:BatchGetImage").doesNotContain("ecr:PutImage");
    }

    @Test
    void every_account_and_region_subscribes_to_fsbp_and_cis_v3_by_the_region_s_standards_arn() {
        for (StackPlan stack : twoRegions.stacks()) {
            assertThat(stack.ofType("aws:securityhub/standardsSubscription:StandardsSubscription")).as(stack.stack())
                    .extracting(s -> s.input("standardsArn")).containsExactlyInAnyOrder(
                            "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                            "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
                            "arn:aws:securityhub:eu-central-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                            "arn:aws:securityhub:eu-central-1::standards/cis-aws-foundations-benchmark/v/3.0.0");
            assertThat(stack.ofType("aws:securityhub/account:Account")).allSatisfy(hub -> assertThat(hub.inputs())
                    .containsEntry("enableDefaultStandards", false).containsEntry("controlFindingGenerator", "SECURITY_CONTROL"));
        }
        assertThat(SecurityHub.standardsArn("cn-north-1", "fsbp"))
                .isEqualTo("arn:aws-cn:securityhub:cn-north-1::standards/aws-foundational-security-best-practices/v/1.0.0");
        assertThat(SecurityHub.standardsArn("us-gov-west-1", "cis-v3"))
                .isEqualTo("arn:aws-us-gov:securityhub:us-gov-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0");
    }

    @Test
    void every_member_account_and_region_is_aggregated_into_the_shared_account_s_home_region() {
        StackPlan shared = twoRegions.stack("shared");

        assertThat(shared.ofType("aws:securityhub/findingAggregator:FindingAggregator")).singleElement().satisfies(aggregator -> {
            assertThat(aggregator.input("linkingMode")).isEqualTo("ALL_REGIONS");
            assertThat(where(shared, aggregator)).isEqualTo("111111111111/eu-west-1");
        });
        Set<String> members = shared.ofType("aws:securityhub/member:Member").stream()
                .map(m -> m.input("accountId") + "/" + where(shared, m).split("/")[1] + "/invite=" + m.input("invite"))
                .collect(Collectors.toSet());
        assertThat(members).containsExactlyInAnyOrder("222222222222/eu-west-1/invite=true", "333333333333/eu-west-1/invite=true",
                "222222222222/eu-central-1/invite=true", "333333333333/eu-central-1/invite=true");
        for (String env : List.of("dev", "prod")) {
            StackPlan stack = twoRegions.stack(env);
            assertThat(stack.ofType("aws:securityhub/inviteAccepter:InviteAccepter")).as(env).hasSize(2)
                    .allSatisfy(accepter -> assertThat(accepter.input("masterId")).isEqualTo("111111111111"));
            assertThat(stack.ofType("aws:securityhub/member:Member")).isEmpty();
            assertThat(stack.ofType("aws:securityhub/findingAggregator:FindingAggregator")).isEmpty();
        }
    }

    @Test
    void guardduty_findings_of_medium_severity_and_above_notify_the_alert_topic_and_other_regions_forward_them_home() throws Exception {
        StackPlan dev = twoRegions.stack("dev");
        Object topic = dev.outputs().get("alertTopicArn");

        PlannedResource home = dev.named("dev-guardduty-eu-west-1-findings-target");
        assertThat(home.input("arn")).isEqualTo(topic);
        JsonNode pattern = JSON.readTree((String) dev.ofType("aws:cloudwatch/eventRule:EventRule").stream()
                .filter(r -> r.name().equals("dev-guardduty-eu-west-1-findings")).findFirst().orElseThrow().input("eventPattern"));
        assertThat(pattern.get("source").get(0).asText()).isEqualTo("aws.guardduty");
        assertThat(pattern.get("detail-type").get(0).asText()).isEqualTo("GuardDuty Finding");
        assertThat(pattern.at("/detail/severity/0/numeric").toString()).isEqualTo("[\">=\",4]");

        PlannedResource away = dev.named("dev-guardduty-eu-central-1-findings-target");
        assertThat(away.input("arn")).isEqualTo("arn:aws:events:eu-west-1:222222222222:event-bus/default");
        PlannedResource forwarder = dev.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals("dev-guardduty-eu-west-1-forwarder"))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(away.input("roleArn"))).contains(":role/dev-guardduty-eu-west-1-forwarder");
        assertThat((String) forwarder.input("assumeRolePolicy")).contains("events.amazonaws.com").contains("222222222222");
        assertThat((String) dev.named("dev-guardduty-eu-west-1-forwarder-put-events").input("policy"))
                .contains("\"Action\":\"events:PutEvents\"").contains("arn:aws:events:eu-west-1:222222222222:event-bus/default");

        String topicPolicy = (String) dev.ofType("aws:sns/topicPolicy:TopicPolicy").get(0).input("policy");
        assertThat(topicPolicy).contains("EventBridgeRulesPublishEvents").contains("arn:aws:events:eu-west-1:222222222222:rule/*");
    }

    @Test
    void without_an_alert_topic_findings_stay_in_guardduty_and_security_hub() {
        StackPlan shared = PlanFixture.repository().stack("shared");
        assertThat(shared.ofType("aws:guardduty/detector:Detector")).hasSize(1);
        assertThat(shared.ofType("aws:cloudwatch/eventRule:EventRule")).isEmpty();
    }

    @Test
    void as_delegated_administrator_the_shared_account_enables_the_members_and_they_only_subscribe_to_the_standards() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        // Data stacks run no account baseline, so they take no organisation settings.
        files.replaceAll((stack, text) -> stack.endsWith("-data") ? text
                : text + "  quest-platform:organization: {id: o-a1b2c3d4e5, delegatedAdministrator: true}\n");
        Plan plan = PlanFixture.plan(files);
        StackPlan shared = plan.stack("shared");
        StackPlan dev = plan.stack("dev");

        assertThat(shared.ofType("aws:securityhub/member:Member")).hasSize(2)
                .allSatisfy(m -> assertThat(m.input("invite")).isEqualTo(false));
        assertThat(shared.ofType("aws:securityhub/organizationConfiguration:OrganizationConfiguration")).singleElement()
                .satisfies(c -> assertThat(c.inputs()).containsEntry("autoEnable", true).containsEntry("autoEnableStandards", "NONE"));
        assertThat(dev.ofType("aws:securityhub/account:Account")).isEmpty();
        assertThat(dev.ofType("aws:securityhub/inviteAccepter:InviteAccepter")).isEmpty();
        assertThat(dev.ofType("aws:securityhub/standardsSubscription:StandardsSubscription")).hasSize(2);
        assertThat(dev.ofType("aws:guardduty/detector:Detector")).hasSize(1);
    }

    @Test
    void a_stack_whose_regions_differ_from_the_allowed_regions_is_refused_naming_what_would_go_unwatched() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("shared", files.get("shared").replace("quest-platform:allowedRegions: [eu-west-1]",
                "quest-platform:allowedRegions: [eu-west-1, eu-central-1]"));
        files.put("prod", files.get("prod") + "  quest-platform:baseline: {regions: [eu-west-1, us-east-1]}\n");

        assertThat(PlanFixture.failure(files))
                .contains("quest-platform:baseline.regions of stack dev is [eu-west-1], not the allowed regions [eu-central-1, eu-west-1]"
                        + " of stack shared; GuardDuty and Security Hub would not run in [eu-central-1]; set baseline.regions to"
                        + " [eu-central-1, eu-west-1]")
                .contains("quest-platform:baseline.regions of stack prod is [eu-west-1, us-east-1], not the allowed regions"
                        + " [eu-central-1, eu-west-1] of stack shared; GuardDuty and Security Hub would not run in [eu-central-1];"
                        + " the deployer may not act in [us-east-1]");
    }

    @Test
    void bad_regions_and_a_delegated_administrator_without_an_organisation_are_configuration_errors() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("dev", files.get("dev") + "  quest-platform:baseline: {regions: [eu-central-1, mars-north-1]}\n"
                + "  quest-platform:organization: {delegatedAdministrator: true}\n");

        assertThat(PlanFixture.failure(files))
                .contains("quest-platform:baseline.regions: \"mars-north-1\" is not a region AWS runs")
                .contains("leaves out the stack's own region eu-west-1")
                .contains("quest-platform:organization.delegatedAdministrator: needs quest-platform:organization.id");
    }

    @Test
    void each_account_and_region_holds_one_detector_and_one_security_hub_so_no_stacks_conflict() {
        assertThat(twoRegions.stacks()).extracting(StackPlan::stack).containsExactly("shared", "dev", "prod");
    }

    /** The account and region of the provider a resource is created through. */
    private static String where(StackPlan stack, PlannedResource r) {
        PlannedResource provider = stack.byUrn(r.provider());
        String accounts = String.valueOf(provider.input("allowedAccountIds"));
        return accounts.replaceAll("[^0-9]", "") + "/" + provider.input("region");
    }
}
