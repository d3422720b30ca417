package io.quest.platform.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Central log aggregation as the repository's platform plans it: the shared account's destination admits the member
 * accounts alone, every subscription filter of the workload stacks names it, and the stream writes the archive
 * compressed and encrypted with the archive's key, partitioned by account, environment and kind.
 */
@SuppressWarnings("unchecked")
class LogAggregationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan shared;

    @BeforeAll
    static void planRepository() {
        plan = PlanFixture.repository();
        shared = plan.stack("shared");
    }

    @Test
    void the_destination_admits_the_platform_s_member_accounts_and_nobody_else() {
        List<PlannedResource> destinations = shared.ofType("aws:cloudwatch/logDestination:LogDestination");
        List<PlannedResource> policies = shared.ofType("aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy");
        assertThat(destinations).hasSize(1);
        assertThat(policies).hasSize(1);
        String destinationArn = destinationArn();
        assertThat(destinationArn).isEqualTo("arn:aws:logs:eu-west-1:111111111111:destination:quest-platform-logs");
        assertThat(policies.get(0).input("destinationName")).isEqualTo("quest-platform-logs");

        List<Map<String, Object>> statements = statements(policies.get(0).input("accessPolicy"));
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.get("Effect")).isEqualTo("Allow");
            assertThat(s.get("Action")).isEqualTo("logs:PutSubscriptionFilter");
            assertThat(s.get("Resource")).isEqualTo(destinationArn);
            assertThat((List<String>) ((Map<String, Object>) s.get("Principal")).get("AWS"))
                    .containsExactlyInAnyOrder("arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root");
        });
    }

    @Test
    void every_subscription_filter_of_the_workload_stacks_names_the_shared_destination() {
        String destinationArn = destinationArn();
        int filters = 0;
        for (StackPlan stack : plan.stacks()) {
            if (stack.stack().equals("shared")) {
                continue;
            }
            for (PlannedResource filter : stack.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter")) {
                assertThat(filter.input("destinationArn")).as(filter.name()).isEqualTo(destinationArn);
                assertThat(filter.input("roleArn")).as(filter.name() + ": a cross-account destination takes no role").isNull();
                assertThat(filter.input("filterPattern")).isEqualTo("");
                filters++;
            }
        }
        // dev and prod each ship their service, flow-log and trail log groups; data stacks own no log group.
        assertThat(filters).isEqualTo(6);
        for (String env : List.of("dev", "prod")) {
            StackPlan stack = plan.stack(env);
            Map<Object, Object> byName = new java.util.HashMap<>();
            stack.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter")
                    .forEach(f -> byName.put(f.input("name"), f.input("logGroup")));
            assertThat(byName).containsOnlyKeys("quest-archive." + env + ".service", "quest-archive." + env + ".flowlogs",
                    "quest-archive." + env + ".trail");
            assertThat(byName.get("quest-archive." + env + ".service")).isEqualTo("/quest/" + env + "-web");
            assertThat(byName.get("quest-archive." + env + ".trail")).isEqualTo(stack.named(env + "-trail-logs").id());
            assertThat(byName.get("quest-archive." + env + ".flowlogs")).isEqualTo(stack.named(env + "-flow-logs").id());
        }
    }

    @Test
    void the_stream_writes_the_archive_compressed_encrypted_with_its_key_and_partitioned() {
        List<PlannedResource> streams = shared.ofType("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
        assertThat(streams).hasSize(1);
        PlannedResource stream = streams.get(0);
        assertThat(stream.input("destination")).isEqualTo("extended_s3");
        assertThat(stream.input("serverSideEncryption", "enabled")).isEqualTo(true);

        Map<String, Object> s3 = (Map<String, Object>) stream.input("extendedS3Configuration");
        assertThat(s3.get("compressionFormat")).isEqualTo("GZIP");
        assertThat(s3.get("bucketArn")).isEqualTo(shared.outputs().get("logArchiveBucketArn"));
        assertThat(s3.get("kmsKeyArn")).isEqualTo(shared.outputs().get("logArchiveKeyArn"));
        assertThat((String) s3.get("prefix")).startsWith("logs/account=!{partitionKeyFromQuery:account}/"
                + "environment=!{partitionKeyFromQuery:environment}/type=!{partitionKeyFromQuery:type}/");
        assertThat((String) s3.get("errorOutputPrefix")).startsWith("logs-errors/");
        assertThat(((Map<String, Object>) s3.get("dynamicPartitioningConfiguration")).get("enabled")).isEqualTo(true);
        assertThat(((Number) s3.get("bufferingSize")).intValue()).isGreaterThanOrEqualTo(64);

        List<Map<String, Object>> processors = (List<Map<String, Object>>) ((Map<String, Object>) s3.get("processingConfiguration")).get("processors");
        assertThat(processors).extracting(p -> p.get("type")).containsExactly("Decompression", "MetadataExtraction", "AppendDelimiterToRecord");
        // Only types the Firehose API knows (API Reference, Processor.Type, read 2026-12-02); no message extraction,
        // which would drop the owner and subscriptionFilters the partition keys read.
        assertThat(processors).extracting(p -> (String) p.get("type"))
                .allMatch(List.of("RecordDeAggregation", "Decompression", "CloudWatchLogProcessing", "Lambda", "MetadataExtraction",
                        "AppendDelimiterToRecord")::contains)
                .doesNotContain("CloudWatchLogProcessing", "Lambda");
        assertThat((List<Map<String, Object>>) processors.get(0).get("parameters"))
                .containsExactly(Map.of("parameterName", "CompressionFormat", "parameterValue", "GZIP"));
        assertThat((List<Map<String, Object>>) processors.get(1).get("parameters"))
                .contains(Map.of("parameterName", "JsonParsingEngine", "parameterValue", "JQ-1.6"),
                        Map.of("parameterName", "MetadataExtractionQuery", "parameterValue", LogAggregation.PARTITION_QUERY));
    }

    @Test
    void cloudwatch_logs_reaches_the_stream_only_for_the_platform_s_accounts_and_only_the_stream() {
        String streamArn = "arn:aws:firehose:eu-west-1:111111111111:deliverystream/quest-platform-logs";
        PlannedResource destination = shared.ofType("aws:cloudwatch/logDestination:LogDestination").get(0);
        assertThat(destination.input("targetArn")).isEqualTo(streamArn);
        PlannedResource role = shared.named("log-aggregation-logs");
        assertThat(destination.input("roleArn")).isEqualTo("arn:aws:iam::111111111111:role/" + role.id());

        Map<String, Object> trust = statements(role.input("assumeRolePolicy")).get(0);
        assertThat(((Map<String, Object>) trust.get("Principal")).get("Service")).isEqualTo("logs.amazonaws.com");
        assertThat((List<String>) ((Map<String, Map<String, Object>>) trust.get("Condition")).get("StringLike").get("aws:SourceArn"))
                .containsExactlyInAnyOrder("arn:aws:logs:eu-west-1:111111111111:*", "arn:aws:logs:eu-west-1:222222222222:*",
                        "arn:aws:logs:eu-west-1:333333333333:*");

        List<PlannedResource> rolePolicies = shared.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().equals("log-aggregation-logs")).toList();
        assertThat(rolePolicies).singleElement().satisfies(p -> assertThat(statements(p.input("policy"))).singleElement().satisfies(s -> {
            assertThat((List<String>) s.get("Action")).containsExactly("firehose:PutRecord", "firehose:PutRecordBatch");
            assertThat(s.get("Resource")).isEqualTo(streamArn);
        }));
    }

    @Test
    void the_stream_writes_only_under_its_prefixes_with_the_archive_key_through_s3() {
        String bucket = shared.outputs().get("logArchiveBucketArn").toString();
        Map<String, Map<String, Object>> bySid = new java.util.LinkedHashMap<>();
        PlannedResource policy = shared.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> p.name().equals("log-aggregation-firehose")).findFirst().orElseThrow();
        statements(policy.input("policy")).forEach(s -> bySid.put((String) s.get("Sid"), s));
        assertThat(bySid).containsOnlyKeys("FindTheBucket", "WriteLogObjects", "EncryptWithTheArchiveKey");
        assertThat((List<String>) bySid.get("WriteLogObjects").get("Resource")).containsExactly(bucket + "/logs/*", bucket + "/logs-errors/*");
        assertThat(bySid.get("FindTheBucket").get("Resource")).isEqualTo(bucket);
        assertThat(bySid.get("EncryptWithTheArchiveKey").get("Resource")).isEqualTo(shared.outputs().get("logArchiveKeyArn"));
        Map<String, Map<String, Object>> condition = (Map<String, Map<String, Object>>) bySid.get("EncryptWithTheArchiveKey").get("Condition");
        assertThat(condition.get("StringEquals")).containsEntry("kms:ViaService", "s3.eu-west-1.amazonaws.com");
    }

    @Test
    void a_destination_policy_without_members_is_refused_and_a_filter_name_carries_environment_and_kind() {
        assertThatThrownBy(() -> LogAggregationPolicies.destinationPolicy(Partition.AWS, "arn:aws:logs:eu-west-1:111111111111:destination:x", List.of(),
                Optional.empty()))
                .hasMessageContaining("at least one member account");
        String[] parts = LogShipping.filterName("dev-eu", LogType.FLOW_LOGS).split("\\.");
        assertThat(parts).containsExactly("quest-archive", "dev-eu", "flowlogs");
    }

    @Test
    void every_processor_is_one_firehose_accepts_with_parameters_it_takes() {
        assertThat(LogAggregation.PROCESSORS).extracting(FirehoseProcessor::type).containsExactly(FirehoseProcessorType.DECOMPRESSION,
                FirehoseProcessorType.METADATA_EXTRACTION, FirehoseProcessorType.APPEND_DELIMITER_TO_RECORD);
        // Message extraction would drop the owner and filter name the partition keys are read from.
        assertThat(LogAggregation.PROCESSORS).extracting(FirehoseProcessor::type).doesNotContain(FirehoseProcessorType.CLOUD_WATCH_LOG_PROCESSING);
        assertThat(LogAggregation.PARTITION_QUERY.length()).isLessThanOrEqualTo(FirehoseProcessorType.MAX_PARAMETER_LENGTH);

        assertThatThrownBy(() -> FirehoseProcessor.of(FirehoseProcessorType.DECOMPRESSION, Map.of("DataMessageExtraction", "true")))
                .hasMessage("the Firehose processor Decompression takes no parameter DataMessageExtraction; it takes [CompressionFormat]");
        assertThatThrownBy(() -> FirehoseProcessor.of(FirehoseProcessorType.METADATA_EXTRACTION, Map.of("MetadataExtractionQuery", "x".repeat(513))))
                .hasMessage("the Firehose processor MetadataExtraction's MetadataExtractionQuery is 513 characters long; Firehose takes 1 to 512");
        assertThat(FirehoseProcessor.of(FirehoseProcessorType.METADATA_EXTRACTION, Map.of("MetadataExtractionQuery", "x".repeat(512)))
                .parameters()).hasSize(1);
    }

    @Test
    void with_an_organisation_the_destination_still_names_exactly_the_members_and_also_requires_the_organisation() {
        String arn = Partition.AWS.arn("logs", "eu-west-1", "111111111111", "destination:quest-platform-logs");
        PolicyDocument policy = LogAggregationPolicies.destinationPolicy(Partition.AWS, arn, List.of("333333333333", "222222222222", "222222222222"),
                Optional.of("o-a1b2c3d4e5"));
        assertThat(policy.statements()).singleElement().satisfies(s -> {
            assertThat(s.principals()).extracting(Principal::id)
                    .containsExactly("arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root");
            assertThat(s.principals()).extracting(Principal::type).containsOnly("AWS");
            assertThat(s.condition("StringEquals", "aws:PrincipalOrgID")).containsExactly("o-a1b2c3d4e5");
            assertThat(s.actions()).containsExactly("logs:PutSubscriptionFilter");
            assertThat(s.resources()).containsExactly(arn);
        });
        // Without an organisation, no condition widens or narrows the member accounts.
        assertThat(LogAggregationPolicies.destinationPolicy(Partition.AWS, arn, List.of("222222222222"), Optional.empty())
                .statements().get(0).condition("StringEquals", "aws:PrincipalOrgID")).isEmpty();
    }

    @Test
    void a_destination_policy_over_the_size_cloudwatch_logs_takes_is_refused_before_anything_is_planned() {
        List<String> accounts = java.util.stream.IntStream.range(0, 200).mapToObj(i -> String.format("%012d", 100_000_000_000L + i)).toList();
        assertThatThrownBy(() -> LogAggregationPolicies.destinationPolicy(Partition.AWS, "x", accounts, Optional.empty()))
                .hasMessageStartingWith("the log destination's access policy for 200 member accounts is ")
                .hasMessageEndingWith(" characters; AWS allows 5120");
    }

    @Test
    void only_firehose_on_the_archive_account_s_behalf_takes_the_delivery_role_and_it_has_no_other_policy() {
        PlannedResource role = shared.named("log-aggregation-firehose");
        assertThat(role.type()).isEqualTo("aws:iam/role:Role");
        Map<String, Object> trust = statements(role.input("assumeRolePolicy")).get(0);
        assertThat(((Map<String, Object>) trust.get("Principal")).get("Service")).isEqualTo("firehose.amazonaws.com");
        assertThat(((Map<String, Map<String, Object>>) trust.get("Condition")).get("StringEquals"))
                .containsExactly(Map.entry("sts:ExternalId", shared.outputValues().get("sharedAccountId")));
        assertThat(role.input("managedPolicyArns")).isNull();
        String roleArn = "arn:aws:iam::111111111111:role/" + role.id();
        assertThat(shared.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .noneMatch(a -> role.id().equals(a.input("role")) || roleArn.equals(a.input("role")));
        assertThat(shared.ofType("aws:iam/rolePolicy:RolePolicy")).filteredOn(p -> role.id().equals(p.input("role")))
                .extracting(PlannedResource::name).containsExactly("log-aggregation-firehose");
        // Firehose writes with this role and nothing else does.
        assertThat(shared.ofType("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")).singleElement()
                .satisfies(s -> assertThat(((Map<String, Object>) s.input("extendedS3Configuration")).get("roleArn")).isEqualTo(roleArn));
    }

    @Test
    void in_govcloud_every_policy_of_the_aggregation_names_govcloud_arns() {
        Partition gov = Partition.GOV_CLOUD;
        String destination = gov.arn("logs", "us-gov-west-1", "111111111111", "destination:quest-platform-logs");
        String bucket = gov.s3("archive");
        String key = gov.arn("kms", "us-gov-west-1", "111111111111", "key/k");
        List<String> documents = List.of(
                LogAggregationPolicies.destinationPolicy(gov, destination, List.of("222222222222"), Optional.empty()).toJson(),
                LogAggregationPolicies.logsTrustPolicy(gov, List.of("us-gov-west-1", "us-gov-east-1"), List.of("111111111111", "222222222222")).toJson(),
                LogAggregationPolicies.firehosePolicy("us-gov-west-1", bucket, key).toJson());
        assertThat(documents).allSatisfy(d -> assertThat(d).doesNotContain("arn:aws:").contains("arn:aws-us-gov:"));
    }

    private static String destinationArn() {
        return ((Map<String, Object>) shared.outputValues().get("logDestinationArns")).get("eu-west-1").toString();
    }

    private static List<Map<String, Object>> statements(Object policy) {
        try {
            Map<String, Object> doc = JSON.readValue(String.valueOf(policy), new TypeReference<>() { });
            Object statements = doc.get("Statement");
            return statements instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) statements);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
