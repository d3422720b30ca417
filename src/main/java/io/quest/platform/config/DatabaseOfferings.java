package io.quest.platform.config;

import io.quest.platform.data.DatabaseEngine;

import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL versions and instance classes AWS offers, as the configuration accepts them. AWS creates nothing
 * else: an unknown version or class fails {@code pulumi up} after the preview passed, so the plan refuses it first.
 * Region by region availability can differ; {@code aws rds describe-orderable-db-instance-options} is the last word.
 *
 * <p>Sources, read 2026-12-02:
 * <ul>
 * <li>Aurora PostgreSQL versions with Serverless v2 support:
 *     https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.ServerlessV2.html
 *     and the release notes, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraPostgreSQL.Updates.html;
 *     versions 13.15, 14.12, 15.7, 16.3 and later also scale to 0 ACU.</li>
 * <li>RDS for PostgreSQL versions: https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-versions.html</li>
 * <li>Instance classes per engine: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html</li>
 * <li>Serverless v2 capacity, 0 to 256 ACU in 0.5 steps:
 *     https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.requirements.html</li>
 * </ul>
 */
final class DatabaseOfferings {

    /** The version new databases get unless configured: offered by both engines. */
    static final String DEFAULT_VERSION = "16.8";

    static final List<String> AURORA_VERSIONS = List.of(
            "14.12", "14.13", "14.15", "14.17", "15.7", "15.8", "15.10", "15.12", "16.3", "16.4", "16.6", "16.8", "17.4", "17.5");

    static final List<String> RDS_VERSIONS = List.of(
            "14.15", "14.17", "14.18", "15.10", "15.12", "15.13", "16.6", "16.8", "16.9", "17.2", "17.4", "17.5");

    /** Graviton classes RDS for PostgreSQL offers, from the smallest burstable up to general purpose and memory optimised. */
    static final Set<String> RDS_INSTANCE_CLASSES = Set.of(
            "db.t4g.micro", "db.t4g.small", "db.t4g.medium", "db.t4g.large", "db.t4g.xlarge", "db.t4g.2xlarge",
            "db.m6g.large", "db.m6g.xlarge", "db.m6g.2xlarge", "db.m7g.large", "db.m7g.xlarge", "db.m7g.2xlarge",
            "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge", "db.r7g.large", "db.r7g.xlarge", "db.r7g.2xlarge");

    /** Serverless v2 capacity bounds. */
    static final double MAX_ACU = 256;
    /** The smallest maximum capacity Aurora accepts. */
    static final double MIN_MAX_ACU = 1;

    private DatabaseOfferings() {
    }

    static List<String> versions(DatabaseEngine engine) {
        return engine == DatabaseEngine.AURORA_SERVERLESS ? AURORA_VERSIONS : RDS_VERSIONS;
    }

    static String source(DatabaseEngine engine) {
        return engine == DatabaseEngine.AURORA_SERVERLESS
                ? "docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/AuroraPostgreSQL.Updates.html"
                : "docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-versions.html";
    }
}
