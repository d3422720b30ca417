package io.quest.platform.data;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's data stacks as planned with the environment stacks they read: dev's RDS instance and prod's
 * Aurora cluster, their reachability, their network, their encryption and credentials, and production's protection.
 */
@SuppressWarnings("unchecked")
class DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan dev;
    private static StackPlan devData;
    private static StackPlan prod;
    private static StackPlan prodData;

    @BeforeAll
    static void planRepository() {
        plan = PlanFixture.repository();
        dev = plan.stack("dev");
        devData = plan.stack("dev-data");
        prod = plan.stack("prod");
        prodData = plan.stack("prod-data");
    }

    @Test
    void the_data_stacks_deploy_after_the_environment_stacks_whose_network_they_read() {
        List<String> order = plan.stacks().stream().map(StackPlan::stack).toList();

        assertThat(order).containsSubsequence("shared", "dev", "dev-data");
        assertThat(order).containsSubsequence("shared", "prod", "prod-data");
        assertThat(devData.references()).containsExactlyInAnyOrder("organization/quest-platform/shared", "organization/quest-platform/dev");
    }

    @Test
    void the_database_is_reachable_only_from_the_service_s_task_security_group() {
        for (StackPlan[] pair : List.of(new StackPlan[] {dev, devData}, new StackPlan[] {prod, prodData})) {
            StackPlan env = pair[0];
            StackPlan data = pair[1];
            String name = env.stack() + "-db";
            PlannedResource sg = data.named(name + "-sg");
            String tasks = env.named(env.stack() + "-web-tasks-sg").id();

            assertThat(sg.input("ingress")).as("no inline rules").isNull();
            List<PlannedResource> ingress = data.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            assertThat(ingress).hasSize(1).allSatisfy(rule -> {
                assertThat(rule.input("securityGroupId")).isEqualTo(sg.id());
                assertThat(rule.input("referencedSecurityGroupId")).isEqualTo(tasks);
                assertThat(rule.input("cidrIpv4")).isNull();
                assertThat(rule.input("fromPort")).isEqualTo(5432L);
                assertThat(rule.input("toPort")).isEqualTo(5432L);
            });
            PlannedResource egress = data.named(name + "-service-egress");
            assertThat(egress.input("securityGroupId")).isEqualTo(tasks);
            assertThat(egress.input("referencedSecurityGroupId")).isEqualTo(sg.id());
            // The database sits behind this group alone.
            PlannedResource db = database(data);
            assertThat((List<Object>) db.input("vpcSecurityGroupIds")).containsExactly(sg.id());
        }
        assertThat(database(devData).input("publiclyAccessible")).isEqualTo(false);
        assertThat(prodData.ofType("aws:rds/clusterInstance:ClusterInstance")).hasSize(2)
                .allSatisfy(i -> assertThat(i.input("publiclyAccessible")).isEqualTo(false));
    }

    @Test
    void the_database_s_subnets_are_the_isolated_ones_with_no_route_to_an_internet_or_nat_gateway() {
        for (StackPlan[] pair : List.of(new StackPlan[] {dev, devData}, new StackPlan[] {prod, prodData})) {
            StackPlan env = pair[0];
            StackPlan data = pair[1];
            List<Object> subnets = (List<Object>) data.named(env.stack() + "-db-subnets").input("subnetIds");
            List<PlannedResource> isolated = env.ofType("aws:ec2/subnet:Subnet").stream()
                    .filter(s -> s.name().startsWith(env.stack() + "-isolated-")).toList();
            assertThat(isolated).hasSize(env.stack().equals("prod") ? 3 : 2);
            assertThat(subnets).containsExactlyElementsOf(isolated.stream().map(PlannedResource::id).toList());

            for (Object subnet : subnets) {
                List<PlannedResource> associations = env.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                        .filter(a -> subnet.equals(a.input("subnetId"))).toList();
                assertThat(associations).hasSize(1);
                PlannedResource table = env.ofType("aws:ec2/routeTable:RouteTable").stream()
                        .filter(t -> t.id().equals(associations.get(0).input("routeTableId"))).findFirst().orElseThrow();
                assertThat(table.input("routes")).as(table.name() + " routes").isNull();
            }
            // Nothing else routes the isolated table anywhere.
            assertThat(env.ofType("aws:ec2/route:Route")).isEmpty();
        }
    }

    @Test
    void encrypted_with_its_own_key_tls_only_and_the_password_kept_by_secrets_manager() {
        for (StackPlan data : List.of(devData, prodData)) {
            String name = data.stack().replace("-data", "") + "-db";
            PlannedResource db = database(data);
            PlannedResource key = data.named(name + "-key");
            assertThat(key.type()).isEqualTo("aws:kms/key:Key");
            assertThat(key.input("enableKeyRotation")).isEqualTo(true);
            String keyArn = "arn:aws:kms:eu-west-1:" + (data == devData ? "222222222222" : "333333333333") + ":key/" + key.id();

            assertThat(db.input("storageEncrypted")).isEqualTo(true);
            assertThat(db.input("kmsKeyId")).isEqualTo(keyArn);
            assertThat(db.input("manageMasterUserPassword")).isEqualTo(true);
            assertThat(db.input("masterUserSecretKmsKeyId")).isEqualTo(keyArn);
            assertThat(db.inputs()).doesNotContainKeys("password", "masterPassword");
            assertThat(db.input("iamDatabaseAuthenticationEnabled")).isEqualTo(true);

            PlannedResource params = data.named(name + "-params");
            assertThat((List<Map<String, Object>>) params.input("parameters")).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("name", "rds.force_ssl").containsEntry("value", "1"));
            Object group = db.type().equals("aws:rds/cluster:Cluster") ? db.input("dbClusterParameterGroupName") : db.input("parameterGroupName");
            assertThat(group).isEqualTo(params.input("name"));
        }
        assertThat(prodData.ofType("aws:rds/clusterInstance:ClusterInstance")).allSatisfy(i -> {
            assertThat(i.input("performanceInsightsEnabled")).isEqualTo(true);
            assertThat(i.input("performanceInsightsKmsKeyId")).isEqualTo(database(prodData).input("kmsKeyId"));
            assertThat(i.input("monitoringInterval")).isEqualTo(60L);
        });
    }

    @Test
    void production_keeps_its_database_whatever_a_change_or_a_destroy_asks() {
        PlannedResource cluster = database(prodData);
        assertThat(cluster.input("deletionProtection")).isEqualTo(true);
        assertThat(cluster.input("skipFinalSnapshot")).isEqualTo(false);
        assertThat(cluster.input("finalSnapshotIdentifier")).isEqualTo("prod-db-final");
        assertThat(cluster.input("backupRetentionPeriod")).isEqualTo(30L);
        List<PlannedResource> kept = List.of(cluster, prodData.named("prod-db-key"), prodData.named("prod-db-1"), prodData.named("prod-db-2"));
        assertThat(prodData.resources()).filteredOn(PlannedResource::protect).containsExactlyInAnyOrderElementsOf(kept);
        for (PlannedResource r : kept) {
            String protectedName = r.name();
            assertThat(r.protect()).as(protectedName + " protect").isTrue();
            assertThat(r.retainOnDelete()).as(protectedName + " retainOnDelete").isTrue();
        }

        PlannedResource devDb = database(devData);
        assertThat(devDb.input("deletionProtection")).isEqualTo(false);
        assertThat(devDb.input("skipFinalSnapshot")).isEqualTo(true);
        assertThat(devDb.input("finalSnapshotIdentifier")).isNull();
        assertThat(devDb.input("backupRetentionPeriod")).isEqualTo(7L);
        assertThat(devData.resources()).noneMatch(PlannedResource::protect).noneMatch(PlannedResource::retainOnDelete);
    }

    @Test
    void alarms_notify_the_environment_s_alert_topic() throws Exception {
        String topic = (String) dev.outputs().get("alertTopicArn");
        List<PlannedResource> alarms = devData.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarms).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("dev-db-cpu", "dev-db-freeable-memory", "dev-db-connections", "dev-db-free-storage");
        assertThat(alarms).allSatisfy(a -> {
            assertThat((List<Object>) a.input("alarmActions")).containsExactly(topic);
            assertThat(a.input("dimensions")).isEqualTo(Map.of("DBInstanceIdentifier", "dev-db"));
        });
        assertThat(prodData.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("prod-db-cpu", "prod-db-freeable-memory", "prod-db-connections", "prod-db-acu-utilization",
                        "prod-db-replica-lag");
        JsonNode outputs = JSON.valueToTree(devData.outputs());
        assertThat(outputs.get("databaseMasterSecretArn").asText()).startsWith("arn:aws:secretsmanager:eu-west-1:222222222222:secret:rds!db-");
    }

    private static PlannedResource database(StackPlan data) {
        List<PlannedResource> found = data.resources().stream()
                .filter(r -> r.type().equals("aws:rds/cluster:Cluster") || r.type().equals("aws:rds/instance:Instance")).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
