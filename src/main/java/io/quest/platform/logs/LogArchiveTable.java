package io.quest.platform.logs;

import com.pulumi.aws.athena.Workgroup;
import com.pulumi.aws.athena.WorkgroupArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.inputs.CatalogTablePartitionKeyArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorSerDeInfoArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The log archive as an Athena table, so the logs {@link LogAggregation} writes can be queried with no DDL: a Glue Data
 * Catalog database {@value LogArchiveTableSchema#DATABASE} with one external table {@value LogArchiveTableSchema#TABLE}
 * over {@code s3://<archive>/logs/}, one row per CloudWatch Logs batch, its partitions projected from table properties
 * rather than registered (Amazon Athena User Guide, "Partition projection with Amazon Athena" and "Supported types for
 * partition projection", https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html, read
 * 2026-12-02): nothing has to add a partition as the stream writes new days, accounts or environments. The table names
 * no data: reading it still takes {@code s3:GetObject} on the archive and {@code kms:Decrypt} with its key.
 *
 * <p>Queries run in the workgroup {@value LogArchiveTableSchema#WORKGROUP}, whose settings override the client's
 * ({@code EnforceWorkGroupConfiguration}): results, which are copies of log lines, go under the archive's
 * {@code athena-results/} prefix, SSE-KMS with the archive's key, into a bucket the shared account must own
 * ({@code ExpectedBucketOwner}) (Amazon Athena API Reference, WorkGroupConfiguration and ResultConfiguration,
 * https://docs.aws.amazon.com/athena/latest/APIReference/API_WorkGroupConfiguration.html, read 2026-12-02).
 */
public final class LogArchiveTable extends ComponentResource {

    public static final String TYPE = "quest:logs:LogArchiveTable";

    private final Output<String> databaseName;
    private final Output<String> tableName;
    private final Output<String> workgroupName;

    public LogArchiveTable(String name, LogArchiveTableArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var database = new CatalogDatabase(name + "-database", CatalogDatabaseArgs.builder()
                .name(LogArchiveTableSchema.DATABASE)
                .description("The platform's log archive, for Athena (docs/monitoring.md)")
                .tags(args.tags().named(name + "-database"))
                .build(), child);
        var table = new CatalogTable(name, CatalogTableArgs.builder()
                .databaseName(database.name())
                .name(LogArchiveTableSchema.TABLE)
                .description("CloudWatch Logs batches of the member accounts, one a line, as the log archive stream writes them")
                .tableType("EXTERNAL_TABLE")
                .parameters(args.bucketName().applyValue(bucket ->
                        LogArchiveTableSchema.tableParameters(bucket, args.memberAccounts())))
                .partitionKeys(LogArchiveTableSchema.PARTITION_KEYS.stream()
                        .map(key -> CatalogTablePartitionKeyArgs.builder().name(key).type("string").build())
                        .toList())
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location(args.bucketName().applyValue(LogArchiveTableSchema::location))
                        .compressed(true)
                        .inputFormat(LogArchiveTableSchema.INPUT_FORMAT)
                        .outputFormat(LogArchiveTableSchema.OUTPUT_FORMAT)
                        .serDeInfo(CatalogTableStorageDescriptorSerDeInfoArgs.builder()
                                .serializationLibrary(LogArchiveTableSchema.SERDE)
                                .build())
                        .columns(LogArchiveTableSchema.COLUMNS.entrySet().stream()
                                .map(c -> CatalogTableStorageDescriptorColumnArgs.builder().name(c.getKey()).type(c.getValue()).build())
                                .toList())
                        .build())
                .build(), child);
        var workgroup = new Workgroup(name + "-workgroup", WorkgroupArgs.builder()
                .name(LogArchiveTableSchema.WORKGROUP)
                .description("Queries of the log archive (" + LogArchiveTableSchema.DATABASE + "." + LogArchiveTableSchema.TABLE
                        + "), results encrypted with the archive key")
                .configuration(WorkgroupConfigurationArgs.builder()
                        .enforceWorkgroupConfiguration(true)
                        .publishCloudwatchMetricsEnabled(true)
                        .resultConfiguration(WorkgroupConfigurationResultConfigurationArgs.builder()
                                .outputLocation(args.bucketName().applyValue(LogArchiveTableSchema::resultsLocation))
                                .expectedBucketOwner(args.accountId())
                                .encryptionConfiguration(WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs.builder()
                                        .encryptionOption("SSE_KMS")
                                        .kmsKeyArn(args.keyArn())
                                        .build())
                                .build())
                        .build())
                .tags(args.tags().named(name + "-workgroup"))
                .build(), child);
        this.databaseName = database.name();
        this.tableName = table.name();
        this.workgroupName = workgroup.name();
        registerOutputs(Map.of("databaseName", databaseName, "tableName", tableName, "workgroupName", workgroupName));
    }

    public Output<String> databaseName() {
        return databaseName;
    }

    public Output<String> tableName() {
        return tableName;
    }

    public Output<String> workgroupName() {
        return workgroupName;
    }
}
