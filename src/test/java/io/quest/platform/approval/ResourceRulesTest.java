package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-resource rules on hand-made changes: what exposes data, what weakens a safeguard, and what does not. */
class ResourceRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ResourceChange change(Operation op, String type, String name, String oldInputs, String newInputs) {
        Urn urn = Urn.parse("urn:pulumi:dev::quest-platform::" + type + "::" + name);
        return new ResourceChange(op, urn, type, false, json(oldInputs), json(newInputs), List.of(), List.of());
    }

    private static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }

    private static String policy(String statement) {
        return JSON.valueToTree(Map.of("policy", "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}")).toString();
    }

    @Test
    void aPolicyForAnyoneUnderAConditionNeedsApprovalAndWithoutOneIsBlocked() {
        String conditional = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}");
        String open = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]},"
                + "\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}");
        String type = "aws:ecr/repositoryPolicy:RepositoryPolicy";

        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "web-pull", null, conditional)))
                .extracting(Reason::decision).containsExactly(Decision.NEEDS_APPROVAL);
        assertThat(texts(PublicAccess.reasons(change(Operation.UPDATE, type, "web-pull", conditional, open)))).containsExactly(
                "its policy allows anyone (any principal, no condition) ecr:BatchGetImage, ecr:GetDownloadUrlForLayer on"
                        + " `web-pull`: it becomes public");
    }

    @Test
    void aPolicyThatWasAlreadyPublicOrNamesOnlyAccountsAndServicesIsNotAnOpening() {
        String open = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}");
        String services = policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        String type = "aws:s3/bucketPolicy:BucketPolicy";

        assertThat(PublicAccess.reasons(change(Operation.UPDATE, type, "site", open, open))).isEmpty();
        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "logs", null, services))).isEmpty();
        assertThat(PublicAccess.reasons(change(Operation.UPDATE, type, "logs", services,
                "{\"policy\":\"" + InternetIngress.UNKNOWN_VALUE + "\"}"))).isEmpty();
        assertThat(ApprovalRules.decide(ApprovalRules.reasons(change(Operation.UPDATE, type, "logs", services, services), false)))
                .isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void publicAclsAndGrantsAreBlocked() {
        assertThat(texts(PublicAccess.reasons(change(Operation.CREATE, "aws:s3/bucketAclV2:BucketAclV2", "site-acl", null,
                "{\"bucket\":\"site\",\"acl\":\"public-read\"}")))).containsExactly("grants the canned ACL public-read on `site-acl`: it becomes public");
        assertThat(texts(PublicAccess.reasons(change(Operation.UPDATE, "aws:s3/bucketAclV2:BucketAclV2", "site-acl", "{\"acl\":\"private\"}",
                "{\"accessControlPolicy\":{\"grants\":[{\"grantee\":{\"type\":\"Group\",\"uri\":\"http://acs.amazonaws.com/groups/global/AllUsers\"},"
                        + "\"permission\":\"READ\"}],\"owner\":{\"id\":\"abc\"}}}"))))
                .containsExactly("grants \"READ\" to AllUsers on `site-acl`: it becomes public");
    }

    @Test
    void removingOrCreatingAPublicAccessBlock() {
        String type = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
        String on = "{\"blockPublicAcls\":true,\"blockPublicPolicy\":true,\"ignorePublicAcls\":true,\"restrictPublicBuckets\":true}";

        assertThat(texts(PublicAccess.reasons(change(Operation.DELETE, type, "account-block", on, null)))).containsExactly(
                "removes the S3 public access block `account-block`: buckets it covered may then be made public");
        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "account-block", null, on))).isEmpty();
        assertThat(PublicAccess.reasons(change(Operation.UPDATE, type, "account-block", on, on))).isEmpty();
        assertThat(PublicAccess.reasons(change(Operation.UPDATE, type, "account-block", on,
                "{\"blockPublicAcls\":true,\"blockPublicPolicy\":true,\"ignorePublicAcls\":true}")))
                .extracting(Reason::decision).containsExactly(Decision.BLOCKED);
    }

    @Test
    void lambdaPermissionsAndFunctionUrls() {
        String type = "aws:lambda/permission:Permission";

        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "s3-invoke", null,
                "{\"action\":\"lambda:InvokeFunction\",\"function\":\"f\",\"principal\":\"s3.amazonaws.com\",\"sourceArn\":\"arn:aws:s3:::b\"}"))).isEmpty();
        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "any-in-org", null,
                "{\"action\":\"lambda:InvokeFunction\",\"function\":\"f\",\"principal\":\"*\",\"principalOrgId\":\"o-abc123\"}")))
                .extracting(Reason::decision).containsExactly(Decision.NEEDS_APPROVAL);
        assertThat(PublicAccess.reasons(change(Operation.CREATE, type, "url", null,
                "{\"action\":\"lambda:InvokeFunctionUrl\",\"function\":\"f\",\"principal\":\"*\",\"functionUrlAuthType\":\"NONE\"}")))
                .extracting(Reason::decision).containsExactly(Decision.BLOCKED, Decision.BLOCKED);
        assertThat(texts(PublicAccess.reasons(change(Operation.UPDATE, "aws:lambda/functionUrl:FunctionUrl", "f-url",
                "{\"authorizationType\":\"AWS_IAM\"}", "{\"authorizationType\":\"NONE\"}"))))
                .containsExactly("makes the function URL `f-url` callable by anyone (authorizationType NONE)");
    }

    @Test
    void aDatabaseMadePubliclyAccessibleNeedsApproval() {
        String type = "aws:rds/instance:Instance";

        assertThat(texts(PublicAccess.reasons(change(Operation.UPDATE, type, "db", "{\"publiclyAccessible\":false}",
                "{\"publiclyAccessible\":true}")))).containsExactly("makes the database `db` publicly accessible (a public"
                + " address outside the VPC; its security groups decide who reaches it)");
        assertThat(PublicAccess.reasons(change(Operation.UPDATE, type, "db", "{\"publiclyAccessible\":true}",
                "{\"publiclyAccessible\":true}"))).isEmpty();
    }

    @Test
    void dynamoDbAndBucketSafeguards() {
        assertThat(Safeguards.weakenings(change(Operation.UPDATE, "aws:dynamodb/table:Table", "orders",
                "{\"deletionProtectionEnabled\":true,\"pointInTimeRecovery\":{\"enabled\":true}}",
                "{\"deletionProtectionEnabled\":false,\"pointInTimeRecovery\":{\"enabled\":false}}"))).containsExactly(
                "switches off deletion protection", "switches off point-in-time recovery (its backups)");
        assertThat(Safeguards.weakenings(change(Operation.UPDATE, "aws:s3/bucketV2:BucketV2", "exports",
                "{\"bucket\":\"exports\"}", "{\"bucket\":\"exports\",\"forceDestroy\":true}")))
                .containsExactly("sets forceDestroy: deleting it deletes every object");
    }

    @Test
    void strengtheningASafeguardOrCreatingWithoutOneIsNotAWeakening() {
        String type = "aws:rds/cluster:Cluster";

        assertThat(Safeguards.weakenings(change(Operation.UPDATE, type, "db", "{\"deletionProtection\":false,\"backupRetentionPeriod\":1}",
                "{\"deletionProtection\":true,\"backupRetentionPeriod\":14}"))).isEmpty();
        assertThat(Safeguards.weakenings(change(Operation.CREATE, type, "db", null, "{\"skipFinalSnapshot\":true}"))).isEmpty();
        assertThat(Safeguards.weakenings(change(Operation.UPDATE, type, "db", "{\"backupRetentionPeriod\":14}",
                "{\"backupRetentionPeriod\":3}"))).containsExactly("shortens automated backup retention from 14 to 3 days");
    }

    @Test
    void anUpdateWhoseOldInputsAreNotShownIsFlaggedWhenTheNewValueIsWeak() {
        assertThat(Safeguards.weakenings(change(Operation.UPDATE, "aws:rds/instance:Instance", "db", null,
                "{\"deletionProtection\":false,\"skipFinalSnapshot\":true}")))
                .containsExactly("switches off deletion protection", "forces skipFinalSnapshot: deleting it keeps no final snapshot");
    }
}
