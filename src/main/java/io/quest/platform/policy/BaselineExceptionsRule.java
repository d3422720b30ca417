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
 * protection plan or agent switched off without a written exception is a high finding.
 */
public final class BaselineExceptionsRule implements PolicyRule {

    static final String FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";

    @Override
    public String id() {
        return "baseline-exception";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
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
}
