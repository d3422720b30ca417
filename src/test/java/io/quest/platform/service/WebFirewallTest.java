package io.quest.platform.service;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.policy.BaselineExceptionsRule;
import io.quest.platform.policy.Finding;
import io.quest.platform.policy.Severity;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS WAF in front of the public load balancer: on in production, a choice in dev, logged, and never silently absent. */
class WebFirewallTest {

    @Test
    void production_s_load_balancer_is_behind_a_regional_web_acl_of_aws_managed_rule_groups() {
        StackPlan prod = PlanFixture.repository().stack("prod");

        PlannedResource acl = prod.ofType("aws:wafv2/webAcl:WebAcl").stream().findFirst().orElseThrow();
        assertThat(prod.ofType("aws:wafv2/webAcl:WebAcl")).hasSize(1);
        assertThat(acl.input("scope")).isEqualTo("REGIONAL");
        assertThat(acl.input("defaultAction")).isEqualTo(Map.of("allow", Map.of()));
        assertThat(acl.input("visibilityConfig", "cloudwatchMetricsEnabled")).isEqualTo(true);
        List<?> rules = (List<?>) acl.input("rules");
        assertThat(rules).hasSize(3).allSatisfy(rule -> {
            Map<?, ?> r = (Map<?, ?>) rule;
            assertThat(r.get("overrideAction")).as("enforcing, not count-only").isEqualTo(Map.of("none", Map.of()));
            assertThat(((Map<?, ?>) r.get("visibilityConfig")).get("cloudwatchMetricsEnabled")).isEqualTo(true);
            assertThat(((Map<?, ?>) ((Map<?, ?>) r.get("statement")).get("managedRuleGroupStatement")).get("vendorName")).isEqualTo("AWS");
        });
        assertThat(rules.stream().map(r -> (Object) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) r).get("statement"))
                .get("managedRuleGroupStatement")).get("name")).toList()).containsExactly("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet");
    }

    @Test
    void the_web_acl_is_associated_with_the_load_balancer_and_logs_every_request_to_an_aws_waf_logs_group() {
        StackPlan prod = PlanFixture.repository().stack("prod");
        PlannedResource acl = prod.ofType("aws:wafv2/webAcl:WebAcl").get(0);
        String aclArn = "arn:aws:wafv2:eu-west-1:333333333333:regional/webacl/" + acl.input("name") + "/" + acl.id();

        PlannedResource association = prod.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").stream().findFirst().orElseThrow();
        assertThat(String.valueOf(association.input("resourceArn"))).startsWith("arn:aws:elasticloadbalancing:eu-west-1:333333333333:")
                .endsWith((String) prod.outputs().get("albArnSuffix"));
        assertThat(association.dependencies()).contains(acl.urn());

        PlannedResource logging = prod.ofType("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration").stream().findFirst().orElseThrow();
        PlannedResource group = prod.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .filter(g -> String.valueOf(g.input("name")).startsWith("aws-waf-logs-")).findFirst().orElseThrow();
        assertThat(group.input("name")).isEqualTo("aws-waf-logs-prod-web-waf");
        assertThat(group.input("retentionInDays")).isEqualTo(365L);
        assertThat(logging.input("logDestinationConfigs")).isEqualTo(List.of("arn:aws:logs:eu-west-1:333333333333:log-group:aws-waf-logs-prod-web-waf"));
        assertThat(logging.dependencies()).contains(acl.urn(), group.urn());
        assertThat(logging.input("resourceArn")).isEqualTo(aclArn);
        assertThat(association.input("webAclArn")).isEqualTo(aclArn);
        assertThat(logging.input("redactedFields")).isEqualTo(List.of(Map.of("singleHeader", Map.of("name", "authorization")),
                Map.of("singleHeader", Map.of("name", "cookie"))));
    }

    @Test
    void dev_goes_without_by_default_and_says_so_as_a_written_exception() {
        StackPlan dev = PlanFixture.repository().stack("dev");

        assertThat(dev.ofType("aws:wafv2/webAcl:WebAcl")).isEmpty();
        assertThat(dev.findings()).filteredOn(f -> f.message().startsWith("Security Hub ELB.16")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.low);
            assertThat(f.rule()).isEqualTo("baseline-exception");
            assertThat(f.message()).contains("dev-web-alb").contains(BaselineExceptionsRule.NO_WAF_REASON)
                    .contains("Compensating control: " + BaselineExceptionsRule.NO_WAF_COMPENSATION);
        });
        assertThat(PlanFixture.repository().stack("prod").findings()).noneMatch(f -> f.message().contains("ELB.16"));
    }

    @Test
    void dev_can_turn_it_on_and_production_turning_it_off_is_a_high_finding() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("dev", files.get("dev").replace("    waf: false\n", "    waf: true\n"));
        files.put("prod", files.get("prod").replace("    containerPort: 3000\n", "    containerPort: 3000\n    waf: false\n"));
        Plan plan = PlanFixture.plan(files);

        assertThat(plan.stack("dev").ofType("aws:wafv2/webAclAssociation:WebAclAssociation")).hasSize(1);
        assertThat(plan.stack("dev").findings()).noneMatch(f -> f.message().contains("ELB.16"));
        assertThat(plan.stack("prod").ofType("aws:wafv2/webAcl:WebAcl")).isEmpty();
        assertThat(plan.stack("prod").findings()).filteredOn(f -> f.message().contains("ELB.16")).extracting(Finding::severity)
                .containsExactly(Severity.high);
    }

    @Test
    void a_waf_setting_that_is_not_a_boolean_is_refused_naming_the_key() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("dev", files.get("dev").replace("    waf: false\n", "    waf: maybe\n"));

        assertThat(PlanFixture.failure(files)).contains("quest-platform:service.waf: \"maybe\" is not a boolean; expected true or false");
    }
}
