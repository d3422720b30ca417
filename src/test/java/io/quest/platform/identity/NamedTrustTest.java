package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No role of the platform trusts a whole account: with IAM Identity Center (the repository's stacks), every trust
 * statement naming {@code <account>:root} narrows it to named principals with {@code aws:PrincipalArn}.
 */
class NamedTrustTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHARED = "111111111111";

    @Test
    void every_trust_in_an_account_root_is_narrowed_to_named_principals() throws Exception {
        Plan plan = PlanFixture.repository();
        int rootStatements = 0;
        int roles = 0;
        for (StackPlan stack : plan.stacks()) {
            for (PlannedResource role : stack.ofType("aws:iam/role:Role")) {
                roles++;
                for (JsonNode statement : JSON.readTree((String) role.input("assumeRolePolicy")).path("Statement")) {
                    if (!statement.path("Principal").path("AWS").asText().endsWith(":root")) {
                        continue;
                    }
                    rootStatements++;
                    String account = statement.path("Principal").path("AWS").asText().split(":")[4];
                    List<String> named = new ArrayList<>();
                    statement.path("Condition").path("ArnLike").path("aws:PrincipalArn").forEach(n -> named.add(n.asText()));
                    assertThat(named).as(stack.stack() + " " + role.name()).isNotEmpty().allSatisfy(arn -> assertThat(arn)
                            .startsWith("arn:aws:iam::" + account + ":role/aws-reserved/sso.amazonaws.com/")
                            .contains("/AWSReservedSSO_quest-"));
                }
            }
        }
        assertThat(roles).isGreaterThan(20);
        // The deployer, the auditor and break-glass of dev and prod.
        assertThat(rootStatements).isEqualTo(6);
    }

    @Test
    void the_deployer_s_people_are_the_administrator_permission_set_s_role_and_no_workload_role() {
        List<String> patterns = RolePolicies.deployerTrust(CiIdentity.deployRoleArn(Partition.AWS, SHARED, "dev"), Partition.AWS, SHARED, java.util.Optional.of("eu-west-1"))
                .statement("SharedAccountAdministrators").condition("ArnLike", "aws:PrincipalArn");
        assertThat(List.of(
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-administrator_0a1b2c3d4e5f6a7b",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_quest-administrator_0a1b2c3d4e5f6a7b"))
                .allSatisfy(arn -> assertThat(patterns).as(arn).anyMatch(p -> arnLike(p, arn)));
        List<String> refused = new ArrayList<>(List.of(
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-read-only_0a1b2c3d4e5f6a7b",
                "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-break-glass_0a1b2c3d4e5f6a7b",
                CiIdentity.previewRoleArn(Partition.AWS, SHARED),
                "arn:aws:iam::111111111111:role/quest-platform-push-acme-shop",
                "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole",
                "arn:aws:iam::111111111111:user/bob",
                "arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-administrator_0a1b2c3d4e5f6a7b"));
        assertThat(refused).allSatisfy(arn -> assertThat(patterns).as(arn).noneMatch(p -> arnLike(p, arn)));
    }

    /** IAM's ArnLike: each of the six colon-separated parts matched on its own, {@code *} any run and {@code ?} one character. */
    static boolean arnLike(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            String regex = Pattern.quote(p[i]).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (!a[i].matches(regex)) {
                return false;
            }
        }
        return true;
    }
}
