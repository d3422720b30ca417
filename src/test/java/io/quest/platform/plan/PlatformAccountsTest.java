package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Environment stacks must deploy into the account and a region their shared stack prepared. */
class PlatformAccountsTest {

    @Test
    void an_environment_in_another_account_than_the_shared_stack_names_is_refused() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED,
                "dev", PlanFixture.environment("999999999999", "10.10.0.0/16")));

        assertThat(message).contains("quest-platform:account: \"999999999999\" of stack dev is not the dev account 222222222222"
                + " in quest-platform:accounts of stack shared");
    }

    @Test
    void an_environment_the_shared_stack_does_not_know_is_refused_with_the_line_to_add() {
        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED,
                "staging", PlanFixture.environment("666666666666", "10.40.0.0/16")));

        assertThat(message).contains("quest-platform:accounts of stack shared has no staging account, so stack staging has no deployer role;"
                + " add staging: \"666666666666\" there");
    }

    @Test
    void an_environment_outside_the_allowed_regions_is_refused() {
        String dev = PlanFixture.environment("222222222222", "10.10.0.0/16").replace("eu-west-1", "eu-central-1");

        String message = PlanFixture.failure(Map.of("shared", PlanFixture.SHARED, "dev", dev));

        assertThat(message).contains("aws:region: \"eu-central-1\" of stack dev is outside quest-platform:allowedRegions [eu-west-1] of stack shared");
    }
}
