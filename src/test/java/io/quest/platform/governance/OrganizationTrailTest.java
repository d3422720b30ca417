package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code quest-platform:organization.trail: true}: one organisation trail from the shared stack. */
class OrganizationTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORGANIZATION = """
              quest-platform:organization:
                trail: true
                id: o-a1b2c3d4e5
            """;
    private static StackPlan shared;
    private static StackPlan dev;

    @BeforeAll
    static void plan() {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        // The organisation trail is an account baseline setting; data stacks have no baseline, so they take none.
        files.replaceAll((stack, text) -> stack.endsWith("-data") ? text : text + ORGANIZATION);
        Plan plan = PlanFixture.plan(files);
        shared = plan.stack("shared");
        dev = plan.stack("dev");
    }

    @Test
    void the_shared_stack_runs_one_organisation_trail_and_the_workload_accounts_none() {
        List<PlannedResource> trails = shared.ofType("aws:cloudtrail/trail:Trail");
        assertThat(trails).hasSize(1);
        assertThat(trails.get(0).inputs()).containsEntry("name", "organization-trail")
                .containsEntry("isOrganizationTrail", true)
                .containsEntry("isMultiRegionTrail", true)
                .containsEntry("includeGlobalServiceEvents", true)
                .containsEntry("enableLogFileValidation", true)
                .containsEntry("kmsKeyId", shared.outputs().get("logArchiveKeyArn"))
                .containsEntry("s3BucketName", shared.outputs().get("logArchiveBucket"));
        // the CIS v3.0.0 filters and the break-glass filter, each with its alarm
        assertThat(shared.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter")).hasSize(CisMetricFilter.values().length + 1);
        assertThat(shared.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).hasSize(CisMetricFilter.values().length + 1);

        assertThat(dev.ofType("aws:cloudtrail/trail:Trail")).isEmpty();
        assertThat(dev.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter")).isEmpty();
        // the rest of the baseline stays in the account
        assertThat(dev.ofType("aws:cfg/recorder:Recorder")).hasSize(1);
    }

    @Test
    void the_organisation_trail_alarms_on_the_break_glass_role_of_every_member_account_and_no_other_role() throws Exception {
        String pattern = (String) shared.named("organization-trail-" + RoleUseFilter.KEY).input("pattern");
        String sample = Files.readString(Path.of("src/test/resources/cloudtrail/assume-role-role-account.json"));
        for (String account : List.of("222222222222", "333333333333")) {
            String breakGlass = "arn:aws:iam::" + account + ":role/" + PlatformRole.BREAK_GLASS.roleName();
            assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace("arn:aws:iam::111122223333:role/EC2-dev", breakGlass))))
                    .as("AssumeRole of %s", breakGlass).isTrue();
            String deployer = "arn:aws:iam::" + account + ":role/" + PlatformRole.DEPLOYER.roleName();
            assertThat(FilterPattern.matches(pattern, JSON.readTree(sample.replace("arn:aws:iam::111122223333:role/EC2-dev", deployer))))
                    .as("AssumeRole of %s", deployer).isFalse();
        }
    }

    @Test
    void the_archive_lets_the_organisation_trail_write_under_the_organisation_only() throws Exception {
        JsonNode statements = JSON.readTree((String) shared.named("log-archive-policy").input("policy")).get("Statement");
        JsonNode write = null;
        for (JsonNode s : statements) {
            if (s.path("Sid").asText().equals("OrganizationTrailWrite")) {
                write = s;
            }
        }
        assertThat(write).as("OrganizationTrailWrite statement").isNotNull();
        assertThat(write.get("Resource").asText()).isEqualTo(shared.outputs().get("logArchiveBucketArn") + "/AWSLogs/o-a1b2c3d4e5/*");
        assertThat(write.get("Principal").get("Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
        assertThat(write.get("Condition").get("StringEquals").get("aws:SourceAccount").asText()).isEqualTo("111111111111");
    }

    @Test
    void without_the_option_the_archive_has_no_organisation_statement() {
        String policy = (String) BaselinePlans.platform().stack("shared").named("log-archive-policy").input("policy");
        assertThat(policy).doesNotContain("OrganizationTrailWrite");
        // the shared account then runs its own account trail, like every workload account
        assertThat(BaselinePlans.platform().stack("shared").ofType("aws:cloudtrail/trail:Trail")).singleElement()
                .satisfies(trail -> assertThat(trail.inputs()).containsEntry("name", "shared-trail")
                        .containsEntry("isOrganizationTrail", false));
    }

    @Test
    void the_trail_needs_the_organisation_id_and_every_stack_must_agree() {
        Map<String, String> noId = PlanFixture.repositoryStackFiles();
        noId.replaceAll((stack, text) -> text + "  quest-platform:organization: {trail: true}\n");
        assertThat(PlanFixture.failure(noId)).contains("quest-platform:organization.id: is required with trail: true:"
                + " the organisation's ID (o-...), under which the organisation trail writes in the log archive");

        Map<String, String> onlyShared = PlanFixture.repositoryStackFiles();
        onlyShared.put("shared", onlyShared.get("shared") + ORGANIZATION);
        assertThat(PlanFixture.failure(onlyShared)).contains("quest-platform:organization.trail is true in [shared] but not in [dev, prod];"
                + " set it the same in every stack, so each account has exactly one trail");
    }
}
