package io.quest.platform.stacks;

import io.quest.platform.network.Ipv4Cidr;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new subnet tier renumbers nothing: every subnet the repository's stacks planned before (the list in
 * {@code stacks/deployed-subnets.txt}) is still planned with the same range in the same AZ. AWS cannot change a
 * subnet's range or AZ in place; the provider replaces the subnet and everything in it.
 */
class DeployedSubnetsTest {

    @Test
    void every_subnet_planned_before_keeps_its_range_and_zone() {
        List<String[]> deployed = deployedSubnets();
        Plan plan = PlanFixture.repository();

        assertThat(deployed).as("the checked-in list covers dev and prod").hasSize(10);
        for (String[] subnet : deployed) {
            PlannedResource now = plan.stack(subnet[0]).named(subnet[1]);
            assertThat(now.type()).isEqualTo("aws:ec2/subnet:Subnet");
            assertThat(now.input("cidrBlock")).as(subnet[0] + " " + subnet[1]).isEqualTo(subnet[2]);
            assertThat(now.input("availabilityZone")).as(subnet[0] + " " + subnet[1]).isEqualTo(subnet[3]);
        }
    }

    @Test
    void the_isolated_tier_takes_the_block_that_was_free_and_overlaps_no_subnet_planned_before() {
        Plan plan = PlanFixture.repository();

        assertThat(plan.stack("dev").named("dev-isolated-a").input("cidrBlock")).isEqualTo("10.10.192.0/22");
        assertThat(plan.stack("dev").named("dev-isolated-b").input("cidrBlock")).isEqualTo("10.10.196.0/22");
        assertThat(plan.stack("prod").named("prod-isolated-c").input("cidrBlock")).isEqualTo("10.20.200.0/22");
        for (String stack : List.of("dev", "prod")) {
            List<PlannedResource> subnets = plan.stack(stack).ofType("aws:ec2/subnet:Subnet");
            assertThat(subnets).hasSize(stack.equals("dev") ? 6 : 9);
            List<Ipv4Cidr> ranges = subnets.stream()
                    .map(s -> Ipv4Cidr.parse((String) s.input("cidrBlock"))).toList();
            for (int i = 0; i < ranges.size(); i++) {
                for (int j = i + 1; j < ranges.size(); j++) {
                    assertThat(ranges.get(i).overlaps(ranges.get(j))).as(ranges.get(i) + " vs " + ranges.get(j)).isFalse();
                }
            }
        }
    }

    static List<String[]> deployedSubnets() {
        try (InputStream in = DeployedSubnetsTest.class.getResourceAsStream("/stacks/deployed-subnets.txt")) {
            assertThat(in).as("stacks/deployed-subnets.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
