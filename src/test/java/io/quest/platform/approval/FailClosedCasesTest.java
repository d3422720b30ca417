package io.quest.platform.approval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change the gate must not let through with exit 0, as the realistic previews under
 * {@code src/test/resources/preview/cases} (see PROVENANCE.md there), run through the command as CI runs it.
 */
class FailClosedCasesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int gate(Path preview, String stack, boolean production, String format) {
        GateCommand command = new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(preview.toString(), "--stack", stack, "--production",
                String.valueOf(production), "--format", format);
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), Fixtures.text("cases/" + name));
    }

    static GateReport review(String name, String stack, boolean production) {
        return Gate.review(Fixtures.preview("cases/" + name), stack, production, Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            s3-bucket-policy-public.json            | dev      | false | 3 | its policy allows anyone (any principal, no condition) s3:GetObject on `dev-assets-policy`: it becomes public
            s3-public-access-block-off.json         | dev      | false | 3 | switches off blockPublicPolicy in the S3 public access block `dev-assets-public-access`
            lambda-permission-any-principal.json    | dev      | false | 3 | lets any principal lambda:InvokeFunction through Lambda permission `dev-thumbnailer-invoke`
            network-acl-ssh-from-internet.json      | dev      | false | 3 | opens tcp 22 (SSH) from 0.0.0.0/0 in network ACL `dev-public-ssh`
            rds-safeguards-off.json                 | dev-data | false | 2 | switches off deletion protection on RDS database `dev-data-db`
            kms-key-weakened.json                   | dev      | false | 2 | switches off key rotation on KMS key `dev-web-logs-key`
            protect-removed-prod.json               | prod     | true  | 2 | removes `protect` from `prod-web-logs` in a production stack
            policy-mandatory-violation.jsonl        | dev      | false | 3 | mandatory policy `quest-guardrails/s3-bucket-kms-encryption` is violated
            summary-hides-deletes.json              | dev      | false | 3 | the engine's summary counts 3 delete but the preview shows 1
            secret-in-diagnostic.json               | dev      | false | 3 | engine error: creating RDS DB Instance (dev-data-db)
            security-group-split-internet.json      | dev      | false | 3 | opens tcp 22 from 0.0.0.0/1 + 128.0.0.0/1 on `dev-bastion`
            security-group-rules-split-internet.json| dev      | false | 3 | opens tcp 3389 from 128.0.0.0/1 on `dev-rdp-high`
            unknown-step-op.jsonl                   | dev      | false | 2 | the engine step `frobnicate` on `dev-alerts` is one this gate does not know
            update-without-changed-keys-a.json      | dev      | true  | 2 | production stack: every change except tags needs approval
            """)
    void noCaseExitsZero(String name, String stack, boolean production, int exit, String reason) throws IOException {
        int code = gate(file(name), stack, production, "text");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(exit).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(reason);
    }

    @Test
    void eachAddressFamilyIsNamedWithTheRangesThatHoldItsPublicAddresses() {
        ResourceReview bastion = review("security-group-split-internet.json", "dev", false).reviews().get(1);

        // IPv6's public (global unicast) block 2000::/3 lies in ::/1, so 8000::/1 adds nothing and is not named.
        assertThat(bastion.reasons()).extracting(Reason::text).containsExactly(
                "opens tcp 22 from 0.0.0.0/1 + 128.0.0.0/1 on `dev-bastion`; only the load balancer may take TCP 80/443 from the internet",
                "opens tcp 22 from ::/1 on `dev-bastion`; only the load balancer may take TCP 80/443 from the internet",
                "changes a security group: update aws:ec2/securityGroup:SecurityGroup `dev-bastion` (ingress[1], ingress[2])");
    }

    @Test
    void theDatabaseWeakeningsAreEachNamed() {
        ResourceReview db = review("rds-safeguards-off.json", "dev-data", false).reviews().get(1);

        assertThat(db.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(db.reasons()).extracting(Reason::text).containsExactlyInAnyOrder(
                "switches off deletion protection on RDS database `dev-data-db`",
                "forces skipFinalSnapshot: deleting it keeps no final snapshot on RDS database `dev-data-db`",
                "switches off automated backups (backupRetentionPeriod 0, was 7) on RDS database `dev-data-db`");
    }

    @Test
    void theKmsWeakeningsAreEachNamed() {
        ResourceReview key = review("kms-key-weakened.json", "dev", false).reviews().get(1);

        assertThat(key.reasons()).extracting(Reason::text).containsExactlyInAnyOrder(
                "switches off key rotation on KMS key `dev-web-logs-key`",
                "shortens the key's deletion waiting period from 30 to 7 days on KMS key `dev-web-logs-key`");
    }

    @Test
    void protectRemovedIsAChangeThoughTheStepIsSame() {
        GateReport report = review("protect-removed-prod.json", "prod", true);
        ResourceChange logs = report.reviews().get(1).change();

        assertThat(logs.operation()).isEqualTo(Operation.SAME);
        assertThat(logs.protect()).isTrue();
        assertThat(logs.protectAfter()).isFalse();
        assertThat(PreviewDigest.canonicalLines(report.preview())).singleElement()
                .satisfies(line -> assertThat(line).contains("\"protect\":[true,false]").contains("prod-web-logs"));
        assertThat(review("protect-removed-prod.json", "prod", false).exitCode()).isEqualTo(2);
    }

    @Test
    void aMandatoryViolationBlocksTheResourceItNames() {
        GateReport report = review("policy-mandatory-violation.jsonl", "dev", false);

        assertThat(report.preview().failed()).isFalse();
        assertThat(report.reviews()).filteredOn(r -> r.change().name().equals("dev-exports")).singleElement()
                .satisfies(r -> {
                    assertThat(r.decision()).isEqualTo(Decision.BLOCKED);
                    assertThat(r.reasons()).extracting(Reason::text).contains("mandatory policy"
                            + " `quest-guardrails/s3-bucket-kms-encryption` is violated: S3 buckets must be encrypted"
                            + " with a customer managed KMS key.");
                });
    }

    @Test
    void anUnknownStepOpIsReadCountedAndBoundByTheDigest() {
        GateReport report = review("unknown-step-op.jsonl", "dev", false);
        ResourceChange alerts = report.reviews().get(1).change();

        assertThat(alerts.operation()).isEqualTo(Operation.UNKNOWN);
        assertThat(alerts.unknownOps()).containsExactly("frobnicate");
        assertThat(report.previewReasons()).isEmpty();
        assertThat(report.decision()).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(PreviewDigest.canonicalLines(report.preview())).singleElement()
                .satisfies(line -> assertThat(line).contains("\"unknownOps\":[\"frobnicate\"]"));
    }

    @Test
    void theDigestBindsTheNewInputsOfAnUpdateThatListsNoChangedKeys() {
        Preview a = Fixtures.preview("cases/update-without-changed-keys-a.json");
        Preview b = Fixtures.preview("cases/update-without-changed-keys-b.json");

        assertThat(a.changes().get(1).changedProperties()).isEmpty();
        assertThat(b.changes().get(1).changedProperties()).isEmpty();
        assertThat(PreviewDigest.of(a)).isNotEqualTo(PreviewDigest.of(b));
        String approvedA = PreviewDigest.of(a);
        assertThat(Gate.review(b, "dev", true, Optional.of(approvedA)).exitCode()).isEqualTo(2);
        assertThat(Gate.review(a, "dev", true, Optional.of(approvedA)).exitCode()).isZero();
    }

    @Test
    void anEngineSummaryThatCountsMoreThanTheStepsBlocksEvenWithTheDigestApproved() {
        Preview preview = Fixtures.preview("cases/summary-hides-deletes.json");

        GateReport report = Gate.review(preview, "dev", false, Optional.of(PreviewDigest.of(preview)));

        assertThat(report.previewReasons()).extracting(Reason::text).containsExactly(
                "the engine's summary counts 3 delete but the preview shows 1: the gate cannot review changes it does not see");
        assertThat(report.exitCode()).isEqualTo(3);
    }
}
