package io.quest.platform.identity;

import com.pulumi.aws.accessanalyzer.Analyzer;
import com.pulumi.aws.accessanalyzer.AnalyzerArgs;
import com.pulumi.aws.ebs.EncryptionByDefault;
import com.pulumi.aws.ebs.EncryptionByDefaultArgs;
import com.pulumi.aws.iam.AccountPasswordPolicy;
import com.pulumi.aws.iam.AccountPasswordPolicyArgs;
import com.pulumi.aws.s3.AccountPublicAccessBlock;
import com.pulumi.aws.s3.AccountPublicAccessBlockArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The account-wide settings every account starts from, the shared account's included: a strict password policy, an IAM Access
 * Analyzer for the account, S3 public access blocked for the whole account, and EBS volumes encrypted by
 * default. The platform creates no IAM users and no access keys: people sign in through SSO / federation
 * into the roles of the shared stack, CI through GitHub OIDC, so the password policy guards against
 * users someone creates by hand.
 */
public final class IamLockdown extends ComponentResource {

    public static final String TYPE = "quest:identity:IamLockdown";

    private final Output<String> analyzerArn;

    public IamLockdown(String name, IamLockdownArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        PasswordPolicy policy = args.passwordPolicy();

        // FSBP IAM.7, CIS v1.2.0 1.5-1.11, CIS v1.4.0 1.8-1.9: strong, non-reusable, expiring passwords.
        // hardExpiry stays off so an expired password can still be changed at sign-in instead of locking the user out.
        new AccountPasswordPolicy(name + "-password-policy", AccountPasswordPolicyArgs.builder()
                .minimumPasswordLength(policy.minimumLength())
                .requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true)
                .requireNumbers(true)
                .requireSymbols(true)
                .passwordReusePrevention(policy.reusePrevention())
                .maxPasswordAge(policy.maxAgeDays())
                .allowUsersToChangePassword(true)
                .hardExpiry(false)
                .build(), child);

        // CIS v1.4.0 1.20 / v3.0.0 1.20 (IAM Access Analyzer enabled): reports resources shared outside the account.
        var analyzer = new Analyzer(name + "-access-analyzer", AnalyzerArgs.builder()
                .analyzerName(name + "-account")
                .type("ACCOUNT")
                .tags(args.tags().named(name + "-account"))
                .build(), child);

        // FSBP S3.1, CIS v1.4.0 2.1.5 / v3.0.0 2.1.4: no bucket of the account can be made public, whatever its own settings.
        new AccountPublicAccessBlock(name + "-s3-public-access-block", AccountPublicAccessBlockArgs.builder()
                .accountId(args.accountId())
                .blockPublicAcls(true)
                .ignorePublicAcls(true)
                .blockPublicPolicy(true)
                .restrictPublicBuckets(true)
                .build(), child);

        // FSBP EC2.7, CIS v1.4.0 2.2.1: every new EBS volume and snapshot copy is encrypted in this region.
        new EncryptionByDefault(name + "-ebs-encryption", EncryptionByDefaultArgs.builder()
                .enabled(true)
                .build(), child);

        this.analyzerArn = analyzer.arn();
        registerOutputs(Map.of("analyzerArn", analyzerArn));
    }

    public Output<String> analyzerArn() {
        return analyzerArn;
    }
}
