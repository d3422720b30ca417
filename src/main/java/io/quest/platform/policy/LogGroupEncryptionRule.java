package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;

/** Log groups are encrypted with a customer-managed KMS key (FSBP CloudWatch.X, Config rule CLOUDWATCH_LOG_GROUP_ENCRYPTED). */
public final class LogGroupEncryptionRule implements PolicyRule {

    @Override
    public String id() {
        return "log-group-encryption";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedResource r : plan.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            Object key = r.input("kmsKeyId");
            if (key == null || String.valueOf(key).isEmpty()) {
                findings.add(new Finding(id(), Severity.low, r.urn(), "log group " + r.name()
                        + " is encrypted with CloudWatch's own key, not a customer-managed KMS key"));
            }
        }
        return findings;
    }
}
