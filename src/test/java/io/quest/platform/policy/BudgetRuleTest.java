package io.quest.platform.policy;

import io.quest.platform.config.ConfigException;
import io.quest.platform.config.ConfigSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackIdentity;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code quest-platform:budget.monthlyUsd}: an estimate above it is a finding; at or below it, none. */
class BudgetRuleTest {

    private static final StackIdentity DEV = new StackIdentity("organization", "quest-platform", "dev");
    private static StackPlan busy;
    private static StackPlan repositoryDev;

    @BeforeAll
    static void plan() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        files.put("dev", files.get("dev") + """
                  quest-platform:budget:
                    monthlyUsd: 40
                  quest-platform:usage:
                    logGbPerMonth: 50
                    requestsPerMonth: 30000000
                """);
        busy = PlanFixture.plan(files, "dev").stack("dev");
        repositoryDev = PlanFixture.repository().stack("dev");
    }

    private static Map<String, String> devConfig(String key, String json) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        config.put("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\"}");
        config.put(key, json);
        return config;
    }

    private static PlatformConfig load(String key, String json) {
        return PlatformConfig.load(ConfigSource.of(devConfig(key, json)), DEV);
    }

    private static String refusal(String key, String json) {
        return catchThrowableOfType(() -> load(key, json), ConfigException.class).getMessage();
    }

    @Test
    void an_estimate_over_the_budget_is_a_medium_finding_naming_both_and_the_largest_items() {
        assertThat(busy.findings()).filteredOn(f -> f.rule().equals("over-budget")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.medium);
            assertThat(f.message()).contains(String.format("estimated at $%.2f a month", busy.cost().monthlyUsd()))
                    .contains("over its budget of $40.00 (quest-platform:budget.monthlyUsd)")
                    .contains(String.format("by $%.2f", busy.cost().monthlyUsd() - 40))
                    .contains(String.format("largest items: %s $%.2f", busy.cost().largest(1).get(0).item(),
                            busy.cost().largest(1).get(0).monthlyUsd()));
            assertThat(f.urn()).isEqualTo(busy.cost().largest(1).get(0).urn());
        });
    }

    @Test
    void an_estimate_within_the_budget_or_without_one_is_no_finding() {
        PlatformConfig budget75 = load("quest-platform:budget", "{\"monthlyUsd\": 75}");
        assertThat(repositoryDev.cost().monthlyUsd()).isLessThanOrEqualTo(75);
        assertThat(new BudgetRule().check(repositoryDev, budget75)).isEmpty();
        PlatformConfig budget50 = load("quest-platform:budget", "{\"monthlyUsd\": 50}");
        assertThat(new BudgetRule().check(repositoryDev, budget50)).hasSize(1);
        assertThat(repositoryDev.findings()).noneMatch(f -> f.rule().equals("over-budget"));
    }

    @Test
    void the_budget_and_usage_assumptions_are_refused_with_the_key_the_value_and_what_is_expected() {
        assertThat(refusal("quest-platform:budget", "{\"monthlyUsd\": -5}"))
                .contains("quest-platform:budget.monthlyUsd: -5").contains("expected a number of US dollars above 0");
        assertThat(refusal("quest-platform:budget", "{\"monthlyUsd\": \"lots\"}"))
                .contains("quest-platform:budget.monthlyUsd: \"lots\" is not a number");
        assertThat(refusal("quest-platform:budget", "{\"monthly\": 75}")).contains("quest-platform:budget.monthly");
        assertThat(refusal("quest-platform:usage", "{\"requestsPerMonth\": -1}")).contains("quest-platform:usage.requestsPerMonth: -1");
        assertThat(refusal("quest-platform:usage", "{\"logsGb\": 3}")).contains("quest-platform:usage.logsGb");
    }

    @Test
    void usage_assumptions_from_config_reach_the_estimate_and_leave_the_fixed_part_alone() {
        assertThat(load("quest-platform:usage", "{\"natGbPerMonth\": 12.5}").cost().usage().natGbPerMonth()).isEqualTo(12.5);
        assertThat(busy.cost().items()).filteredOn(i -> i.item().equals("CloudWatch Logs ingestion")).singleElement()
                .satisfies(i -> assertThat(i.quantity()).isEqualTo(50.0));
        assertThat(busy.cost().usageUsd()).isGreaterThan(repositoryDev.cost().usageUsd());
        assertThat(busy.cost().fixedUsd()).isEqualTo(repositoryDev.cost().fixedUsd());
    }
}
