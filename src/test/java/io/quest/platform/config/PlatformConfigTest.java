package io.quest.platform.config;

import io.quest.platform.network.InterfaceEndpoint;
import io.quest.platform.network.NatGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlatformConfigTest {

    private static final StackIdentity DEV = new StackIdentity("acme", "quest-platform", "dev");

    private static Map<String, String> dev() {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        config.put("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\"}");
        return config;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> config = dev();
        config.put(key, value);
        return config;
    }

    @Test
    void defaults_follow_the_environment() {
        PlatformConfig dev = PlatformConfig.load(ConfigSource.of(dev()), DEV);

        assertThat(dev.role()).isEqualTo(StackRole.ENVIRONMENT);
        assertThat(dev.production()).isFalse();
        assertThat(dev.network().natGateways()).isEqualTo(NatGateways.INSTANCE);
        assertThat(dev.network().availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(dev.network().flowLogRetentionDays()).isEqualTo(90);
        assertThat(dev.sharedStack()).contains("acme/quest-platform/shared");

        PlatformConfig prod = PlatformConfig.load(ConfigSource.of(dev()), new StackIdentity("acme", "quest-platform", "prod"));
        assertThat(prod.production()).isTrue();
        assertThat(prod.network().natGateways()).isEqualTo(NatGateways.PER_AZ);
        assertThat(prod.network().availabilityZones()).hasSize(3);
        assertThat(prod.network().flowLogRetentionDays()).isEqualTo(365);
    }

    @Test
    void the_shared_stack_has_no_network_and_reads_no_stack() {
        Map<String, String> config = Map.of("aws:region", "eu-west-1", "quest-platform:account", "111111111111",
                "quest-platform:accounts", "{\"shared\": \"111111111111\", \"dev\": \"222222222222\"}",
                "quest-platform:ciRepository", "acme/quest-platform");
        PlatformConfig shared = PlatformConfig.load(ConfigSource.of(config), new StackIdentity("acme", "quest-platform", "shared"));

        assertThat(shared.role()).isEqualTo(StackRole.SHARED);
        assertThat(shared.network()).isNull();
        assertThat(shared.references()).isEmpty();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.300.0.0/16\"}",
                        "quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.1/16\"}",
                        "quest-platform:network.cidr: \"10.10.0.1/16\" is not a network address; did you mean 10.10.0.0/16?"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.0.0.0/12\"}",
                        "quest-platform:network.cidr: \"10.0.0.0/12\" is a /12; a VPC range must be /16"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"52.10.0.0/16\"}",
                        "quest-platform:network.cidr: \"52.10.0.0/16\" is not a private range"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"availabilityZones\":4}",
                        "quest-platform:network.availabilityZones: 4 is more zones than eu-west-1 has; expected at most 3"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"availabilityZones\":[\"us-east-1a\"]}",
                        "quest-platform:network.availabilityZones: \"us-east-1a\" is not an availability zone of eu-west-1"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"natGateways\":\"two\"}",
                        "quest-platform:network.natGateways: \"two\" is not one of none, single, per-az"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"natGateways\":\"none\"}",
                        "quest-platform:network.natGateways: \"none\" leaves tasks unable to pull images or ship logs without the interface endpoints [ecr.api, ecr.dkr, logs]"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"interfaceEndpoints\":[\"ecr\"]}",
                        "quest-platform:network.interfaceEndpoints: \"ecr\" is not an interface endpoint Quest Platform knows"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"flowLogRetentionDays\":100}",
                        "quest-platform:network.flowLogRetentionDays: 100 is not a retention CloudWatch Logs accepts"),
                Arguments.of("quest-platform:network", "{\"cidr\":\"10.10.0.0/16\",\"natGateway\":\"single\"}",
                        "quest-platform:network.natGateway: is not a setting Quest Platform knows"),
                Arguments.of("quest-platform:network", "10.10.0.0/16",
                        "quest-platform:network: \"10.10.0.0/16\" is not a map of settings"),
                Arguments.of("quest-platform:account", "12345",
                        "quest-platform:account: \"12345\" is not an AWS account ID; expected 12 digits"),
                Arguments.of("quest-platform:production", "yes",
                        "quest-platform:production: \"yes\" is not a boolean; expected true or false"),
                Arguments.of("quest-platform:role", "workload",
                        "quest-platform:role: \"workload\" is not one of shared, environment, network"),
                Arguments.of("quest-platform:environment", "Dev_1",
                        "quest-platform:environment: \"Dev_1\" is not an environment name"),
                Arguments.of("quest-platform:sharedStack", "shared",
                        "quest-platform:sharedStack: \"shared\" is not a fully qualified stack name"),
                Arguments.of("quest-platform:netwrok", "{}",
                        "quest-platform:netwrok: is not a setting Quest Platform knows"),
                Arguments.of("aws:region", "Ireland",
                        "aws:region: \"Ireland\" is not a region AWS runs"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void a_bad_value_is_reported_with_its_key_value_and_expectation(String key, String value, String message) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(with(key, value)), DEV), ConfigException.class);

        assertThat(e).as("config %s = %s must be rejected", key, value).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p).startsWith(message));
    }

    @Test
    void every_problem_is_reported_at_once() {
        Map<String, String> config = new HashMap<>();
        config.put("quest-platform:account", "abc");
        config.put("quest-platform:network", "{\"cidr\":\"10.0.0.0/33\",\"natGateways\":\"all\"}");

        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config), DEV), ConfigException.class);

        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "aws:region", "quest-platform:account", "quest-platform:network.cidr", "quest-platform:network.natGateways");
        assertThat(e.getMessage()).startsWith("stack dev has 4 configuration problems:");
    }

    @Test
    void a_missing_cidr_says_what_to_give() {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(with("quest-platform:network", "{}")), DEV),
                ConfigException.class);

        assertThat(e.problems()).singleElement().hasToString(
                "quest-platform:network.cidr: is required: the VPC's IPv4 range, /16 to /22 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, not overlapping another stack's");
    }

    @Test
    void no_nat_is_accepted_with_the_endpoints_tasks_need() {
        PlatformConfig config = PlatformConfig.load(ConfigSource.of(with("quest-platform:network",
                "{\"cidr\":\"10.10.0.0/16\",\"natGateways\":\"none\",\"interfaceEndpoints\":[\"ecr.api\",\"ecr.dkr\",\"logs\"]}")), DEV);

        assertThat(config.network().natGateways()).isEqualTo(NatGateways.NONE);
        assertThat(config.network().interfaceEndpoints()).containsExactlyInAnyOrder(
                InterfaceEndpoint.ECR_API, InterfaceEndpoint.ECR_DKR, InterfaceEndpoint.LOGS);
    }

    @Test
    void a_network_read_from_another_stack_is_a_reference() {
        PlatformConfig config = PlatformConfig.load(ConfigSource.of(with("quest-platform:network",
                "{\"fromStack\":\"acme/quest-platform/dev-network\"}")), DEV);

        assertThat(config.network().builtHere()).isFalse();
        assertThat(config.references()).containsExactly("acme/quest-platform/shared", "acme/quest-platform/dev-network");
    }

    @Test
    void zones_can_be_named() {
        PlatformConfig config = PlatformConfig.load(ConfigSource.of(with("quest-platform:network",
                "{\"cidr\":\"10.10.0.0/16\",\"availabilityZones\":[\"eu-west-1b\",\"eu-west-1c\"]}")), DEV);

        assertThat(config.network().availabilityZones()).isEqualTo(List.of("eu-west-1b", "eu-west-1c"));
    }
}
