package io.quest.platform.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network component as the planner registers it, for each NAT strategy. */
@SuppressWarnings("unchecked")
class NetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan perAz;
    private static StackPlan single;
    private static StackPlan none;

    @BeforeAll
    static void plan() {
        var plan = PlanFixture.plan(Map.of(
                "shared", PlanFixture.SHARED,
                "prod", PlanFixture.environment("333333333333", "10.20.0.0/16", "natGateways: per-az", "availabilityZones: 3"),
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16", "natGateways: single", "availabilityZones: 2"),
                "test", PlanFixture.environment("444444444444", "10.30.0.0/16",
                        "natGateways: none", "availabilityZones: 2", "interfaceEndpoints: [ecr.api, ecr.dkr, logs]")));
        perAz = plan.stack("prod");
        single = plan.stack("dev");
        none = plan.stack("test");
    }

    @Test
    void per_az_puts_a_nat_gateway_in_each_public_subnet_and_routes_each_private_subnet_through_its_own() {
        List<PlannedResource> nats = perAz.ofType("aws:ec2/natGateway:NatGateway");
        assertThat(nats).extracting(PlannedResource::name).containsExactly("prod-nat-a", "prod-nat-b", "prod-nat-c");
        for (String az : List.of("a", "b", "c")) {
            PlannedResource nat = perAz.named("prod-nat-" + az);
            PlannedResource publicSubnet = perAz.named("prod-public-" + az);
            assertThat(nat.input("subnetId")).isEqualTo(idOf(perAz, publicSubnet));
            Object routedTo = ((Map<?, ?>) ((List<?>) perAz.named("prod-private-rt-" + az).input("routes")).get(0)).get("natGatewayId");
            assertThat(routedTo).isEqualTo(idOf(perAz, nat));
        }
    }

    @Test
    void single_shares_one_nat_gateway_in_the_first_zone() {
        assertThat(single.ofType("aws:ec2/natGateway:NatGateway")).extracting(PlannedResource::name).containsExactly("dev-nat-a");
        assertThat(single.ofType("aws:ec2/eip:Eip")).hasSize(1);
        String natId = idOf(single, single.named("dev-nat-a"));
        for (String az : List.of("a", "b")) {
            Object routedTo = ((Map<?, ?>) ((List<?>) single.named("dev-private-rt-" + az).input("routes")).get(0)).get("natGatewayId");
            assertThat(routedTo).isEqualTo(natId);
        }
    }

    @Test
    void none_has_no_nat_no_elastic_ip_and_no_default_route_from_private_subnets() {
        assertThat(none.ofType("aws:ec2/natGateway:NatGateway")).isEmpty();
        assertThat(none.ofType("aws:ec2/eip:Eip")).isEmpty();
        List<PlannedResource> privateTables = none.resources().stream().filter(r -> r.name().startsWith("test-private-rt-")).toList();
        assertThat(privateTables).hasSize(2).allSatisfy(rt -> assertThat(rt.input("routes")).isNull());
        assertThat(none.ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).extracting(r -> r.input("serviceName")).containsExactlyInAnyOrder(
                "com.amazonaws.eu-west-1.s3", "com.amazonaws.eu-west-1.ecr.api", "com.amazonaws.eu-west-1.ecr.dkr", "com.amazonaws.eu-west-1.logs");
    }

    @Test
    void subnets_follow_the_subnet_plan_and_public_ones_give_no_public_ips() {
        SubnetPlan expected = SubnetPlan.of(Ipv4Cidr.parse("10.20.0.0/16"), 3);
        List<PlannedResource> subnets = perAz.ofType("aws:ec2/subnet:Subnet");
        assertThat(subnets).hasSize(9).allSatisfy(s -> assertThat(s.input("mapPublicIpOnLaunch")).isEqualTo(false));
        assertThat(perAz.named("prod-isolated-c").input("cidrBlock")).isEqualTo(expected.isolatedSubnets().get(2).toString());
        assertThat(perAz.named("prod-private-b").input("cidrBlock")).isEqualTo(expected.privateSubnets().get(1).toString());
        assertThat(perAz.named("prod-public-c").input("cidrBlock")).isEqualTo(expected.publicSubnets().get(2).toString());
        assertThat(perAz.named("prod-public-c").input("availabilityZone")).isEqualTo("eu-west-1c");
    }

    @Test
    void only_public_subnets_route_to_the_internet_gateway() {
        String igw = idOf(perAz, perAz.named("prod-igw"));
        PlannedResource publicRt = perAz.named("prod-public-rt");
        assertThat(((Map<?, ?>) ((List<?>) publicRt.input("routes")).get(0)).get("gatewayId")).isEqualTo(igw);
        List<PlannedResource> publicAssociations = perAz.resources().stream().filter(r -> r.name().startsWith("prod-public-rta-")).toList();
        assertThat(publicAssociations).hasSize(3).allSatisfy(a -> assertThat(a.input("routeTableId")).isEqualTo(idOf(perAz, publicRt)));
        assertThat(perAz.named("prod-private-rta-a").input("subnetId")).isEqualTo(idOf(perAz, perAz.named("prod-private-a")));
    }

    @Test
    void isolated_subnets_have_no_route_out_of_the_vpc_whatever_the_nat_strategy() {
        for (StackPlan plan : List.of(perAz, single, none)) {
            String env = plan.stack();
            List<PlannedResource> isolated = plan.resources().stream().filter(r -> r.name().startsWith(env + "-isolated-")
                    && r.type().equals("aws:ec2/subnet:Subnet")).toList();
            assertThat(isolated).as(env).hasSize(env.equals("prod") ? 3 : 2);
            for (PlannedResource subnet : isolated) {
                String subnetId = idOf(plan, subnet);
                List<PlannedResource> associations = plan.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                        .filter(a -> subnetId.equals(a.input("subnetId"))).toList();
                assertThat(associations).as(subnet.name()).hasSize(1);
                PlannedResource table = plan.ofType("aws:ec2/routeTable:RouteTable").stream()
                        .filter(t -> idOf(plan, t).equals(associations.get(0).input("routeTableId"))).findFirst().orElseThrow();
                assertThat(table.name()).isEqualTo(env + "-isolated-rt");
                // Only the VPC's implicit local route: no internet gateway, NAT gateway, NAT instance or endpoint.
                assertThat(table.input("routes")).as(table.name()).isNull();
                assertThat(plan.ofType("aws:ec2/route:Route")).isEmpty();
                assertThat(plan.ofType("aws:ec2/vpcEndpoint:VpcEndpoint"))
                        .allSatisfy(e -> assertThat(String.valueOf(e.input("routeTableIds"))).doesNotContain(idOf(plan, table)));
            }
        }
    }

    @Test
    void the_isolated_tier_s_network_acl_admits_only_the_vpc_s_own_range() {
        PlannedResource acl = perAz.named("prod-isolated-nacl");
        assertThat((List<Object>) acl.input("subnetIds")).containsExactly(idOf(perAz, perAz.named("prod-isolated-a")),
                idOf(perAz, perAz.named("prod-isolated-b")), idOf(perAz, perAz.named("prod-isolated-c")));
        for (String direction : List.of("ingress", "egress")) {
            List<?> rules = (List<?>) acl.input(direction);
            assertThat(rules).as(direction).hasSize(1);
            assertThat(((Map<?, ?>) rules.get(0)).get("cidrBlock")).isEqualTo("10.20.0.0/16");
            assertThat(((Map<?, ?>) rules.get(0)).get("action")).isEqualTo("allow");
        }
    }

    @Test
    void the_default_security_group_is_emptied() {
        PlannedResource sg = perAz.named("prod-default-sg");
        assertThat(sg.type()).isEqualTo("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assertThat(sg.input("ingress")).isNull();
        assertThat(sg.input("egress")).isNull();
    }

    @Test
    void flow_logs_capture_all_traffic_through_a_role_that_can_write_only_to_its_log_group() throws Exception {
        PlannedResource flowLog = perAz.named("prod-flow-log");
        PlannedResource logGroup = perAz.named("prod-flow-logs");
        assertThat(flowLog.input("trafficType")).isEqualTo("ALL");
        assertThat(logGroup.input("retentionInDays")).isEqualTo(365L);
        assertThat(flowLog.dependencies()).contains(logGroup.urn(), perAz.named("prod-flow-logs-role").urn());

        JsonNode trust = JSON.readTree((String) perAz.named("prod-flow-logs-role").input("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("vpc-flow-logs.amazonaws.com");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("333333333333");

        JsonNode write = JSON.readTree((String) perAz.named("prod-flow-logs-write").input("policy"));
        assertThat(write.at("/Statement")).hasSize(1);
        assertThat(write.at("/Statement/0/Resource/0").asText()).startsWith("arn:aws:logs:eu-west-1:333333333333:log-group:/quest/prod/vpc-flow-logs-");
        assertThat(write.at("/Statement/0/Action").toString()).doesNotContain("*");
    }

    @Test
    void interface_endpoints_admit_https_from_the_vpc_only() {
        PlannedResource sg = none.named("test-endpoints-sg");
        List<?> ingress = (List<?>) sg.input("ingress");
        assertThat(ingress).hasSize(1);
        Map<?, ?> rule = (Map<?, ?>) ingress.get(0);
        assertThat(rule.get("fromPort")).isEqualTo(443L);
        assertThat(rule.get("toPort")).isEqualTo(443L);
        assertThat(rule.get("cidrBlocks")).isEqualTo(List.<Object>of("10.30.0.0/16"));
        assertThat(sg.input("egress")).isNull();
    }

    @Test
    void the_s3_gateway_endpoint_serves_every_private_route_table() {
        PlannedResource s3 = perAz.named("prod-s3-endpoint");
        assertThat(s3.input("vpcEndpointType")).isEqualTo("Gateway");
        assertThat((List<Object>) s3.input("routeTableIds")).containsExactlyInAnyOrder(
                idOf(perAz, perAz.named("prod-private-rt-a")), idOf(perAz, perAz.named("prod-private-rt-b")), idOf(perAz, perAz.named("prod-private-rt-c")));
    }

    @Test
    void every_resource_is_tagged_in_layers() {
        PlannedResource subnet = perAz.named("prod-private-a");
        Map<String, Object> tags = (Map<String, Object>) subnet.input("tags");
        assertThat(tags).containsEntry("Name", "prod-private-a").containsEntry("stack", "prod").containsEntry("environment", "prod")
                .containsEntry("managed-by", "quest-platform").containsEntry("project", "quest-platform").containsEntry("tier", "private");
        List<PlannedResource> taggable = perAz.resources().stream().filter(r -> r.custom() && r.type().startsWith("aws:ec2/")
                && !r.type().contains("routeTableAssociation")).toList();
        assertThat(taggable).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.input("tags", "Name")).isEqualTo(r.name()));
    }

    @Test
    void every_network_resource_is_a_child_of_the_component_and_uses_the_stack_provider() {
        assertThat(perAz.ofType(Network.TYPE)).hasSize(1);
        PlannedResource component = perAz.ofType(Network.TYPE).get(0);
        assertThat(component.name()).isEqualTo("prod");
        List<PlannedResource> children = perAz.resources().stream().filter(r -> component.urn().equals(r.parent())).toList();
        long underNetwork = perAz.resources().stream().filter(r -> r.urn().contains("::" + Network.TYPE + "$")).count();
        assertThat(children).hasSize((int) underNetwork).hasSizeGreaterThan(20);
        String provider = perAz.named("prod-aws").urn();
        assertThat(children).allSatisfy(r -> assertThat(r.provider()).isEqualTo(provider));
    }

    private static String idOf(StackPlan plan, PlannedResource resource) {
        assertThat(resource.id()).as("id of " + resource.name()).isNotBlank();
        return resource.id();
    }
}
