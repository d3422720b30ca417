package io.quest.platform.config;

import io.quest.platform.data.DatabaseEngine;
import io.quest.platform.data.DatabaseSpec;

import java.util.List;
import java.util.TreeSet;

/** Reads and validates a data stack's {@code quest-platform:environmentStack} and {@code quest-platform:database}. */
final class DataSettings {

    private static final List<Integer> MONITORING_INTERVALS = List.of(0, 1, 5, 10, 15, 30, 60);
    private static final String IDENTIFIER = "[a-zA-Z][a-zA-Z0-9_]*";

    private DataSettings() {
    }

    static DataConfig read(Settings ns, StackIdentity stack, String environment, boolean production) {
        String environmentStack = ns.string("environmentStack", stack.sibling(environment));
        if (!environmentStack.matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
            ns.reject("environmentStack", environmentStack, "is not a fully qualified stack name; expected <organization>/<project>/<stack>");
        }
        Settings s = ns.object("database");
        DatabaseEngine engine = engine(s, production);
        boolean aurora = engine == DatabaseEngine.AURORA_SERVERLESS;

        String version = s.string("engineVersion", DatabaseOfferings.DEFAULT_VERSION);
        if (!DatabaseOfferings.versions(engine).contains(version)) {
            s.reject("engineVersion", version, "is not a version " + (aurora ? "Aurora PostgreSQL Serverless v2" : "RDS for PostgreSQL")
                    + " offers; expected one of " + DatabaseOfferings.versions(engine) + " (" + DatabaseOfferings.source(engine) + ")");
            version = DatabaseOfferings.DEFAULT_VERSION;
        }

        String instanceClass = onlyFor(s, "instanceClass", !aurora, "db.t4g.micro");
        if (!aurora && !DatabaseOfferings.RDS_INSTANCE_CLASSES.contains(instanceClass)) {
            s.reject("instanceClass", instanceClass, "is not an instance class RDS for PostgreSQL offers here; expected one of "
                    + new TreeSet<>(DatabaseOfferings.RDS_INSTANCE_CLASSES)
                    + " (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html)");
            instanceClass = "db.t4g.micro";
        }
        int storage = s.integer("allocatedStorageGb", 20, 20, 65_536);
        boolean multiAz = s.bool("multiAz", production);
        if (aurora) {
            rejectForAurora(s, "allocatedStorageGb", "multiAz");
        }

        double min = capacity(s, "minCapacity", 0.5, 0, !aurora);
        double max = capacity(s, "maxCapacity", production ? 8 : 2, DatabaseOfferings.MIN_MAX_ACU, !aurora);
        if (aurora && min > max) {
            s.problem("minCapacity", "is " + ConfigValues.fmt(min) + " ACU, above maxCapacity " + ConfigValues.fmt(max)
                    + "; expected minCapacity <= maxCapacity");
            min = max;
        }
        int instances = s.integer("instances", production ? 2 : 1, 1, 16);
        if (!aurora && s.has("instances")) {
            s.problem("instances", "applies to engine aurora-serverless only; RDS runs one instance (set multiAz for a standby)");
        }

        String databaseName = s.string("databaseName", "app");
        if (!databaseName.matches(IDENTIFIER) || databaseName.length() > 63 || List.of("postgres", "template0", "template1", "rdsadmin").contains(databaseName)) {
            s.reject("databaseName", databaseName, "is not a database name RDS accepts; expected 1 to 63 letters, digits or '_', starting with a"
                    + " letter, and not postgres, template0, template1 or rdsadmin");
            databaseName = "app";
        }
        String username = s.string("masterUsername", "quest_admin");
        if (!username.matches(IDENTIFIER) || username.length() > 16 || username.equals("rdsadmin")) {
            s.reject("masterUsername", username, "is not a master user name RDS accepts; expected 1 to 16 letters, digits or '_',"
                    + " starting with a letter, and not rdsadmin");
            username = "quest_admin";
        }
        if (s.has("masterPassword") || s.has("password")) {
            s.problem(s.has("masterPassword") ? "masterPassword" : "password", "is not read (value not shown): the master password is generated"
                    + " and rotated by Secrets Manager (manageMasterUserPassword) and never passes through configuration; remove it");
        }
        int retention = s.integer("backupRetentionDays", production ? 30 : 7, 1, 35);
        boolean insights = s.bool("performanceInsights", true);
        int interval = s.integer("enhancedMonitoringSeconds", production ? 60 : 0);
        if (!MONITORING_INTERVALS.contains(interval)) {
            s.reject("enhancedMonitoringSeconds", interval, "is not an interval RDS offers; expected one of " + MONITORING_INTERVALS + " (0 turns it off)");
            interval = 0;
        }
        s.rejectUnknown();
        return new DataConfig(environmentStack, new DatabaseSpec(engine, version, instanceClass, storage, multiAz, min, max, instances,
                databaseName, username, retention, insights, interval, production));
    }

    private static DatabaseEngine engine(Settings s, boolean production) {
        return s.choice("engine", DatabaseEngine.class, production ? DatabaseEngine.AURORA_SERVERLESS : DatabaseEngine.RDS);
    }

    /** A setting that only one engine reads: given for the other, it is a problem rather than silently ignored. */
    private static String onlyFor(Settings s, String name, boolean applies, String defaultValue) {
        String value = s.string(name, defaultValue);
        if (!applies && s.has(name)) {
            s.problem(name, "applies to engine rds only; Aurora Serverless v2 sizes itself between minCapacity and maxCapacity");
        }
        return value;
    }

    private static void rejectForAurora(Settings s, String... names) {
        for (String name : names) {
            if (s.has(name)) {
                s.problem(name, "applies to engine rds only; Aurora stores data in its cluster volume and fails over to a reader (instances)");
            }
        }
    }

    /** Serverless v2 capacity: {@code floor} to 256 ACU in 0.5 steps. */
    private static double capacity(Settings s, String name, double defaultValue, double floor, boolean rdsOnlyProblem) {
        if (rdsOnlyProblem && s.has(name)) {
            s.problem(name, "applies to engine aurora-serverless only; RDS is sized by instanceClass");
        }
        double value = s.number(name, defaultValue, floor, DatabaseOfferings.MAX_ACU);
        if (value * 2 != Math.rint(value * 2)) {
            s.reject(name, ConfigValues.fmt(value), "is not a capacity Aurora accepts; expected ACUs in steps of 0.5 (0.5, 1, 1.5, ...)");
            return defaultValue;
        }
        return value;
    }
}
