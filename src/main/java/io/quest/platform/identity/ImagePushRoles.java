package io.quest.platform.identity;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.iam.PolicyDocument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How application repositories put images into the registry: per repository listed in
 * {@code quest-platform:registry.pushFrom}, a role that only that repository's release builds (pushes to {@code main}
 * and {@code v*} tags) can assume through GitHub's OIDC provider, and that may push to the registry and read the scan
 * result of what it pushed, nothing else: no delete, no repository settings, no other repository. The registry's tags
 * are immutable, so a pushed tag can never be moved to another image. The scan findings a push may carry
 * ({@code registry.scanWaivers}) are published as an SSM parameter the roles read, so the image workflow applies what
 * the shared stack's configuration says.
 */
public final class ImagePushRoles extends ComponentResource {

    public static final String TYPE = "quest:identity:ImagePushRoles";
    /** Push roles are named this prefix plus the repository ({@code quest-platform-push-acme-quest-web}). */
    public static final String ROLE_PREFIX = "quest-platform-push-";
    /** The SSM parameter holding the accepted scan findings as JSON ({@code {"CVE-...": "reason"}}). */
    public static final String WAIVERS_PARAMETER = "/quest-platform/registry/scan-waivers";

    private final Map<String, Output<String>> roleArns;
    private final Output<String> waiversParameterArn;

    public ImagePushRoles(String name, ImagePushRolesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var waivers = new Parameter(name + "-scan-waivers", ParameterArgs.builder()
                .name(WAIVERS_PARAMETER)
                .type("String")
                .description("Critical image scan findings accepted for a push, each with its reason (quest-platform:registry.scanWaivers)")
                .value(ImagePushPolicies.waiversJson(args.scanWaivers()))
                .tags(args.tags().named(name + "-scan-waivers"))
                .build(), child);

        Map<String, Output<String>> arns = new LinkedHashMap<>();
        for (String repository : args.pushFrom()) {
            String roleName = roleName(repository);
            var role = new Role(name + "-" + roleName.substring(ROLE_PREFIX.length()), RoleArgs.builder()
                    .name(roleName)
                    .description("Pushes release images of " + repository + " to the registry")
                    .assumeRolePolicy(args.githubProviderArn().applyValue(arn -> GitHubOidc.trustLike(arn, GitHubOidc.releaseSubjects(repository))
                            .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, roleName + " trust").toJson()))
                    .maxSessionDuration(3600)
                    .tags(args.tags().named(roleName))
                    .build(), child);
            new RolePolicy(name + "-" + roleName.substring(ROLE_PREFIX.length()) + "-push", RolePolicyArgs.builder()
                    .role(role.name())
                    .policy(Output.tuple(args.registryArn(), waivers.arn()).applyValue(t -> ImagePushPolicies.push(t.t1, t.t2)
                            .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, roleName + " policy").toJson()))
                    .build(), child);
            arns.put(repository, role.arn());
        }
        this.roleArns = Collections.unmodifiableMap(arns);
        this.waiversParameterArn = waivers.arn();
        registerOutputs(Map.of("waiversParameterArn", waiversParameterArn));
    }

    /**
     * The push role's name for a repository: the prefix plus {@code owner-name}, lowercased, characters IAM refuses
     * replaced by {@code -}; a name past IAM's 64 characters keeps its first part and ends in a hash of the whole.
     */
    public static String roleName(String repository) {
        String slug = repository.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9+=,.@_-]", "-");
        String name = ROLE_PREFIX + slug;
        if (name.length() <= 64) {
            return name;
        }
        String hash = Integer.toHexString(repository.hashCode() & 0x0fffffff);
        return name.substring(0, 64 - hash.length() - 1) + "-" + hash;
    }

    /** The push role of each application repository. */
    public Map<String, Output<String>> roleArns() {
        return roleArns;
    }

    public Output<String> waiversParameterArn() {
        return waiversParameterArn;
    }
}
