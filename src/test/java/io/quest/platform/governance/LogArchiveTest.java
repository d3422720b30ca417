package io.quest.platform.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The log archive as the shared stack plans it. */
class LogArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan shared;
    private static PlannedResource bucket;
    private static PlannedResource key;

    @BeforeAll
    static void plan() {
        shared = PlanFixture.repository().stack("shared");
        bucket = shared.named("log-archive-bucket");
        key = shared.named("log-archive-key");
    }

    @Test
    void bucket_and_key_are_protected_and_retained_even_outside_production() {
        StackPlan notProduction = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED), "shared").stack("shared");

        for (StackPlan plan : List.of(shared, notProduction)) {
            assertThat(List.of(plan.named("log-archive-bucket"), plan.named("log-archive-key")))
                    .allSatisfy(r -> assertThat(r.protect()).isTrue())
                    .allSatisfy(r -> assertThat(r.retainOnDelete()).isTrue());
        }
        assertThat(bucket.input("forceDestroy")).isEqualTo(false);
    }

    @Test
    void objects_are_encrypted_with_the_archive_key_which_rotates() {
        PlannedResource encryption = shared.named("log-archive-encryption");
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) encryption.input("rules")).get(0);
        Map<?, ?> byDefault = (Map<?, ?>) rule.get("applyServerSideEncryptionByDefault");

        assertThat(byDefault.get("sseAlgorithm")).isEqualTo("aws:kms");
        assertThat(byDefault.get("kmsMasterKeyId")).isEqualTo(shared.outputs().get("logArchiveKeyArn"));
        assertThat(encryption.input("bucket")).isEqualTo(bucket.id());
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
    }

    @Test
    void public_access_is_blocked_four_ways_acls_are_off_and_versions_are_kept() {
        PlannedResource block = shared.named("log-archive-public-access");
        assertThat(List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"))
                .allSatisfy(flag -> assertThat(block.input(flag)).as(flag).isEqualTo(true));
        assertThat(shared.named("log-archive-ownership").input("rule", "objectOwnership")).isEqualTo("BucketOwnerEnforced");
        assertThat(shared.named("log-archive-versioning").input("versioningConfiguration", "status")).isEqualTo("Enabled");
    }

    @Test
    void the_bucket_policy_is_the_archive_policy_for_this_bucket_and_every_platform_account() throws Exception {
        PlannedResource policy = shared.named("log-archive-policy");
        String expected = LogArchivePolicies.bucketPolicy((String) shared.outputs().get("logArchiveBucketArn"),
                List.of("111111111111", "222222222222", "333333333333")).toJson();

        assertThat(JSON.readTree((String) policy.input("policy"))).isEqualTo(JSON.readTree(expected));
        assertThat(policy.dependencies()).as("applied after the public access block").contains(shared.named("log-archive-public-access").urn());
    }

    @Test
    void logs_move_to_glacier_instant_retrieval_then_expire_as_configured() {
        PlannedResource lifecycle = shared.named("log-archive-lifecycle");
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) lifecycle.input("rules")).get(0);

        assertThat(rule.get("status")).isEqualTo("Enabled");
        assertThat((List<?>) rule.get("transitions")).singleElement()
                .isEqualTo(Map.of("days", 90L, "storageClass", "GLACIER_IR"));
        assertThat(((Map<?, ?>) rule.get("expiration")).get("days")).isEqualTo(2557L);
        assertThat(lifecycle.dependencies()).contains(shared.named("log-archive-versioning").urn());
    }
}
