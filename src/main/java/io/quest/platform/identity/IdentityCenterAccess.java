package io.quest.platform.identity;

import com.pulumi.aws.identitystore.IdentitystoreFunctions;
import com.pulumi.aws.identitystore.inputs.GetGroupAlternateIdentifierArgs;
import com.pulumi.aws.identitystore.inputs.GetGroupAlternateIdentifierUniqueAttributeArgs;
import com.pulumi.aws.identitystore.inputs.GetGroupArgs;
import com.pulumi.aws.ssoadmin.AccountAssignment;
import com.pulumi.aws.ssoadmin.AccountAssignmentArgs;
import com.pulumi.aws.ssoadmin.ManagedPolicyAttachment;
import com.pulumi.aws.ssoadmin.ManagedPolicyAttachmentArgs;
import com.pulumi.aws.ssoadmin.PermissionSet;
import com.pulumi.aws.ssoadmin.PermissionSetArgs;
import com.pulumi.aws.ssoadmin.PermissionSetInlinePolicy;
import com.pulumi.aws.ssoadmin.PermissionSetInlinePolicyArgs;
import com.pulumi.aws.ssoadmin.PermissionsBoundaryAttachment;
import com.pulumi.aws.ssoadmin.PermissionsBoundaryAttachmentArgs;
import com.pulumi.aws.ssoadmin.SsoadminFunctions;
import com.pulumi.aws.ssoadmin.inputs.PermissionsBoundaryAttachmentPermissionsBoundaryArgs;
import com.pulumi.aws.ssoadmin.inputs.PermissionsBoundaryAttachmentPermissionsBoundaryCustomerManagedPolicyReferenceArgs;
import com.pulumi.aws.ssoadmin.outputs.GetInstancesResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * People's way into the platform's accounts: a permission set per {@link AccessRole} in the organisation's IAM
 * Identity Center instance, and their assignments to Identity Store groups per account. The instance and its
 * Identity Store are read, never created or changed ({@code ssoadmin.getInstances}, {@code identitystore.getGroup}):
 * they belong to the organisation, which manages its users and groups elsewhere. The component's provider must act in
 * the account that administers the instance (the management account or its delegated administrator), in the
 * instance's region.
 */
public final class IdentityCenterAccess extends ComponentResource {

    public static final String TYPE = "quest:identity:IdentityCenterAccess";

    private final Output<String> instanceArn;
    private final Output<String> identityStoreId;
    private final Output<Map<String, String>> permissionSetArns;

