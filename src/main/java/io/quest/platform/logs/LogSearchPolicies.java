package io.quest.platform.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies of the log archive's search, as data. OpenSearch Serverless governs a collection with three policies of
 * its own, not IAM's grammar (Amazon OpenSearch Service Developer Guide, "Encryption in Amazon OpenSearch Serverless",
 * "Network access for Amazon OpenSearch Serverless" and "Data access control for Amazon OpenSearch Serverless",
 * https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-security.html, read 2026-12-02):
 * encryption (which key), network (from where) and data access (who may do what to the collection and its indexes).
 */
public final class LogSearchPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLECTION = "collection/" + LogSearchSpec.COLLECTION;
    private static final String INDEXES = "index/" + LogSearchSpec.COLLECTION + "/*";

    private LogSearchPolicies() {
    }

    /** The collection is encrypted with the log archive's customer-managed key, not an AWS-owned one. */
    public static String encryptionPolicy(String keyArn) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Rules", List.of(rule(COLLECTION, "collection", null)));
        policy.put("AWSOwnedKey", false);
        policy.put("KmsARN", keyArn);
        return json(policy);
    }

    /**
     * Where the collection and its dashboards answer from. Firehose delivers to a collection outside a VPC only through
     * its public endpoint (a VPC endpoint needs a VPC in the shared account, which has none), so both endpoints are
     * public: every request must still be signed by a principal the data access policy names, which is the only way in.
     */
    public static String networkPolicy() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("Rules", List.of(rule(COLLECTION, "collection", null), rule(COLLECTION, "dashboard", null)));
        rules.put("AllowFromPublic", true);
        return json(List.of(rules));
    }

    /** The indexer may create and write the index; the readers may read it; nobody else may do anything. */
    public static String dataAccessPolicy(String streamRoleArn, List<String> readers) {
        Map<String, Object> writer = new LinkedHashMap<>();
        writer.put("Description", "the indexer writes the shipped log events");
        writer.put("Rules", List.of(
                rule(COLLECTION, "collection", List.of("aoss:DescribeCollectionItems")),
                rule(INDEXES, "index", List.of("aoss:CreateIndex", "aoss:UpdateIndex", "aoss:DescribeIndex", "aoss:WriteDocument"))));
        writer.put("Principal", List.of(streamRoleArn));
        Map<String, Object> reader = new LinkedHashMap<>();
        reader.put("Description", "the configured readers search the logs");
        reader.put("Rules", List.of(
                rule(COLLECTION, "collection", List.of("aoss:DescribeCollectionItems")),
                rule(INDEXES, "index", List.of("aoss:DescribeIndex", "aoss:ReadDocument"))));
        reader.put("Principal", readers.stream().sorted().distinct().toList());
        return json(List.of(writer, reader));
    }

    /** Only Lambda, for this account, takes the indexer's role. */
    public static PolicyDocument indexerTrustPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("LambdaOfThisAccount", ServicePrincipal.LAMBDA, partition)
                .onBehalfOf(accountId));
    }

    /**
     * The indexer's role: read the search stream (decrypting it with the archive key through Kinesis), call the
     * collection's data plane ({@code aoss:APIAccessAll}, which the data access policy then narrows), and write its own
     * log group.
     */
    public static PolicyDocument indexerPolicy(String region, String streamArn, String collectionArn, String keyArn, String logGroupArn) {
        return PolicyDocument.of(
                Statement.allow("ReadTheSearchStream")
                        .actions("kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                                "kinesis:GetShardIterator", "kinesis:ListShards")
                        .resources(streamArn),
                Statement.allow("ListStreams").actions("kinesis:ListStreams").resources("*"),
                Statement.allow("DecryptTheStream")
                        .actions("kms:Decrypt")
                        .resources(keyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("kinesis", region)),
                Statement.allow("IndexIntoTheCollection").actions("aoss:APIAccessAll").resources(collectionArn),
                Statement.allow("WriteItsLogs")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(logGroupArn + ":*"));
    }

    private static Map<String, Object> rule(String resource, String type, List<String> permissions) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ResourceType", type);
        rule.put("Resource", List.of(resource));
        if (permissions != null) {
            rule.put("Permission", permissions);
        }
        return rule;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
