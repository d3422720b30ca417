package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two stacks in one account may not both create what AWS allows once per account (or region), nor reuse a name. */
class AccountConflictsTest {

    @Test
    void two_stacks_in_one_account_are_refused_naming_both_stacks_and_the_singletons() {
        String second = PlanFixture.SHARED.replace("config:\n", "config:\n  quest-platform:role: shared\n");
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "security", second));

        assertThat(message).startsWith("the platform's stacks do not fit together:")
                .contains("stacks security and shared would both create IAM role quest-platform-ci-preview in account 111111111111, which AWS allows only once there")
                .contains("stacks security and shared would both create IAM role quest-platform-deployer in account 222222222222")
                .contains("stacks security and shared would both create repository quest/web in account 111111111111 in eu-west-1");
    }

    @Test
    void two_environments_in_one_account_are_refused_for_the_account_singletons() {
        String otherShared = PlanFixture.SHARED.replace("config:\n", "config:\n  quest-platform:role: shared\n").replace("\"111111111111\"", "\"555555555555\"")
                .replace("dev: \"222222222222\", prod: \"333333333333\", test: \"444444444444\"", "trial: \"222222222222\"");
        String trial = PlanFixture.environment("222222222222", "10.30.0.0/16")
                .replace("config:\n", "config:\n  quest-platform:sharedStack: organization/quest-platform/shared2\n");
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "shared2", otherShared,
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"), "trial", trial));

        assertThat(message)
                .contains("stacks dev and trial would both create the IAM password policy in account 222222222222, which AWS allows only once there")
                .contains("stacks dev and trial would both create the AWS Config configuration recorder in account 222222222222 in eu-west-1")
                .contains("stacks dev and trial would both create the account's S3 Block Public Access in account 222222222222")
                .contains("stacks dev and trial would both create EBS encryption by default in account 222222222222 in eu-west-1")
                .contains("stacks dev and trial would both create the service-linked role of config.amazonaws.com in account 222222222222,"
                        + " which AWS allows only once there");
    }

    @Test
    void the_repository_platform_has_no_conflicts() {
        assertThat(PlanFixture.repository().stacks()).extracting(StackPlan::stack).containsExactly("shared", "dev", "dev-data", "prod", "prod-data");
    }
}
