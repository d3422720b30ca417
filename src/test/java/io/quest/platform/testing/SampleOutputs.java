package io.quest.platform.testing;

import com.pulumi.core.Output;
import io.quest.platform.service.ServiceOutputs;
import io.quest.platform.stacks.MonitoringOutputs;
import io.quest.platform.stacks.NetworkOutputs;
import io.quest.platform.stacks.SharedOutputs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plausible outputs of the platform's stacks, in AWS's formats, to fake stack references with
 * ({@link MockStack#reference}). Each is a plain record: copy one and change what a test is about.
 */
public final class SampleOutputs {

    /** The example shared-services account. */
    public static final String SHARED_ACCOUNT = "111111111111";
    /** The example workload accounts, by environment. */
    public static final Map<String, String> ENVIRONMENT_ACCOUNTS = Map.of("dev", "222222222222", "prod", "333333333333");
    /** The example region. */
    public static final String REGION = "eu-west-1";

    private SampleOutputs() {
    }

    /** The shared stack of account 111111111111 in eu-west-1, with environments dev (222222222222) and prod (333333333333). */
    public static SharedOutputs shared() {
        return shared(SHARED_ACCOUNT, REGION, ENVIRONMENT_ACCOUNTS);
    }

    /** The shared stack of {@code account} in {@code region}, serving these environments' accounts. */
    public static SharedOutputs shared(String account, String region, Map<String, String> environmentAccounts) {
        Map<String, String> ciDeploy = new TreeMap<>();
        Map<String, String> deployer = new TreeMap<>();
        Map<String, String> previewer = new TreeMap<>();
        Map<String, String> boundary = new TreeMap<>();
        environmentAccounts.forEach((environment, member) -> {
            ciDeploy.put(environment, "arn:aws:iam::" + account + ":role/quest-platform-ci-deploy-" + environment);
            deployer.put(environment, "arn:aws:iam::" + member + ":role/quest-platform-deployer");
            previewer.put(environment, "arn:aws:iam::" + member + ":role/quest-platform-previewer");
            boundary.put(environment, "arn:aws:iam::" + member + ":policy/quest-platform-deployer-boundary");
        });
        return new SharedOutputs(
                Output.of(account),
                Output.of("log-archive-bucket-1a2b3c4"),
                Output.of("arn:aws:s3:::log-archive-bucket-1a2b3c4"),
                Output.of("arn:aws:kms:" + region + ":" + account + ":key/0c1d2e3f-0000-4000-8000-000000000001"),
                Output.of("quest-platform-state-" + account),
                Output.of("arn:aws:kms:" + region + ":" + account + ":key/0c1d2e3f-0000-4000-8000-000000000002"),
                Output.of(account + ".dkr.ecr." + region + ".amazonaws.com/quest/web"),
                Output.of("arn:aws:ecr:" + region + ":" + account + ":repository/quest/web"),
                Output.of(region),
                Output.of("arn:aws:iam::" + account + ":role/quest-platform-ci-preview"),
                Output.of(ciDeploy),
                Output.of(deployer),
                Output.of(previewer),
                Output.of(boundary),
                Output.of(Map.of("management", "read, not managed", "instanceArn", "arn:aws:sso:::instance/ssoins-0123456789abcdef",
                        "identityStoreId", "d-0123456789", "region", region)),
                Output.of(Map.of(region, "arn:aws:logs:" + region + ":" + account + ":destination:quest-platform-logs")),
                Output.of(Map.of()));
    }

    /** A network of 10.10.0.0/16 over eu-west-1a and eu-west-1b. */
    public static NetworkOutputs network() {
        return new NetworkOutputs(
                Output.of("vpc-0a1b2c3d4e5f60718"),
                Output.of("10.10.0.0/16"),
                Output.of(List.of("subnet-0e1000000000000a1", "subnet-0e1000000000000b1")),
                Output.of(List.of("subnet-0a1000000000000a0", "subnet-0a1000000000000b0")),
                Output.of(List.of(REGION + "a", REGION + "b")),
                Output.of(List.of("subnet-0c1000000000000a2", "subnet-0c1000000000000b2")));
    }

    /** A service answering at https://dev.example.com, running an image pinned by digest. */
    public static ServiceOutputs service() {
        String digest = "sha256:" + "5e".repeat(32);
        return new ServiceOutputs(
                Output.of("https://dev.example.com"),
                Output.of("dev-alb-1a2b3c4-1234567890." + REGION + ".elb.amazonaws.com"),
                Output.of("app/dev-alb-1a2b3c4/0123456789abcdef"),
                Output.of("targetgroup/dev-web-1a2b3c4/fedcba9876543210"),
                Output.of("dev-cluster-1a2b3c4"),
                Output.of("dev-web-1a2b3c4"),
                Output.of("/quest/dev/web"),
                Output.of(digest),
                Output.of(SHARED_ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/quest/web"),
                Output.of("sg-0d1e2f3a4b5c6d7e8"),
                Output.of("dev-web-task-1a2b3c4"));
    }

    /** An environment's alert topic, canary and dashboard. */
    public static MonitoringOutputs monitoring() {
        return new MonitoringOutputs(
                Output.of("arn:aws:sns:" + REGION + ":222222222222:dev-monitoring-alerts-1a2b3c4"),
                Output.of("dev-canary"),
                Output.of("dev-dashboard"));
    }
}
