package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.quest.platform.identity.GitHubOidc;

import java.util.List;
import java.util.Map;

/**
 * Whether a trust policy lets a GitHub OIDC token assume its role, evaluated as IAM does for
 * {@code sts:AssumeRoleWithWebIdentity}: an Allow statement for that action, whose {@code Federated} principal
 * is the GitHub provider, and whose every condition holds. {@code StringEquals} compares exactly,
 * {@code StringLike} matches {@code *} and {@code ?} (IAM "Condition operators", string condition operators).
 */
enum Admission {
    /** No statement admits the token. */
    REFUSED,
    /** A statement admits exactly this token: {@code StringEquals} on both {@code sub} and {@code aud}. */
    EXACT,
    /** A statement admits it and more: a pattern, a missing {@code sub} or {@code aud} condition, or a wildcard principal. */
    BROADER;

    private static final String SUB = GitHubOidc.CLAIM + ":sub";
    private static final String AUD = GitHubOidc.CLAIM + ":aud";

    static Admission of(JsonNode trust, List<String> githubProviders, OidcToken token) {
        Admission best = REFUSED;
        for (JsonNode statement : PlannedRole.list(trust.path("Statement"))) {
            Admission a = statement(statement, githubProviders, token);
            if (a == BROADER || (a == EXACT && best == REFUSED)) {
                best = a;
            }
        }
        return best;
    }

    private static Admission statement(JsonNode s, List<String> githubProviders, OidcToken token) {
        if (!"Allow".equals(s.path("Effect").asText())
                || PlannedRole.list(s.path("Action")).stream().map(JsonNode::asText)
                .noneMatch(a -> a.equals("sts:AssumeRoleWithWebIdentity") || a.equals("sts:*") || a.equals("*"))) {
            return REFUSED;
        }
        JsonNode principal = s.path("Principal");
        boolean anyone = principal.isTextual() && principal.asText().equals("*");
        boolean github = PlannedRole.list(principal.path("Federated")).stream().map(JsonNode::asText).anyMatch(githubProviders::contains);
        if (!anyone && !github) {
            return REFUSED;
        }
        boolean broader = anyone;
        boolean subChecked = false;
        boolean audChecked = false;
        for (Map.Entry<String, JsonNode> operator : iterable(s.path("Condition"))) {
            String op = operator.getKey().replaceFirst("^ForAnyValue:|^ForAllValues:", "");
            for (Map.Entry<String, JsonNode> key : iterable(operator.getValue())) {
                String claim = key.getKey();
                String value = claim.equals(SUB) ? token.subject() : claim.equals(AUD) ? token.audience() : null;
                if (value == null) {
                    continue; // another claim: assumed to hold, which can only widen what is admitted
                }
                List<String> expected = PlannedRole.list(key.getValue()).stream().map(JsonNode::asText).toList();
                boolean holds;
                switch (op) {
                    case "StringEquals" -> holds = expected.contains(value);
                    case "StringLike" -> {
                        holds = expected.stream().anyMatch(p -> glob(p, value));
                        broader |= expected.stream().anyMatch(p -> p.contains("*") || p.contains("?"));
                    }
                    default -> {
                        holds = true; // an operator this check does not model: it admits, and more than one subject
                        broader = true;
                    }
                }
                if (!holds) {
                    return REFUSED;
                }
                broader |= expected.size() > 1;
                subChecked |= claim.equals(SUB);
                audChecked |= claim.equals(AUD);
            }
        }
        return broader || !subChecked || !audChecked ? BROADER : EXACT;
    }

    private static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
