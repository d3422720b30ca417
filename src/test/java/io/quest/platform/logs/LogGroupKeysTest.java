package io.quest.platform.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every log group of every stack has a customer managed key of its own, whose policy admits CloudWatch Logs of the
 * stack's region for that log group's ARN and nothing else; production's and the shared account's audit logs and
 * their keys are protected and kept on delete.
 */
class LogGroupKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String KEY = "aws:kms/key:Key";
    private static final Map<String, String> ACCOUNTS = Map.of("shared", "111111111111", "dev", "222222222222", "prod", "333333333333");

    @Test
    void every_log_group_has_a_key_whose_policy_admits_cloudwatch_logs_for_that_log_group_only() throws Exception {
        Plan plan = PlanFixture.repository();
        int checked = 0;
        for (StackPlan stack : plan.stacks()) {
            String account = ACCOUNTS.get(stack.stack());
            for (PlannedResource logGroup : stack.ofType(LOG_GROUP)) {
                String keyArn = String.valueOf(logGroup.input("kmsKeyId"));
                List<PlannedResource> keys = stack.ofType(KEY).stream().filter(k -> keyArn.endsWith(":key/" + k.id())).toList();
                assertThat(keys).as("the key of " + logGroup.name() + " in " + stack.stack()).hasSize(1);
                PlannedResource key = keys.get(0);
                assertThat(key.inputs()).containsEntry("enableKeyRotation", true);

                JsonNode logs = logsStatement(key);
                assertThat(logs.get("Principal").get("Service").asText()).isEqualTo("logs.eu-west-1.amazonaws.com");
                assertThat(logs.get("Action")).extracting(JsonNode::asText)
                        .containsExactly("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*");
                String prefix = (String) logGroup.input("namePrefix");
                String arnBase = "arn:aws:logs:eu-west-1:" + account + ":log-group:";
                if (prefix == null) {
                    assertThat(logs.get("Condition").get("ArnEquals").get("kms:EncryptionContext:aws:logs:arn").asText())
                            .as(logGroup.name()).isEqualTo(arnBase + logGroup.input("name"));
                } else {
                    assertThat(logs.get("Condition").get("ArnLike").get("kms:EncryptionContext:aws:logs:arn").asText())
                            .as(logGroup.name()).isEqualTo(arnBase + prefix + "*");
                }
                assertThat(logs.get("Condition").size()).as("one condition, no other way in").isEqualTo(1);
                // the key serves this log group alone
                assertThat(stack.ofType(LOG_GROUP)).filteredOn(other -> keyArn.equals(other.input("kmsKeyId"))).hasSize(1);
                checked++;
            }
        }
        // dev: trail, flow logs, service; prod: the same and its web firewall; shared: its trail
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void production_and_shared_audit_logs_and_their_keys_are_protected_and_kept_and_dev_s_are_not() {
        Plan plan = PlanFixture.repository();
        for (String name : List.of("prod-trail-logs", "prod-trail-logs-key", "prod-flow-logs", "prod-flow-logs-key")) {
            assertThat(plan.stack("prod").named(name)).as(name).satisfies(r -> {
                assertThat(r.protect()).isTrue();
                assertThat(r.retainOnDelete()).isTrue();
            });
        }
        for (String name : List.of("shared-trail-logs", "shared-trail-logs-key")) {
            assertThat(plan.stack("shared").named(name)).as(name).satisfies(r -> {
                assertThat(r.protect()).isTrue();
                assertThat(r.retainOnDelete()).isTrue();
            });
        }
        for (String name : List.of("dev-trail-logs", "dev-trail-logs-key", "dev-flow-logs", "dev-flow-logs-key")) {
            assertThat(plan.stack("dev").named(name)).as(name).satisfies(r -> {
                assertThat(r.protect()).isFalse();
                assertThat(r.retainOnDelete()).isFalse();
            });
        }
    }

    @Test
    void the_key_policy_names_an_exact_log_group_with_arn_equals_and_a_prefixed_one_with_arn_like() throws Exception {
        JsonNode exact = JSON.readTree(LogGroupKeyPolicy.document("222222222222", "eu-west-1", LogGroupName.exactly("/quest/dev-trail")).toJson());
        assertThat(exact.at("/Statement/1/Condition/ArnEquals").toString())
                .isEqualTo("{\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:eu-west-1:222222222222:log-group:/quest/dev-trail\"}");
        JsonNode prefixed = JSON.readTree(LogGroupKeyPolicy.document("222222222222", "eu-west-1",
                LogGroupName.startingWith("/quest/dev/vpc-flow-logs-")).toJson());
        assertThat(prefixed.at("/Statement/1/Condition/ArnLike").toString())
                .isEqualTo("{\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:eu-west-1:222222222222:log-group:/quest/dev/vpc-flow-logs-*\"}");
        assertThat(exact.at("/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::222222222222:root");
        assertThat(exact.get("Statement")).hasSize(2);
    }

    @Test
    void a_name_cloudwatch_logs_refuses_is_rejected() {
        assertThatThrownBy(() -> LogGroupName.exactly("/quest/dev trail"))
                .hasMessage("not a CloudWatch Logs log group name: /quest/dev trail");
        assertThatThrownBy(() -> LogGroupName.exactly(""))
                .hasMessage("not a CloudWatch Logs log group name: ");
    }

    private static JsonNode logsStatement(PlannedResource key) throws Exception {
        JsonNode statements = JSON.readTree((String) key.input("policy")).get("Statement");
        assertThat(statements).hasSize(2);
        for (JsonNode s : statements) {
            if (s.get("Principal").has("Service")) {
                return s;
            }
        }
        throw new AssertionError("no CloudWatch Logs statement in the key policy of " + key.name());
    }
}
