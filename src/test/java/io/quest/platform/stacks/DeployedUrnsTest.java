package io.quest.platform.stacks;

import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing deployed is replaced, or loses its protection, by a refactoring: every URN the repository's stacks registered before (the list in
 * {@code stacks/deployed-urns.txt}) is still registered. The Pulumi engine matches state by URN (project, stack,
 * the chain of parent type tokens, the resource's type token and name), so a renamed component, a changed type
 * token or a new parent turns into a delete and a create unless the resource carries an {@code Alias} to its old
 * URN; this test fails first and names what moved.
 */
class DeployedUrnsTest {

    @Test
    void every_urn_registered_before_is_still_registered() {
        List<String> deployed = deployedUrns();
        Plan plan = PlanFixture.repository();
        // A resource answers to its URN and to its aliases (the URNs it had before it moved): either keeps its state.
        Set<String> planned = plan.stacks().stream().flatMap(s -> s.resources().stream())
                .flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.urn()), r.aliases().stream()))
                .collect(Collectors.toSet());

        assertThat(deployed).as("the checked-in list covers the three stacks").hasSizeGreaterThan(300)
                .anyMatch(u -> u.startsWith("urn:pulumi:shared::")).anyMatch(u -> u.startsWith("urn:pulumi:dev::"))
                .anyMatch(u -> u.startsWith("urn:pulumi:prod::"));
        assertThat(missing(deployed, planned))
                .as("URNs no longer registered: each would be deleted and created again; give the resource an Alias to its old"
                        + " URN (or, if it is meant to go, remove its line from stacks/deployed-urns.txt)")
                .isEmpty();
    }

    @Test
    void the_environment_stacks_protect_exactly_production_s_keys_buckets_and_audit_logs_and_retain_only_the_audit_logs() {
        Plan plan = PlanFixture.repository();
        List<String> auditLogs = List.of("prod-trail-logs", "prod-trail-logs-key", "prod-flow-logs", "prod-flow-logs-key",
                "prod-web-logs", "prod-web-logs-key", "prod-web-waf-logs", "prod-web-waf-logs-key");

        assertThat(plan.stack("prod").resources()).filteredOn(PlannedResource::protect).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("prod-web-logs", "prod-web-logs-key", "prod-web-alb-logs", "prod-monitoring-alerts-key",
                        "prod-monitoring-canary-artifacts", "prod-trail-logs", "prod-trail-logs-key", "prod-flow-logs",
                        "prod-flow-logs-key", "prod-web-waf-logs", "prod-web-waf-logs-key", "prod-web-alb-logs-access-logs",
                        "prod-monitoring-canary-access-logs");
        assertThat(plan.stack("dev").resources()).noneMatch(PlannedResource::protect);
        assertThat(plan.stack("prod").resources()).filteredOn(PlannedResource::retainOnDelete).extracting(PlannedResource::name)
                .containsExactlyInAnyOrderElementsOf(auditLogs);
        assertThat(plan.stack("dev").resources()).noneMatch(PlannedResource::retainOnDelete);
    }

    @Test
    void a_renamed_type_token_or_a_new_parent_is_reported_as_missing() {
        String alarm = "urn:pulumi:dev::quest-platform::quest:observability:Monitoring$aws:cloudwatch/metricAlarm:MetricAlarm::dev-monitoring-cpu";
        List<String> deployed = List.of(alarm);

        assertThat(missing(deployed, Set.of(alarm))).isEmpty();
        assertThat(missing(deployed, Set.of(alarm.replace("quest:observability:Monitoring", "quest:observability:Alarms"))))
                .containsExactly(alarm);
        assertThat(missing(deployed, Set.of(alarm.replace("Monitoring$", "Monitoring$quest:observability:ServiceAlarms$"))))
                .containsExactly(alarm);
    }

    /** The deployed URNs that the plan no longer registers, in the list's order. */
    static List<String> missing(List<String> deployed, Collection<String> planned) {
        Set<String> now = Set.copyOf(planned);
        return deployed.stream().filter(urn -> !now.contains(urn)).toList();
    }

    static List<String> deployedUrns() {
        try (InputStream in = DeployedUrnsTest.class.getResourceAsStream("/stacks/deployed-urns.txt")) {
            assertThat(in).as("stacks/deployed-urns.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
