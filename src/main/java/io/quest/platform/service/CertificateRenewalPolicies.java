package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The IAM documents of a {@link CertificateRenewal}: what the job may do, and who may start it. */
final class CertificateRenewalPolicies {

    private CertificateRenewalPolicies() {
    }

    /**
     * The record names a DNS-01 challenge for these certificate names writes, as Route 53's
     * {@code route53:ChangeResourceRecordSetsNormalizedRecordNames} condition key compares them: lowercase, no trailing
     * dot ("Using IAM policy conditions for fine-grained access control", "Normalizing the Route 53 condition key
     * values", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/specifying-rrset-conditions.html, read
     * 2026-12-02). A wildcard is validated at the bare name's {@code _acme-challenge} record (RFC 8555 section 8.4), so
     * {@code *.example.com} and {@code example.com} share one.
     */
    static List<String> challengeRecordNames(List<String> domainNames) {
        Set<String> records = new LinkedHashSet<>();
        for (String name : domainNames) {
            String base = name.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "").replaceFirst("\\.$", "");
            records.add("_acme-challenge." + base);
        }
        return List.copyOf(records);
    }

    /**
     * What the job's task role may do, and nothing else. certbot's Route 53 plugin lists the hosted zones to find the
     * one for each name ({@code ListHostedZones}, which takes no resource), UPSERTs and DELETEs one TXT record per
     * challenge, and polls {@code GetChange} until it is in sync (certbot-dns-route53's {@code dns_route53.py} at
     * certbot/certbot@2dab85759695edb516000a5bd60547b640323c54, and its {@code examples/sample-aws-policy.json}). The
     * record changes are held to this zone, to TXT records, to the challenge names and to those two actions, each with
     * {@code ForAllValues:StringEquals} so that a change batch with any other record, type or action is refused as a
     * whole. The job reads and re-imports one certificate, reads and writes one secret through Secrets Manager only
     * (the key's use is bound to it with {@code kms:ViaService}), and publishes only its own metric namespace.
     */
    static PolicyDocument jobPolicy(String region, String hostedZoneId, List<String> domainNames, String certificateArn,
                                    String secretArn, String secretKeyArn) {
        return PolicyDocument.of(
                Statement.allow("FindHostedZone").actions("route53:ListHostedZones").resources("*"),
                Statement.allow("WriteChallengeRecords")
                        .actions("route53:ChangeResourceRecordSets")
                        .resources(Partition.of(region).arn("route53", "", "", "hostedzone/" + hostedZoneId))
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsNormalizedRecordNames",
                                challengeRecordNames(domainNames).toArray(String[]::new))
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes", "TXT")
                        .when("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsActions", "UPSERT", "DELETE"),
                Statement.allow("WaitForChallengeRecords").actions("route53:GetChange").resources(Partition.of(region).arn("route53", "", "", "change/*")),
                Statement.allow("ReimportServedCertificate")
                        .actions("acm:DescribeCertificate", "acm:ImportCertificate")
                        .resources(certificateArn),
                Statement.allow("KeepCertificateAndKey")
                        .actions("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue")
                        .resources(secretArn),
                Statement.allow("UseSecretKeyThroughSecretsManager")
                        .actions("kms:Decrypt", "kms:GenerateDataKey")
                        .resources(secretKeyArn)
                        .when("StringEquals", "kms:ViaService", Partition.of(region).endpoint("secretsmanager", region)),
                Statement.allow("ReportSuccessfulCheck")
                        .actions("cloudwatch:PutMetricData")
                        .resources("*")
                        .when("StringEquals", "cloudwatch:namespace", CertificateRenewal.METRIC_NAMESPACE));
    }

    /**
     * Only EventBridge Scheduler, acting for a schedule of this account, may take the scheduler role (confused-deputy
     * condition, EventBridge Scheduler User Guide, "Set up the execution role", read 2026-12-02).
     */
    static PolicyDocument schedulerTrustPolicy(Partition partition, String accountId) {
        return PolicyDocument.of(Statement.trustService("EventBridgeScheduler", ServicePrincipal.SCHEDULER, partition)
                .onBehalfOf(accountId));
    }

    /**
     * The schedule may run this task definition (any revision of its family) on this cluster only, and hand ECS the
     * job's two roles and no other ("Using templated targets in EventBridge Scheduler", Amazon ECS RunTask, read
     * 2026-12-02: {@code ecs:RunTask} plus {@code iam:PassRole} for the task's roles).
     */
    static PolicyDocument schedulerPolicy(String taskDefinitionFamilyArn, String clusterArn, String executionRoleArn, String taskRoleArn) {
        return PolicyDocument.of(
                Statement.allow("RunRenewalTask")
                        .actions("ecs:RunTask")
                        .resources(taskDefinitionFamilyArn + ":*")
                        .when("ArnEquals", "ecs:cluster", clusterArn),
                Statement.allow("PassRenewalRoles")
                        .actions("iam:PassRole")
                        .resources(executionRoleArn, taskRoleArn)
                        .when("StringEquals", "iam:PassedToService", ServicePrincipal.ECS_TASKS.in(Partition.ofArn(clusterArn))));
    }
}
