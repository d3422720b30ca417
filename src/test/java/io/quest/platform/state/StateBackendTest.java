package io.quest.platform.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state bucket, its key and its access logs as the repository's shared stack plans them. */
class StateBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan shared;
    private static PlannedResource bucket;
    private static PlannedResource key;
    private static PlannedResource logs;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
        bucket = shared.named("state-bucket");
        key = shared.named("state-key");
        logs = shared.named("state-access-logs");
    }

    @Test
    void buckets_and_key_are_protected_and_retained_even_outside_production() {
        StackPlan notProduction = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED), "shared").stack("shared");

        for (StackPlan plan : List.of(shared, notProduction)) {
            assertThat(List.of(plan.named("state-bucket"), plan.named("state-key"), plan.named("state-access-logs")))
                    .allSatisfy(r -> assertThat(r.protect()).as(r.name()).isTrue())
                    .allSatisfy(r -> assertThat(r.retainOnDelete()).as(r.name()).isTrue());
        }
        assertThat(bucket.input("forceDestroy")).isEqualTo(false);
        assertThat(logs.input("forceDestroy")).isEqualTo(false);
    }

    @Test
    void state_is_encrypted_with_the_state_key_which_rotates_and_which_the_outputs_name() {
        Map<?, ?> byDefault = encryption("state-encryption");

        assertThat(byDefault.get("sseAlgorithm")).isEqualTo("aws:kms");
        assertThat(byDefault.get("kmsMasterKeyId")).isEqualTo(shared.outputs().get("stateKeyArn"));
        assertThat(shared.named("state-encryption").input("bucket")).isEqualTo(bucket.id());
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
        assertThat(key.input("deletionWindowInDays")).isEqualTo(30L);
        assertThat(shared.outputs().get("stateBucketName")).isEqualTo(bucket.id());
        assertThat(shared.named("state-key-alias").input("name")).isEqualTo("alias/quest-platform-state");
        assertThat(StateBackend.secretsProvider("eu-west-1")).isEqualTo("awskms://alias/quest-platform-state?region=eu-west-1");
    }

    @Test
    void public_access_is_blocked_four_ways_acls_are_off_and_versions_are_kept() {
        for (String bucketName : List.of("state", "state-access-logs")) {
            PlannedResource block = shared.named(bucketName + "-public-access");
            assertThat(List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"))
                    .allSatisfy(flag -> assertThat(block.input(flag)).as(bucketName + " " + flag).isEqualTo(true));
            assertThat(shared.named(bucketName + "-ownership").input("rule", "objectOwnership")).isEqualTo("BucketOwnerEnforced");
        }
        assertThat(shared.named("state-versioning").input("versioningConfiguration", "status")).isEqualTo("Enabled");
        assertThat(shared.named("state-versioning").input("bucket")).isEqualTo(bucket.id());
    }

    @Test
    void replaced_versions_expire_after_the_configured_days() {
        Map<?, ?> rule = lifecycleRule(shared.named("state-lifecycle"));
        assertThat(rule.get("status")).isEqualTo("Enabled");
        assertThat(rule.get("noncurrentVersionExpiration")).isEqualTo(Map.of("noncurrentDays", 90L));
        assertThat(rule.get("expiration")).as("no current state object ever expires").isEqualTo(Map.of("expiredObjectDeleteMarker", true));
        assertThat(shared.named("state-lifecycle").dependencies()).contains(shared.named("state-versioning").urn());

        String configured = PlanFixture.SHARED + "  quest-platform:state: {noncurrentVersionDays: 30, accessLogDays: 60}\n";
        StackPlan plan = PlanFixture.plan(Map.of("shared", configured), "shared").stack("shared");
        assertThat(lifecycleRule(plan.named("state-lifecycle")).get("noncurrentVersionExpiration")).isEqualTo(Map.of("noncurrentDays", 30L));
        assertThat(lifecycleRule(plan.named("state-access-logs-lifecycle")).get("expiration")).isEqualTo(Map.of("days", 60L));
    }

    @Test
    void requests_are_logged_to_a_bucket_with_s3_managed_encryption_that_only_log_delivery_writes() throws Exception {
        PlannedResource logging = shared.named("state-logging");
        assertThat(logging.input("bucket")).isEqualTo(bucket.id());
        assertThat(logging.input("targetBucket")).isEqualTo(logs.id());
        assertThat(logging.input("targetPrefix")).isEqualTo("state/");
        assertThat(logging.dependencies()).as("after log delivery may write").contains(shared.named("state-access-logs-policy").urn());

        // S3 delivers access logs only to SSE-S3 buckets: never the log archive's KMS key.
        assertThat(encryption("state-access-logs-encryption")).isEqualTo(Map.of("sseAlgorithm", "AES256"));
        assertThat(logging.input("targetBucket")).isNotEqualTo(shared.named("log-archive-bucket").id());

        String logsArn = "arn:aws:s3:::" + logs.id();
        String expected = StatePolicies.accessLogPolicy(logsArn, "state/", "arn:aws:s3:::" + bucket.id(), "111111111111").toJson();
        assertThat(JSON.readTree((String) shared.named("state-access-logs-policy").input("policy"))).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void bucket_and_key_policies_grant_the_planned_ci_roles_what_the_grants_say() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> deploy = (Map<String, String>) shared.outputs().get("ciDeployRoleArns");
        StateGrants grants = new StateGrants(new StateObjects("quest-platform"), "shared",
                (String) shared.outputs().get("ciPreviewRoleArn"), deploy, Map.of("prod", List.of("dev")), java.util.Set.of("dev", "prod"),
                java.util.Optional.of(new ReviewGrant("arn:aws:iam::111111111111:role/quest-platform-ci-review", "dev")));
        String bucketArn = "arn:aws:s3:::" + bucket.id();
        PlannedResource policy = shared.named("state-policy");

        assertThat(JSON.readTree((String) policy.input("policy"))).isEqualTo(JSON.readTree(
                StatePolicies.bucketPolicy(bucketArn, (String) shared.outputs().get("stateKeyArn"), grants).toJson()));
        assertThat(JSON.readTree((String) key.input("policy"))).isEqualTo(JSON.readTree(
                StatePolicies.keyPolicy("111111111111", "eu-west-1", bucketArn, grants).toJson()));
        assertThat(policy.dependencies()).as("applied after the public access block").contains(shared.named("state-public-access").urn());
        assertThat(deploy).containsOnlyKeys("dev", "prod");
        assertThat(policy.dependencies()).as("the roles exist before a policy names them")
                .contains(shared.named("ci-preview").urn(), shared.named("ci-deploy-dev").urn(), shared.named("ci-deploy-prod").urn(),
                        shared.named("review-ci").urn());
    }

    @Test
    void the_cost_estimate_counts_the_state_key() {
        assertThat(shared.cost().items()).filteredOn(i -> i.urn().equals(key.urn())).singleElement()
                .satisfies(i -> assertThat(i.item()).isEqualTo("KMS key"))
                .satisfies(i -> assertThat(i.monthlyUsd()).isEqualTo(1.0));
    }

    private static Map<?, ?> encryption(String name) {
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) shared.named(name).input("rules")).get(0);
        return (Map<?, ?>) rule.get("applyServerSideEncryptionByDefault");
    }

    private static Map<?, ?> lifecycleRule(PlannedResource lifecycle) {
        return (Map<?, ?>) ((List<?>) lifecycle.input("rules")).get(0);
    }
}
