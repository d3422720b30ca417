package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a planned role may assume, and what would let it do more than its statements name. */
class PlannedRoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlannedRole role(List<String> attached, String... statements) throws Exception {
        return new PlannedRole("shared", "r", "arn:aws:iam::111111111111:role/r", JSON.readTree("{}"),
                List.of(JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}")), attached);
    }

    @Test
    void named_grants_are_not_broad_and_only_assume_statements_name_assumable_roles() throws Exception {
        PlannedRole ci = role(List.of(),
                "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":[\"arn:aws:iam::2:role/quest-platform-deployer\"]}",
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::state/.pulumi/stacks/dev*\"}");

        assertThat(ci.assumable()).containsExactly("arn:aws:iam::2:role/quest-platform-deployer");
        assertThat(ci.broadPermissions()).isEmpty();
    }

    @Test
    void wildcards_and_managed_policies_are_broad() throws Exception {
        assertThat(role(List.of(), "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}").broadPermissions()).hasSize(1);
        assertThat(role(List.of(), "{\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"}").assumable()).containsExactly("*");
        assertThat(role(List.of(), "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}").broadPermissions()).containsExactly("s3:* on \"*\"");
        assertThat(role(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")).broadPermissions()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(role(List.of(), "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}").broadPermissions()).isEmpty();
    }

    private static PlannedRole trusting(String principal) throws Exception {
        return new PlannedRole("shared", "dev-deployer", "arn:aws:iam::222222222222:role/quest-platform-deployer",
                JSON.readTree("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal
                        + "\"},\"Action\":\"sts:AssumeRole\"}]}"), List.of(), List.of());
    }

    @Test
    void a_role_trusts_a_caller_named_by_arn_or_through_its_account() throws Exception {
        PlannedRole ciDev = new PlannedRole("shared", "quest-platform-ci-deploy-dev", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev",
                JSON.readTree("{}"), List.of(), List.of());

        assertThat(trusting("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev").trusts(ciDev)).isTrue();
        assertThat(trusting("arn:aws:iam::111111111111:root").trusts(ciDev)).isTrue();
        assertThat(trusting("*").trusts(ciDev)).isTrue();
        assertThat(trusting("arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod").trusts(ciDev)).isFalse();
        assertThat(trusting("arn:aws:iam::999999999999:root").trusts(ciDev)).isFalse();
    }
}
