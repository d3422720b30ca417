package io.quest.platform.logs;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log archive's optional search: off in the repository's platform; when the shared stack turns it on and an
 * environment opts in, a collection encrypted with the archive's key that only Firehose writes and only the configured
 * readers read, fed by destinations of its own that admit the member accounts alone, and priced.
 */
@SuppressWarnings("unchecked")
class LogSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READER = "arn:aws:iam::111111111111:role/log-searchers";
    private static final String COLLECTION = "aws:opensearch/serverlessCollection:ServerlessCollection";
    private static final String FILTER = "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter";
    private static Plan plan;
    private static StackPlan shared;
    private static StackPlan dev;

    @BeforeAll
    static void planWithSearch() {
        Map<String, String> files = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        files.put("shared", files.get("shared").replace("    expirationDays: 2557\n",
                "    expirationDays: 2557\n    search: {enabled: true, readers: [" + READER + "]}\n"));
        files.put("dev", files.get("dev").replace("  quest-platform:monitoring:\n", "  quest-platform:monitoring:\n    logSearch: true\n"));
        plan = PlanFixture.plan(files);
        shared = plan.stack("shared");
        dev = plan.stack("dev");
    }

    @Test
    void the_repository_s_platform_runs_no_search() {
        Plan repository = PlanFixture.repository();
        assertThat(repository.stack("shared").ofType(COLLECTION)).isEmpty();
        assertThat(repository.stacks()).allSatisfy(s -> assertThat(s.ofType(FILTER))
                .noneSatisfy(f -> assertThat(String.valueOf(f.input("name"))).startsWith("quest-search.")));
    }

    @Test
    void the_collection_is_encrypted_with_the_archive_key_and_only_firehose_writes_and_the_readers_read() {
        PlannedResource collection = shared.ofType(COLLECTION).get(0);
        assertThat(collection.input("type")).isEqualTo("TIMESERIES");
        assertThat(collection.input("standbyReplicas")).isEqualTo("DISABLED");

        Map<String, String> policies = new LinkedHashMap<>();
        shared.ofType("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy")
                .forEach(p -> policies.put((String) p.input("type"), (String) p.input("policy")));
        Map<String, Object> encryption = read(policies.get("encryption"));
        assertThat(encryption).containsEntry("AWSOwnedKey", false).containsEntry("KmsARN", shared.outputs().get("logArchiveKeyArn"));

        PlannedResource access = shared.ofType("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy").get(0);
        List<Map<String, Object>> grants = read((String) access.input("policy"));
        String indexerRole = "arn:aws:iam::111111111111:role/" + shared.ofType("aws:iam/role:Role").stream()
                .filter(r -> r.name().equals("log-aggregation-search-indexer")).findFirst().orElseThrow().id();
        assertThat(grants).extracting(g -> g.get("Principal")).containsExactly(List.of(indexerRole), List.of(READER));
        List<String> readerPermissions = ((List<Map<String, Object>>) grants.get(1).get("Rules")).stream()
                .flatMap(r -> ((List<String>) r.get("Permission")).stream()).toList();
        assertThat(readerPermissions).containsExactlyInAnyOrder("aoss:DescribeCollectionItems", "aoss:DescribeIndex", "aoss:ReadDocument")
                .noneMatch(permission -> permission.contains("Write") || permission.contains("Delete"));
    }

    @Test
    void the_search_destination_admits_only_the_member_accounts_and_dev_subscribes_every_shipped_log_group_to_it() {
        String destination = ((Map<String, Object>) shared.outputValues().get("logSearchDestinationArns")).get("eu-west-1").toString();
        assertThat(destination).endsWith(":destination:" + LogSearch.DESTINATION);
        PlannedResource policy = shared.named("log-aggregation-search-destination-policy-eu-west-1");
        Map<String, Object> document = read((String) policy.input("accessPolicy"));
        Map<String, Object> statement = ((List<Map<String, Object>>) document.get("Statement")).get(0);
        assertThat((List<String>) ((Map<String, Object>) statement.get("Principal")).get("AWS"))
                .containsExactlyInAnyOrder("arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root");

        Map<Object, Object> searchFilters = new LinkedHashMap<>();
        dev.ofType(FILTER).stream().filter(f -> String.valueOf(f.input("name")).startsWith("quest-search."))
                .forEach(f -> searchFilters.put(f.input("name"), f.input("destinationArn")));
        assertThat(searchFilters).containsOnlyKeys("quest-search.dev.service", "quest-search.dev.flowlogs", "quest-search.dev.trail")
                .allSatisfy((name, arn) -> assertThat(arn).isEqualTo(destination));
        // prod did not opt in: its logs go to the archive only
        assertThat(plan.stack("prod").ofType(FILTER)).allSatisfy(f -> assertThat(String.valueOf(f.input("name"))).startsWith("quest-archive."));
    }

    @Test
    void the_collection_s_minimum_compute_is_in_the_shared_estimate_and_the_indexing_in_dev_s() {
        assertThat(shared.cost().items()).anySatisfy(i -> {
            assertThat(i.item()).isEqualTo("OpenSearch Serverless minimum compute");
            assertThat(i.monthlyUsd()).isEqualTo(175.20);
        });
        assertThat(shared.cost().items()).anySatisfy(i -> {
            assertThat(i.item()).isEqualTo("Kinesis data stream shards");
            assertThat(i.monthlyUsd()).isEqualTo(10.95);
        });
        assertThat(dev.cost().items()).extracting(i -> i.item()).contains("log search: OpenSearch Serverless storage");
    }

    @Test
    void search_without_readers_or_an_environment_opting_in_without_search_is_refused() {
        Map<String, String> noReaders = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        noReaders.put("shared", noReaders.get("shared").replace("    expirationDays: 2557\n", "    expirationDays: 2557\n    search: {enabled: true}\n"));
        assertThat(PlanFixture.failure(noReaders, "shared")).contains("quest-platform:logArchive.search.readers: is empty; expected the IAM"
                + " role ARNs that may search the logs");

        Map<String, String> optIn = new LinkedHashMap<>(PlanFixture.repositoryStackFiles());
        optIn.put("dev", optIn.get("dev").replace("  quest-platform:monitoring:\n", "  quest-platform:monitoring:\n    logSearch: true\n"));
        assertThat(PlanFixture.failure(optIn)).contains("quest-platform:monitoring.logSearch of stack dev is true, but the shared stack runs"
                + " no log search");

        Map<String, String> both = new LinkedHashMap<>(optIn);
        both.put("dev", both.get("dev").replace("    logSearch: true\n",
                "    logSearch: true\n    logStreaming: {destinationArn: 'arn:aws:firehose:eu-west-1:222222222222:deliverystream/x'}\n"));
        assertThat(PlanFixture.failure(both, "dev")).contains("quest-platform:monitoring.logSearch: \"true\" together with logStreaming would put"
                + " three subscription filters on the service's log group");
    }

    private static <T> T read(String json) {
        try {
            return (T) JSON.readValue(json, new TypeReference<Object>() { });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
