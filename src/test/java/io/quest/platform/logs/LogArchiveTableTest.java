package io.quest.platform.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log archive's Athena table as the repository's platform plans it: over the prefix the stream writes, its
 * projected partitions the ones the stream writes for the accounts the destination admits and the environments that
 * ship, so a query finds every shipped log with no partition to add.
 */
@SuppressWarnings("unchecked")
class LogArchiveTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan shared;

    @BeforeAll
    static void planRepository() {
        plan = PlanFixture.repository();
        shared = plan.stack("shared");
    }

    @Test
    void the_table_reads_the_stream_s_prefix_as_json_batches_partitioned_like_the_stream_writes() {
        assertThat(shared.ofType("aws:glue/catalogDatabase:CatalogDatabase")).singleElement()
                .satisfies(d -> assertThat(d.input("name")).isEqualTo("quest_log_archive"));
        PlannedResource table = table();
        assertThat(table.input("databaseName")).isEqualTo("quest_log_archive");
        assertThat(table.input("name")).isEqualTo("logs");
        assertThat(table.input("tableType")).isEqualTo("EXTERNAL_TABLE");

        String bucket = shared.outputs().get("logArchiveBucket").toString();
        Map<String, Object> storage = (Map<String, Object>) table.input("storageDescriptor");
        assertThat(storage.get("location")).isEqualTo("s3://" + bucket + "/logs/");
        assertThat(((Map<String, Object>) storage.get("serDeInfo")).get("serializationLibrary")).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(storage.get("inputFormat")).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat((List<Map<String, Object>>) storage.get("columns")).extracting(c -> c.get("name"))
                .containsExactly("messagetype", "owner", "loggroup", "logstream", "subscriptionfilters", "logevents");
        assertThat((List<Map<String, Object>>) table.input("partitionKeys"))
                .extracting(k -> k.get("name") + " " + k.get("type"))
                .containsExactly("account string", "environment string", "type string", "year string", "month string", "day string");

        // The location template is the stream's prefix, each Firehose expression as the partition column it fills.
        Map<String, Object> p = parameters();
        assertThat(p).containsEntry("projection.enabled", "true").containsEntry("EXTERNAL", "TRUE");
        String fromStream = LogAggregation.OBJECT_PREFIX
                .replaceAll("!\\{partitionKeyFromQuery:(\\w+)}", "\\${$1}")
                .replace("!{timestamp:yyyy}", "${year}").replace("!{timestamp:MM}", "${month}").replace("!{timestamp:dd}", "${day}");
        assertThat(p.get("storage.location.template")).isEqualTo("s3://" + bucket + "/" + fromStream);
        // Firehose's timestamp:MM and :dd are zero-padded, so the projection pads too.
        assertThat(p).containsEntry("projection.month.digits", "2").containsEntry("projection.day.digits", "2")
                .containsEntry("projection.month.range", "1,12").containsEntry("projection.day.range", "1,31");
        // Every partition column is projected, and nothing else is.
        List<String> projected = new ArrayList<>();
        p.keySet().forEach(k -> {
            Matcher m = Pattern.compile("projection\\.(\\w+)\\.type").matcher(k);
            if (m.matches()) {
                projected.add(m.group(1));
            }
        });
        assertThat(projected).containsExactlyInAnyOrderElementsOf(LogArchiveTableSchema.PARTITION_KEYS);
    }

    @Test
    void the_projected_accounts_are_those_the_destination_admits_and_the_environments_those_that_ship() {
        Map<String, Object> p = parameters();
        Map<String, Object> statement = statements(shared.ofType("aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy").get(0)
                .input("accessPolicy")).get(0);
        List<String> admitted = ((List<String>) ((Map<String, Object>) statement.get("Principal")).get("AWS")).stream()
                .map(arn -> arn.replaceAll("^arn:[a-z-]+:iam::(\\d{12}):root$", "$1")).toList();
        assertThat(Arrays.asList(p.get("projection.account.values").toString().split(","))).containsExactlyInAnyOrderElementsOf(admitted);

        List<String> environments = Arrays.asList(p.get("projection.environment.values").toString().split(","));
        List<String> types = Arrays.asList(p.get("projection.type.values").toString().split(","));
        int filters = 0;
        for (StackPlan stack : plan.stacks()) {
            for (PlannedResource filter : stack.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter")) {
                String[] name = filter.input("name").toString().split("\\.");
                if (!name[0].equals(LogShipping.FILTER_PREFIX)) {
                    continue;
                }
                assertThat(environments).as(filter.urn()).contains(name[1]);
                assertThat(types).as(filter.urn()).contains(name[2]);
                filters++;
            }
        }
        assertThat(filters).isPositive();
        assertThat(environments).containsExactlyInAnyOrder("dev", "prod");
    }

    @Test
    void queries_run_in_a_workgroup_that_encrypts_their_results_with_the_archive_key_outside_the_table() {
        List<PlannedResource> workgroups = shared.ofType("aws:athena/workgroup:Workgroup");
        assertThat(workgroups).singleElement().satisfies(w -> assertThat(w.input("name")).isEqualTo("quest-log-archive"));
        Map<String, Object> configuration = (Map<String, Object>) workgroups.get(0).input("configuration");
        assertThat(configuration.get("enforceWorkgroupConfiguration")).as("the client cannot send results elsewhere").isEqualTo(true);
        Map<String, Object> results = (Map<String, Object>) configuration.get("resultConfiguration");
        String bucket = shared.outputs().get("logArchiveBucket").toString();
        assertThat(results.get("outputLocation")).isEqualTo("s3://" + bucket + "/athena-results/");
        assertThat(results.get("expectedBucketOwner")).isEqualTo("111111111111");
        assertThat((Map<String, Object>) results.get("encryptionConfiguration"))
                .containsEntry("encryptionOption", "SSE_KMS")
                .containsEntry("kmsKeyArn", shared.outputs().get("logArchiveKeyArn"));
        // Results never land where the table, or the stream, reads and writes.
        String table = ((Map<String, Object>) table().input("storageDescriptor")).get("location").toString();
        assertThat(results.get("outputLocation").toString()).doesNotStartWith(table)
                .doesNotStartWith("s3://" + bucket + "/" + LogAggregation.ERROR_PREFIX);
    }

    @Test
    void a_value_athena_would_split_or_pad_and_a_table_without_members_are_refused() {
        assertThatThrownBy(() -> LogArchiveTableSchema.tableParameters("b", Map.of()))
                .hasMessageContaining("at least one member account");
        assertThatThrownBy(() -> LogArchiveTableSchema.tableParameters("b", Map.of("dev,prod", "222222222222")))
                .hasMessage("'dev,prod' cannot be a projected value of environment: Athena splits enum values at commas and keeps white space");
        assertThatThrownBy(() -> LogArchiveTableSchema.tableParameters("b", Map.of("dev", " 222222222222")))
                .hasMessageContaining("projected value of account");
    }

    private static PlannedResource table() {
        List<PlannedResource> tables = shared.ofType("aws:glue/catalogTable:CatalogTable");
        assertThat(tables).hasSize(1);
        return tables.get(0);
    }

    private static Map<String, Object> parameters() {
        return (Map<String, Object>) table().input("parameters");
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
