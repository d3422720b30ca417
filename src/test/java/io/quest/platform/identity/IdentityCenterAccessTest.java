package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.DrainingRunner;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.tags.Tags;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's access in the shared stack: the permission sets the repository's shared stack creates in the organisation's
 * Identity Center instance, their policies and sessions, the assignments its configuration names, the break-glass
 * role's trust in the break-glass set, and the stack without Identity Center.
 */
class IdentityCenterAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE_PREFIX = "arn:aws:sso:::instance/ssoins-";

    private static StackPlan shared() {
        return PlanFixture.repository().stack("shared");
    }

    private static List<PlannedResource> ofType(StackPlan plan, String type) {
        return plan.ofType(type);
    }

    @Test
    void each_permission_set_has_its_name_and_session_in_the_instance_the_stack_reads() {
        StackPlan shared = shared();
        Map<String, Object> identityCenter = asMap(shared.outputs().get("identityCenter"));
        String instance = (String) identityCenter.get("instanceArn");

        assertThat(instance).startsWith(INSTANCE_PREFIX);
        assertThat(identityCenter.get("management")).asString().startsWith("read, not managed");
        List<PlannedResource> sets = ofType(shared, "aws:ssoadmin/permissionSet:PermissionSet");
        assertThat(sets).hasSize(5).allSatisfy(s -> assertThat(s.input("instanceArn")).isEqualTo(instance));
        Map<String, String> sessions = new java.util.TreeMap<>();
        sets.forEach(s -> sessions.put((String) s.input("name"), (String) s.input("sessionDuration")));
        assertThat(sessions).containsExactly(
                Map.entry("quest-administrator", "PT1H"),
                Map.entry("quest-break-glass", "PT1H"),
                Map.entry("quest-deployer", "PT1H"),
                Map.entry("quest-read-only", "PT8H"),
                Map.entry("quest-security-auditor", "PT8H"));
        // Read, never created: no resource of the instance or the Identity Store's users and groups.
        assertThat(shared.resources()).extracting(PlannedResource::type)
                .noneMatch(t -> t.startsWith("aws:ssoadmin/instance") || t.startsWith("aws:identitystore/"));
    }

    @Test
    void each_permission_set_holds_its_roles_policies_and_the_deployer_set_the_deployers_boundary_by_reference() throws Exception {
        StackPlan shared = shared();
        Map<String, List<String>> managed = new java.util.TreeMap<>();
        for (PlannedResource a : ofType(shared, "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment")) {
            managed.computeIfAbsent(setName(shared, a), k -> new java.util.ArrayList<>()).add((String) a.input("managedPolicyArn"));
        }
        managed.values().forEach(java.util.Collections::sort);
        assertThat(managed).containsExactly(
                Map.entry("quest-administrator", List.of("arn:aws:iam::aws:policy/AdministratorAccess")),
                Map.entry("quest-deployer", List.of("arn:aws:iam::aws:policy/AdministratorAccess")),
                Map.entry("quest-read-only", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                Map.entry("quest-security-auditor", List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/SecurityAudit")));

        List<PlannedResource> boundaries = ofType(shared, "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment");
        assertThat(boundaries).singleElement().satisfies(b -> {
            assertThat(setName(shared, b)).isEqualTo("quest-deployer");
            JsonNode boundary = JSON.valueToTree(b.input("permissionsBoundary"));
            assertThat(boundary.at("/customerManagedPolicyReference/name").asText()).isEqualTo("quest-platform-deployer-boundary");
            assertThat(boundary.at("/customerManagedPolicyReference/path").asText()).isEqualTo("/");
            assertThat(boundary.has("managedPolicyArn")).isFalse();
        });

        Map<String, JsonNode> inline = new java.util.TreeMap<>();
        for (PlannedResource p : ofType(shared, "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy")) {
            inline.put(setName(shared, p), JSON.readTree((String) p.input("inlinePolicy")));
        }
        assertThat(inline).containsOnlyKeys("quest-break-glass", "quest-read-only");
        assertThat(inline.get("quest-break-glass").at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(inline.get("quest-break-glass").at("/Statement/0/Resource")).extracting(JsonNode::asText).containsExactly(
                "arn:aws:iam::222222222222:role/quest-platform-break-glass", "arn:aws:iam::333333333333:role/quest-platform-break-glass");
        assertThat(inline.get("quest-read-only").at("/Statement/0/Effect").asText()).isEqualTo("Deny");
    }

    @Test
    void groups_named_in_configuration_get_their_permission_set_in_each_account_they_are_named_for() {
        StackPlan shared = shared();
        List<PlannedResource> assignments = ofType(shared, "aws:ssoadmin/accountAssignment:AccountAssignment");

        List<String> seen = assignments.stream().map(a -> setName(shared, a) + " " + a.input("targetId")).sorted().toList();
        assertThat(seen).containsExactly(
                "quest-administrator 111111111111",
                "quest-break-glass 111111111111",
                "quest-deployer 222222222222",
                "quest-read-only 222222222222", "quest-read-only 222222222222",
                "quest-read-only 333333333333", "quest-read-only 333333333333",
                "quest-security-auditor 111111111111", "quest-security-auditor 222222222222", "quest-security-auditor 333333333333");
        assertThat(assignments).allSatisfy(a -> {
            assertThat(a.input("principalType")).isEqualTo("GROUP");
            assertThat(a.input("targetType")).isEqualTo("AWS_ACCOUNT");
            assertThat((String) a.input("principalId")).as("the group ID the Identity Store answered")
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        });
        // The same group is one principal in every account; different groups are different principals.
        PlannedResource devReaders = shared.named("access-read-only-dev-developers");
        PlannedResource prodReaders = shared.named("access-read-only-prod-developers");
        PlannedResource devEngineers = shared.named("access-read-only-dev-platform-engineers");
        assertThat(devReaders.input("principalId")).isEqualTo(prodReaders.input("principalId")).isNotEqualTo(devEngineers.input("principalId"));
    }

    @Test
    void an_assignment_waits_for_its_permission_sets_policies_and_for_the_boundary_in_its_account() {
        StackPlan shared = shared();
        PlannedResource deployer = shared.named("access-deployer-dev-platform-engineers");

        assertThat(deployer.dependencies()).contains(shared.named("dev-boundary").urn(),
                shared.named("access-deployer-boundary").urn(), shared.named("access-deployer-AdministratorAccess").urn());
        assertThat(deployer.dependencies()).doesNotContain(shared.named("prod-boundary").urn());
        assertThat(shared.named("access-break-glass-shared-platform-on-call").dependencies())
                .contains(shared.named("access-break-glass-inline").urn());
    }

    @Test
    void the_break_glass_role_in_each_member_account_trusts_the_break_glass_permission_sets_role_and_keeps_its_alarm() throws Exception {
        StackPlan shared = shared();
        for (String env : List.of("dev", "prod")) {
            JsonNode trust = JSON.readTree((String) shared.named(env + "-break-glass").input("assumeRolePolicy"));
            assertThat(trust.get("Statement")).hasSize(1);
            assertThat(trust.at("/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::111111111111:root");
            assertThat(trust.at("/Statement/0/Condition/ArnLike/aws:PrincipalArn")).extracting(JsonNode::asText).containsExactly(
                    "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_quest-break-glass_*",
                    "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_quest-break-glass_*");
            assertThat(trust.at("/Statement/0/Condition/Bool").isMissingNode()).isTrue();
        }
        // Every use of the break-glass roles is still counted: the metric filter watches their ARNs.
        assertThat((String) shared.named("shared-trail-break-glass-use").input("pattern"))
                .contains("arn:aws:iam::222222222222:role/quest-platform-break-glass", "arn:aws:iam::333333333333:role/quest-platform-break-glass");
    }

    @Test
    void the_plan_says_the_instance_is_read_not_managed() {
        assertThat(shared().findings()).filteredOn(f -> f.rule().equals("identity-center")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("IAM Identity Center instance in eu-west-1 is read, not managed here",
                        "5 permission sets and 10 group assignments"));
    }

    @Test
    void the_platform_creates_no_iam_users_no_access_keys_and_no_identity_store_users_or_groups() {
        List<String> forbidden = List.of("aws:iam/user:User", "aws:iam/accessKey:AccessKey", "aws:iam/userLoginProfile:UserLoginProfile",
                "aws:iam/serviceSpecificCredential:ServiceSpecificCredential", "aws:identitystore/user:User", "aws:identitystore/group:Group");

        assertThat(PlanFixture.repository().stacks()).isNotEmpty().allSatisfy(stack ->
                assertThat(stack.resources()).extracting(PlannedResource::type).doesNotContainAnyElementsOf(forbidden));
    }

    @Test
    void without_identity_center_nothing_is_assigned_and_break_glass_keeps_requiring_mfa_from_the_shared_account() throws Exception {
        StackPlan shared = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED + "  quest-platform:access: {identityCenter: false}\n"),
                "shared").stack("shared");

        assertThat(shared.resources()).extracting(PlannedResource::type).noneMatch(t -> t.startsWith("aws:ssoadmin/"));
        assertThat(shared.resources()).extracting(PlannedResource::name).doesNotContain("shared-aws-identity-center");
        JsonNode trust = JSON.readTree((String) shared.named("dev-break-glass").input("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Condition/Bool/aws:MultiFactorAuthPresent").asText()).isEqualTo("true");
        assertThat(asMap(shared.outputs().get("identityCenter")).get("management")).asString().startsWith("off");
        assertThat(shared.findings()).filteredOn(f -> f.rule().equals("identity-center")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("quest-platform:access.identityCenter is false");
                    assertThat(f.severity()).isEqualTo(io.quest.platform.policy.Severity.low);
                    assertThat(f.urn()).as("on the role whose trust it is about").isEqualTo(shared.named("dev-break-glass").urn());
                });
    }

    @Test
    void an_instance_in_another_region_is_reached_through_a_provider_in_that_region() {
        StackPlan shared = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED + "  quest-platform:access: {region: us-east-1}\n"),
                "shared").stack("shared");

        PlannedResource provider = shared.named("shared-aws-identity-center");
        assertThat(provider.input("region")).isEqualTo("us-east-1");
        assertThat(provider.input("allowedAccountIds")).isEqualTo("[\"111111111111\"]");
        assertThat(ofType(shared, "aws:ssoadmin/permissionSet:PermissionSet")).allSatisfy(s -> assertThat(s.provider()).isEqualTo(provider.urn()));
    }

    @Test
    void a_missing_instance_stops_the_program_with_what_to_do() {
        var aws = new MockCloud("shared", "111111111111", "eu-west-1", Map.of());
        var cloud = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                return aws.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if (args.token.equals("aws:ssoadmin/getInstances:getInstances")) {
                    // What ListInstances answers where Identity Center is not enabled, or not administered from this account.
                    return CompletableFuture.completedFuture(Map.of("id", "eu-west-1", "arns", List.of(), "identityStoreIds", List.of()));
                }
                return aws.callAsync(args);
            }
        };
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("quest-platform").stackName("shared").preview(false).build())
                .mocks(cloud)
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .deploymentFactory(DrainingRunner::deployment)
                .build();
        try {
            TestResult result = test.runTest(ctx -> new IdentityCenterAccess("access", new IdentityCenterAccessArgs(Partition.AWS,
                    Map.of("dev", "222222222222"), Map.of(), List.of(), Map.of(),
                    Tags.platform("quest-platform", "shared", "shared", "", Map.of())), null));
            List<String> messages = new java.util.ArrayList<>(result.errors());
            result.exceptions().forEach(e -> {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                messages.add(cause.getMessage());
            });
            assertThat(String.join("\n", messages)).contains("no IAM Identity Center instance is visible to the shared account in this region",
                    "quest-platform:access.identityCenter: false");
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * The name of the permission set a resource attaches to or assigns, found through the set's ARN as the stack's
     * {@code identityCenter} output gives it ({@code permissionSet.<role>}).
     */
    private static String setName(StackPlan plan, PlannedResource r) {
        String arn = (String) r.input("permissionSetArn");
        Map<String, Object> identityCenter = asMap(plan.outputs().get("identityCenter"));
        return java.util.Arrays.stream(AccessRole.values())
                .filter(role -> arn.equals(identityCenter.get("permissionSet." + role.configValue())))
                .map(AccessRole::permissionSetName)
                .findFirst().orElseThrow(() -> new AssertionError(r.name() + " names no permission set of the stack: " + arn));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
