package io.quest.platform.identity;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;

import java.util.Map;

/**
 * The roles of one member account, created through a provider that acts in that account (it assumes
 * the bootstrap role there): the deployer (AdministratorAccess inside the {@link PermissionsBoundary}),
 * the previewer (ReadOnlyAccess without data reads), the auditor (SecurityAudit and ReadOnlyAccess) and
 * break-glass (AdministratorAccess, one-hour sessions, reached through the break-glass permission set of IAM Identity
 * Center, or behind MFA from the shared account without it). Their names are fixed
 * ({@link PlatformRole}), so the boundary can protect them by ARN.
 */
public final class CrossAccountRoles extends ComponentResource {

    public static final String TYPE = "quest:identity:CrossAccountRoles";

    private final Output<String> deployerRoleArn;
    private final Output<String> previewerRoleArn;
    private final Output<String> auditorRoleArn;
    private final Output<String> breakGlassRoleArn;
    private final Output<String> boundaryArn;
    private final Policy boundary;

    public CrossAccountRoles(String name, CrossAccountRolesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();
        String account = args.accountId();
        String shared = args.sharedAccountId();

        var boundary = new Policy(name + "-boundary", PolicyArgs.builder()
                .name(PlatformRole.BOUNDARY_POLICY)
                .description("Permissions boundary of the deployer and every role it creates: no escalation, no audit tampering")
                .policy(PermissionsBoundary.document(args.partition(), account, args.allowedRegions(), args.bootstrapRole()).toJson())
                .tags(tags.named(name + "-boundary"))
                .build(), child);

        var deployer = new Role(name + "-deployer", RoleArgs.builder()
                .name(PlatformRole.DEPLOYER.roleName())
                .description("Applies the " + name + " stack; bounded by " + PlatformRole.BOUNDARY_POLICY)
                .assumeRolePolicy(args.ciDeployRoleArn().applyValue(ci -> trust(RolePolicies.deployerTrust(ci, args.partition(), shared, args.identityCenterRegion()))))
                .permissionsBoundary(boundary.arn())
                .maxSessionDuration(3600)
                .tags(tags.named(name + "-deployer"))
                .build(), child);
        attach(name + "-deployer-admin", deployer, args.partition().awsManagedPolicy("AdministratorAccess"), child);

        var previewer = new Role(name + "-previewer", RoleArgs.builder()
                .name(PlatformRole.PREVIEWER.roleName())
                .description("Previews the " + name + " stack from pull requests: reads configuration, never data")
                .assumeRolePolicy(args.ciPreviewRoleArn().applyValue(ci -> trust(RolePolicies.previewerTrust(ci))))
                .maxSessionDuration(3600)
                .tags(tags.named(name + "-previewer"))
                .build(), child);
        attach(name + "-previewer-read", previewer, args.partition().awsManagedPolicy("ReadOnlyAccess"), child);
        new RolePolicy(name + "-previewer-no-data", RolePolicyArgs.builder()
                .role(previewer.name())
                .policy(RolePolicies.previewerDataDenial().toJson())
                .build(), child);

        var auditor = new Role(name + "-auditor", RoleArgs.builder()
                .name(PlatformRole.AUDITOR.roleName())
                .description("Security review of " + name + " from the security account")
                .assumeRolePolicy(trust(RolePolicies.auditorTrust(args.partition(), shared, args.identityCenterRegion())))
                .maxSessionDuration(3600)
                .tags(tags.named(name + "-auditor"))
                .build(), child);
        attach(name + "-auditor-security", auditor, args.partition().awsManagedPolicy("SecurityAudit"), child);
        attach(name + "-auditor-read", auditor, args.partition().awsManagedPolicy("ReadOnlyAccess"), child);

        var breakGlassTrust = args.identityCenterRegion()
                .map(region -> RolePolicies.breakGlassTrust(args.partition(), shared, region, AccessRole.BREAK_GLASS.permissionSetName()))
                .orElseGet(() -> RolePolicies.breakGlassTrust(args.partition(), shared));
        var breakGlass = new Role(name + "-break-glass", RoleArgs.builder()
                .name(PlatformRole.BREAK_GLASS.roleName())
                .description(args.identityCenterRegion().isPresent()
                        ? "Emergency administrator of " + name + ": only from the break-glass permission set, one-hour sessions; every use is alarmed"
                        : "Emergency administrator of " + name + ": MFA within the hour, one-hour sessions; every use is alarmed")
                .assumeRolePolicy(trust(breakGlassTrust))
                .maxSessionDuration(RolePolicies.BREAK_GLASS_SESSION_SECONDS)
                .tags(tags.named(name + "-break-glass", Map.of("quest:alarm-on-use", "true")))
                .build(), child);
        attach(name + "-break-glass-admin", breakGlass, args.partition().awsManagedPolicy("AdministratorAccess"), child);

        this.deployerRoleArn = deployer.arn();
        this.previewerRoleArn = previewer.arn();
        this.auditorRoleArn = auditor.arn();
        this.breakGlassRoleArn = breakGlass.arn();
        this.boundaryArn = boundary.arn();
        this.boundary = boundary;
        registerOutputs(Map.of(
                "deployerRoleArn", deployerRoleArn,
                "previewerRoleArn", previewerRoleArn,
                "auditorRoleArn", auditorRoleArn,
                "breakGlassRoleArn", breakGlassRoleArn,
                "boundaryArn", boundaryArn));
    }

    private static String trust(PolicyDocument document) {
        return document.requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "a trust policy").toJson();
    }

    private static void attach(String logical, Role role, String policyArn, CustomResourceOptions child) {
        new RolePolicyAttachment(logical, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(policyArn)
                .build(), child);
    }

    public Output<String> deployerRoleArn() {
        return deployerRoleArn;
    }

    public Output<String> previewerRoleArn() {
        return previewerRoleArn;
    }

    public Output<String> auditorRoleArn() {
        return auditorRoleArn;
    }

    public Output<String> breakGlassRoleArn() {
        return breakGlassRoleArn;
    }

    public Output<String> boundaryArn() {
        return boundaryArn;
    }

    /** The boundary policy, which what references it by name (the deployer-equivalent permission set) must wait for. */
    public Policy boundary() {
        return boundary;
    }
}
