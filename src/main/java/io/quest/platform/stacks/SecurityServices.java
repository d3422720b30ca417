package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.quest.platform.config.BaselineConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.governance.SecurityHub;
import io.quest.platform.governance.SecurityHubArgs;
import io.quest.platform.governance.ThreatDetection;
import io.quest.platform.governance.ThreatDetectionArgs;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * GuardDuty and Security Hub of an account, in each of its regions ({@code baseline.regions}, the allowed regions),
 * each through a provider pinned to that region: the home region's is the stack's own. The shared account is the
 * Security Hub administrator: it invites (or, as the organisation's delegated administrator, enables) every member
 * account in every region and aggregates every region's findings in its home region; each member account accepts
 * the shared account's invitation. GuardDuty findings notify the account's alert topic, when it has one.
 */
final class SecurityServices {

    private SecurityServices() {
    }

    static void compose(PlatformConfig config, SharedOutputs shared, Optional<Output<String>> alertTopicArn,
                        Function<String, ComponentResourceOptions> inRegion) {
        String env = config.environment();
        BaselineConfig baseline = config.baseline();
        boolean administrator = config.shared() != null;
        boolean organization = baseline.delegatedAdministrator();
        List<String> regions = baseline.regions();
        List<String> members = administrator ? List.copyOf(config.shared().members().values()) : List.of();

        Output<String> forwardRole = null;
        for (String region : regions) {
            boolean home = region.equals(config.region());
            ComponentResourceOptions options = inRegion.apply(region);
            var detection = new ThreatDetection(env + "-guardduty-" + region, new ThreatDetectionArgs(
                    config.accountId(),
                    region,
                    config.region(),
                    alertTopicArn,
                    home ? Optional.empty() : Optional.ofNullable(forwardRole),
                    regions.size() > 1,
                    config.tags()), options);
            if (home) {
                forwardRole = detection.forwardRoleArn();
            }

            new SecurityHub(env + "-security-hub-" + region, new SecurityHubArgs(
                    region,
                    administrator || !organization,
                    administrator || organization ? Optional.empty() : Optional.of(shared.sharedAccountId()),
                    members,
                    administrator && organization,
                    administrator && home), options);
        }
    }
}
