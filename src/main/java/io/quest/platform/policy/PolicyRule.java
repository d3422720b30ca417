package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;

import java.util.List;

/** A security rule evaluated on a stack's plan. */
public interface PolicyRule {

    /** The rule's stable id, as it appears in findings. */
    String id();

    List<Finding> check(PricedStack plan, PlatformConfig config);
}
