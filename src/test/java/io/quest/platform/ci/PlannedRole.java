package io.quest.platform.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.plan.Plan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An IAM role as the offline plan creates it, with everything that decides who may assume it and what it
 * may then do: its trust policy, its inline policies (the {@code RolePolicy} resources on it and its own
 * {@code inlinePolicies}) and the managed policies attached to it.
 *
 * @param stack            the stack that creates it
 * @param name             the role's name
 * @param arn              its ARN, in the account of the provider that creates it
 * @param trust            the trust policy
 * @param inlinePolicies   the inline policy documents
 * @param attachedPolicies the ARNs of the managed policies attached to it
 */
record PlannedRole(String stack, String name, String arn, JsonNode trust, List<JsonNode> inlinePolicies, List<String> attachedPolicies) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every role of every stack of a plan. */
    static List<PlannedRole> all(Plan plan) {
        List<PlannedRole> roles = new ArrayList<>();
        for (StackPlan stack : plan.stacks()) {
            for (PlannedResource role : stack.ofType("aws:iam/role:Role")) {
                // An auto-named role's name is the physical name the cloud gave it, which is also its ID.
                String name = role.input("name") instanceof String given ? given : role.id();
                List<JsonNode> inline = new ArrayList<>();
                for (PlannedResource policy : stack.ofType("aws:iam/rolePolicy:RolePolicy")) {
                    if (name.equals(policy.input("role"))) {
                        inline.add(json((String) policy.input("policy")));
                    }
                }
                if (role.input("inlinePolicies") instanceof List<?> own) {
                    for (Object p : own) {
                        if (p instanceof Map<?, ?> m && m.get("policy") instanceof String doc) {
                            inline.add(json(doc));
                        }
                    }
                }
                List<String> attached = stack.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                        .filter(a -> name.equals(a.input("role"))).map(a -> (String) a.input("policyArn")).toList();
                roles.add(new PlannedRole(stack.stack(), name, "arn:aws:iam::" + account(stack, role) + ":role/" + name,
                        json((String) role.input("assumeRolePolicy")), inline, attached));
            }
        }
        return roles;
    }

    /** The one account the resource's provider may act in ({@code allowedAccountIds}). */
    static String account(StackPlan stack, PlannedResource resource) {
        JsonNode ids = json(String.valueOf(stack.byUrn(resource.provider()).input("allowedAccountIds")));
        if (ids.size() != 1) {
            throw new IllegalStateException(resource.urn() + " is created through a provider without exactly one allowed account");
        }
        return ids.get(0).asText();
    }

    /** The ARN of the plan's GitHub OIDC provider ({@code arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com}). */
    static List<String> githubProviders(Plan plan) {
        List<String> arns = new ArrayList<>();
        for (StackPlan stack : plan.stacks()) {
            for (PlannedResource p : stack.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")) {
                arns.add("arn:aws:iam::" + account(stack, p) + ":oidc-provider/"
                        + String.valueOf(p.input("url")).replaceFirst("^https://", ""));
            }
        }
        return arns;
    }

    /**
     * The roles this role may assume: the resources of its Allow statements whose actions include
     * {@code sts:AssumeRole} (by name or by a wildcard).
     */
    List<String> assumable() {
        List<String> targets = new ArrayList<>();
        for (JsonNode statement : statements()) {
            if ("Allow".equals(statement.path("Effect").asText()) && list(statement.path("Action")).stream()
                    .map(JsonNode::asText).anyMatch(a -> a.equals("sts:AssumeRole") || a.equals("sts:*") || a.equals("*"))) {
                list(statement.path("Resource")).forEach(r -> targets.add(r.asText()));
            }
        }
        return targets;
    }

    /**
     * What lets the role do more than its statements name: an attached managed policy, or an Allow of every
     * action ({@code *}) or of a whole service's actions on every resource. Grants of named actions on named
     * resources (its stack state, say) are not listed.
     */
    List<String> broadPermissions() {
        List<String> broad = new ArrayList<>(attachedPolicies);
        for (JsonNode statement : statements()) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            boolean everyResource = list(statement.path("Resource")).stream().anyMatch(r -> r.asText().equals("*"));
            for (JsonNode action : list(statement.path("Action"))) {
                String a = action.asText();
                if (a.equals("*") || (everyResource && a.endsWith(":*")) || statement.has("NotAction")) {
                    broad.add(a + " on " + statement.path("Resource"));
                }
            }
        }
        return broad;
    }

    /**
     * Whether this role's trust lets a role of the plan call {@code sts:AssumeRole} on it: an Allow statement whose
     * AWS principal is that role's ARN, its account ({@code arn:aws:iam::ACCOUNT:root} or the bare ID, which hands
     * the decision to that account's own IAM) or anyone. Conditions are not read: they can only narrow.
     */
    boolean trusts(PlannedRole caller) {
        String account = caller.arn().split(":")[4];
        for (JsonNode statement : list(trust.path("Statement"))) {
            boolean assume = list(statement.path("Action")).stream().map(JsonNode::asText)
                    .anyMatch(a -> a.equals("sts:AssumeRole") || a.equals("sts:*") || a.equals("*"));
            JsonNode principal = statement.path("Principal");
            boolean admitted = (principal.isTextual() && principal.asText().equals("*")) || list(principal.path("AWS")).stream()
                    .map(JsonNode::asText).anyMatch(p -> p.equals(caller.arn()) || p.equals("arn:aws:iam::" + account + ":root")
                            || p.equals(account) || p.equals("*"));
            if ("Allow".equals(statement.path("Effect").asText()) && assume && admitted) {
                return true;
            }
        }
        return false;
    }

    private List<JsonNode> statements() {
        return inlinePolicies.stream().flatMap(p -> list(p.path("Statement")).stream()).toList();
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON policy: " + text, e);
        }
    }
}
