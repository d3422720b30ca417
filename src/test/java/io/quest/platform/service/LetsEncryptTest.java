package io.quest.platform.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.cost.CostItem;
import io.quest.platform.cost.CostKind;
import io.quest.platform.plan.JsonRenderer;
import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tls.mode: letsencrypt} as a dev stack plans it: the listener's certificate, the renewal job's least-privilege
 * roles, its schedule, the alarms on the certificate and on the job, and what it costs.
 */
@SuppressWarnings("unchecked")
class LetsEncryptTest {

    static final String IMAGE = "certbot/dns-route53:v5.1.0@sha256:" + "0123456789abcdef".repeat(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Plan plan;
    private static StackPlan dev;

    /** dev in letsencrypt mode: the certificate for a name and a wildcard under it, staging directory, a NAT instance. */
    static String letsEncryptDev() {
        return PlanFixture.environment("222222222222", "10.10.0.0/16", "natGateways: instance", "availabilityZones: 2")
                + """
                  quest-platform:service:
                    image: {tag: "1.4.2"}
                    containerPort: 3000
                  quest-platform:tls:
                    mode: letsencrypt
                    domainName: quest-dev.acme-corp.io
                    alternativeNames: ["*.quest-dev.acme-corp.io"]
                    hostedZoneId: Z0DEVZONE
                    acmeEmail: platform@acme-corp.io
                    acmeEndpoint: staging
                    renewalImage: "%s"
                  quest-platform:monitoring:
                    emails: [oncall@acme-corp.io]
                """.formatted(IMAGE);
    }

    @BeforeAll
    static void plan() {
        plan = PlanFixture.plan(Map.of("shared", PlanFixture.SHARED, "dev", letsEncryptDev()));
        dev = plan.stack("dev");
    }

    private static String certificateArn() {
        return (String) dev.named("dev-web-https").input("certificateArn");
    }

    private static JsonNode policy(String name) throws Exception {
        return JSON.readTree((String) dev.named(name).input("policy"));
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode s : policy.get("Statement")) {
            if (sid.equals(s.get("Sid").asText())) {
                return s;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    @Test
    void the_listener_serves_the_acm_entry_the_job_re_imports_and_pulumi_never_puts_the_placeholder_back() {
        PlannedResource certificate = dev.named("dev-web-cert");

        assertThat(dev.ofType("aws:acm/certificate:Certificate")).singleElement().isEqualTo(certificate);
        assertThat(certificateArn()).startsWith("arn:aws:acm:eu-west-1:222222222222:certificate/");
        assertThat(certificate.input("certificateBody")).isEqualTo("[secret]");
        assertThat(certificate.input("privateKey")).isEqualTo("[secret]");
        assertThat(certificate.ignoreChanges()).containsExactlyInAnyOrder("certificateBody", "certificateChain", "privateKey");
        assertThat(dev.ofType("aws:acm/certificateValidation:CertificateValidation")).as("nothing waits for ACM to issue").isEmpty();
        assertThat(dev.named("dev-web-alias").input("name")).isEqualTo("quest-dev.acme-corp.io");
        assertThat(JsonRenderer.render(plan)).doesNotContain("PRIVATE KEY", "BEGIN CERTIFICATE");
    }

    @Test
    void the_job_may_write_only_the_challenge_txt_records_of_its_names_in_its_zone() throws Exception {
        JsonNode policy = policy("dev-web-renewal-task-policy");
        JsonNode records = statement(policy, "WriteChallengeRecords");

        assertThat(records.get("Action").asText()).isEqualTo("route53:ChangeResourceRecordSets");
        assertThat(records.get("Resource").asText()).isEqualTo("arn:aws:route53:::hostedzone/Z0DEVZONE");
        JsonNode all = records.get("Condition").get("ForAllValues:StringEquals");
        assertThat(all.get("route53:ChangeResourceRecordSetsNormalizedRecordNames").asText())
                .as("the name and its wildcard share one challenge record").isEqualTo("_acme-challenge.quest-dev.acme-corp.io");
        assertThat(all.get("route53:ChangeResourceRecordSetsRecordTypes").asText()).isEqualTo("TXT");
        assertThat(JSON.convertValue(all.get("route53:ChangeResourceRecordSetsActions"), List.class)).containsExactly("UPSERT", "DELETE");
        assertThat(statement(policy, "FindHostedZone").get("Action").asText()).isEqualTo("route53:ListHostedZones");
        assertThat(statement(policy, "WaitForChallengeRecords").get("Resource").asText()).isEqualTo("arn:aws:route53:::change/*");
        List<String> actions = policy.findValues("Action").stream()
                .flatMap(a -> a.isArray() ? JSON.convertValue(a, List.class).stream() : java.util.stream.Stream.of(a.asText()))
                .map(Object::toString).toList();
        assertThat(actions).as("no other Route 53 action, and no wildcard action")
                .filteredOn(a -> a.startsWith("route53:")).containsExactlyInAnyOrder("route53:ListHostedZones",
                        "route53:ChangeResourceRecordSets", "route53:GetChange");
        assertThat(actions).noneMatch(a -> a.endsWith("*"));
    }

    @Test
    void the_job_may_touch_one_certificate_one_secret_and_that_secret_s_key_only_through_secrets_manager() throws Exception {
        JsonNode policy = policy("dev-web-renewal-task-policy");
        PlannedResource secret = dev.named("dev-web-renewal-secret");
        String secretArn = "arn:aws:secretsmanager:eu-west-1:222222222222:secret:" + secret.id();
        String keyArn = "arn:aws:kms:eu-west-1:222222222222:key/" + dev.named("dev-web-renewal-secret-key").id();

        assertThat(statement(policy, "ReimportServedCertificate").get("Resource").asText()).isEqualTo(certificateArn());
        assertThat(statement(policy, "KeepCertificateAndKey").get("Resource").asText()).startsWith(secretArn);
        JsonNode kms = statement(policy, "UseSecretKeyThroughSecretsManager");
        assertThat(kms.get("Resource").asText()).isEqualTo(keyArn);
        assertThat(kms.get("Condition").get("StringEquals").get("kms:ViaService").asText()).isEqualTo("secretsmanager.eu-west-1.amazonaws.com");
        assertThat(secret.input("kmsKeyId")).isEqualTo(keyArn);
        assertThat(statement(policy, "ReportSuccessfulCheck").get("Condition").get("StringEquals").get("cloudwatch:namespace").asText())
                .isEqualTo("Quest/CertificateRenewal");
        assertThat(policy.get("Statement")).hasSize(7);
    }

    @Test
    void twice_a_day_the_scheduler_starts_the_job_in_the_private_subnets_with_no_public_address() throws Exception {
        PlannedResource schedule = dev.named("dev-web-renewal-schedule");
        Map<String, Object> target = (Map<String, Object>) schedule.input("target");
        Map<String, Object> ecs = (Map<String, Object>) target.get("ecsParameters");
        Map<String, Object> network = (Map<String, Object>) ecs.get("networkConfiguration");

        assertThat(schedule.type()).isEqualTo("aws:scheduler/schedule:Schedule");
        assertThat(schedule.input("scheduleExpression")).isEqualTo("cron(17 3,15 * * ? *)");
        assertThat(schedule.input("scheduleExpressionTimezone")).isEqualTo("UTC");
        assertThat((String) target.get("arn")).startsWith("arn:aws:ecs:eu-west-1:222222222222:cluster/");
        assertThat(ecs.get("taskDefinitionArn")).asString().contains(":task-definition/dev-web-renewal:");
        assertThat(ecs.get("launchType")).isEqualTo("FARGATE");
        assertThat(network.get("assignPublicIp")).isEqualTo(false);
        assertThat((List<String>) network.get("subnets")).containsExactlyInAnyOrderElementsOf(
                (List<String>) dev.outputs().get("privateSubnetIds"));

        JsonNode run = statement(policy("dev-web-renewal-scheduler-policy"), "RunRenewalTask");
        assertThat(run.get("Resource").asText()).endsWith(":task-definition/dev-web-renewal:*");
        assertThat(run.get("Condition").get("ArnEquals").get("ecs:cluster").asText()).isEqualTo(target.get("arn"));
        JsonNode trust = JSON.readTree((String) dev.named("dev-web-renewal-scheduler").input("assumeRolePolicy"));
        assertThat(trust.at("/Statement/0/Principal/Service").asText()).isEqualTo("scheduler.amazonaws.com");
        assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText()).isEqualTo("222222222222");
    }

    @Test
    void the_job_runs_the_pinned_image_against_the_configured_directory_and_reaches_out_only_over_https() throws Exception {
        JsonNode container = JSON.readTree((String) dev.ofType("aws:ecs/taskDefinition:TaskDefinition").stream().filter(t -> "dev-web-renewal".equals(t.input("family"))).findFirst().orElseThrow().input("containerDefinitions")).get(0);
        Map<String, String> environment = new java.util.TreeMap<>();
        container.get("environment").forEach(e -> environment.put(e.get("name").asText(), e.get("value").asText()));

        assertThat(container.get("image").asText()).isEqualTo(IMAGE);
        assertThat(container.get("entryPoint").toString()).isEqualTo("[\"python3\",\"-c\"]");
        assertThat(container.get("command").get(0).asText()).contains("certbot", "--dns-route53", "import_certificate");
        assertThat(environment).containsEntry("ACME_SERVER", "https://acme-staging-v02.api.letsencrypt.org/directory")
                .containsEntry("DOMAINS", "quest-dev.acme-corp.io,*.quest-dev.acme-corp.io")
                .containsEntry("CERTIFICATE_ARN", certificateArn())
                .containsEntry("RENEW_DAYS", "30");
        assertThat(environment.keySet()).noneMatch(k -> k.contains("KEY"));

        String sg = dev.named("dev-web-renewal-sg").id();
        assertThat(dev.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"))
                .noneMatch(r -> sg.equals(r.input("securityGroupId")));
        assertThat(dev.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"))
                .filteredOn(r -> sg.equals(r.input("securityGroupId"))).singleElement()
                .satisfies(r -> assertThat(List.of(r.input("fromPort"), r.input("toPort"))).containsExactly(443L, 443L));
    }

    @Test
    void the_certificate_alarms_before_it_expires_and_the_job_alarms_when_it_fails_or_stops_checking() throws Exception {
        String topic = (String) dev.outputs().get("alertTopicArn");
        PlannedResource expiry = dev.named("dev-monitoring-certificate-expiry");
        PlannedResource renewal = dev.named("dev-monitoring-certificate-renewal");

        assertThat(expiry.input("dimensions")).isEqualTo(Map.of("CertificateArn", certificateArn()));
        assertThat(((Number) expiry.input("threshold")).doubleValue()).isEqualTo(20.0);
        assertThat(expiry.input("alarmActions")).isEqualTo(List.of(topic));
        assertThat(renewal.input("namespace")).isEqualTo("Quest/CertificateRenewal");
        assertThat(renewal.input("dimensions")).isEqualTo(Map.of("Certificate", "dev-web-renewal"));
        assertThat(renewal.input("comparisonOperator")).isEqualTo("LessThanThreshold");
        assertThat(renewal.input("treatMissingData")).as("a job that stopped running is a failing job").isEqualTo("breaching");
        assertThat(renewal.input("alarmActions")).isEqualTo(List.of(topic));

        JsonNode pattern = JSON.readTree((String) dev.named("dev-monitoring-renewal-failed").input("eventPattern"));
        assertThat(pattern.at("/detail/group/0").asText()).isEqualTo("family:dev-web-renewal");
        assertThat(pattern.at("/detail/lastStatus/0").asText()).isEqualTo("STOPPED");
        assertThat(pattern.at("/detail/$or/0/containers/exitCode/0/anything-but").asInt()).isZero();
        assertThat(dev.named("dev-monitoring-renewal-failed-alert").input("arn")).isEqualTo(topic);
    }

    @Test
    void the_repository_s_dev_stack_plans_in_letsencrypt_mode_at_the_cost_the_readme_states() throws Exception {
        Map<String, String> files = PlanFixture.repositoryStackFiles();
        String acm = files.get("dev");
        String tls = acm.substring(acm.indexOf("  quest-platform:tls:"), acm.indexOf("  # Alerts, alarms"));
        files.put("dev", acm.replace(tls, """
                  quest-platform:tls:
                    mode: letsencrypt
                    domainName: quest-dev.example.com
                    hostedZoneId: Z00000000000000000DEV
                    acmeEmail: platform-team@acme-corp.io
                    renewalImage: "%s"
                """.formatted(IMAGE)));
        StackPlan letsEncrypt = PlanFixture.plan(files, "dev").stack("dev");
        StackPlan withAcm = PlanFixture.repository().stack("dev");

        assertThat(letsEncrypt.ofType("aws:scheduler/schedule:Schedule")).hasSize(1);
        assertThat(letsEncrypt.cost().fixedUsd() - withAcm.cost().fixedUsd()).as("two keys, the secret, two alarms")
                .isCloseTo(2.60, org.assertj.core.data.Offset.offset(0.005));
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
                .contains("`tls.mode: letsencrypt` instead of `acm` is about $" + String.format(java.util.Locale.ROOT, "%.2f", letsEncrypt.cost().monthlyUsd()));
    }

    @Test
    void the_estimate_carries_the_secret_fixed_and_the_job_s_runs_as_usage() {
        List<CostItem> items = dev.cost().items();

        assertThat(items).filteredOn(i -> i.item().equals("Secrets Manager secret")).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(CostKind.FIXED))
                .satisfies(i -> assertThat(i.monthlyUsd()).isEqualTo(0.40));
        assertThat(items).filteredOn(i -> i.item().startsWith("scheduled Fargate task runs (cron(17 3,15 * * ? *)")).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(CostKind.USAGE))
                .satisfies(i -> assertThat(i.quantity()).as("61 runs of 2 minutes").isCloseTo(61 * 2 / 60.0, org.assertj.core.data.Offset.offset(0.01)))
                .satisfies(i -> assertThat(i.monthlyUsd()).isGreaterThan(0).isLessThan(0.05));
    }
}
