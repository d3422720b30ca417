package io.quest.platform.logs;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.StringAsset;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kinesis.Stream;
import com.pulumi.aws.kinesis.StreamArgs;
import com.pulumi.aws.kinesis.inputs.StreamStreamModeDetailsArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.opensearch.ServerlessAccessPolicy;
import com.pulumi.aws.opensearch.ServerlessAccessPolicyArgs;
import com.pulumi.aws.opensearch.ServerlessCollection;
import com.pulumi.aws.opensearch.ServerlessCollectionArgs;
import com.pulumi.aws.opensearch.ServerlessSecurityPolicy;
import com.pulumi.aws.opensearch.ServerlessSecurityPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.aws.Partition;
import io.quest.platform.bundled.BundledText;
import io.quest.platform.iam.PolicyDocument;

import java.util.Map;

/**
 * The log archive's optional search, registered by {@link LogAggregation}: an OpenSearch Serverless time-series
 * collection encrypted with the archive's key, a Kinesis data stream its destinations feed, and a Lambda function
 * ({@value #SCRIPT_RESOURCE}, shipped in this jar) that indexes every log event as one document.
 * <p>
 * Why not Firehose: it "does not support the delivery of CloudWatch Logs to Amazon OpenSearch Service destination",
 * because a CloudWatch Logs record holds many log events and OpenSearch takes one document per record (Amazon Data
 * Firehose Developer Guide, "Writing to Amazon Data Firehose using CloudWatch Logs", read 2026-12-02). A cross-account
 * CloudWatch Logs destination targets a Kinesis data stream or a Firehose stream only, so the events go through a
 * one-shard stream to a function that splits each batch. The search's destinations are its own: a destination feeds
 * one target, so a workload stack that searches its logs subscribes each log group twice (archive and search).
 * Standby replicas are off, so the collection bills its minimum of half an indexing and half a search OCU.
 */
public final class LogSearch {

    /** The search's stream, function and every search destination's name. */
    public static final String DESTINATION = LogAggregation.NAME + "-search";
    /** The indexer's source in this jar. */
    public static final String SCRIPT_RESOURCE = "/logsearch/indexer.py";
    /** Days the indexer's own log group keeps its output. */
    static final int INDEXER_LOG_DAYS = 30;

    private LogSearch() {
    }

    /** Registers the collection, its policies, the stream and the indexer under {@code parent}; returns the stream's ARN. */
    static Output<String> create(String name, LogAggregationArgs args, LogSearchSpec spec, Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var tags = args.tags();
        var encryption = new ServerlessSecurityPolicy(name + "-encryption", ServerlessSecurityPolicyArgs.builder()
                .name(LogSearchSpec.COLLECTION + "-encryption")
                .type("encryption")
                .description("the log search collection is encrypted with the log archive's key")
                .policy(args.keyArn().applyValue(LogSearchPolicies::encryptionPolicy))
                .build(), child);
        var network = new ServerlessSecurityPolicy(name + "-network", ServerlessSecurityPolicyArgs.builder()
                .name(LogSearchSpec.COLLECTION + "-network")
                .type("network")
                .description("public endpoints; every request must be signed by a principal of the data access policy")
                .policy(LogSearchPolicies.networkPolicy())
                .build(), child);
        var collection = new ServerlessCollection(name + "-collection", ServerlessCollectionArgs.builder()
                .name(LogSearchSpec.COLLECTION)
                .type("TIMESERIES")
                .standbyReplicas("DISABLED")
                .description("the platform's shipped logs, searchable")
                .tags(tags.named(name + "-collection"))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(encryption, network).build());

        // One shard takes 1 MB or 1,000 records a second, far above what the platform's log groups send.
        var stream = new Stream(name + "-stream", StreamArgs.builder()
                .name(DESTINATION)
                .shardCount(1)
                .streamModeDetails(StreamStreamModeDetailsArgs.builder().streamMode("PROVISIONED").build())
                .retentionPeriod(24)
                .encryptionType("KMS")
                .kmsKeyId(args.keyArn())
                .tags(tags.named(name + "-stream"))
                .build(), child);

        var logs = EncryptedLogGroup.create(name + "-indexer-logs", new EncryptedLogGroup.Spec(args.accountId(), args.region(),
                LogGroupName.exactly("/aws/lambda/" + DESTINATION), INDEXER_LOG_DAYS, "the log search indexer's output", false, false,
                tags), parent);
        var role = new Role(name + "-indexer", RoleArgs.builder()
                .description("The log search indexer reads the search stream and writes the collection with this role")
                .assumeRolePolicy(LogSearchPolicies.indexerTrustPolicy(Partition.of(args.region()), args.accountId()).toJson())
                .tags(tags.named(name + "-indexer"))
                .build(), child);
        var policy = new RolePolicy(name + "-indexer", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(stream.arn(), collection.arn(), args.keyArn(), logs.logGroup().arn()).applyValue(t ->
                        LogSearchPolicies.indexerPolicy(args.region(), t.t1, t.t2, t.t3, t.t4)
                                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the log search indexer's policy").toJson()))
                .build(), child);
        new ServerlessAccessPolicy(name + "-access", ServerlessAccessPolicyArgs.builder()
                .name(LogSearchSpec.COLLECTION + "-access")
                .type("data")
                .description("the indexer writes the index; the configured readers read it")
                .policy(role.arn().applyValue(arn -> LogSearchPolicies.dataAccessPolicy(arn, spec.readers())))
                .build(), child);

        var function = new Function(name + "-indexer", FunctionArgs.builder()
                .name(DESTINATION)
                .description("Indexes the platform's shipped log events into the log search collection")
                .runtime("python3.12")
                .handler("indexer.handler")
                .code(new AssetArchive(Map.of("indexer.py", new StringAsset(script()))))
                .role(role.arn())
                .timeout(60)
                .memorySize(256)
                .environment(FunctionEnvironmentArgs.builder().variables(collection.collectionEndpoint().applyValue(endpoint ->
                        Map.of("COLLECTION_ENDPOINT", endpoint, "INDEX", LogSearchSpec.INDEX))).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("Text").logGroup(logs.logGroup().name()).build())
                .tags(tags.named(name + "-indexer"))
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(policy).build());
        // A refused batch is retried in halves, and given up after a day (the stream's retention) or ten attempts.
        new EventSourceMapping(name + "-indexer-source", EventSourceMappingArgs.builder()
                .eventSourceArn(stream.arn())
                .functionName(function.arn())
                .startingPosition("LATEST")
                .batchSize(100)
                .bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(10)
                .maximumRecordAgeInSeconds(86_400)
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(policy).build());
        return stream.arn();
    }

    /** The indexer as shipped in the jar. */
    static String script() {
        return BundledText.read(SCRIPT_RESOURCE);
    }
}
