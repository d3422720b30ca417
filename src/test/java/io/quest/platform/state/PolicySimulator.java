package io.quest.platform.state;

import io.quest.platform.iam.Condition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates one resource policy for one request the way AWS documents it: an explicit Deny that matches wins, then
 * an Allow that matches, otherwise the policy says nothing and the caller's own IAM policies decide
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). Actions and resources
 * match with {@code *} and {@code ?} wildcards, actions without regard to case. The condition operators our policies
 * use are modelled, with AWS's rule for a key the request does not carry: a positive operator does not match, a
 * negated one ({@code StringNotEquals}) does, an {@code ...IfExists} operator does, {@code Null} tests for it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
final class PolicySimulator {

    enum Decision { ALLOW, DENY, NONE }

    private final PolicyDocument policy;

    PolicySimulator(PolicyDocument policy) {
        this.policy = policy;
    }

    /** The decision for a request over TLS. */
    Decision decide(Principal caller, String action, String resource, Map<String, String> context) {
        Map<String, String> request = new java.util.HashMap<>(context);
        request.putIfAbsent("aws:SecureTransport", "true");
        boolean allowed = false;
        for (Statement s : policy.statements()) {
            if (!matches(s, caller, action, resource, request)) {
                continue;
            }
            if (s.effect() == Statement.Effect.Deny) {
                return Decision.DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.NONE;
    }

    Decision decide(Principal caller, String action, String resource) {
        return decide(caller, action, resource, Map.of());
    }

    private static boolean matches(Statement s, Principal caller, String action, String resource, Map<String, String> request) {
        boolean principal = s.principals().stream().anyMatch(p -> p.type().equals("*") || p.equals(caller));
        boolean actionMatches = s.actions().isEmpty()
                ? s.notActions().stream().noneMatch(a -> glob(a, action, true))
                : s.actions().stream().anyMatch(a -> glob(a, action, true));
        boolean resourceMatches = s.resources().isEmpty()
                ? s.notResources().stream().noneMatch(r -> glob(r, resource, false))
                : s.resources().stream().anyMatch(r -> glob(r, resource, false));
        return principal && actionMatches && resourceMatches && s.conditions().stream().allMatch(c -> holds(c, request));
    }

    private static boolean holds(Condition c, Map<String, String> request) {
        String value = request.get(c.variable());
        List<String> expected = c.values();
        return switch (c.test()) {
            case "StringEquals" -> value != null && expected.contains(value);
            case "StringNotEquals" -> value == null || !expected.contains(value);
            case "StringNotEqualsIfExists" -> value == null || !expected.contains(value);
            case "StringLike", "ArnLike" -> value != null && expected.stream().anyMatch(e -> glob(e, value, false));
            case "StringNotLike" -> value == null || expected.stream().noneMatch(e -> glob(e, value, false));
            case "Bool" -> value != null && expected.contains(value);
            case "Null" -> expected.contains(String.valueOf(value == null));
            default -> throw new IllegalArgumentException("condition operator not modelled: " + c.test());
        };
    }

    private static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }
}
