package io.quest.platform.governance;

import io.quest.platform.plan.Plan;
import io.quest.platform.testing.PlanFixture;

import java.util.Map;

/** The plans the governance tests read, made once per test run. */
final class BaselinePlans {

    private static Plan platform;

    private BaselinePlans() {
    }

    /**
     * The repository's shared stack with dev (the default baseline) and prod, which switches a rule off with a
     * reason and records global resources in another region.
     */
    static synchronized Plan platform() {
        if (platform == null) {
            Map<String, String> files = PlanFixture.repositoryStackFiles();
            files.put("prod", files.get("prod") + """
                      quest-platform:baseline:
                        homeRegion: eu-central-1
                        disabledRules:
                          INCOMING_SSH_DISABLED: "no security group allows SSH at all; restricted-common-ports covers the rest"
                    """);
            platform = PlanFixture.plan(files);
        }
        return platform;
    }
}
