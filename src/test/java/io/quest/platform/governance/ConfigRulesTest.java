package io.quest.platform.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.policy.Finding;
import io.quest.platform.policy.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The managed rules and the aggregation authorisation, as planned. */
class ConfigRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static StackPlan dev;
    private static StackPlan prod;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        dev = BaselinePlans.platform().stack("dev");
        prod = BaselinePlans.platform().stack("prod");
        shared = BaselinePlans.platform().stack("shared");
    }

    @Test
    void dev_runs_every_rule_of_the_catalogue_as_an_aws_owned_rule() {
        List<PlannedResource> rules = dev.ofType("aws:cfg/rule:Rule");
        assertThat(rules).hasSize(ConfigRuleCatalogue.all().size());
        assertThat(rules).allSatisfy(r -> assertThat(r.input("source", "owner")).isEqualTo("AWS"));
        assertThat(rules).extracting(r -> r.input("source", "sourceIdentifier")).containsExactlyInAnyOrderElementsOf(
                ConfigRuleCatalogue.all().stream().map(ManagedRule::identifier).toList());
        PlannedResource ssh = dev.named("dev-config-rules-restricted-ssh");
        assertThat(ssh.input("name")).isEqualTo("restricted-ssh");
        assertThat(ssh.input("source", "sourceIdentifier")).isEqualTo("INCOMING_SSH_DISABLED");
        assertThat(ssh.input("inputParameters")).isNull();
    }

    @Test
    void parameters_are_passed_as_aws_expects_them_json_of_strings() throws Exception {
        Map<String, Object> password = JSON.readValue((String) dev.named("dev-config-rules-iam-password-policy").input("inputParameters"), MAP);
        assertThat(password).containsEntry("MinimumPasswordLength", "14").containsEntry("PasswordReusePrevention", "24")
                .containsEntry("MaxPasswordAge", "90").containsEntry("RequireSymbols", "true").hasSize(7);
        Map<String, Object> flowLogs = JSON.readValue((String) dev.named("dev-config-rules-vpc-flow-logs-enabled").input("inputParameters"), MAP);
        assertThat(flowLogs).isEqualTo(Map.of("trafficType", "ALL"));
    }

    @Test
    void every_rule_waits_for_the_recorder_because_aws_refuses_rules_without_one() {
        String status = dev.named("dev-config-recorder-status").urn();
        assertThat(dev.ofType("aws:cfg/rule:Rule")).hasSize(24).allSatisfy(r -> assertThat(r.dependencies()).contains(status));
    }

    @Test
    void a_rule_switched_off_with_a_reason_is_absent_and_listed_as_an_info_finding() {
        assertThat(prod.ofType("aws:cfg/rule:Rule")).extracting(r -> r.input("source", "sourceIdentifier"))
                .doesNotContain("INCOMING_SSH_DISABLED");
        List<Finding> disabled = prod.findings().stream().filter(f -> f.rule().equals("config-rule-disabled")).toList();
        assertThat(disabled).hasSize(1);
        assertThat(disabled.get(0).severity()).isEqualTo(Severity.info);
        assertThat(disabled.get(0).urn()).isEqualTo(prod.ofType(ConfigRules.TYPE).get(0).urn());
        assertThat(disabled.get(0).message()).isEqualTo("AWS Config rule INCOMING_SSH_DISABLED is switched off:"
                + " no security group allows SSH at all; restricted-common-ports covers the rest");
        assertThat(dev.findings()).noneMatch(f -> f.rule().equals("config-rule-disabled"));
    }

    @Test
    void account_wide_rules_run_only_in_the_home_region() {
        // prod's home region is eu-central-1: its eu-west-1 stack runs the regional rules, minus the one switched off
        assertThat(prod.ofType("aws:cfg/rule:Rule")).hasSize(11)
                .noneMatch(r -> r.input("source", "sourceIdentifier").equals("ROOT_ACCOUNT_MFA_ENABLED"));
    }

    @Test
    void each_workload_account_authorises_the_shared_account_aggregator_in_its_region() {
        List<PlannedResource> authorizations = dev.ofType("aws:cfg/aggregateAuthorization:AggregateAuthorization");
        assertThat(authorizations).hasSize(1);
        assertThat(authorizations.get(0).inputs()).containsEntry("accountId", "111111111111").containsEntry("region", "eu-west-1");
        assertThat(prod.ofType("aws:cfg/aggregateAuthorization:AggregateAuthorization")).hasSize(1);
    }

    @Test
    void the_shared_stack_aggregates_every_account_of_the_platform_in_its_regions() {
        List<PlannedResource> aggregators = shared.ofType("aws:cfg/configurationAggregator:ConfigurationAggregator");
        assertThat(aggregators).hasSize(1);
        PlannedResource aggregator = aggregators.get(0);
        assertThat(aggregator.input("accountAggregationSource", "accountIds"))
                .isEqualTo(List.of("111111111111", "222222222222", "333333333333"));
        assertThat(aggregator.input("accountAggregationSource", "regions")).isEqualTo(List.of("eu-west-1"));
        assertThat(aggregator.provider()).isEqualTo(shared.named("shared-aws").urn());
        assertThat(dev.ofType("aws:cfg/configurationAggregator:ConfigurationAggregator")).isEmpty();
    }
}
