package io.quest.platform.service;

import io.quest.platform.iam.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The renewal job's policy documents as values: the scope of every permission. */
class CertificateRenewalPoliciesTest {

    private static final String CERT = "arn:aws:acm:eu-west-1:222222222222:certificate/11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:222222222222:secret:dev-web-renewal-secret-AbCdEf";
    private static final String KEY = "arn:aws:kms:eu-west-1:222222222222:key/66666666-7777-8888-9999-000000000000";

    @Test
    void challenge_records_are_route_53_normalized_and_shared_by_a_name_and_its_wildcard() {
        assertThat(CertificateRenewalPolicies.challengeRecordNames(List.of("Quest.Example.com", "*.quest.example.com", "www.example.org.")))
                .containsExactly("_acme-challenge.quest.example.com", "_acme-challenge.www.example.org");
    }

    @Test
    void record_changes_are_held_to_one_zone_the_challenge_names_txt_and_upsert_or_delete() {
        PolicyDocument policy = CertificateRenewalPolicies.jobPolicy("eu-west-1", "Z0DEVZONE", List.of("a.example.com", "b.example.com"),
                CERT, SECRET, KEY);
        var records = policy.statement("WriteChallengeRecords");

        assertThat(records.resources()).containsExactly("arn:aws:route53:::hostedzone/Z0DEVZONE");
        assertThat(records.condition("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsNormalizedRecordNames"))
                .containsExactly("_acme-challenge.a.example.com", "_acme-challenge.b.example.com");
        assertThat(records.condition("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsRecordTypes")).containsExactly("TXT");
        assertThat(records.condition("ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsActions")).containsExactly("UPSERT", "DELETE");
        assertThat(policy.statement("ReimportServedCertificate").resources()).containsExactly(CERT);
        assertThat(policy.statement("ReimportServedCertificate").actions()).containsExactly("acm:DescribeCertificate", "acm:ImportCertificate");
        assertThat(policy.statement("KeepCertificateAndKey").resources()).containsExactly(SECRET);
        assertThat(policy.statement("UseSecretKeyThroughSecretsManager").resources()).containsExactly(KEY);
        assertThat(policy.statements()).filteredOn(s -> s.resources().contains("*"))
                .as("only the actions that take no resource are on *, and the metric is held to its namespace")
                .extracting(s -> s.actions()).containsExactlyInAnyOrder(List.of("route53:ListHostedZones"), List.of("cloudwatch:PutMetricData"));
        assertThat(policy.statement("ReportSuccessfulCheck").condition("StringEquals", "cloudwatch:namespace")).containsExactly("Quest/CertificateRenewal");
    }

    @Test
    void the_scheduler_runs_one_family_on_one_cluster_and_passes_only_the_job_s_roles_to_ecs() {
        PolicyDocument policy = CertificateRenewalPolicies.schedulerPolicy("arn:aws:ecs:eu-west-1:222222222222:task-definition/dev-web-renewal",
                "arn:aws:ecs:eu-west-1:222222222222:cluster/dev-cluster", "arn:aws:iam::222222222222:role/exec", "arn:aws:iam::222222222222:role/task");

        assertThat(policy.statement("RunRenewalTask").resources()).containsExactly("arn:aws:ecs:eu-west-1:222222222222:task-definition/dev-web-renewal:*");
        assertThat(policy.statement("RunRenewalTask").condition("ArnEquals", "ecs:cluster")).containsExactly("arn:aws:ecs:eu-west-1:222222222222:cluster/dev-cluster");
        assertThat(policy.statement("PassRenewalRoles").resources()).containsExactly("arn:aws:iam::222222222222:role/exec", "arn:aws:iam::222222222222:role/task");
        assertThat(policy.statement("PassRenewalRoles").condition("StringEquals", "iam:PassedToService")).containsExactly("ecs-tasks.amazonaws.com");
    }
}
