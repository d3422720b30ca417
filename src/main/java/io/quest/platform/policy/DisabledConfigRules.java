package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.governance.ConfigRules;
import io.quest.platform.planned.PlannedResource;

import java.util.List;

/**
 * Lists every AWS Config managed rule a stack switched off, with the reason its configuration gives, so a
 * reviewer sees each gap in the baseline and why it is there.
 */
public final class DisabledConfigRules implements PolicyRule {

    @Override
    public String id() {
        return "config-rule-disabled";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<PlannedResource> rules = plan.ofType(ConfigRules.TYPE);
        if (config.baseline() == null || rules.isEmpty()) {
            return List.of();
        }
        String urn = rules.get(0).urn();
        return config.baseline().disabledRules().entrySet().stream()
                .map(e -> new Finding(id(), Severity.info, urn,
                        "AWS Config rule " + e.getKey() + " is switched off: " + e.getValue()))
                .toList();
    }
}
