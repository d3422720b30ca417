package io.quest.platform.identity;

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
import com.pulumi.resources.ProviderResource;
import io.quest.platform.aws.Partition;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.List;
import java.util.Map;

/**
 * The two roles review environments are deployed with. In the shared account, CI's review role: trusted only by GitHub
 * OIDC tokens of the repository's {@value #GITHUB_ENVIRONMENT} environment (subject
 * {@code repo:owner/name:environment:review}, not the pull-request subject the preview role trusts), it may assume only
 * the reviewer; its state grants (review stacks' state, and reading the shared and the environment's stack) are the state
 * backend's. In the environment's account, the reviewer ({@link PlatformRole#REVIEWER}): trusted only by CI's review role,
 * ReadOnlyAccess without data reads plus {@link ReviewerPolicies#writes}, inside the account's permissions boundary. The
 * deployer, which CI's deploy role for the environment uses, is untouched: a pull request's code never acts as it.
 *
 * <p>The reviewer is created through the provider of its account ({@code memberProvider}), everything else through the
 * shared account's ({@code options}).
 */
public final class ReviewRoles extends ComponentResource {

    public static final String TYPE = "quest:identity:ReviewRoles";
    /** CI's review role, in the shared account. */
    public static final String CI_ROLE = "quest-platform-ci-review";
    /** The GitHub environment review jobs run in, whose OIDC subject the CI review role trusts. */
    public static final String GITHUB_ENVIRONMENT = "review";

    private final Output<String> ciRoleArn;
    private final Output<String> reviewerRoleArn;

    public ReviewRoles(String name, ReviewRolesArgs args, Output<String> boundaryArn, ProviderResource memberProvider,
                       ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();
        String subject = GitHubOidc.environmentSubject(args.repository(), GITHUB_ENVIRONMENT);
        String reviewer = PlatformRole.REVIEWER.arn(args.partition(), args.accountId());

        var ci = new Role(name + "-ci", RoleArgs.builder()
                .name(CI_ROLE)
                .description("Review environments of " + args.repository() + "'s pull requests, from its " + GITHUB_ENVIRONMENT + " environment")
                .assumeRolePolicy(args.githubProviderArn().applyValue(arn -> GitHubOidc.trust(arn, subject)
                        .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, CI_ROLE + " trust").toJson()))
                .maxSessionDuration(3600)
                .tags(tags.named(name + "-ci"))
                .build(), child);
        new RolePolicy(name + "-ci-assume", RolePolicyArgs.builder()
                .role(ci.name())
                .policy(RolePolicies.assumeOnly("AssumeReviewer", List.of(reviewer)).toJson())
                .build(), child);

        var inMember = CustomResourceOptions.builder().parent(this).provider(memberProvider).build();
        var role = new Role(name + "-reviewer", RoleArgs.builder()
                .name(PlatformRole.REVIEWER.roleName())
                .description("Applies the review stacks (pr-<n>) of " + args.environment() + "; bounded by " + PlatformRole.BOUNDARY_POLICY)
                .assumeRolePolicy(ci.arn().applyValue(arn -> PolicyDocument.of(Statement.allow("CiReviewRole")
                                .principal(Principal.aws(arn))
                                .actions("sts:AssumeRole"))
                        .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the reviewer's trust").toJson()))
                .permissionsBoundary(boundaryArn)
                .maxSessionDuration(3600)
                .tags(tags.named(name + "-reviewer"))
                .build(), inMember);
        new RolePolicyAttachment(name + "-reviewer-read", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(args.partition().awsManagedPolicy("ReadOnlyAccess"))
                .build(), inMember);
        new RolePolicy(name + "-reviewer-no-data", RolePolicyArgs.builder()
                .role(role.name())
                .policy(RolePolicies.previewerDataDenial().toJson())
                .build(), inMember);
        new RolePolicy(name + "-reviewer-writes", RolePolicyArgs.builder()
                .role(role.name())
                .policy(boundaryArn.applyValue(boundary -> ReviewerPolicies.writes(args.partition(), args.accountId(), boundary).toJson()))
                .build(), inMember);

        this.ciRoleArn = ci.arn();
        this.reviewerRoleArn = role.arn();
        registerOutputs(Map.of("ciRoleArn", ciRoleArn, "reviewerRoleArn", reviewerRoleArn));
    }

    /** CI's review role's ARN in the shared account, as the plan and AWS name it. */
    public static String ciRoleArn(Partition partition, String sharedAccountId) {
        return partition.iam(sharedAccountId, "role/" + CI_ROLE);
    }

    public Output<String> ciRoleArn() {
        return ciRoleArn;
    }

    public Output<String> reviewerRoleArn() {
        return reviewerRoleArn;
    }
}
