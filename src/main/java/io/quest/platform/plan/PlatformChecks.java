package io.quest.platform.plan;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.network.Ipv4Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that only make sense across stacks: no two VPCs of the platform may overlap, because they will
 * be peered or joined to a transit gateway.
 */
final class PlatformChecks {

    private PlatformChecks() {
    }

    static void check(Map<String, PlatformConfig> configs) {
        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, PlatformConfig>> withVpc = configs.entrySet().stream()
                .filter(e -> e.getValue().network() != null && e.getValue().network().builtHere())
                .toList();
        for (int i = 0; i < withVpc.size(); i++) {
            for (int j = i + 1; j < withVpc.size(); j++) {
                Ipv4Cidr a = withVpc.get(i).getValue().network().cidr();
                Ipv4Cidr b = withVpc.get(j).getValue().network().cidr();
                if (a.overlaps(b)) {
                    problems.add("quest-platform:network.cidr: \"" + b + "\" of stack " + withVpc.get(j).getKey()
                            + " overlaps \"" + a + "\" of stack " + withVpc.get(i).getKey()
                            + "; the platform's VPCs are joined together, so each needs a range of its own");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException("the platform's stacks do not fit together:\n  " + String.join("\n  ", problems));
        }
    }
}
