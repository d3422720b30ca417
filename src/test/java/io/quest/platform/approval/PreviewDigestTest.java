package io.quest.platform.approval;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewDigestTest {

    private static String digest(String json) {
        return PreviewDigest.of(PreviewParser.parse(json, "test.json"));
    }

    private static final String POLICY_UPDATE = """
            {"steps": [
              {"op": "same", "urn": "urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs"},
              {"op": "update", "urn": "urn:pulumi:dev::p::aws:iam/rolePolicy:RolePolicy::deploy",
               "newState": {"type": "aws:iam/rolePolicy:RolePolicy",
                 "inputs": {"__defaults": [], "policy": "{\\"Action\\":\\"s3:GetObject\\"}", "role": "deploy"}},
               "diffReasons": ["policy"], "detailedDiff": {"policy": {"kind": "update"}}},
              {"op": "delete", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::old"}]}
            """;

    @Test
    void theSamePreviewHasTheSameDigest() {
        assertThat(PreviewDigest.of(Fixtures.preview(Fixtures.DELETES)))
                .isEqualTo(PreviewDigest.of(Fixtures.preview(Fixtures.DELETES)))
                .matches("[0-9a-f]{64}");
        assertThat(digest(POLICY_UPDATE)).isEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void stepOrderUnchangedResourcesAndEngineDefaultsDoNotMoveTheDigest() {
        String reordered = """
                {"steps": [
                  {"op": "delete", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::old"},
                  {"op": "update", "urn": "urn:pulumi:dev::p::aws:iam/rolePolicy:RolePolicy::deploy",
                   "newState": {"type": "aws:iam/rolePolicy:RolePolicy",
                     "inputs": {"role": "deploy", "policy": "{\\"Action\\":\\"s3:GetObject\\"}"}},
                   "diffReasons": ["policy"], "detailedDiff": {"policy": {"kind": "update"}}}]}
                """;

        assertThat(digest(reordered)).isEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void aChangedValueMovesTheDigest() {
        String widened = POLICY_UPDATE.replace("s3:GetObject", "s3:*");

        assertThat(digest(widened)).isNotEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void aChangedOperationMovesTheDigest() {
        String replace = POLICY_UPDATE.replace("\"op\": \"update\"", "\"op\": \"replace\"");

        assertThat(digest(replace)).isNotEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void anExtraChangedPropertyMovesTheDigest() {
        String more = POLICY_UPDATE.replace("\"diffReasons\": [\"policy\"]", "\"diffReasons\": [\"policy\", \"role\"]")
                .replace("\"detailedDiff\": {\"policy\": {\"kind\": \"update\"}}",
                        "\"detailedDiff\": {\"policy\": {\"kind\": \"update\"}, \"role\": {\"kind\": \"update\"}}");

        assertThat(digest(more)).isNotEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void anExtraOrMissingResourceMovesTheDigest() {
        String withoutDelete = POLICY_UPDATE.replace(
                ",\n  {\"op\": \"delete\", \"urn\": \"urn:pulumi:dev::p::aws:sqs/queue:Queue::old\"}", "");
        String otherDelete = POLICY_UPDATE.replace("Queue::old", "Queue::older");

        assertThat(withoutDelete).isNotEqualTo(POLICY_UPDATE);
        assertThat(digest(withoutDelete)).isNotEqualTo(digest(POLICY_UPDATE));
        assertThat(digest(otherDelete)).isNotEqualTo(digest(POLICY_UPDATE));
    }

    @Test
    void everyFixtureHasItsOwnDigest() {
        assertThat(Stream.of(Fixtures.DELETES, Fixtures.SG_REPLACE, Fixtures.PROTECTED_REPLACE,
                        Fixtures.PROTECTED_DELETES)
                .map(f -> PreviewDigest.of(Fixtures.preview(f))).distinct()).hasSize(4);
    }

    @Test
    void normaliseAcceptsAPrefixAndCaseButNotAShortenedDigest() {
        String digest = PreviewDigest.of(Fixtures.preview(Fixtures.DELETES));

        assertThat(PreviewDigest.normalise(" sha256:" + digest.toUpperCase() + "\n")).isEqualTo(digest);
        assertThatThrownBy(() -> PreviewDigest.normalise(digest.substring(0, 12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + digest.substring(0, 12) + "\" is not a preview digest; expected the 64 hex digits the gate printed");
    }
}
