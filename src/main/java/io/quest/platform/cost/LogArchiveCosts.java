package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.List;

/**
 * What a workload stack's logs cost once they reach the log archive: Amazon Data Firehose ingestion and dynamic
 * partitioning, the objects it writes, and their S3 storage. The log archive account pays, but the cost grows with this
 * stack's logs, so it is estimated here, from the same {@code logGbPerMonth} its CloudWatch Logs ingestion uses, at this
 * stack's region's prices (the archive runs in the shared stack's region, the same in the example platform). All
 * usage-based: the stream, destinations and roles cost nothing while no log arrives.
 */
final class LogArchiveCosts {

    /** Five-minute buffers a month: each active partition writes at most one object per buffer. */
    static final double BUFFERS_PER_MONTH = 30 * 24 * 12;
    /** What GZIP leaves of JSON log batches, assumed: logs compress about five to one at least. */
    static final double COMPRESSED_SHARE = 0.2;
    /** Months an object stays in S3 Standard before the archive's lifecycle moves it (90 days by default). */
    static final double STANDARD_MONTHS = 3;

    private LogArchiveCosts() {
    }

    static void items(PlannedStack plan, UsageAssumptions u, Pricer p, List<CostItem> items) {
        List<PlannedResource> filters = plan.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter").stream()
                .filter(f -> String.valueOf(f.input("name")).startsWith("quest-archive.")).toList();
        if (filters.isEmpty() || u.logGbPerMonth() == 0) {
            return;
        }
        String urn = filters.get(0).urn();
        double gb = u.logGbPerMonth();
        String volume = Pricer.fmt(gb) + " GB of logs a month (logGbPerMonth), all shipped to the log archive";
        items.add(p.item("log archive: Firehose ingestion", urn, gb, Price.FIREHOSE_INGEST_GB, CostKind.USAGE, volume));
        items.add(p.item("log archive: Firehose dynamic partitioning", urn, gb, Price.FIREHOSE_PARTITIONING_GB, CostKind.USAGE, volume));
        double thousands = filters.size() * BUFFERS_PER_MONTH / 1000;
        items.add(p.item("log archive: objects written", urn, thousands, Price.FIREHOSE_PARTITIONING_THOUSAND_OBJECTS, CostKind.USAGE,
                "at most one object per partition (" + filters.size() + " kinds of log) per five-minute buffer"));
        double stored = gb * COMPRESSED_SHARE * STANDARD_MONTHS;
        items.add(p.item("log archive: S3 storage", urn, stored, Price.S3_STANDARD_GB_MONTH, CostKind.USAGE,
                "GZIP to a fifth, kept " + Pricer.fmt(STANDARD_MONTHS) + " months in S3 Standard before the archive's lifecycle moves"
                        + " it to Glacier Instant Retrieval (not priced)"));
        search(plan, u, p, items);
    }

    /**
     * The same logs indexed into the log search: their storage in OpenSearch Serverless for a month. The collection's
     * compute and the search stream's shard are the shared stack's fixed costs; the indexer's Lambda invocations (a few
     * thousand a month) stay within Lambda's free tier.
     */
    static void search(PlannedStack plan, UsageAssumptions u, Pricer p, List<CostItem> items) {
        List<PlannedResource> filters = plan.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter").stream()
                .filter(f -> String.valueOf(f.input("name")).startsWith("quest-search.")).toList();
        if (filters.isEmpty() || u.logGbPerMonth() == 0) {
            return;
        }
        String urn = filters.get(0).urn();
        double gb = u.logGbPerMonth();
        String volume = Pricer.fmt(gb) + " GB of logs a month (logGbPerMonth), all indexed into the log search";
        items.add(p.item("log search: OpenSearch Serverless storage", urn, gb, Price.OPENSEARCH_SERVERLESS_STORAGE_GB_MONTH, CostKind.USAGE,
                volume + ", a month of them kept"));
    }
}
