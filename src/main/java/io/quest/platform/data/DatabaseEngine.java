package io.quest.platform.data;

import io.quest.platform.choice.ConfigChoice;

/**
 * Which PostgreSQL the data layer runs. Written in configuration as {@code database.engine}.
 *
 * <p>Which is cheaper depends on the environment: Aurora Serverless v2 bills its minimum capacity every hour
 * (0.5 ACU at $0.12 an ACU-hour in us-east-1 is $43.80 a month before storage), a single-AZ RDS {@code db.t4g.micro}
 * $0.016 an hour ($11.68 a month) plus its gp3 volume. Scaling to 0 ACU would undercut both, but it only pauses
 * after a period with no connection at all, and the environment's canary exercises the service every five
 * minutes. So dev runs RDS and production, which needs Multi-AZ failover and elastic capacity, Aurora.
 */
public enum DatabaseEngine implements ConfigChoice {
    /** Aurora PostgreSQL, Serverless v2 instances ({@code db.serverless}): capacity in ACUs, a reader per extra instance. The default in production. */
    AURORA_SERVERLESS("aurora-serverless", "aurora-postgresql"),
    /** RDS for PostgreSQL on one instance class with gp3 storage, Multi-AZ when asked. The default elsewhere. */
    RDS("rds", "postgres");

    private final String configValue;
    private final String awsEngine;

    DatabaseEngine(String configValue, String awsEngine) {
        this.configValue = configValue;
        this.awsEngine = awsEngine;
    }

    /** How the engine is written in a stack file. */
    @Override
    public String configValue() {
        return configValue;
    }

    /** RDS's name for the engine ({@code Engine} in the RDS API). */
    public String awsEngine() {
        return awsEngine;
    }

    /** RDS's parameter group family for a major version: {@code aurora-postgresql16}, {@code postgres16}. */
    public String parameterGroupFamily(String engineVersion) {
        return awsEngine + engineVersion.split("\\.")[0];
    }
}
