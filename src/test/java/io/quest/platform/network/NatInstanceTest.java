package io.quest.platform.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.policy.Finding;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** NAT instances as the planner registers them: their routes, their self-healing shape and their security invariants. */
class NatInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan single;
    private static StackPlan perAz;

    @BeforeAll
    static void plan() {
        var plan = PlanFixture.plan(Map.of(
                "shared", PlanFixture.SHARED,
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16", "natGateways: instance", "availabilityZones: 2"),
                "test", PlanFixture.environment("444444444444", "10.30.0.0/16", "natGateways: instance-per-az", "availabilityZones: 3")));
        single = plan.stack("dev");
        perAz = plan.stack("test");
    }

    @Test
    void instance_puts_one_nat_instance_in_the_first_zone_and_routes_every_private_subnet_through_its_interface() {
        assertThat(single.ofType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(single.ofType("aws:ec2/networkInterface:NetworkInterface")).extracting(PlannedResource::name).containsExactly("dev-nat-eni-a");
        assertThat(single.ofType("aws:autoscaling/group:Group")).extracting(PlannedResource::name).containsExactly("dev-nat-asg-a");
        String eni = single.named("dev-nat-eni-a").id();
        assertThat(eni).startsWith("eni-0");
        for (String az : List.of("a", "b")) {
            assertThat(defaultRoute(single, "dev-private-rt-" + az)).containsEntry("networkInterfaceId", eni).doesNotContainKey("natGatewayId");
        }
        assertThat(single.named("dev-nat-eni-a").input("subnetId")).isEqualTo(single.named("dev-public-a").id());
    }

    @Test
    void instance_per_az_routes_each_private_subnet_through_the_instance_of_its_own_zone() {
        assertThat(perAz.ofType("aws:ec2/networkInterface:NetworkInterface")).hasSize(3);
        for (String az : List.of("a", "b", "c")) {
            PlannedResource eni = perAz.named("test-nat-eni-" + az);
            assertThat(eni.input("subnetId")).isEqualTo(perAz.named("test-public-" + az).id());
            assertThat(defaultRoute(perAz, "test-private-rt-" + az)).containsEntry("networkInterfaceId", eni.id());
            PlannedResource group = perAz.named("test-nat-asg-" + az);
            assertThat(group.input("availabilityZones")).isEqualTo(List.of("eu-west-1" + az));
            PlannedResource template = perAz.named("test-nat-lt-" + az);
            assertThat(group.input("launchTemplate", "id")).isEqualTo(template.id());
            assertThat(networkInterfaces(template)).singleElement().satisfies(n -> {
                assertThat(n.get("networkInterfaceId")).isEqualTo(eni.id());
                assertThat(n.get("deviceIndex")).isEqualTo(0L);
            });
        }
    }

    @Test
    void the_interface_forwards_traffic_and_keeps_one_public_address_across_replacements() {
        for (PlannedResource eni : perAz.ofType("aws:ec2/networkInterface:NetworkInterface")) {
            assertThat(eni.input("sourceDestCheck")).as(eni.name()).isEqualTo(false);
        }
        List<PlannedResource> eips = perAz.ofType("aws:ec2/eip:Eip");
        assertThat(eips).hasSize(3);
        for (String az : List.of("a", "b", "c")) {
            assertThat(perAz.named("test-nat-eip-" + az).input("networkInterface")).isEqualTo(perAz.named("test-nat-eni-" + az).id());
        }
    }

    @Test
    void the_group_is_exactly_one_instance_replaced_when_its_ec2_health_check_fails() {
        for (PlannedResource group : perAz.ofType("aws:autoscaling/group:Group")) {
            assertThat(group.inputs()).as(group.name()).containsEntry("minSize", 1L).containsEntry("maxSize", 1L)
                    .containsEntry("desiredCapacity", 1L).containsEntry("healthCheckType", "EC2");
            assertThat(group.input("launchTemplate", "version")).isEqualTo("$Latest");
            assertThat(group.input("instanceMaintenancePolicy", "minHealthyPercentage")).isEqualTo(0L);
        }
    }

    @Test
    void the_security_group_admits_only_the_private_subnets() {
        PlannedResource sg = perAz.named("test-nat-sg");
        List<?> ingress = (List<?>) sg.input("ingress");
        assertThat(ingress).hasSize(1);
        List<String> privateRanges = SubnetPlan.of(Ipv4Cidr.parse("10.30.0.0/16"), 3).privateSubnets().stream().map(Ipv4Cidr::toString).toList();
        assertThat(((Map<?, ?>) ingress.get(0)).get("cidrBlocks")).isEqualTo(privateRanges);
        assertThat(((Map<?, ?>) ingress.get(0)).get("securityGroups")).isNull();
        assertThat(perAz.named("test-nat-eni-a").input("securityGroups")).isEqualTo(List.of(sg.id()));
        assertThat(perAz.findings()).extracting(Finding::rule).doesNotContain("open-ingress");
    }

    @Test
    void instances_are_arm_imdsv2_only_encrypted_and_have_no_key_pair() {
        for (PlannedResource template : perAz.ofType("aws:ec2/launchTemplate:LaunchTemplate")) {
            assertThat(String.valueOf(template.input("instanceType"))).as(template.name()).startsWith("t4g.");
            assertThat(template.input("metadataOptions", "httpTokens")).isEqualTo("required");
            assertThat(template.input("metadataOptions", "httpPutResponseHopLimit")).isEqualTo(1L);
            assertThat(template.inputs()).doesNotContainKey("keyName");
            List<?> disks = (List<?>) template.input("blockDeviceMappings");
            assertThat(disks).isNotEmpty().allSatisfy(d -> assertThat(((Map<?, ?>) ((Map<?, ?>) d).get("ebs")).get("encrypted")).isEqualTo("true"));
            assertThat(String.valueOf(template.input("imageId"))).matches("ami-0[0-9a-f]{16}");
            assertThat(template.input("iamInstanceProfile", "arn")).isEqualTo(
                    "arn:aws:iam::444444444444:instance-profile/" + perAz.named("test-nat-profile").id());
        }
        assertThat(perAz.ofType("aws:ec2/launchTemplate:LaunchTemplate").stream().map(t -> t.input("imageId")).distinct()).hasSize(1);
    }

    @Test
    void the_instance_role_can_be_assumed_by_ec2_only_and_grants_session_manager_only() throws Exception {
        PlannedResource role = perAz.named("test-nat-role");
        JsonNode trust = JSON.readTree(String.valueOf(role.input("assumeRolePolicy")));
        assertThat(trust.get("Statement")).hasSize(1);
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(trust.at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
        String roleName = role.id();
        assertThat(perAz.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).filteredOn(a -> roleName.equals(a.input("role")))
                .extracting(a -> a.input("policyArn")).containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        assertThat(perAz.ofType("aws:iam/rolePolicy:RolePolicy")).noneMatch(p -> roleName.equals(p.input("role")));
        assertThat(role.input("permissionsBoundary")).as("bounded like every role the deployer makes").isNotNull();
    }

    @Test
    void the_first_boot_script_masquerades_the_vpc_and_opens_no_ssh() {
        String script = new String(Base64.getDecoder().decode(String.valueOf(perAz.named("test-nat-lt-a").input("userData"))),
                StandardCharsets.UTF_8);
        assertThat(script).startsWith("#!/bin/bash").contains("net.ipv4.ip_forward = 1")
                .contains("ip saddr 10.30.0.0/16 oifname \"$IFACE\" masquerade").contains("amazon-ssm-agent");
        assertThat(script).doesNotContain("sshd").doesNotContain("authorized_keys");
    }

    private static Map<String, Object> defaultRoute(StackPlan plan, String routeTable) {
        List<?> routes = (List<?>) plan.named(routeTable).input("routes");
        assertThat(routes).as(routeTable).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> route = (Map<String, Object>) routes.get(0);
        assertThat(route.get("cidrBlock")).isEqualTo("0.0.0.0/0");
        return route;
    }

    private static List<Map<?, ?>> networkInterfaces(PlannedResource template) {
        return ((List<?>) template.input("networkInterfaces")).stream().<Map<?, ?>>map(n -> (Map<?, ?>) n).toList();
    }
}
