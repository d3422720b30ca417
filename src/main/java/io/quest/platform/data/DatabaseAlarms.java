package io.quest.platform.data;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.tags.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alarms of a {@link Database}, each notifying the environment's alert topic on ALARM and on OK: CPU, freeable
 * memory, connections near {@code max_connections}, and, for Aurora, ACU utilisation (and replica lag when there are
 * readers), for RDS, free storage. Thresholds follow from the database's size; every alarm reads metric
 * {@code AWS/RDS} over five-minute periods and fires on three of them in a row.
 */
final class DatabaseAlarms {

    /** {@code max_connections} of RDS and Aurora PostgreSQL: {@code LEAST({DBInstanceClassMemory/9531392}, 5000)}. */
    static final long BYTES_PER_CONNECTION = 9_531_392L;
    static final long GIB = 1L << 30;

    /** One alarm: its name suffix, metric, statistic, comparison and threshold, and what to do when it fires. */
    record Alarm(String suffix, String metric, String statistic, String comparison, double threshold, String runbook) {
    }

    private DatabaseAlarms() {
    }

    static void create(String name, DatabaseSpec spec, Output<String> topicArn, Tags tags, CustomResourceOptions child) {
        Map<String, String> dimensions = spec.aurora() ? Map.of("DBClusterIdentifier", name) : Map.of("DBInstanceIdentifier", name);
        Output<List<String>> notify = topicArn.applyValue(List::of);
        for (Alarm alarm : alarms(spec)) {
            new MetricAlarm(name + "-" + alarm.suffix(), MetricAlarmArgs.builder()
                    .name(name + "-" + alarm.suffix())
                    .alarmDescription(alarm.runbook())
                    .namespace("AWS/RDS")
                    .metricName(alarm.metric())
                    .dimensions(dimensions)
                    .statistic(alarm.statistic())
                    .comparisonOperator(alarm.comparison())
                    .threshold(alarm.threshold())
                    .period(300)
                    .evaluationPeriods(3)
                    .datapointsToAlarm(3)
                    .treatMissingData("missing")
                    .alarmActions(notify)
                    .okActions(notify)
                    .tags(tags.named(name + "-" + alarm.suffix()))
                    .build(), child);
        }
    }

    /** The alarms a database of this shape gets. */
    static List<Alarm> alarms(DatabaseSpec spec) {
        long memory = memoryBytes(spec);
        long connections = Math.min(memory / BYTES_PER_CONNECTION, 5000);
        List<Alarm> alarms = new ArrayList<>();
        alarms.add(new Alarm("cpu", "CPUUtilization", "Average", "GreaterThanThreshold", 80,
                "CPU above 80% for 15 minutes: look for slow queries in Performance Insights before scaling up."));
        alarms.add(new Alarm("freeable-memory", "FreeableMemory", "Minimum", "LessThanThreshold", Math.floor(memory * 0.1),
                "Less than 10% of the database's memory free for 15 minutes: too many connections or a bigger working set."));
        alarms.add(new Alarm("connections", "DatabaseConnections", "Maximum", "GreaterThanThreshold", Math.floor(connections * 0.8),
                "Connections above 80% of max_connections (" + connections + "): pool them in the service, or scale up."));
        if (spec.aurora()) {
            alarms.add(new Alarm("acu-utilization", "ACUUtilization", "Average", "GreaterThanThreshold", 90,
                    "Capacity above 90% of maxCapacity for 15 minutes: raise database.maxCapacity."));
            if (spec.instances() > 1) {
                alarms.add(new Alarm("replica-lag", "AuroraReplicaLagMaximum", "Maximum", "GreaterThanThreshold", 1000,
                        "A reader more than a second behind the writer for 15 minutes: a failover now would lose that second."));
            }
        } else {
            alarms.add(new Alarm("free-storage", "FreeStorageSpace", "Minimum", "LessThanThreshold",
                    Math.floor(spec.allocatedStorageGb() * (double) GIB * 0.1),
                    "Less than 10% of the gp3 volume free: raise database.allocatedStorageGb before writes fail."));
        }
        return alarms;
    }

    /**
     * The memory the database's thresholds are sized from: an instance class's memory (burstable and general purpose
     * classes have 1 GiB at micro, doubling with each size; memory optimised ones twice that), or Aurora's 2 GiB per ACU
     * at its minimum capacity (0.5 ACU when it may pause).
     */
    static long memoryBytes(DatabaseSpec spec) {
        if (spec.aurora()) {
            return (long) (Math.max(spec.minCapacity(), 0.5) * 2 * GIB);
        }
        String[] parts = spec.instanceClass().split("\\.");
        String size = parts[parts.length - 1];
        List<String> sizes = List.of("micro", "small", "medium", "large", "xlarge", "2xlarge");
        int step = Math.max(sizes.indexOf(size), 0);
        long base = parts.length > 1 && parts[1].startsWith("r") ? 2 : 1;
        return base * GIB << step;
    }
}
