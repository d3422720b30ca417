package io.quest.platform.config;

import io.quest.platform.data.DatabaseEngine;
import io.quest.platform.data.DatabaseSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A data stack's configuration: defaults per environment, and every value AWS would refuse, refused first with its key. */
class DataConfigTest {

    private static final StackIdentity DEV_DATA = new StackIdentity("acme", "quest-platform", "dev-data");
    private static final StackIdentity PROD_DATA = new StackIdentity("acme", "quest-platform", "prod-data");

    private static Map<String, String> config(String database) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        if (database != null) {
            config.put("quest-platform:database", database);
        }
        return config;
    }

    private static List<String> problems(String database) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config(database)), DEV_DATA), ConfigException.class);
        assertThat(e).as("a configuration error for " + database).isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void a_stack_named_env_data_is_the_data_stack_of_env_and_reads_env() {
        PlatformConfig dev = PlatformConfig.load(ConfigSource.of(config(null)), DEV_DATA);

        assertThat(dev.role()).isEqualTo(StackRole.DATA);
        assertThat(dev.environment()).isEqualTo("dev");
        assertThat(dev.network()).isNull();
        assertThat(dev.data().environmentStack()).isEqualTo("acme/quest-platform/dev");
        assertThat(dev.references()).containsExactly("acme/quest-platform/shared", "acme/quest-platform/dev");
    }

    @Test
    void dev_defaults_to_a_small_rds_instance_and_prod_to_protected_multi_az_aurora() {
        DatabaseSpec dev = PlatformConfig.load(ConfigSource.of(config(null)), DEV_DATA).data().database();
        DatabaseSpec prod = PlatformConfig.load(ConfigSource.of(config(null)), PROD_DATA).data().database();

        assertThat(dev.engine()).isEqualTo(DatabaseEngine.RDS);
        assertThat(dev.instanceClass()).isEqualTo("db.t4g.micro");
        assertThat(dev.multiAz()).isFalse();
        assertThat(dev.backupRetentionDays()).isEqualTo(7);
        assertThat(dev.monitoringIntervalSeconds()).isZero();
        assertThat(dev.production()).isFalse();
        assertThat(prod.engine()).isEqualTo(DatabaseEngine.AURORA_SERVERLESS);
        assertThat(prod.instances()).isEqualTo(2);
        assertThat(prod.minCapacity()).isEqualTo(0.5);
        assertThat(prod.maxCapacity()).isEqualTo(8);
        assertThat(prod.backupRetentionDays()).isEqualTo(30);
        assertThat(prod.monitoringIntervalSeconds()).isEqualTo(60);
        assertThat(prod.production()).isTrue();
    }

    @Test
    void a_version_or_class_aws_does_not_offer_is_refused_naming_what_it_offers_and_where_that_is_documented() {
        assertThat(problems("{\"engine\":\"rds\",\"engineVersion\":\"16.99\"}")).singleElement().asString()
                .startsWith("quest-platform:database.engineVersion: \"16.99\" is not a version RDS for PostgreSQL offers; expected one of [")
                .contains("16.8").contains("docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-versions.html");
        assertThat(problems("{\"engine\":\"aurora-serverless\",\"engineVersion\":\"13.9\"}")).singleElement().asString()
                .startsWith("quest-platform:database.engineVersion: \"13.9\" is not a version Aurora PostgreSQL Serverless v2 offers");
        assertThat(problems("{\"engine\":\"rds\",\"instanceClass\":\"db.t2.micro\"}")).singleElement().asString()
                .startsWith("quest-platform:database.instanceClass: \"db.t2.micro\" is not an instance class RDS for PostgreSQL offers here")
                .contains("Concepts.DBInstanceClass.Support.html");
        assertThat(problems("{\"engine\":\"mysql\"}")).singleElement().asString()
                .isEqualTo("quest-platform:database.engine: \"mysql\" is not one of aurora-serverless, rds");
    }

    @Test
    void retention_must_be_1_to_35_days() {
        assertThat(problems("{\"backupRetentionDays\":0}")).singleElement().asString()
                .startsWith("quest-platform:database.backupRetentionDays: 0 is out of range");
        assertThat(problems("{\"backupRetentionDays\":36}")).singleElement().asString()
                .startsWith("quest-platform:database.backupRetentionDays: 36 is out of range");
        assertThat(PlatformConfig.load(ConfigSource.of(config("{\"backupRetentionDays\":35}")), DEV_DATA).data().database()
                .backupRetentionDays()).isEqualTo(35);
    }

    @Test
    void serverless_capacity_is_0_to_256_acu_in_half_steps_with_min_at_most_max() {
        String aurora = "{\"engine\":\"aurora-serverless\",";
        assertThat(problems(aurora + "\"minCapacity\":0.25}")).singleElement().asString()
                .isEqualTo("quest-platform:database.minCapacity: \"0.25\" is not a capacity Aurora accepts; expected ACUs in steps of 0.5 (0.5, 1, 1.5, ...)");
        assertThat(problems(aurora + "\"maxCapacity\":300}")).singleElement().asString()
                .isEqualTo("quest-platform:database.maxCapacity: 300 is out of range; expected a number from 1 to 256");
        assertThat(problems(aurora + "\"minCapacity\":8,\"maxCapacity\":4}")).singleElement().asString()
                .isEqualTo("quest-platform:database.minCapacity: is 8 ACU, above maxCapacity 4; expected minCapacity <= maxCapacity");
        DatabaseSpec paused = PlatformConfig.load(ConfigSource.of(config(aurora + "\"minCapacity\":0,\"maxCapacity\":256}")), DEV_DATA)
                .data().database();
        assertThat(paused.minCapacity()).isZero();
        assertThat(paused.maxCapacity()).isEqualTo(256);
    }

    @Test
    void a_setting_of_the_other_engine_is_an_error_not_silently_ignored() {
        assertThat(problems("{\"engine\":\"rds\",\"minCapacity\":1}")).singleElement().asString()
                .startsWith("quest-platform:database.minCapacity: applies to engine aurora-serverless only");
        assertThat(problems("{\"engine\":\"aurora-serverless\",\"instanceClass\":\"db.t4g.micro\"}")).singleElement().asString()
                .startsWith("quest-platform:database.instanceClass: applies to engine rds only");
    }

    @Test
    void a_master_password_in_configuration_is_refused_without_echoing_it() {
        List<String> found = problems("{\"masterPassword\":\"hunter2hunter2\"}");

        assertThat(found).singleElement().asString()
                .startsWith("quest-platform:database.masterPassword: is not read (value not shown): the master password is generated")
                .doesNotContain("hunter2");
    }

    @Test
    void names_rds_would_refuse_are_refused() {
        assertThat(problems("{\"databaseName\":\"postgres\"}")).singleElement().asString()
                .startsWith("quest-platform:database.databaseName: \"postgres\" is not a database name RDS accepts");
        assertThat(problems("{\"masterUsername\":\"1admin\"}")).singleElement().asString()
                .startsWith("quest-platform:database.masterUsername: \"1admin\" is not a master user name RDS accepts");
        assertThat(problems("{\"enhancedMonitoringSeconds\":20}")).singleElement().asString()
                .startsWith("quest-platform:database.enhancedMonitoringSeconds: 20 is not an interval RDS offers");
    }
}
