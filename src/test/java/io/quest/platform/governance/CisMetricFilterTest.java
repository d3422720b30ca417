package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CIS v3.0.0 monitoring filters against AWS's text, and what the filters count, on CloudTrail records. */
class CisMetricFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_ROLE = "arn:aws:iam::111122223333:role/EC2-dev";
    private static final String BREAK_GLASS = "arn:aws:iam::222222222222:role/quest-platform-break-glass";

    @Test
    void every_pattern_is_aws_s_text_character_for_character_and_every_one_of_aws_s_is_used() throws IOException {
        Map<String, String> aws = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/aws-securityhub/cloudwatch-filter-patterns.tsv"))) {
            String[] cells = line.split("\t", 2);
            aws.put(cells[0], cells[1]);
        }
        assertThat(aws).hasSize(15);
        for (CisMetricFilter filter : CisMetricFilter.values()) {
            String control = filter.securityHubControl().orElse("CIS-" + filter.cisRecommendation());
            assertThat(filter.pattern()).as(control).isEqualTo(aws.remove(control));
        }
        assertThat(aws).as("AWS patterns no filter uses").isEmpty();
    }

    @Test
    void the_filters_are_cis_v3_monitoring_4_1_to_4_15_each_once_and_security_hub_cloudwatch_1_to_14() {
        assertThat(CisMetricFilter.values()).extracting(CisMetricFilter::cisRecommendation)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 15).mapToObj(i -> "4." + i).toList());
        assertThat(Arrays.stream(CisMetricFilter.values()).flatMap(f -> f.securityHubControl().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 14).mapToObj(i -> "CloudWatch." + i).toList());
        assertThat(CisMetricFilter.values()).extracting(CisMetricFilter::key).doesNotHaveDuplicates()
                .doesNotContain(RoleUseFilter.KEY);
    }

    @Test
    void each_new_filter_counts_its_events_and_not_a_neighbour_s() throws IOException {
        assertCounts(CisMetricFilter.CONSOLE_AUTHENTICATION_FAILURES,
                "{\"eventName\": \"ConsoleLogin\", \"errorMessage\": \"Failed authentication\"}",
                "{\"eventName\": \"ConsoleLogin\", \"responseElements\": {\"ConsoleLogin\": \"Success\"}}");
        assertCounts(CisMetricFilter.KMS_KEY_DISABLED_OR_DELETED,
                "{\"eventSource\": \"kms.amazonaws.com\", \"eventName\": \"ScheduleKeyDeletion\"}",
                "{\"eventSource\": \"kms.amazonaws.com\", \"eventName\": \"Decrypt\"}");
        assertCounts(CisMetricFilter.S3_BUCKET_POLICY_CHANGES,
                "{\"eventSource\": \"s3.amazonaws.com\", \"eventName\": \"PutBucketPolicy\"}",
                "{\"eventSource\": \"s3.amazonaws.com\", \"eventName\": \"GetObject\"}");
        assertCounts(CisMetricFilter.NETWORK_GATEWAY_CHANGES,
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"DetachInternetGateway\"}",
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"CreateNatGateway\"}");
        assertCounts(CisMetricFilter.ROUTE_TABLE_CHANGES,
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"ReplaceRoute\"}",
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"DescribeRouteTables\"}");
        assertCounts(CisMetricFilter.VPC_CHANGES,
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"CreateVpcPeeringConnection\"}",
                "{\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"CreateSubnet\"}");
        assertCounts(CisMetricFilter.ORGANIZATIONS_CHANGES,
                "{\"eventSource\": \"organizations.amazonaws.com\", \"eventName\": \"LeaveOrganization\"}",
                "{\"eventSource\": \"organizations.amazonaws.com\", \"eventName\": \"DescribeOrganization\"}");
        // the sign-in without MFA of an SSO user is not an IAM user's
        assertCounts(CisMetricFilter.CONSOLE_SIGNIN_WITHOUT_MFA,
                "{\"eventName\": \"ConsoleLogin\", \"additionalEventData\": {\"MFAUsed\": \"No\"}, \"userIdentity\": {\"type\": \"IAMUser\"},"
                        + " \"responseElements\": {\"ConsoleLogin\": \"Success\"}}",
                "{\"eventName\": \"ConsoleLogin\", \"additionalEventData\": {\"MFAUsed\": \"No\"}, \"userIdentity\": {\"type\": \"AssumedRole\"},"
                        + " \"responseElements\": {\"ConsoleLogin\": \"Success\"}}");
    }

    @Test
    void the_break_glass_filter_counts_an_assume_role_of_that_role_and_not_of_another_role() throws IOException {
        String pattern = new RoleUseFilter(List.of(BREAK_GLASS)).pattern();
        String assume = Files.readString(Path.of("src/test/resources/cloudtrail/assume-role-role-account.json"));
        assertThat(FilterPattern.matches(pattern, JSON.readTree(assume.replace(SAMPLE_ROLE, BREAK_GLASS)))).isTrue();
        assertThat(FilterPattern.matches(pattern, JSON.readTree(assume))).isFalse();
        assertThat(FilterPattern.matches(pattern, JSON.readTree(assume.replace(SAMPLE_ROLE,
                "arn:aws:iam::222222222222:role/quest-platform-deployer")))).isFalse();
        // the same role name in another account is another role
        assertThat(FilterPattern.matches(pattern, JSON.readTree(assume.replace(SAMPLE_ROLE,
                "arn:aws:iam::333333333333:role/quest-platform-break-glass")))).isFalse();
        // and no CIS filter counts a plain AssumeRole: without this filter nothing would
        for (CisMetricFilter filter : CisMetricFilter.values()) {
            assertThat(FilterPattern.matches(filter.pattern(), JSON.readTree(assume.replace(SAMPLE_ROLE, BREAK_GLASS))))
                    .as(filter.controls()).isFalse();
        }
    }

    @Test
    void the_break_glass_filter_for_many_accounts_still_counts_each_account_s_break_glass_role_and_no_other_role() throws IOException {
        List<String> many = IntStream.range(0, 10).mapToObj(i -> "arn:aws:iam::" + (222222222220L + i) + ":role/quest-platform-break-glass").toList();
        String pattern = new RoleUseFilter(many).pattern();
        String assume = Files.readString(Path.of("src/test/resources/cloudtrail/assume-role-role-account.json"));
        for (String role : many) {
            assertThat(FilterPattern.matches(pattern, JSON.readTree(assume.replace(SAMPLE_ROLE, role)))).as(role).isTrue();
        }
        assertThat(FilterPattern.matches(pattern, JSON.readTree(assume.replace(SAMPLE_ROLE,
                "arn:aws:iam::222222222222:role/quest-platform-deployer")))).isFalse();
    }

    @Test
    void the_break_glass_filter_counts_every_call_of_a_break_glass_session_however_it_was_obtained() throws IOException {
        String pattern = new RoleUseFilter(List.of(BREAK_GLASS)).pattern();
        String call = Files.readString(Path.of("src/test/resources/cloudtrail/call-by-assumed-role.json"));
        String issuer = "arn:aws:iam::111111111111:role/JohnRole1";
        assertThat(FilterPattern.matches(pattern, JSON.readTree(call.replace(issuer, BREAK_GLASS)))).isTrue();
        assertThat(FilterPattern.matches(pattern, JSON.readTree(call))).isFalse();
    }

    @Test
    void the_break_glass_filter_takes_role_arns_only_and_fits_cloudwatch_s_pattern_limit() {
        assertThatThrownBy(() -> new RoleUseFilter(List.of("arn:aws:iam::222222222222:user/someone")))
                .hasMessage("arn:aws:iam::222222222222:user/someone is not an IAM role ARN");
        assertThatThrownBy(() -> new RoleUseFilter(List.of()))
                .hasMessage("a role use filter needs at least one role");
        List<String> many = IntStream.range(0, 8).mapToObj(i -> "arn:aws:iam::" + (222222222220L + i) + ":role/quest-platform-break-glass").toList();
        assertThat(new RoleUseFilter(many.subList(0, 3)).pattern()).contains(many.get(0)).hasSizeLessThanOrEqualTo(1024);
        // Past the limit, the role name in any account: still within it, for any number of accounts.
        String byName = new RoleUseFilter(many).pattern();
        assertThat(byName).hasSizeLessThanOrEqualTo(1024).contains("arn:aws:iam::*:role/quest-platform-break-glass").doesNotContain(many.get(0));
        List<String> named = IntStream.range(0, 12).mapToObj(i -> "arn:aws:iam::" + (222222222220L + i) + ":role/break-glass-" + i).toList();
        assertThatThrownBy(() -> new RoleUseFilter(named))
                .hasMessageStartingWith("the break-glass filter for 12 roles is ")
                .hasMessageEndingWith(" characters; CloudWatch Logs accepts at most 1024");
    }

    private static void assertCounts(CisMetricFilter filter, String counted, String notCounted) throws IOException {
        JsonNode yes = JSON.readTree(counted);
        JsonNode no = JSON.readTree(notCounted);
        assertThat(FilterPattern.matches(filter.pattern(), yes)).as(filter + " counts " + counted).isTrue();
        assertThat(FilterPattern.matches(filter.pattern(), no)).as(filter + " ignores " + notCounted).isFalse();
    }
}
