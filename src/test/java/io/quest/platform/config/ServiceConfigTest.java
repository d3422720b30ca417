package io.quest.platform.config;

import io.quest.platform.service.TlsMode;
import io.quest.platform.service.TlsPolicy;
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

/** {@code quest-platform:service} and {@code quest-platform:tls}: defaults, and each rejection with its message. */
class ServiceConfigTest {

    private static final StackIdentity DEV = new StackIdentity("acme", "quest-platform", "dev");
    private static final StackIdentity PROD = new StackIdentity("acme", "quest-platform", "prod");
    private static final String ACM = "{\"domainName\": \"quest.example.com\", \"hostedZoneId\": \"Z0123456789\"}";

    private static Map<String, String> config(String service, String tls) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        config.put("quest-platform:network", "{\"cidr\": \"10.10.0.0/16\"}");
        if (service != null) {
            config.put("quest-platform:service", service);
        }
        if (tls != null) {
            config.put("quest-platform:tls", tls);
        }
        return config;
    }

    private static PlatformConfig load(StackIdentity stack, String service, String tls) {
        return PlatformConfig.load(ConfigSource.of(config(service, tls)), stack);
    }

    private static List<String> problems(StackIdentity stack, String service, String tls) {
        ConfigException e = catchThrowableOfType(() -> load(stack, service, tls), ConfigException.class);
        assertThat(e).as("expected a configuration problem").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void defaults_are_secure_and_small() {
        ServiceConfig service = load(DEV, "{\"image\": {\"tag\": \"1.0.0\"}}", ACM).service().orElseThrow();

        assertThat(service.size().cpu()).isEqualTo(256);
        assertThat(service.size().memoryMiB()).isEqualTo(512);
        assertThat(service.desiredCount()).isEqualTo(1);
        assertThat(service.readonlyRootFilesystem()).isTrue();
        assertThat(service.ecsExec()).isFalse();
        assertThat(service.deregistrationDelaySeconds()).isEqualTo(30);
        assertThat(service.healthCheckPath()).isEqualTo("/");
        assertThat(service.autoscaling()).isEmpty();
        assertThat(service.tls().mode()).isEqualTo(TlsMode.ACM);
        assertThat(service.tls().policy()).isEqualTo(TlsPolicy.TLS13_1_2);
        assertThat(service.image()).isEqualTo(new ImageSource.Registry(java.util.Optional.empty(), "1.0.0"));

        ServiceConfig prod = load(PROD, "{\"image\": {\"tag\": \"1.0.0\"}}", ACM).service().orElseThrow();
        assertThat(prod.desiredCount()).isEqualTo(2);
        assertThat(prod.logRetentionDays()).isEqualTo(365);
        assertThat(service.logRetentionDays()).isEqualTo(30);
        assertThat(service.accessLogRetentionDays()).as("access logs: their own default, not the container logs'").isEqualTo(90);
        assertThat(prod.accessLogRetentionDays()).isEqualTo(365);
    }

    @Test
    void an_environment_without_a_service_key_has_no_service_layer_and_reads_no_more_stacks() {
        PlatformConfig dev = load(DEV, null, null);

        assertThat(dev.service()).isEmpty();
        assertThat(dev.references()).containsExactly("acme/quest-platform/shared");
    }

    @Test
    void promoting_reads_the_source_stack_so_the_planner_orders_it_first() {
        PlatformConfig prod = load(PROD, "{\"image\": {\"promoteFrom\": \"dev\"}}", ACM);

        assertThat(prod.service().orElseThrow().promotedFrom()).contains("acme/quest-platform/dev");
        assertThat(prod.references()).containsExactly("acme/quest-platform/shared", "acme/quest-platform/dev");
    }

    static Stream<Arguments> rejections() {
        String image = "\"image\": {\"tag\": \"1.0.0\"}";
        return Stream.of(
                Arguments.of("{" + image + ", \"cpu\": 300}", ACM,
                        "quest-platform:service.cpu: 300 is not a Fargate CPU size; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384"),
                Arguments.of("{" + image + ", \"cpu\": 1024, \"memoryMiB\": 3000}", ACM,
                        "quest-platform:service.memoryMiB: 3000 does not fit cpu 1024 on Fargate; expected 2048 to 8192 in steps of 1024"),
                Arguments.of("{" + image + ", \"cpu\": 256, \"memoryMiB\": 4096}", ACM,
                        "quest-platform:service.memoryMiB: 4096 does not fit cpu 256 on Fargate; expected one of 512, 1024, 2048"),
                Arguments.of("{\"image\": {\"tag\": \"latest\"}}", ACM,
                        "quest-platform:service.image.tag: \"latest\" is a tag that moves; deploy a release tag or git SHA, which the registry keeps immutable"),
                Arguments.of("{\"image\": {\"tag\": \"1.0.0\", \"promoteFrom\": \"prod\"}}", ACM,
                        "quest-platform:service.image: names more than one image source; expected exactly one of {tag} (with an optional repository), {reference} or {promoteFrom}"),
                Arguments.of("{\"image\": {\"promoteFrom\": \"dev\"}}", ACM,
                        "quest-platform:service.image.promoteFrom: \"dev\" is this stack itself; expected the stack whose image this one promotes, e.g. dev"),
                Arguments.of("{\"image\": {\"reference\": \"nginx\"}}", ACM,
                        "quest-platform:service.image.reference: \"nginx\" is not a full image reference with a tag or digest; expected registry/repository:tag or registry/repository@sha256:<64 hex>"),
                Arguments.of("{" + image + ", \"secrets\": {\"SECRET_WORD\": \"/quest/secret-word\"}}", ACM,
                        "quest-platform:service.secrets.SECRET_WORD: \"/quest/secret-word\" is not an SSM parameter or Secrets Manager secret ARN; "
                                + "expected arn:<partition>:ssm:<region>:<account>:parameter/<name> or arn:<partition>:secretsmanager:<region>:<account>:secret:<name> (partition aws, aws-cn or aws-us-gov)"),
                Arguments.of("{" + image + ", \"ecsExec\": true}", ACM,
                        "quest-platform:service.ecsExec: true needs a writable root filesystem (the ECS Exec agent writes to it); "
                                + "set quest-platform:service.readonlyRootFilesystem: false as well, or leave ecsExec off"),
                Arguments.of("{" + image + ", \"desiredCount\": 5, \"autoscaling\": {\"min\": 1, \"max\": 3}}", ACM,
                        "quest-platform:service.desiredCount: 5 is outside autoscaling's 1 to 3; expected a count autoscaling would keep"),
                Arguments.of("{" + image + ", \"deregistrationDelaySeconds\": 4000}", ACM,
                        "quest-platform:service.deregistrationDelaySeconds: 4000 is out of range; expected a whole number from 0 to 3600"),
                Arguments.of("{" + image + ", \"accessLogRetentionDays\": 0}", ACM,
                        "quest-platform:service.accessLogRetentionDays: 0 is out of range; expected a whole number from 1 to 36500"),
                Arguments.of("{" + image + ", \"replicas\": 2}", ACM,
                        "quest-platform:service.replicas: is not a setting Quest Platform knows; expected one of accessLogRetentionDays, autoscaling, containerPort, cpu, "
                                + "database, deregistrationDelaySeconds, desiredCount, ecsExec, environment, healthCheckGracePeriodSeconds, healthCheckPath, image, "
                                + "logRetentionDays, memoryMiB, readonlyRootFilesystem, secrets, waf"),
                Arguments.of("{" + image + "}", "{\"domainName\": \"quest.example.com\", \"hostedZoneId\": \"Z012\", \"policy\": \"ELBSecurityPolicy-2016-08\"}",
                        "quest-platform:tls.policy: \"ELBSecurityPolicy-2016-08\" is not one of ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-3-2021-06"),
                Arguments.of("{" + image + "}", "{\"mode\": \"acm\", \"hostedZoneId\": \"Z012\"}",
                        "quest-platform:tls.domainName: is required: the name ACM issues the certificate for, e.g. quest.example.com"),
                Arguments.of("{" + image + "}", "{\"domainName\": \"quest.example.com\", \"hostedZoneId\": \"zone-1\"}",
                        "quest-platform:tls.hostedZoneId: \"zone-1\" is not a Route 53 hosted zone ID; expected Z followed by capital letters and digits"),
                Arguments.of(null, "{\"mode\": \"none\"}",
                        "quest-platform:tls: is set but quest-platform:service is not; TLS belongs to the service's load balancer"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void a_bad_setting_is_rejected_with_its_key_value_and_expectation(String service, String tls, String message) {
        assertThat(problems(DEV, service, tls)).contains(message);
    }

    @Test
    void tls_none_is_refused_in_production_and_allowed_elsewhere() {
        String service = "{\"image\": {\"tag\": \"1.0.0\"}}";

        assertThat(problems(PROD, service, "{\"mode\": \"none\"}")).containsExactly(
                "quest-platform:tls.mode: \"none\" serves the service over plain HTTP, which production does not allow; choose acm or imported");
        assertThat(load(DEV, service, "{\"mode\": \"none\"}").service().orElseThrow().tls().mode()).isEqualTo(TlsMode.NONE);
    }

    @Test
    void an_imported_certificate_missing_its_key_is_reported_without_quoting_the_certificate() {
        String body = "-----BEGIN CERTIFICATE-----MIIDdzCCAl-----END CERTIFICATE-----";
        List<String> problems = problems(DEV, "{\"image\": {\"tag\": \"1.0.0\"}}",
                "{\"mode\": \"imported\", \"certificateBody\": \"" + body + "\"}");

        assertThat(problems).containsExactly("quest-platform:tls.privateKey: is required: the PEM private key, "
                + "set with pulumi config set --secret --path quest-platform:tls.privateKey");
        assertThat(String.join("\n", problems)).doesNotContain("MIIDdz");
        TlsConfig tls = load(DEV, "{\"image\": {\"tag\": \"1.0.0\"}}",
                "{\"mode\": \"imported\", \"certificateBody\": \"" + body + "\", \"privateKey\": \"KEY\"}").service().orElseThrow().tls();
        assertThat(tls.toString()).doesNotContain("MIIDdz", "KEY\"").contains("[secret]");
    }

    @Test
    void an_imported_certificate_alarms_30_days_ahead_unless_configured_within_what_acm_reports() {
        String body = "-----BEGIN CERTIFICATE-----MIIDdzCCAl-----END CERTIFICATE-----";
        String imported = "{\"mode\": \"imported\", \"certificateBody\": \"" + body + "\", \"privateKey\": \"KEY\"";
        String image = "{\"image\": {\"tag\": \"1.0.0\"}}";

        assertThat(load(DEV, image, imported + "}").service().orElseThrow().tls().expiryAlarmDays()).isEqualTo(30);
        assertThat(load(DEV, image, imported + ", \"expiryAlarmDays\": 45}").service().orElseThrow().tls().expiryAlarmDays()).isEqualTo(45);
        assertThat(problems(DEV, image, imported + ", \"expiryAlarmDays\": 400}")).containsExactly(
                "quest-platform:tls.expiryAlarmDays: 400 is out of range; expected a whole number from 1 to 365");
    }

    @Test
    void every_problem_is_reported_at_once() {
        List<String> problems = problems(PROD, "{\"image\": {\"tag\": \"latest\"}, \"cpu\": 300, \"ecsExec\": true}", "{\"mode\": \"none\"}");

        assertThat(problems).hasSize(4);
    }
}
