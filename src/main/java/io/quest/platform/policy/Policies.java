package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule Quest Platform evaluates on a plan, and the evaluation. */
public final class Policies {

    private static final List<PolicyRule> RULES = List.of(
            new OpenIngressRule(),
            new UnprotectedStateRule(),
            new LogGroupEncryptionRule(),
            new TlsDisabledRule(),
            new DisabledConfigRules(),
            new BaselineExceptionsRule(),
            new UnroutedAlertsRule(),
            new BudgetRule(),
            new IdentityCenterRule());

    private Policies() {
    }

    public static List<PolicyRule> rules() {
        return RULES;
    }

    /** The findings of every rule, most severe first. */
    public static List<Finding> evaluate(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (PolicyRule rule : RULES) {
            findings.addAll(rule.check(plan, config));
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::rule));
        return List.copyOf(findings);
    }
}
