package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job of a {@link Workflow}.
 *
 * @param workflow the workflow it belongs to
 * @param id       its key under {@code jobs:}
 * @param node     its YAML
 */
record WorkflowJob(Workflow workflow, String id, JsonNode node) {

    /** Where problems name it: {@code deploy.yml job deploy}. */
    String label() {
        return workflow.file() + " job " + id;
    }

    /**
     * The GITHUB_TOKEN permissions the job gets, scope to level: its own {@code permissions:} replace the
     * workflow's; {@code read-all}/{@code write-all} grant every scope; a map grants the scopes it names and
     * none of the others. Empty when neither the job nor the workflow declares any, so the repository's
     * default applies, which the workflow file cannot show.
     */
    Optional<Map<String, String>> permissions() {
        JsonNode declared = node.has("permissions") ? node.get("permissions") : workflow.permissions().orElse(null);
        if (declared == null) {
            return Optional.empty();
        }
        Map<String, String> scopes = new LinkedHashMap<>();
        if (declared.isTextual()) {
            String level = switch (declared.asText()) {
                case "write-all" -> "write";
                case "read-all" -> "read";
                default -> throw new IllegalArgumentException(label() + ": unknown permissions " + declared.asText());
            };
            for (String scope : List.of("actions", "attestations", "checks", "contents", "deployments", "discussions",
                    "id-token", "issues", "models", "packages", "pages", "pull-requests", "security-events", "statuses")) {
                scopes.put(scope, scope.equals("id-token") && level.equals("read") ? "none" : level);
            }
        } else {
            declared.fields().forEachRemaining(e -> scopes.put(e.getKey(), e.getValue().asText()));
        }
        return Optional.of(scopes);
    }

    /** Whether the job may ask GitHub for an OIDC token ({@code id-token: write}). */
    boolean requestsIdToken() {
        return permissions().map(p -> "write".equals(p.get("id-token"))).orElse(false);
    }

    /** The {@code environment:} name as written (a string, or {@code name:} of a map). */
    Optional<String> environment() {
        JsonNode env = node.get("environment");
        if (env == null || env.isNull()) {
            return Optional.empty();
        }
        return Optional.of(env.isObject() ? env.path("name").asText() : env.asText());
    }

    /** {@code strategy.matrix}: an expression string or a map; missing when the job has no matrix. */
    JsonNode matrix() {
        return node.path("strategy").path("matrix");
    }

    JsonNode strategy() {
        return node.path("strategy");
    }

    /** The job-level {@code env:}. */
    Map<String, String> env() {
        return strings(node.get("env"));
    }

    /** {@code outputs:}, name to expression. */
    Map<String, String> outputs() {
        return strings(node.get("outputs"));
    }

    List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        node.path("steps").forEach(steps::add);
        return steps;
    }

    /** The steps that use an action ({@code uses:} starting with this prefix, e.g. {@code aws-actions/configure-aws-credentials@}). */
    List<JsonNode> stepsUsing(String actionPrefix) {
        return steps().stream().filter(s -> s.path("uses").asText().startsWith(actionPrefix)).toList();
    }

    /** The steps whose {@code run:} script contains this text. */
    List<JsonNode> stepsRunning(String text) {
        return steps().stream().filter(s -> s.path("run").asText().contains(text)).toList();
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> values = new LinkedHashMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        return values;
    }
}
