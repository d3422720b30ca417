package io.quest.platform.logs;

import java.util.Set;

/**
 * The record processors Amazon Data Firehose runs before delivery, as its API names them ({@code ProcessorType}), each
 * with the parameters it takes ({@code ProcessorParameterName}). Source: pulumi-aws 6.x, FirehoseDeliveryStream
 * {@code processingConfiguration.processors} ("Valid Values: RecordDeAggregation, Lambda, MetadataExtraction,
 * AppendDelimiterToRecord, Decompression, CloudWatchLogProcessing"; parameter names LambdaArn, NumberOfRetries,
 * MetadataExtractionQuery, JsonParsingEngine, RoleArn, BufferSizeInMBs, BufferIntervalInSeconds, SubRecordType, Delimiter,
 * CompressionFormat, DataMessageExtraction; a value is 1 to 512 characters), validated against the AWS SDK's
 * {@code types.ProcessorType} (https://pkg.go.dev/github.com/aws/aws-sdk-go-v2/service/firehose/types#ProcessorType,
 * read 2026-12-02); which parameter belongs to which processor: Amazon Data Firehose Developer Guide, "Decompression of
 * CloudWatch Logs", "Message extraction", "Dynamic partitioning" and "Multi record deaggregation", read 2026-12-02.
 */
public enum FirehoseProcessorType {
    /** GZIP-decompresses each CloudWatch Logs batch; a stream that decompresses takes CloudWatch Logs records only. */
    DECOMPRESSION("Decompression", Set.of("CompressionFormat")),
    /** Keeps only each log event's message, dropping the batch's metadata (owner, log group, filter names). */
    CLOUD_WATCH_LOG_PROCESSING("CloudWatchLogProcessing", Set.of("DataMessageExtraction")),
    /** Reads dynamic partitioning keys from a JSON record with a JQ 1.6 query. */
    METADATA_EXTRACTION("MetadataExtraction", Set.of("MetadataExtractionQuery", "JsonParsingEngine")),
    /** Ends every delivered record with a new line. */
    APPEND_DELIMITER_TO_RECORD("AppendDelimiterToRecord", Set.of("Delimiter")),
    /** Splits records that hold several JSON objects or delimited records. */
    RECORD_DE_AGGREGATION("RecordDeAggregation", Set.of("SubRecordType", "Delimiter")),
    /** Transforms records with a Lambda function. */
    LAMBDA("Lambda", Set.of("LambdaArn", "NumberOfRetries", "RoleArn", "BufferSizeInMBs", "BufferIntervalInSeconds"));

    /** The longest parameter value the API accepts. */
    public static final int MAX_PARAMETER_LENGTH = 512;

    private final String apiName;
    private final Set<String> parameters;

    FirehoseProcessorType(String apiName, Set<String> parameters) {
        this.apiName = apiName;
        this.parameters = parameters;
    }

    /** As the API spells it. */
    public String apiName() {
        return apiName;
    }

    /** The parameter names this processor takes. */
    public Set<String> parameters() {
        return parameters;
    }
}
