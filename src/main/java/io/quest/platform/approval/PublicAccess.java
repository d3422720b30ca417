package io.quest.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds changes that let anyone reach data or code: a resource policy statement that allows any principal, an S3 ACL
 * grant to all (or all authenticated) AWS users, a public access block switched off, a Lambda permission for any
 * principal, a Lambda function URL without authentication, a database made publicly accessible (needs a human: its
 * security groups still decide who reaches it). Found only when the change makes it so (it was not so
 * before), as for ingress. Unconditional access for anyone is blocked; access for anyone under a condition (a source
 * ARN, account or organisation) needs a human to read the condition.
 * <p>
 * Input names: {@code com.pulumi:aws} 6.83.0 ({@code s3.BucketPolicyArgs.policy}, {@code s3.BucketAclV2Args},
 * {@code s3.BucketPublicAccessBlockArgs}, {@code lambda.PermissionArgs}, {@code lambda.FunctionUrlArgs}); policy
 * grammar: AWS IAM JSON policy reference (Principal {@code "*"} or {@code {"AWS": "*"}} is anyone, NotPrincipal with
 * Allow is anyone but the named).
 */
public final class PublicAccess {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Resource types and the input that holds their resource policy. */
    private static final Map<String, String> POLICIES = Map.ofEntries(
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", "policy"),
            Map.entry("aws:s3/bucket:Bucket", "policy"),
            Map.entry("aws:s3/bucketV2:BucketV2", "policy"),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", "policy"),
            Map.entry("aws:sns/topic:Topic", "policy"),
            Map.entry("aws:sqs/queuePolicy:QueuePolicy", "policy"),
            Map.entry("aws:sqs/queue:Queue", "policy"),
            Map.entry("aws:ecr/repositoryPolicy:RepositoryPolicy", "policy"),
            Map.entry("aws:secretsmanager/secretPolicy:SecretPolicy", "policy"),
            Map.entry("aws:secretsmanager/secret:Secret", "policy"),
            Map.entry("aws:kms/key:Key", "policy"),
            Map.entry("aws:kms/keyPolicy:KeyPolicy", "policy"),
            Map.entry("aws:opensearch/domainPolicy:DomainPolicy", "accessPolicies"),
            Map.entry("aws:opensearch/domain:Domain", "accessPolicies"));
    private static final Set<String> ACL_TYPES = Set.of("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2",
            "aws:s3/bucketAclV2:BucketAclV2", "aws:s3/bucketObject:BucketObject", "aws:s3/bucketObjectv2:BucketObjectv2");
    private static final Set<String> PUBLIC_ACLS = Set.of("public-read", "public-read-write", "authenticated-read");
    private static final Set<String> PUBLIC_GROUPS = Set.of("http://acs.amazonaws.com/groups/global/AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");
    private static final Set<String> ACCESS_BLOCKS = Set.of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock");
    private static final Set<String> PUBLIC_ENDPOINTS = Set.of("aws:rds/instance:Instance",
            "aws:rds/clusterInstance:ClusterInstance", "aws:redshift/cluster:Cluster");
    private static final List<String> BLOCK_FLAGS = List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls",
            "restrictPublicBuckets");

    private PublicAccess() {
    }

    /** Every reason the change exposes something to anyone; empty when it does not. */
    public static List<Reason> reasons(ResourceChange change) {
        List<Reason> reasons = new ArrayList<>();
        Operation op = change.operation();
        String name = "`" + change.name() + "`";
        if (op == Operation.DELETE) {
            if (ACCESS_BLOCKS.contains(change.type())) {
                reasons.add(Reason.needsApproval("removes the S3 public access block " + name
                        + ": buckets it covered may then be made public"));
            }
            return reasons;
        }
        if (!op.changesCloud()) {
            return reasons;
        }
        JsonNode before = op == Operation.CREATE ? null : change.oldInputs();
        JsonNode after = change.newInputs();
        String field = POLICIES.get(change.type());
        if (field != null) {
            Set<String> anyoneBefore = anyone(before, field, false);
            Set<String> conditionalBefore = anyone(before, field, true);
            Set<String> anyoneAfter = anyone(after, field, false);
            anyoneAfter.removeAll(anyoneBefore);
            Set<String> conditionalAfter = anyone(after, field, true);
            conditionalAfter.removeAll(conditionalBefore);
            conditionalAfter.removeAll(anyoneBefore);
            for (String actions : anyoneAfter) {
                reasons.add(Reason.blocked("its policy allows anyone (any principal, no condition) " + actions + " on " + name
                        + ": it becomes public"));
            }
            for (String actions : conditionalAfter) {
                reasons.add(Reason.needsApproval("its policy allows anyone " + actions + " on " + name
                        + " under a condition; check that the condition limits who"));
            }
        }
        if (ACL_TYPES.contains(change.type())) {
            Set<String> grants = publicGrants(after);
            grants.removeAll(publicGrants(before));
            grants.forEach(grant -> reasons.add(Reason.blocked("grants " + grant + " on " + name + ": it becomes public")));
        }
        if (ACCESS_BLOCKS.contains(change.type()) && op != Operation.CREATE) {
            for (String flag : BLOCK_FLAGS) {
                boolean was = before == null || !before.isObject() || before.path(flag).asBoolean(false);
                if (was && !after.path(flag).asBoolean(false)) {
                    reasons.add(Reason.blocked("switches off " + flag + " in the S3 public access block " + name
                            + ": buckets may become public"));
                }
            }
        }
        if (PUBLIC_ENDPOINTS.contains(change.type()) && after.path("publiclyAccessible").asBoolean(false)
                && (before == null || !before.path("publiclyAccessible").asBoolean(false))) {
            reasons.add(Reason.needsApproval("makes the database " + name + " publicly accessible (a public address"
                    + " outside the VPC; its security groups decide who reaches it)"));
        }
        if (change.type().equals("aws:lambda/permission:Permission")) {
            lambdaPermission(before, after, name, reasons);
        }
        if (change.type().equals("aws:lambda/functionUrl:FunctionUrl")
                && after.path("authorizationType").asText("").equals("NONE")
                && (before == null || !before.path("authorizationType").asText("").equals("NONE"))) {
            reasons.add(Reason.blocked("makes the function URL " + name + " callable by anyone (authorizationType NONE)"));
        }
        return reasons;
    }

    private static void lambdaPermission(JsonNode before, JsonNode after, String name, List<Reason> reasons) {
        boolean anyoneBefore = before != null && before.path("principal").asText("").equals("*");
        boolean urlBefore = before != null && before.path("functionUrlAuthType").asText("").equals("NONE");
        if (after.path("principal").asText("").equals("*") && !anyoneBefore) {
            List<String> limits = new ArrayList<>();
            for (String limit : List.of("sourceArn", "sourceAccount", "principalOrgId")) {
                if (after.path(limit).isTextual() && !after.path(limit).asText().isEmpty()) {
                    limits.add(limit);
                }
            }
            String action = after.path("action").asText("lambda:InvokeFunction");
            if (limits.isEmpty()) {
                reasons.add(Reason.blocked("lets any principal " + action + " through Lambda permission " + name
                        + " (principal \"*\", no sourceArn, sourceAccount or principalOrgId)"));
            } else {
                reasons.add(Reason.needsApproval("lets any principal " + action + " through Lambda permission " + name
                        + " limited only by " + String.join(", ", limits) + "; check that it limits who"));
            }
        }
        if (after.path("functionUrlAuthType").asText("").equals("NONE") && !urlBefore) {
            reasons.add(Reason.blocked("lets anyone call the function URL through Lambda permission " + name
                    + " (functionUrlAuthType NONE)"));
        }
    }

    /**
     * The actions of the policy's Allow statements for any principal ("s3:GetObject, s3:ListBucket"), either those
     * without a condition or those with one.
     */
    private static Set<String> anyone(JsonNode inputs, String field, boolean conditional) {
        Set<String> found = new TreeSet<>();
        if (inputs == null || !inputs.isObject()) {
            return found;
        }
        JsonNode policy = inputs.path(field);
        if (policy.isTextual()) {
            try {
                policy = JSON.readTree(policy.asText());
            } catch (JsonProcessingException e) {
                return found; // not known until apply, or not JSON: the resource policy area asks for a human anyway
            }
        }
        JsonNode statements = policy.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        for (JsonNode statement : list) {
            if (!statement.path("Effect").asText("").equals("Allow") || !forAnyone(statement)) {
                continue;
            }
            JsonNode condition = statement.path("Condition");
            boolean hasCondition = condition.isObject() && !condition.isEmpty();
            if (hasCondition == conditional) {
                found.add(actions(statement));
            }
        }
        return found;
    }

    private static boolean forAnyone(JsonNode statement) {
        if (statement.has("NotPrincipal")) {
            return true;
        }
        JsonNode principal = statement.path("Principal");
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        JsonNode aws = principal.path("AWS");
        if (aws.isTextual()) {
            return aws.asText().equals("*");
        }
        if (aws.isArray()) {
            for (JsonNode entry : aws) {
                if (entry.asText().equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String actions(JsonNode statement) {
        JsonNode action = statement.has("Action") ? statement.get("Action") : statement.path("NotAction");
        String prefix = statement.has("Action") ? "" : "every action but ";
        List<String> names = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> names.add(a.asText()));
        } else if (action.isTextual()) {
            names.add(action.asText());
        }
        return prefix + (names.isEmpty() ? "(no action named)" : String.join(", ", names));
    }

    private static Set<String> publicGrants(JsonNode inputs) {
        Set<String> grants = new TreeSet<>();
        if (inputs == null || !inputs.isObject()) {
            return grants;
        }
        String acl = inputs.path("acl").asText("");
        if (PUBLIC_ACLS.contains(acl)) {
            grants.add("the canned ACL " + acl);
        }
        List<JsonNode> grantNodes = new ArrayList<>();
        inputs.path("grants").forEach(grantNodes::add);
        inputs.path("accessControlPolicy").path("grants").forEach(grantNodes::add);
        for (JsonNode grant : grantNodes) {
            String uri = grant.has("grantee") ? grant.path("grantee").path("uri").asText("") : grant.path("uri").asText("");
            if (PUBLIC_GROUPS.contains(uri)) {
                JsonNode permission = grant.has("permissions") ? grant.get("permissions") : grant.path("permission");
                grants.add(permission + " to " + uri.substring(uri.lastIndexOf('/') + 1));
            }
        }
        return grants;
    }
}
