package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.guardduty.Detector;
import com.pulumi.aws.guardduty.DetectorArgs;
import com.pulumi.aws.guardduty.DetectorFeature;
import com.pulumi.aws.guardduty.DetectorFeatureArgs;
import com.pulumi.aws.guardduty.inputs.DetectorFeatureAdditionalConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.Locale;
import java.util.Map;

/**
 * Amazon GuardDuty in one account and region (FSBP GuardDuty.1): a detector with every protection plan of
 * {@link ProtectionPlan}, each on or deliberately off with its reason, and an EventBridge rule that sends findings of
 * medium severity and above to the account's alert topic. A detector outside the home region forwards its findings to
 * the home region's default event bus, since EventBridge delivers to an SNS topic only in the rule's own region
 * (EventBridge User Guide, "Sending and receiving events between AWS Regions", read 2026-12-02); the home region's rule
 * then matches them like its own. GuardDuty also sends every finding to Security Hub, which aggregates them in the
 * shared account.
 */
public final class ThreatDetection extends ComponentResource {

    public static final String TYPE = "quest:governance:ThreatDetection";

    /**
     * GuardDuty findings of medium severity and above (4.0 to 10; GuardDuty User Guide, "Severity levels of GuardDuty
     * findings"), as EventBridge receives them: source {@code aws.guardduty}, detail type {@code GuardDuty Finding}.
     */
    public static final String FINDINGS_PATTERN =
            "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"],\"detail\":{\"severity\":[{\"numeric\":[\">=\",4]}]}}";

    private final Output<String> detectorId;
    private final Output<String> forwardRoleArn;

    public ThreatDetection(String name, ThreatDetectionArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var detector = new Detector(name, DetectorArgs.builder()
                .enable(true)
                .findingPublishingFrequency("FIFTEEN_MINUTES")
                .tags(args.tags().named(name))
                .build(), child);

        for (ProtectionPlan plan : ProtectionPlan.values()) {
            var feature = DetectorFeatureArgs.builder()
                    .detectorId(detector.id())
                    .name(plan.feature())
                    .status("ENABLED");
            if (!plan.agents().isEmpty()) {
                feature.additionalConfigurations(plan.agents().stream()
                        .map(agent -> DetectorFeatureAdditionalConfigurationArgs.builder()
                                .name(agent.configName())
                                .status(agent.enabled() ? "ENABLED" : "DISABLED")
                                .build())
                        .toList());
            }
            new DetectorFeature(name + "-" + plan.name().toLowerCase(Locale.ROOT).replace('_', '-'), feature.build(), child);
        }

        args.alertTopicArn().ifPresent(topic -> {
            var rule = new EventRule(name + "-findings", EventRuleArgs.builder()
                    .description("GuardDuty findings of medium severity and above in " + args.region() + " to the alert topic"
                            + (args.inHomeRegion() ? "" : " in " + args.homeRegion()))
                    .eventPattern(FINDINGS_PATTERN)
                    .tags(args.tags().named(name + "-findings"))
                    .build(), child);
            var target = EventTargetArgs.builder().rule(rule.name()).targetId("alerts");
            if (args.inHomeRegion()) {
                target.arn(topic);
            } else {
                target.arn(homeEventBusArn(args)).roleArn(args.forwardRoleArn().orElseThrow());
            }
            new EventTarget(name + "-findings-target", target.build(), child);
        });

        if (args.inHomeRegion() && args.forwardedRegions() && args.alertTopicArn().isPresent()) {
            String bus = homeEventBusArn(args);
            var role = new Role(name + "-forwarder", RoleArgs.builder()
                    .description("EventBridge: forwards GuardDuty findings of the account's other regions to " + args.homeRegion())
                    .assumeRolePolicy(forwarderTrust(Partition.of(args.homeRegion()), args.accountId()).toJson())
                    .tags(args.tags().named(name + "-forwarder"))
                    .build(), child);
            new RolePolicy(name + "-forwarder-put-events", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(forwarderPolicy(bus).toJson())
                    .build(), child);
            this.forwardRoleArn = role.arn();
        } else {
            this.forwardRoleArn = Output.of("");
        }
        this.detectorId = detector.id();
        registerOutputs(Map.of("detectorId", detectorId, "forwardRoleArn", forwardRoleArn));
    }

    /** The home region's default event bus of the same account. */
    static String homeEventBusArn(ThreatDetectionArgs args) {
        return Partition.of(args.homeRegion()).arn("events", args.homeRegion(), args.accountId(), "event-bus/default");
    }

    /** Only EventBridge, acting for this account, assumes the forwarding role. */
    static PolicyDocument forwarderTrust(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("EventBridgeAssumesRole", ServicePrincipal.EVENTS, partition)
                .onBehalfOf(accountId))
                .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the findings forwarder's trust policy");
    }

    /** Put events on the home region's default bus, nothing else. */
    static PolicyDocument forwarderPolicy(String busArn) {
        return PolicyDocument.of(Statement.allow("PutOnHomeBus").actions("events:PutEvents").resources(busArn))
                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the findings forwarder's policy");
    }

    /** The role other regions' rules forward findings with (empty text outside the home region). */
    public Output<String> forwardRoleArn() {
        return forwardRoleArn;
    }

    public Output<String> detectorId() {
        return detectorId;
    }
}
