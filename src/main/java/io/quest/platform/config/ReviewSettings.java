package io.quest.platform.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads and validates a review stack's {@code quest-platform:review}. */
final class ReviewSettings {

    private ReviewSettings() {
    }

    static ReviewConfig read(Settings ns, StackIdentity stack, String environment) {
        Settings s = ns.object("review");
        String given = s.string("environmentStack", environment);
        String environmentStack = given.contains("/") ? given : stack.sibling(given);
        if (!environmentStack.matches("[^/\\s]+/[^/\\s]+/[^/\\s]+")) {
            s.reject("environmentStack", given, "is not a stack name; expected a stack of this project (dev) or <organization>/<project>/<stack>");
        }
        int fromName = stack.stack().matches(StackRole.REVIEW_STACK) ? parse(stack.stack().substring(3)) : 0;
        int pullRequest = s.integer("pullRequest", fromName, 1, Integer.MAX_VALUE);
        if (fromName == 0) {
            ns.problem("role", "is review but the stack is named " + stack.stack() + "; a review stack is named pr-<pull request number>,"
                    + " the stacks CI's review role may update");
        } else if (pullRequest != fromName) {
            s.reject("pullRequest", pullRequest, "is not the number in the stack's name " + stack.stack() + "; expected " + fromName);
        }
        String expiresAt = s.requiredString("expiresAt", "when the review stack may be destroyed, an ISO-8601 instant such as 2026-12-09T17:00:00Z");
        if (!expiresAt.isEmpty()) {
            try {
                Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                s.reject("expiresAt", expiresAt, "is not an ISO-8601 instant; expected for example 2026-12-09T17:00:00Z");
            }
        }
        Optional<String> hostName = s.optionalString("hostName");
        Optional<String> zone = s.optionalString("hostedZoneId");
        hostName.filter(h -> !h.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+") || h.length() > 64)
                .ifPresent(h -> s.reject("hostName", h, "is not a DNS name an ACM certificate can have; expected lowercase labels of letters,"
                        + " digits and '-', at most 64 characters"));
        zone.filter(z -> !z.matches("Z[A-Z0-9]{1,31}")).ifPresent(z -> s.reject("hostedZoneId", z, "is not a Route 53 hosted zone ID; expected Z and letters or digits"));
        if (hostName.isPresent() != zone.isPresent()) {
            s.problem(hostName.isPresent() ? "hostedZoneId" : "hostName", "is required with " + s.key(hostName.isPresent() ? "hostName" : "hostedZoneId")
                    + ": the host name's DNS record and certificate validation go in that zone");
            hostName = Optional.empty();
            zone = Optional.empty();
        }
        boolean https = s.bool("https", true);
        s.rejectUnknown();
        return new ReviewConfig(environmentStack, Math.max(pullRequest, 1), expiresAt, hostName, zone, https);
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