    public IdentityCenterAccess(String name, IdentityCenterAccessArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var invoke = InvokeOptions.builder().parent(this).build();

        Output<GetInstancesResult> instances = SsoadminFunctions.getInstances(InvokeArgs.Empty, invoke).applyValue(IdentityCenterAccess::one);
        this.instanceArn = instances.applyValue(r -> r.arns().get(0));
        this.identityStoreId = instances.applyValue(r -> r.identityStoreIds().get(0));

        Map<AccessRole, PermissionSet> sets = new EnumMap<>(AccessRole.class);
        Map<AccessRole, List<Resource>> policies = new EnumMap<>(AccessRole.class);
        for (AccessRole role : AccessRole.values()) {
            String key = name + "-" + role.configValue();
            var set = new PermissionSet(key, PermissionSetArgs.builder()
                    .name(role.permissionSetName())
                    .description(description(role))
                    .instanceArn(instanceArn)
                    .sessionDuration(AccessRole.isoDuration(args.sessionHours(role)))
                    .tags(args.tags().named(key))
                    .build(), child);
            sets.put(role, set);
            List<Resource> attached = new ArrayList<>();
            for (String policy : PermissionSetPolicies.managedPolicies(role)) {
                attached.add(new ManagedPolicyAttachment(key + "-" + policy, ManagedPolicyAttachmentArgs.builder()
                        .instanceArn(instanceArn)
                        .permissionSetArn(set.arn())
                        .managedPolicyArn(args.partition().awsManagedPolicy(policy))
                        .build(), child));
            }
            PermissionSetPolicies.inlinePolicy(role, args.partition(), args.memberAccounts().values()).ifPresent(document ->
                    attached.add(new PermissionSetInlinePolicy(key + "-inline", PermissionSetInlinePolicyArgs.builder()
                            .instanceArn(instanceArn)
                            .permissionSetArn(set.arn())
                            .inlinePolicy(document.toJson())
                            .build(), child)));
            PermissionSetPolicies.boundaryPolicy(role).ifPresent(policy ->
                    attached.add(new PermissionsBoundaryAttachment(key + "-boundary", PermissionsBoundaryAttachmentArgs.builder()
                            .instanceArn(instanceArn)
                            .permissionSetArn(set.arn())
                            .permissionsBoundary(PermissionsBoundaryAttachmentPermissionsBoundaryArgs.builder()
                                    .customerManagedPolicyReference(PermissionsBoundaryAttachmentPermissionsBoundaryCustomerManagedPolicyReferenceArgs.builder()
                                            .name(policy)
                                            .path("/")
                                            .build())
                                    .build())
                            .build(), child)));
            policies.put(role, attached);
        }

        Map<String, Output<String>> groupIds = new HashMap<>();
        for (GroupAssignment assignment : args.assignments()) {
            Output<String> groupId = groupIds.computeIfAbsent(assignment.group(), group -> IdentitystoreFunctions.getGroup(
                    GetGroupArgs.builder()
                            .identityStoreId(identityStoreId)
                            .alternateIdentifier(GetGroupAlternateIdentifierArgs.builder()
                                    .uniqueAttribute(GetGroupAlternateIdentifierUniqueAttributeArgs.builder()
                                            .attributePath("DisplayName")
                                            .attributeValue(group)
                                            .build())
                                    .build())
                            .build(), invoke).applyValue(g -> g.groupId()));
            // Identity Center provisions the set's role, with its policies, when the assignment is made: the policies,
            // and what the set references in the account (the deployer's boundary), must be in place first.
            List<Resource> before = new ArrayList<>(policies.get(assignment.role()));
            before.addAll(args.prerequisites().getOrDefault(assignment.accountId(), List.of()));
            new AccountAssignment(name + "-" + assignment.key(), AccountAssignmentArgs.builder()
                    .instanceArn(instanceArn)
                    .permissionSetArn(sets.get(assignment.role()).arn())
                    .principalType("GROUP")
                    .principalId(groupId)
                    .targetType("AWS_ACCOUNT")
                    .targetId(assignment.accountId())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(before).build());
        }

        List<AccessRole> roles = List.copyOf(sets.keySet());
        this.permissionSetArns = Output.all(roles.stream().map(r -> sets.get(r).arn()).toList()).applyValue(arns -> {
            Map<String, String> byRole = new TreeMap<>();
            for (int i = 0; i < roles.size(); i++) {
                byRole.put(roles.get(i).configValue(), arns.get(i));
            }
            return byRole;
        });
        registerOutputs(Map.of(
                "instanceArn", instanceArn,
                "identityStoreId", identityStoreId,
                "permissionSetArns", permissionSetArns));
    }

    /**
     * The one instance, with its Identity Store, that the provider's account and region see. An organisation has at
     * most one; none means Identity Center is not enabled in that region, or this account does not administer it.
     */
    private static GetInstancesResult one(GetInstancesResult instances) {
        if (instances.arns() == null || instances.arns().isEmpty()
                || instances.identityStoreIds() == null || instances.identityStoreIds().isEmpty()) {
            throw new IllegalStateException("no IAM Identity Center instance is visible to the shared account in this region:"
                    + " enable the organisation's Identity Center instance in the region set by quest-platform:access.region"
                    + " (default: the shared stack's region) and register the shared account as its delegated administrator,"
                    + " or set quest-platform:access.identityCenter: false to manage people's access elsewhere (docs/access.md)");
        }
        return instances;
    }

    private static String description(AccessRole role) {
        return switch (role) {
            case ADMINISTRATOR -> "Quest Platform administrator (AdministratorAccess)";
            case DEPLOYER -> "Quest Platform deployer: AdministratorAccess within the deployer's permissions boundary";
            case READ_ONLY -> "Quest Platform read-only (ReadOnlyAccess, no secret values)";
            case SECURITY_AUDITOR -> "Quest Platform security auditor (SecurityAudit, ReadOnlyAccess)";
            case BREAK_GLASS -> "Quest Platform break-glass: only assumes the member accounts' break-glass roles; alarmed";
        };
    }

    public Output<String> instanceArn() {
        return instanceArn;
    }

    public Output<String> identityStoreId() {
        return identityStoreId;
    }

    /** Each permission set's ARN, by its role's config name. */
    public Output<Map<String, String>> permissionSetArns() {
        return permissionSetArns;
    }
}
