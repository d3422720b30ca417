package io.quest.platform.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the service's tasks receive the database: the SSM parameters the data stack writes, read by ECS at task start
 * through exactly those grants on the execution role; the master secret read by the application with its task role,
 * which the data stack grants that one secret and its key through Secrets Manager only. Nothing of it without a data stack.
 */
@SuppressWarnings("unchecked")
class DatabaseClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;

    @BeforeAll
    static void planRepository() {
        plan = PlanFixture.repository();
    }

    @Test
    void the_tasks_read_exactly_the_parameters_their_data_stack_writes() {
        for (String env : List.of("dev", "prod")) {
            StackPlan service = plan.stack(env);
            StackPlan data = plan.stack(env + "-data");
            String account = env.equals("dev") ? "222222222222" : "333333333333";
            Map<String, String> written = data.ofType("aws:ssm/parameter:Parameter").stream()
                    .collect(Collectors.toMap(PlannedResource::name,
                            p -> "arn:aws:ssm:eu-west-1:" + account + ":parameter" + p.input("name")));
            assertThat(written).hasSize(3);

            Map<String, String> secrets = secrets(service);
            assertThat(secrets).containsEntry("PGHOST", written.get(env + "-db-endpoint"))
                    .containsEntry("PGDATABASE", written.get(env + "-db-name"))
                    .containsEntry("DATABASE_SECRET_ARN", written.get(env + "-db-master-secret-arn"));
            assertThat(environment(service)).containsEntry("PGPORT", "5432");
            // No password reaches the container: it would go stale at the secret's first rotation.
            assertThat(secrets.values()).noneMatch(v -> v.contains(":secretsmanager:") && v.contains("rds!"));

            Map<String, Map<String, Object>> execution = statements(String.valueOf(service.named(env + "-web-execution-policy").input("policy")));
            assertThat(execution.get("ReadDatabaseParameters").get("Action")).isEqualTo("ssm:GetParameters");
            assertThat((List<String>) execution.get("ReadDatabaseParameters").get("Resource"))
                    .containsExactlyInAnyOrderElementsOf(written.values());
            // The service's own parameters stay in their own statement; no statement names the database's secret or key.
            assertThat(String.valueOf(execution.getOrDefault("ReadParameters", Map.of()).get("Resource"))).doesNotContain("/database/");
            assertThat(String.valueOf(service.named(env + "-web-execution-policy").input("policy"))).doesNotContain("rds!", "kms:");
        }
    }

    @Test
    void the_data_stack_grants_the_task_role_its_master_secret_and_the_key_only_through_secrets_manager() {
        for (String env : List.of("dev", "prod")) {
            StackPlan service = plan.stack(env);
            StackPlan data = plan.stack(env + "-data");
            String account = env.equals("dev") ? "222222222222" : "333333333333";
            PlannedResource grant = data.named(env + "-db-client");
            assertThat(data.ofType("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> p.name().endsWith("-db-client")).hasSize(1);

            // The role is the environment's task role, as the environment stack exports it.
            PlannedResource taskRole = service.named(env + "-web-task");
            assertThat(grant.input("role")).isEqualTo(service.outputs().get("taskRoleName"));
            assertThat(service.outputs().get("taskRoleName")).isEqualTo(taskRole.id());

            Map<String, Map<String, Object>> statements = statements(String.valueOf(grant.input("policy")));
            assertThat(statements).containsOnlyKeys("ReadMasterSecret", "DecryptMasterSecret");
            String secretArn = data.outputs().get("databaseMasterSecretArn").toString();
            String keyArn = "arn:aws:kms:eu-west-1:" + account + ":key/" + data.named(env + "-db-key").id();
            assertThat(secretArn).startsWith("arn:aws:secretsmanager:eu-west-1:" + account + ":secret:rds!");
            assertThat(statements.get("ReadMasterSecret").get("Action")).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(statements.get("ReadMasterSecret").get("Resource")).isEqualTo(secretArn);
            assertThat(statements.get("DecryptMasterSecret").get("Action")).isEqualTo("kms:Decrypt");
            assertThat(statements.get("DecryptMasterSecret").get("Resource")).isEqualTo(keyArn);
            Map<String, Map<String, Object>> condition = (Map<String, Map<String, Object>>) statements.get("DecryptMasterSecret").get("Condition");
            assertThat(condition.get("StringEquals")).containsEntry("kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com")
                    .containsEntry("kms:EncryptionContext:SecretARN", secretArn);
        }
    }

    @Test
    void an_environment_without_a_data_stack_gets_no_database_variables_and_no_grant() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.remove("dev-data");
        files.put("dev", files.get("dev").replace("    database: true\n", ""));
        assertThat(files.get("dev")).doesNotContain("database: true");
        files.put("shared", files.get("shared").replace("dataStacks: [dev, prod]", "dataStacks: [prod]"));
        StackPlan dev = PlanFixture.plan(files, "dev").stack("dev");

        assertThat(secrets(dev)).doesNotContainKeys("PGHOST", "PGDATABASE", "DATABASE_SECRET_ARN");
        assertThat(environment(dev)).doesNotContainKey("PGPORT");
        String policy = String.valueOf(dev.named("dev-web-execution-policy").input("policy"));
        assertThat(statements(policy)).doesNotContainKey("ReadDatabaseParameters");
        assertThat(policy).doesNotContain("/database/");
        assertThat(secrets(dev)).containsKey("SECRET_WORD");
    }

    @Test
    void a_service_told_to_read_a_database_no_data_stack_writes_is_refused() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.remove("dev-data");
        files.put("shared", files.get("shared").replace("dataStacks: [dev, prod]", "dataStacks: [prod]"));

        assertThat(PlanFixture.failure(files)).contains("quest-platform:service.database of stack dev is true, but no data stack of this "
                + "project reads dev (quest-platform:environmentStack), so its tasks would wait for parameters nobody writes; add dev-data or set it false");
    }

    @Test
    void the_platform_s_database_variables_are_not_the_service_s_own_to_set() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("dev", files.get("dev").replace("      NODE_ENV: production\n", "      NODE_ENV: production\n      PGHOST: localhost\n"));

        assertThat(PlanFixture.failure(files)).contains("quest-platform:service.environment: \"PGHOST\" is set by the platform when "
                + "quest-platform:service.database is true (the database's connection); expected another name");
    }

    private static Map<String, Object> container(StackPlan stack) {
        try {
            List<Map<String, Object>> containers = JSON.readValue(String.valueOf(
                    stack.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0).input("containerDefinitions")), new TypeReference<>() { });
            assertThat(containers).hasSize(1);
            return containers.get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> secrets(StackPlan stack) {
        return pairs((List<Map<String, String>>) container(stack).getOrDefault("secrets", List.of()), "valueFrom");
    }

    private static Map<String, String> environment(StackPlan stack) {
        return pairs((List<Map<String, String>>) container(stack).getOrDefault("environment", List.of()), "value");
    }

    private static Map<String, String> pairs(List<Map<String, String>> list, String valueKey) {
        Map<String, String> map = new LinkedHashMap<>();
        list.forEach(entry -> map.put(entry.get("name"), entry.get(valueKey)));
        return map;
    }

    private static Map<String, Map<String, Object>> statements(String policy) {
        try {
            Map<String, Object> doc = JSON.readValue(policy, new TypeReference<>() { });
            Map<String, Map<String, Object>> bySid = new LinkedHashMap<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("Statement")) {
                bySid.put(String.valueOf(s.get("Sid")), s);
            }
            return bySid;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
