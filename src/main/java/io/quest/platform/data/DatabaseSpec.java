package io.quest.platform.data;

import java.util.Objects;

/**
 * What database an environment runs: every choice that shapes the resources, as plain values, validated by the
 * configuration layer against what AWS offers ({@code quest-platform:database}).
 *
 * @param engine                    Aurora Serverless v2 or RDS for PostgreSQL
 * @param engineVersion             PostgreSQL version ({@code 16.8}); a different major version replaces the database
 * @param instanceClass             RDS only: the instance class ({@code db.t4g.micro})
 * @param allocatedStorageGb        RDS only: gp3 storage in GiB (20 to 65,536)
 * @param multiAz                   RDS only: a synchronous standby in a second AZ
 * @param minCapacity               Aurora only: the least ACUs each instance keeps (0 to 256, in 0.5 steps; 0 pauses when idle)
 * @param maxCapacity               Aurora only: the most ACUs each instance scales to (1 to 256, in 0.5 steps, at least minCapacity)
 * @param instances                 Aurora only: the writer plus readers in other AZs (1 to 16); a reader is the failover target
 * @param databaseName              the database created at launch
 * @param masterUsername            the administrator's name; its password is generated and kept by Secrets Manager
 * @param backupRetentionDays       automated backups and point-in-time recovery, 1 to 35 days
 * @param performanceInsights       Performance Insights on every instance (7 days of history, the free tier)
 * @param monitoringIntervalSeconds enhanced monitoring's interval: 0 (off), 1, 5, 10, 15, 30 or 60
 * @param production                deletion protection and a final snapshot on delete
 */
public record DatabaseSpec(
        DatabaseEngine engine,
        String engineVersion,
        String instanceClass,
        int allocatedStorageGb,
        boolean multiAz,
        double minCapacity,
        double maxCapacity,
        int instances,
        String databaseName,
        String masterUsername,
        int backupRetentionDays,
        boolean performanceInsights,
        int monitoringIntervalSeconds,
        boolean production) {

    /** PostgreSQL's port, which the database listens on and the service's tasks connect to. */
    public static final int PORT = 5432;

    public DatabaseSpec {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(instanceClass, "instanceClass");
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(masterUsername, "masterUsername");
        if (backupRetentionDays < 1 || backupRetentionDays > 35) {
            throw new IllegalArgumentException("backup retention must be 1 to 35 days, not " + backupRetentionDays);
        }
        if (minCapacity > maxCapacity) {
            throw new IllegalArgumentException("minimum capacity " + minCapacity + " exceeds maximum " + maxCapacity);
        }
    }

    public boolean aurora() {
        return engine == DatabaseEngine.AURORA_SERVERLESS;
    }

    /** The major version: a change of it is an upgrade RDS performs only when asked, and the gate treats as a replacement. */
    public String majorVersion() {
        return engineVersion.split("\\.")[0];
    }
}
