package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A load balancer serves its service over plain HTTP ({@code quest-platform:tls.mode: none}): an HTTP
 * listener that forwards instead of redirecting to HTTPS. Allowed outside production, never unseen.
 */
public final class TlsDisabledRule implements PolicyRule {

    @Override
    public String id() {
        return "tls-disabled";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedResource listener : plan.ofType("aws:lb/listener:Listener")) {
            if ("HTTP".equals(listener.input("protocol")) && forwards(listener)) {
                findings.add(new Finding(id(), config.production() ? Severity.high : Severity.medium, listener.urn(),
                        "listener " + listener.name() + " serves the service over plain HTTP on port " + listener.input("port")
                                + "; traffic and cookies cross the internet unencrypted (quest-platform:tls.mode is none)"));
            }
        }
        return findings;
    }

    private static boolean forwards(PlannedResource listener) {
        return listener.input("defaultActions") instanceof List<?> actions
                && actions.stream().anyMatch(a -> a instanceof Map<?, ?> m && "forward".equals(m.get("type")));
    }
}
