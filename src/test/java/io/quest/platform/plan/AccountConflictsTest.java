package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two stacks in one account may not both create what AWS allows once per account (or region), nor reuse a name. */
class AccountConflictsTest {

    @Test
    void two_environments_in_one_account_are_refused_naming_both_stacks_and_the_singletons() {
        String shared = PlanFixture.SHARED.replace("test: \"444444444444\"", "test: \"444444444444\", qa: \"222222222222\"");
        String message = PlanFixture.failure(Map.of("shared", shared,
                "dev", PlanFixture.environment("222222222222", "10.10.0.0/16"),
                "qa", PlanFixture.environment("222222222222", "10.30.0.0/16")));

        assertThat(message).startsWith("the platform's stacks do not fit together:")
                .contains("stacks dev and qa would both create the IAM password policy in account 222222222222, which AWS allows only once there")
                .contains("stacks dev and qa would both create the AWS Config configuration recorder in account 222222222222 in eu-west-1")
                .contains("stacks dev and qa would both create the account's S3 Block Public Access in account 222222222222")
                .contains("stacks dev and qa would both create EBS encryption by default in account 222222222222 in eu-west-1");
    }

    @Test
    void the_repository_platform_has_no_conflicts() {
        assertThat(PlanFixture.repository().stacks()).extracting(StackPlan::stack).containsExactly("shared", "dev", "prod");
    }
}
