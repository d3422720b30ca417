package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.policy.Finding;
import io.quest.platform.policy.Severity;
import io.quest.platform.storage.AccessLogBucket;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 logging across the repository's platform: the shared account's trail records the object reads and writes of the log
 * archive and the state bucket (CloudTrail data events), and every bucket logs its requests (S3 server access logging,
 * FSBP S3.9) to an access-log bucket of its account that only S3's log delivery may write, for that bucket only; the
 * access-log buckets themselves are the written exception.
 */
class S3LoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan platform;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        platform = PlanFixture.repository();
        shared = platform.stack("shared");
    }

    @Test
    void the_trail_logs_data_events_of_the_archive_bucket_and_the_state_bucket() {
        PlannedResource trail = shared.named("shared-trail");
        List<?> selectors = (List<?>) trail.input("eventSelectors");
        assertThat(selectors).hasSize(1);
        Map<?, ?> selector = (Map<?, ?>) selectors.get(0);
        // Management events stay as they were: the CIS metric filters read them.
        assertThat(selector.get("includeManagementEvents")).isEqualTo(true);
        assertThat(selector.get("readWriteType")).isEqualTo("All");
        Map<?, ?> data = (Map<?, ?>) ((List<?>) selector.get("dataResources")).get(0);
        assertThat(data.get("type")).isEqualTo("AWS::S3::Object");
        assertThat(((List<?>) data.get("values")).stream().map(String::valueOf).toList()).containsExactlyInAnyOrder(
                shared.outputs().get("logArchiveBucketArn") + "/",
                "arn:aws:s3:::" + shared.outputs().get("stateBucketName") + "/");
    }

    @Test
    void workload_trails_record_management_events_only() {
        for (String env : List.of("dev", "prod")) {
            assertThat(platform.stack(env).named(env + "-trail").input("eventSelectors")).as(env).isNull();
        }
    }

    @Test
    void every_bucket_but_the_access_log_buckets_logs_to_an_access_log_bucket_that_admits_only_its_logs() throws Exception {
        int logged = 0;
        int logBuckets = 0;
        for (StackPlan stack : platform.stacks()) {
            List<PlannedResource> buckets = stack.ofType("aws:s3/bucketV2:BucketV2");
            List<PlannedResource> logging = stack.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2");
            for (PlannedResource bucket : buckets) {
                Optional<PlannedResource> log = logging.stream().filter(l -> bucket.id().equals(l.input("bucket"))).findFirst();
                if (accessLogBucket(bucket)) {
                    logBuckets++;
                    assertThat(log).as(bucket.name() + " does not log to itself or anywhere").isEmpty();
                    continue;
                }
                assertThat(log).as(bucket.name() + " has server access logging").isPresent();
                PlannedResource target = buckets.stream().filter(b -> b.id().equals(log.get().input("targetBucket"))).findFirst().orElseThrow();
                assertThat(accessLogBucket(target)).as(target.name()).isTrue();
                assertThat(sseAlgorithm(stack, target)).as("S3 delivers access logs only to SSE-S3").isEqualTo("AES256");
                JsonNode write = statement(stack, target, "S3ServerAccessLogDelivery");
                assertThat(write.path("Principal").path("Service").asText()).isEqualTo("logging.s3.amazonaws.com");
                assertThat(write.path("Condition").path("ArnLike").path("aws:SourceArn").asText()).isEqualTo("arn:aws:s3:::" + bucket.id());
                assertThat(write.path("Resource").asText()).isEqualTo("arn:aws:s3:::" + target.id() + "/" + log.get().input("targetPrefix") + "*");
                assertThat(log.get().dependencies()).as("logging starts once the delivery may write")
                        .contains(stack.named(target.name() + "-policy").urn());
                logged++;
            }
        }
        // shared: log archive, state; dev and prod: ALB logs, canary artifacts. Each has its own access-log bucket.
        assertThat(logged).isEqualTo(6);
        assertThat(logBuckets).isEqualTo(6);
    }

    @Test
    void the_archive_logs_its_requests_to_a_bucket_kept_like_the_archive() {
        PlannedResource logs = shared.named("log-archive-access-logs");
        assertThat(logs.protect()).isTrue();
        assertThat(logs.retainOnDelete()).isTrue();
        assertThat(logs.input("forceDestroy")).isEqualTo(false);
        assertThat(shared.named("log-archive-logging").input("targetBucket")).isEqualTo(logs.id());
        assertThat(shared.named("log-archive-logging").input("targetPrefix")).isEqualTo(LogArchive.ACCESS_LOG_PREFIX);
    }

    @Test
    void each_access_log_bucket_is_a_written_exception_and_each_trail_s_partial_data_events_too() {
        for (StackPlan stack : platform.stacks()) {
            long logBuckets = stack.ofType("aws:s3/bucketV2:BucketV2").stream().filter(S3LoggingTest::accessLogBucket).count();
            List<Finding> s39 = stack.findings().stream().filter(f -> f.message().contains("FSBP S3.9")).toList();
            assertThat(s39).as(stack.stack()).hasSize((int) logBuckets)
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.low))
                    .allSatisfy(f -> assertThat(f.message()).contains("Compensating control:"));
            long trails = stack.ofType("aws:cloudtrail/trail:Trail").size();
            assertThat(stack.findings()).filteredOn(f -> f.message().startsWith("Security Hub S3.22 and S3.23")).as(stack.stack())
                    .hasSize((int) trails);
        }
    }

    private static boolean accessLogBucket(PlannedResource bucket) {
        return bucket.input("tags") instanceof Map<?, ?> tags && AccessLogBucket.TAG_VALUE.equals(tags.get(AccessLogBucket.TAG_KEY));
    }

    private static Object sseAlgorithm(StackPlan stack, PlannedResource bucket) {
        PlannedResource sse = stack.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .stream().filter(e -> bucket.id().equals(e.input("bucket"))).findFirst().orElseThrow();
        return ((Map<?, ?>) ((Map<?, ?>) ((List<?>) sse.input("rules")).get(0)).get("applyServerSideEncryptionByDefault")).get("sseAlgorithm");
    }

    private static JsonNode statement(StackPlan stack, PlannedResource bucket, String sid) throws Exception {
        PlannedResource policy = stack.ofType("aws:s3/bucketPolicy:BucketPolicy").stream()
                .filter(p -> bucket.id().equals(p.input("bucket"))).findFirst().orElseThrow();
        for (JsonNode s : JSON.readTree((String) policy.input("policy")).path("Statement")) {
            if (sid.equals(s.path("Sid").asText())) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in the policy of " + bucket.name());
    }
}
