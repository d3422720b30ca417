package io.quest.platform.identity;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CI identity in the shared account: GitHub Actions' OIDC provider, a preview role that only the
 * configured repository's pull-request runs can assume, and per environment a deploy role that only
 * runs in that GitHub environment ({@code repo:owner/name:environment:prod}) can assume. The preview role
 * may assume only the member accounts' previewer roles; each deploy role only its own environment's
 * deployer, so a dev run can never deploy prod. No IAM users, no access keys.
 */
public final class CiIdentity extends ComponentResource {

    public static final String TYPE = "quest:identity:CiIdentity";

    /** The preview role's name; environments' deploy roles are this prefix plus {@code deploy-<env>}. */
    public static final String PREVIEW_ROLE = "quest-platform-ci-preview";
    public static final String DEPLOY_ROLE_PREFIX = "quest-platform-ci-deploy-";

    private final Output<String> githubProviderArn;
    private final Output<String> previewRoleArn;
    private final Map<String, Output<String>> deployRoleArns;

    public CiIdentity(String name, CiIdentityArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        var github = new OpenIdConnectProvider(name + "-github", OpenIdConnectProviderArgs.builder()
                .url(GitHubOidc.URL)
                .clientIdLists(GitHubOidc.AUDIENCE)
                .thumbprintLists(GitHubOidc.THUMBPRINTS)
                .tags(tags.named(name + "-github"))
                .build(), child);

        String subject = GitHubOidc.pullRequestSubject(args.repository());
        var preview = role(name + "-preview", PREVIEW_ROLE, "Pull-request previews of " + args.repository(),
                github.arn().applyValue(arn -> GitHubOidc.trust(arn, subject)),
                RolePolicies.assumeOnly("AssumePreviewers", args.members().values().stream()
                        .map(account -> PlatformRole.PREVIEWER.arn(args.partition(), account)).toList()), args, child);

        Map<String, Output<String>> deploy = new LinkedHashMap<>();
        args.members().forEach((env, account) -> {
            String envSubject = GitHubOidc.environmentSubject(args.repository(), env);
            var role = role(name + "-deploy-" + env, DEPLOY_ROLE_PREFIX + env,
                    "Deployments of " + env + " from the " + env + " environment of " + args.repository(),
                    github.arn().applyValue(arn -> GitHubOidc.trust(arn, envSubject)),
                    RolePolicies.assumeOnly("AssumeDeployer", List.of(PlatformRole.DEPLOYER.arn(args.partition(), account))), args, child);
            deploy.put(env, role.arn());
        });

        this.githubProviderArn = github.arn();
        this.previewRoleArn = preview.arn();
        this.deployRoleArns = Collections.unmodifiableMap(deploy);
        registerOutputs(Map.of("previewRoleArn", previewRoleArn, "deployRoleArns", Output.all(List.copyOf(deploy.values()))));
    }

    private Role role(String logical, String roleName, String description, Output<PolicyDocument> trust,
                      PolicyDocument permissions, CiIdentityArgs args, CustomResourceOptions child) {
        var role = new Role(logical, RoleArgs.builder()
                .name(roleName)
                .description(description)
                .assumeRolePolicy(trust.applyValue(t -> t.requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, roleName + " trust").toJson()))
                .maxSessionDuration(3600)
                .tags(args.tags().named(logical))
                .build(), child);
        new RolePolicy(logical + "-assume", RolePolicyArgs.builder()
                .role(role.name())
                .policy(permissions.requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, roleName + " policy").toJson())
                .build(), child);
        return role;
    }

    /** The preview role's ARN in the shared account, as the plan and AWS name it. */
    public static String previewRoleArn(Partition partition, String sharedAccountId) {
        return partition.iam(sharedAccountId, "role/" + PREVIEW_ROLE);
    }

    /** The ARN of an environment's deploy role in the shared account. */
    public static String deployRoleArn(Partition partition, String sharedAccountId, String environment) {
        return partition.iam(sharedAccountId, "role/" + DEPLOY_ROLE_PREFIX + environment);
    }

    /** GitHub Actions' OIDC provider in the shared account, which other CI roles (image pushes) trust too. */
    public Output<String> githubProviderArn() {
        return githubProviderArn;
    }

    public Output<String> previewRoleArn() {
        return previewRoleArn;
    }

    /** The deploy role of each environment, by environment name. */
    public Map<String, Output<String>> deployRoleArns() {
        return deployRoleArns;
    }
}
