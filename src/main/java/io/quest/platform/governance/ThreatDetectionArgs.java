package io.quest.platform.governance;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ThreatDetection} watches and where its findings go.
 *
 * @param accountId     the account the detector runs in
 * @param region        the region of this detector (its provider's)
 * @param homeRegion    the account's home region, where the alert topic lives
 * @param alertTopicArn the SNS topic GuardDuty findings of medium severity and above notify; empty leaves them in
 *                      GuardDuty and Security Hub only (no EventBridge rule)
 * @param forwardRoleArn the role EventBridge uses to forward findings from another region to the home region's default
 *                       event bus; required with a topic outside the home region
 * @param forwardedRegions in the home region: whether detectors of other regions forward their findings here, so this
 *                       component creates the forwarding role they use
 * @param tags          the platform-wide tag layer
 */
public record ThreatDetectionArgs(
        String accountId,
        String region,
        String homeRegion,
        Optional<Output<String>> alertTopicArn,
        Optional<Output<String>> forwardRoleArn,
        boolean forwardedRegions,
        Tags tags) {

    public ThreatDetectionArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(alertTopicArn, "alertTopicArn");
        Objects.requireNonNull(forwardRoleArn, "forwardRoleArn");
        Objects.requireNonNull(tags, "tags");
        if (alertTopicArn.isPresent() && !region.equals(homeRegion) && forwardRoleArn.isEmpty()) {
            throw new IllegalArgumentException("findings in " + region + " reach the alert topic in " + homeRegion
                    + " only through a forwarding role");
        }
    }

    /** Whether this detector runs in the home region. */
    public boolean inHomeRegion() {
        return region.equals(homeRegion);
    }
}
