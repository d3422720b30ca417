package io.quest.platform.logs;

import com.pulumi.aws.cloudwatch.LogDestination;
import com.pulumi.aws.cloudwatch.LogDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDestinationPolicy;
import com.pulumi.aws.cloudwatch.LogDestinationPolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kinesis.FirehoseDeliveryStream;
import com.pulumi.aws.kinesis.FirehoseDeliveryStreamArgs;
import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamExtendedS3ConfigurationArgs;
import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamExtendedS3ConfigurationDynamicPartitioningConfigurationArgs;
import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationArgs;
import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamServerSideEncryptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The platform's central log aggregation, in the log archive (shared) account: a CloudWatch Logs destination in each
 * region the workload accounts run in, all feeding one Amazon Data Firehose stream, which writes into the log archive
 * bucket, partitioned by account, environment and kind, GZIP-compressed, encrypted with the archive's key.
 *
 * <p>How it fits AWS's rules (CloudWatch Logs User Guide, "Cross-account cross-Region subscriptions using Firehose" and
 * its steps, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CrossAccountSubscriptions-Firehose.html, read
 * 2026-12-02): the destination lives in the receiving account and is regional ("the log group and the destination must
 * be in the same AWS Region"; the stream it points at may be elsewhere); CloudWatch Logs delivers through a role of the
 * receiving account that trusts {@code logs.amazonaws.com}, scoped by {@code aws:SourceArn} to the sending accounts'
 * log groups; the destination's policy says which accounts may subscribe. CloudWatch Logs sends each batch
 * GZIP-compressed; the stream decompresses it (the {@code Decompression} processor, which dynamic partitioning of
 * CloudWatch Logs needs: Amazon Data Firehose Developer Guide, "Writing to Firehose using CloudWatch Logs", read
 * 2026-12-02), reads the partition keys from the batch with JQ, writes one JSON batch a line and compresses the
 * objects again.
 *
 * <p>The processors are among those the API knows ({@code RecordDeAggregation | Decompression | CloudWatchLogProcessing |
 * Lambda | MetadataExtraction | AppendDelimiterToRecord}: Amazon Data Firehose API Reference, Processor,
 * https://docs.aws.amazon.com/firehose/latest/APIReference/API_Processor.html, read 2026-12-02), and no Lambda is
 * needed. {@code CloudWatchLogProcessing} ({@code DataMessageExtraction}) is left out on purpose: it keeps only the
 * events' messages, dropping {@code owner} and {@code subscriptionFilters}, which the partition keys are read from, and
 * {@code logGroup}/{@code logStream}, which a search of the archive needs. Each record stays one decompressed batch.
 */
public final class LogAggregation extends ComponentResource {

    public static final String TYPE = "quest:logs:LogAggregation";
    /** The stream's and every destination's name. */
    public static final String NAME = "quest-platform-logs";
    /** Where the logs land in the archive. */
    public static final String PREFIX = "logs/";
    /** Where records the stream could not partition or deliver land. */
    public static final String ERROR_PREFIX = "logs-errors/";

    /**
     * The partition keys, from a decompressed batch ({@code owner}: the sending account; {@code subscriptionFilters}:
     * the name {@link LogShipping#filterName} gave the filter). CloudWatch Logs' own reachability checks
     * ({@code CONTROL_MESSAGE}, no filter) land under {@code environment=unknown}.
     */
    public static final String PARTITION_QUERY = "{account: .owner, "
            + "environment: ((.subscriptionFilters[0] // \"unknown.unknown.unknown\") | split(\".\") | .[1]), "
            + "type: ((.subscriptionFilters[0] // \"unknown.unknown.unknown\") | split(\".\") | .[2])}";
    /** The archive's key layout: Hive-style partitions Athena can project. */
    public static final String OBJECT_PREFIX = PREFIX + "account=!{partitionKeyFromQuery:account}/"
            + "environment=!{partitionKeyFromQuery:environment}/type=!{partitionKeyFromQuery:type}/"
            + "year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/";
    /**
     * What the stream does to each CloudWatch Logs batch, in order: decompress it (CloudWatch Logs sends GZIP; dynamic
     * partitioning needs the JSON), read the partition keys with {@link #PARTITION_QUERY}, end it with a new line so
     * that an object holds one batch a line. No message extraction ({@code CloudWatchLogProcessing}): it would drop the
     * owner, log group and filter name the partitions and searches need.
     */
    public static final List<FirehoseProcessor> PROCESSORS = List.of(
            FirehoseProcessor.of(FirehoseProcessorType.DECOMPRESSION, Map.of("CompressionFormat", "GZIP")),
            FirehoseProcessor.of(FirehoseProcessorType.METADATA_EXTRACTION, Map.of("MetadataExtractionQuery", PARTITION_QUERY,
                    "JsonParsingEngine", "JQ-1.6")),
            FirehoseProcessor.of(FirehoseProcessorType.APPEND_DELIMITER_TO_RECORD, Map.of()));
    static final String ERROR_OBJECT_PREFIX = ERROR_PREFIX + "!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/";

    private final Output<String> streamArn;
    private final Output<Map<String, String>> destinationArns;
    private final Output<Map<String, String>> searchDestinationArns;

    public LogAggregation(String name, LogAggregationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        var firehoseRole = new Role(name + "-firehose", RoleArgs.builder()
                .description("Amazon Data Firehose writes the platform's logs into the log archive with this role")
                .assumeRolePolicy(LogAggregationPolicies.firehoseTrustPolicy(args.partition(), args.accountId()).toJson())
                .tags(tags.named(name + "-firehose"))
                .build(), child);
        var firehosePolicy = new RolePolicy(name + "-firehose", RolePolicyArgs.builder()
                .role(firehoseRole.id())
                .policy(Output.tuple(args.bucketArn(), args.keyArn()).applyValue(t ->
                        LogAggregationPolicies.firehosePolicy(args.region(), t.t1, t.t2)
                                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the log stream's policy").toJson()))
                .build(), child);

        var stream = new FirehoseDeliveryStream(name + "-stream", FirehoseDeliveryStreamArgs.builder()
                .name(NAME)
                .destination("extended_s3")
                .serverSideEncryption(FirehoseDeliveryStreamServerSideEncryptionArgs.builder()
                        .enabled(true).keyType("AWS_OWNED_CMK").build())
                .extendedS3Configuration(FirehoseDeliveryStreamExtendedS3ConfigurationArgs.builder()
                        .roleArn(firehoseRole.arn())
                        .bucketArn(args.bucketArn())
                        .kmsKeyArn(args.keyArn())
                        .compressionFormat("GZIP")
                        // Dynamic partitioning needs at least 64 MiB buffers; five minutes bounds the delay.
                        .bufferingSize(64)
                        .bufferingInterval(300)
                        .prefix(OBJECT_PREFIX)
                        .errorOutputPrefix(ERROR_OBJECT_PREFIX)
                        .dynamicPartitioningConfiguration(FirehoseDeliveryStreamExtendedS3ConfigurationDynamicPartitioningConfigurationArgs.builder()
                                .enabled(true).retryDuration(300).build())
                        .processingConfiguration(FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationArgs.builder()
                                .enabled(true)
                                .processors(PROCESSORS.stream().map(FirehoseProcessor::toExtendedS3).toList())
                                .build())
                        .build())
                .tags(tags.named(name + "-stream"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(firehosePolicy).build());

        Optional<Output<String>> searchStream = args.search().map(spec -> LogSearch.create(name + "-search", args, spec, this));
        List<String> senders = new ArrayList<>(args.memberAccounts());
        senders.add(args.accountId());
        var logsRole = new Role(name + "-logs", RoleArgs.builder()
                .description("CloudWatch Logs puts the member accounts' subscribed log events into " + NAME + " with this role")
                .assumeRolePolicy(LogAggregationPolicies.logsTrustPolicy(args.partition(), args.regions(), senders)
                        .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the log destination role's trust policy").toJson())
                .tags(tags.named(name + "-logs"))
                .build(), child);
        var logsPolicy = new RolePolicy(name + "-logs", RolePolicyArgs.builder()
                .role(logsRole.id())
                .policy(searchStream.map(search -> Output.tuple(stream.arn(), search, args.keyArn()).applyValue(t ->
                                LogAggregationPolicies.logsPolicy(args.region(), t.t1, t.t2, t.t3).toJson()))
                        .orElseGet(() -> stream.arn().applyValue(arn -> LogAggregationPolicies.logsPolicy(arn).toJson())))
                .build(), child);

        Map<String, Output<String>> arns = new LinkedHashMap<>();
        Map<String, Output<String>> searchArns = new LinkedHashMap<>();
        for (String region : args.regions()) {
            // CloudWatch Logs sends a test message through the role when the destination is created.
            arns.put(region, destination(name + "-destination-" + region, NAME, region, stream.arn(), logsRole, logsPolicy, args));
            searchStream.ifPresent(target -> searchArns.put(region,
                    destination(name + "-search-destination-" + region, LogSearch.DESTINATION, region, target, logsRole, logsPolicy, args)));
        }

        this.streamArn = stream.arn();
        this.destinationArns = byRegion(arns);
        this.searchDestinationArns = byRegion(searchArns);
        registerOutputs(Map.of("streamArn", streamArn, "destinationArns", destinationArns, "searchDestinationArns", searchDestinationArns));
    }

    /** A destination of the search stream in a region, and its policy: the same members as the archive's. */
    private Output<String> destination(String name, String destinationName, String region, Output<String> target, Role logsRole,
                                       RolePolicy logsPolicy, LogAggregationArgs args) {
        var options = CustomResourceOptions.builder().parent(this);
        var policyOptions = CustomResourceOptions.builder().parent(this);
        if (!region.equals(args.region())) {
            options.provider(args.otherProviders().get(region));
            policyOptions.provider(args.otherProviders().get(region));
        }
        var destination = new LogDestination(name, LogDestinationArgs.builder()
                .name(destinationName)
                .roleArn(logsRole.arn())
                .targetArn(target)
                .tags(args.tags().named(name))
                .build(), options.dependsOn(logsPolicy).build());
        new LogDestinationPolicy(name.replace("-destination-", "-destination-policy-"), LogDestinationPolicyArgs.builder()
                .destinationName(destination.name())
                .accessPolicy(destination.arn().applyValue(arn ->
                        LogAggregationPolicies.destinationPolicy(args.partition(), arn, args.memberAccounts(), args.organizationId()).toJson()))
                .build(), policyOptions.build());
        return destination.arn();
    }

    private static Output<Map<String, String>> byRegion(Map<String, Output<String>> arns) {
        if (arns.isEmpty()) {
            return Output.of(Map.of());
        }
        List<String> regions = List.copyOf(arns.keySet());
        return Output.all(List.copyOf(arns.values())).applyValue(values -> {
            Map<String, String> byRegion = new TreeMap<>();
            for (int i = 0; i < regions.size(); i++) {
                byRegion.put(regions.get(i), values.get(i));
            }
            return byRegion;
        });
    }

    public Output<String> streamArn() {
        return streamArn;
    }

    /** Region → the search's destination there; empty without search. */
    public Output<Map<String, String>> searchDestinationArns() {
        return searchDestinationArns;
    }

    /** Region → the destination there, which a member's subscription filter in that region names. */
    public Output<Map<String, String>> destinationArns() {
        return destinationArns;
    }
}
