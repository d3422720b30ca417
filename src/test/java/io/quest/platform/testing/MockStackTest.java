package io.quest.platform.testing;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.StackReference;
import io.quest.platform.network.Network;
import io.quest.platform.stacks.NetworkOutputs;
import io.quest.platform.stacks.QuestProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quest.platform.testing.MockRun.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test kit: a whole stack and single resources under mocks, faked references, config and typed queries. */
class MockStackTest {

    private static final String SHARED = "organization/quest-platform/shared";
    private static final Map<String, Object> DEV = Map.of(
            "aws:region", "eu-west-1",
            "account", "222222222222",
            "network", Map.of("cidr", "10.10.0.0/16", "availabilityZones", 2));

    private static MockRun dev;

    @BeforeAll
    static void runTheDevStack() {
        dev = MockStack.named("dev").config(DEV).reference(SHARED, SampleOutputs.shared()).run(QuestProgram::run);
    }

    @Test
    void a_whole_environment_stack_runs_on_a_faked_shared_stack_and_deploys_through_its_deployer_role() {
        Registered<Provider> provider = dev.resources(Provider.class).stream()
                .filter(p -> p.type().equals("pulumi:providers:aws")).findFirst().orElseThrow();
        ProviderArgs args = provider.args(ProviderArgs.class);
        String deployer = value(SampleOutputs.shared().deployerRoleArns()).get("dev");

        assertThat(value(value(args.assumeRole()).roleArn())).isEqualTo(deployer);
        assertThat(value(args.allowedAccountIds())).containsExactly("222222222222");
        assertThat(dev.references()).containsExactly(SHARED);
        assertThat(dev.resources(Vpc.class)).hasSize(1).allSatisfy(vpc -> assertThat(vpc.provider()).isEqualTo(provider.urn()));
    }

    @Test
    void structured_config_reaches_the_program_as_the_cli_passes_it() {
        Registered<Vpc> vpc = dev.resources(Vpc.class).get(0);
        VpcArgs args = vpc.args(VpcArgs.class);

        assertThat(value(args.cidrBlock())).isEqualTo("10.10.0.0/16");
        assertThat(value(args.tags())).containsEntry("environment", "dev");
        assertThat(dev.resources(Subnet.class)).as("2 AZs, a private, a public and an isolated subnet in each").hasSize(6);
        assertThat(dev.outputs()).containsEntry("vpcId", vpc.id());
        assertThat(value(vpc.resource().id())).isEqualTo(vpc.id()).matches("vpc-0[0-9a-f]{16}");
    }

    @Test
    void a_component_class_finds_its_instances_and_a_provider_class_its_type_token() {
        List<Registered<Network>> networks = dev.resources(Network.class);

        assertThat(networks).hasSize(1);
        assertThat(networks.get(0).type()).isEqualTo("quest:network:Network");
        assertThat(value(networks.get(0).resource().vpcId())).isEqualTo(dev.resources(Vpc.class).get(0).id());
        assertThat(dev.resources(Vpc.class).get(0).parent()).isEqualTo(networks.get(0).urn());
        assertThat(MockRun.typeToken(BucketV2.class)).contains("aws:s3/bucketV2:BucketV2");
        assertThat(MockRun.typeToken(Network.class)).isEmpty();
    }

    @Test
    void every_resource_of_a_whole_stack_reads_back_as_its_provider_args() throws Exception {
        List<Registered<CustomResource>> custom = dev.resources(CustomResource.class);

        assertThat(custom).hasSizeGreaterThan(40);
        for (Registered<CustomResource> r : custom) {
            Class<?> argsType = r.resource().getClass().getConstructor(String.class, argsClass(r.resource().getClass()),
                    com.pulumi.resources.CustomResourceOptions.class).getParameterTypes()[1];
            assertThat(r.args(argsType.asSubclass(com.pulumi.resources.ResourceArgs.class))).as(r.urn()).isInstanceOf(argsType);
        }
    }

    private static Class<?> argsClass(Class<?> resource) {
        for (var constructor : resource.getConstructors()) {
            if (constructor.getParameterCount() == 3) {
                return constructor.getParameterTypes()[1];
            }
        }
        throw new AssertionError(resource + " has no (name, args, options) constructor");
    }

    @Test
    void a_reference_the_test_did_not_fake_fails_naming_it() {
        String failure = MockStack.named("dev").config(DEV).failure(QuestProgram::run);

        assertThat(failure).contains("stack dev reads stack " + SHARED + ", which is not faked; fake it with .reference(\"" + SHARED + "\", outputs)");
    }

    @Test
    void bad_config_fails_with_the_program_s_message_and_run_fails_the_test() {
        var stack = MockStack.named("dev").config(DEV).config("network", Map.of("cidr", "10.300.0.0/16"))
                .reference(SHARED, SampleOutputs.shared());

        assertThat(stack.failure(QuestProgram::run)).contains("quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR");
        assertThatThrownBy(() -> stack.run(QuestProgram::run)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("stack dev failed under mocks:").hasMessageContaining("is not an IPv4 CIDR");
    }

    @Test
    void a_secret_stays_secret_through_config_faked_references_and_args() {
        MockRun run = MockStack.named("app").secret("token", "s3cr3t")
                .reference("shared", exports -> exports.export("archive", Output.ofSecret("hidden-bucket"))).run(ctx -> {
            var secret = new Secret("app-token");
            new SecretVersion("app-token", SecretVersionArgs.builder().secretId(secret.id())
                    .secretString(ctx.config().requireSecret("token")).build());
            ctx.export("archive", new StackReference("shared").requireOutput("archive"));
        });

        SecretVersionArgs version = run.resource(SecretVersion.class, "app-token").args(SecretVersionArgs.class);
        assertThat(MockRun.isSecret(version.secretString().orElseThrow())).isTrue();
        assertThat(value(version.secretString())).isEqualTo("[secret]");
        assertThat(run.resource(SecretVersion.class, "app-token").inputs().toString()).doesNotContain("s3cr3t");
        assertThat(run.secretOutputs()).containsExactly("archive");
        assertThat(run.outputs()).containsEntry("archive", "hidden-bucket");
    }

    @Test
    void outputs_faked_for_one_stack_add_up_and_a_missing_name_fails_naming_what_there_is() {
        MockRun run = MockStack.named("app")
                .reference("dev", SampleOutputs.network())
                .reference("dev", SampleOutputs.monitoring())
                .run(ctx -> {
                    var dev = new StackReference("dev");
                    ctx.export("vpc", NetworkOutputs.from(dev).vpcId());
                    ctx.export("topic", dev.requireOutput("alertTopicArn"));
                });

        assertThat(run.outputs()).containsEntry("vpc", "vpc-0a1b2c3d4e5f60718")
                .containsEntry("topic", "arn:aws:sns:eu-west-1:222222222222:dev-monitoring-alerts-1a2b3c4");
        assertThatThrownBy(() -> run.resource(BucketV2.class, "logs")).isInstanceOf(AssertionError.class)
                .hasMessage("no BucketV2 named logs was registered; there are []");
    }

    @Test
    void account_and_region_decide_the_arns_the_mock_cloud_answers_with() {
        MockRun run = MockStack.named("qa").account("444444444444").region("us-east-2")
                .run(ctx -> new Secret("qa-token"));

        Registered<Secret> secret = run.resource(Secret.class, "qa-token");
        assertThat(value(secret.resource().arn())).startsWith("arn:aws:secretsmanager:us-east-2:444444444444:secret:qa-token");
    }
}
