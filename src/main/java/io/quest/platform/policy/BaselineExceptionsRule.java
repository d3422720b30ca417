package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.governance.ProtectionPlan;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every FSBP or CIS control the plan deliberately does not meet, as a finding naming the control, the reason and the
 * compensating control (the same text as docs/baseline.md's exceptions): nothing is skipped silently. A GuardDuty
 * protection plan or agent switched off without a written exception is a high finding, and so is a bucket without
 * server access logging that is not an access-log bucket ({@link BucketLoggingExceptions}).
 */
public final class BaselineExceptionsRule implements PolicyRule {

    static final String FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";

    /** Why a load balancer may go without a web ACL outside production, and what covers the gap. */
    public static final String NO_WAF_REASON = "quest-platform:service.waf is false, the default outside production:"
            + " the web ACL's fixed cost would take the environment over its budget";
    public static final String NO_WAF_COMPENSATION = "HTTPS only with TLS 1.2 or later, HTTP redirected, invalid headers"
            + " dropped (ELB.4), tasks reachable only from the load balancer, GuardDuty Runtime Monitoring on the tasks;"
            + " set quest-platform:service.waf: true to add the web ACL";

    @Override
    public String id() {
        return "baseline-exception";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        webFirewall(plan, config, findings);
        BucketLoggingExceptions.check(plan, id(), findings);
        for (PlannedResource feature : plan.ofType(FEATURE)) {
            String name = String.valueOf(feature.input("name"));
            Optional<ProtectionPlan> known = Arrays.stream(ProtectionPlan.values()).filter(p -> p.feature().equals(name)).findFirst();
            if (!"ENABLED".equals(feature.input("status"))) {
                findings.add(new Finding(id(), Severity.high, feature.urn(), "GuardDuty protection plan " + name
                        + known.map(p -> " (" + p.control() + ")").orElse("") + " is off in " + feature.name()
                        + " without a written exception"));
            }
            if (!(feature.input("additionalConfigurations") instanceof List<?> agents)) {
                continue;
            }
            for (Object item : agents) {
                if (!(item instanceof Map<?, ?> agent) || "ENABLED".equals(agent.get("status"))) {
                    continue;
                }
                String agentName = String.valueOf(agent.get("name"));
                Optional<ProtectionPlan.AgentManagement> exception = Arrays.stream(ProtectionPlan.AgentManagement.values())
                        .filter(a -> a.configName().equals(agentName) && a.exception().isPresent()).findFirst();
                findings.add(exception.map(a -> new Finding(id(), Severity.low, feature.urn(), "FSBP " + a.control() + " ("
                                + agentName + ") is deliberately not met in " + feature.name() + ": " + a.exception().get().reason()
                                + ". Compensating control: " + a.exception().get().compensatingControl()))
                        .orElseGet(() -> new Finding(id(), Severity.high, feature.urn(), "GuardDuty agent setting " + agentName
                                + " is off in " + feature.name() + " without a written exception")));
            }
        }
        return findings;
    }

    /**
     * An internet-facing load balancer without a web ACL: Security Hub ELB.16 (NIST 800-53 r5; in neither FSBP nor
     * CIS). A written exception outside production, high in production.
     */
    private void webFirewall(PricedStack plan, PlatformConfig config, List<Finding> findings) {
        if (!plan.ofType("aws:wafv2/webAclAssociation:WebAclAssociation").isEmpty()) {
            return;
        }
        boolean production = config != null && config.production();
        for (PlannedResource lb : plan.ofType("aws:lb/loadBalancer:LoadBalancer")) {
            if (Boolean.TRUE.equals(lb.input("internal"))) {
                continue;
            }
            findings.add(production
                    ? new Finding(id(), Severity.high, lb.urn(), "Security Hub ELB.16 is not met in production: the internet-facing"
                            + " load balancer " + lb.name() + " has no AWS WAF web ACL; remove quest-platform:service.waf: false")
                    : new Finding(id(), Severity.low, lb.urn(), "Security Hub ELB.16 (NIST 800-53, in neither FSBP nor CIS) is"
                            + " deliberately not met: the internet-facing load balancer " + lb.name() + " has no AWS WAF web ACL: "
                            + NO_WAF_REASON + ". Compensating control: " + NO_WAF_COMPENSATION));
        }
    }
}
