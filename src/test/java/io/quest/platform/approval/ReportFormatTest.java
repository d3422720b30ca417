package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    private static GateReport sgReplace() {
        return Gate.review(Fixtures.preview(Fixtures.SG_REPLACE), "test-b5f8ac54", false, Optional.empty());
    }

    @Test
    void markdownHasASummaryLineATableOfWhatNeedsApprovalTheRestCollapsedAndTheDigest() {
        GateReport report = sgReplace();
        String markdown = ReportFormat.MARKDOWN.render(report);

        assertThat(markdown).startsWith("### ⚠️ `test-b5f8ac54`: needs approval\n\n"
                + "1 to replace, 3 to update, 1 unchanged · digest `" + report.digest() + "`\n");
        assertThat(markdown).contains("| ⚠️ | `test-sg` | `aws:ec2/securityGroup:SecurityGroup` | replace | "
                + "replaces `test-sg` (delete and create) because description changed<br>"
                + "changes a security group: replace aws:ec2/securityGroup:SecurityGroup `test-sg` |");
        assertThat(markdown).contains("<details><summary>2 other changes that apply without approval</summary>");
        assertThat(markdown).contains("| `test-bucket` | `aws:s3/bucket:Bucket` | update | tags.CostCenter,");
        assertThat(markdown).contains("deploy with `--approve test-b5f8ac54=" + report.digest() + "`");
    }

    @Test
    void markdownOfABlockedPreviewListsWhyAndOffersNoApproval() {
        GateReport report = Gate.review(Fixtures.preview(Fixtures.PROTECTED_DELETES), "test", false, Optional.empty());
        String markdown = ReportFormat.MARKDOWN.render(report);

        assertThat(markdown).startsWith("### ⛔ `test`: blocked\n\n2 to delete, 1 unchanged"
                + " (engine summary: same 1, without the steps it refused) · digest `");
        assertThat(markdown).contains("- ⛔ the preview failed (engine result: failed)");
        assertThat(markdown).doesNotContain("--approve");
    }

    @Test
    void textNamesTheVerdictExitCodeEngineSummaryAndHowToApprove() {
        GateReport report = Gate.review(Fixtures.preview(Fixtures.PROTECTED_DELETES), "test", false, Optional.empty());

        assertThat(ReportFormat.TEXT.render(report)).startsWith("stack test: blocked (exit 3)\n"
                + "  changes: 2 to delete, 1 unchanged; engine summary: same 1\n");
        assertThat(ReportFormat.TEXT.render(sgReplace()))
                .contains("  [approve] replace aws:ec2/securityGroup:SecurityGroup test-sg\n")
                .endsWith("  to approve exactly this preview: --approve " + sgReplace().digest() + "\n");
    }

    @Test
    void textSaysWhenAnApprovalNamesAnotherPreview() {
        GateReport report = Gate.review(Fixtures.preview(Fixtures.SG_REPLACE), "test-b5f8ac54", false,
                Optional.of("0".repeat(64)));

        assertThat(ReportFormat.TEXT.render(report)).startsWith("stack test-b5f8ac54: needs approval (the approval given"
                + " names another digest: the preview changed since it was reviewed) (exit 2)");
    }

    @Test
    void jsonCarriesTheDecisionPerChangeWithReasons() throws Exception {
        GateReport report = sgReplace();
        JsonNode json = new ObjectMapper().readTree(ReportFormat.JSON.render(report));

        assertThat(json.path("decision").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(json.path("exitCode").asInt()).isEqualTo(2);
        assertThat(json.path("digest").asText()).isEqualTo(report.digest());
        assertThat(json.path("counts").path("replace").asInt()).isEqualTo(1);
        assertThat(json.path("changes")).hasSize(5);
        JsonNode sg = json.path("changes").get(3);
        assertThat(sg.path("name").asText()).isEqualTo("test-sg");
        assertThat(sg.path("decision").asText()).isEqualTo("NEEDS_APPROVAL");
        assertThat(sg.path("reasons")).hasSize(2);
    }
}
