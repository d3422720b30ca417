package io.quest.platform.approval;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewParserTest {

    @Test
    void readsPreviewJsonStepsWithTheirDiffs() {
        Preview preview = Fixtures.preview(Fixtures.SG_REPLACE);

        assertThat(preview.source()).isEqualTo(PreviewSource.PREVIEW_JSON);
        assertThat(preview.changes()).hasSize(5);
        assertThat(preview.engineSummary()).isEqualTo(Map.of("replace", 1, "same", 2, "update", 3));
        ResourceChange sg = preview.changes().get(3);
        assertThat(sg.type()).isEqualTo("aws:ec2/securityGroup:SecurityGroup");
        assertThat(sg.operation()).isEqualTo(Operation.REPLACE);
        assertThat(sg.changedProperties()).containsExactly("description", "ingress[0]", "ingress[1]");
        assertThat(sg.replaceProperties()).containsExactly("description");
    }

    @Test
    void countsFromStepsMatchTheEngineSummaryOfASuccessfulPreview() {
        Preview preview = Fixtures.preview(Fixtures.DELETES);

        assertThat(preview.counts()).isEqualTo(Map.of(Operation.DELETE, 14, Operation.SAME, 2));
        assertThat(preview.engineSummary()).isEqualTo(Map.of("delete", 14, "same", 2));
        assertThat(preview.failed()).isFalse();
    }

    @Test
    void foldsTheThreeStepsOfAReplacementIntoOneChange() {
        Preview preview = Fixtures.preview(Fixtures.PROTECTED_REPLACE);

        assertThat(preview.source()).isEqualTo(PreviewSource.ENGINE_EVENTS);
        assertThat(preview.changes()).singleElement().satisfies(change -> {
            assertThat(change.operation()).isEqualTo(Operation.REPLACE);
            assertThat(change.protect()).isTrue();
            assertThat(change.replaceProperties()).containsExactly("foo");
            assertThat(change.newInputs().path("foo").asText()).isEqualTo("baz");
            assertThat(change.oldInputs().path("foo").asText()).isEqualTo("bar");
        });
    }

    @Test
    void readsDiagnosticsWithoutColourMarkupAndTheSummaryResult() {
        Preview preview = Fixtures.preview(Fixtures.PROTECTED_DELETES);

        assertThat(preview.result()).contains("failed");
        assertThat(preview.failed()).isTrue();
        assertThat(preview.diagnostics()).hasSize(3);
        assertThat(preview.diagnostics().get(2).message()).isEqualTo("preview failed");
        assertThat(preview.diagnostics().get(0).urn()).contains("urn:pulumi:test::test::pkgA:m:typA::resA");
        assertThat(preview.diagnostics()).noneSatisfy(d -> assertThat(d.message()).contains("<{%"));
    }

    @Test
    void readsAnEventsListObjectLikeOneEventALine() {
        String lines = Fixtures.text(Fixtures.PROTECTED_DELETES);
        String wrapped = "{\"events\": [" + String.join(",", lines.strip().lines().toList()) + "]}";

        Preview fromLines = PreviewParser.parse(lines, "lines");
        Preview fromObject = PreviewParser.parse(wrapped, "object");

        assertThat(fromObject.changes()).isEqualTo(fromLines.changes());
        assertThat(fromObject.diagnostics()).isEqualTo(fromLines.diagnostics());
        assertThat(fromObject.result()).isEqualTo(fromLines.result());
    }

    @Test
    void ignoresUnknownFields() {
        Preview preview = PreviewParser.parse("""
                {"steps": [{"op": "create", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::jobs", "futureField": 1}],
                 "somethingNew": {"a": 1}}
                """, "new.json");

        assertThat(preview.changes()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo("aws:sqs/queue:Queue"));
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> PreviewParser.parse("  \n", "empty.json"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessage("empty.json is empty; expected the output of `pulumi preview --json` or an engine event log");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> PreviewParser.parse("Previewing update (dev):\n  + create", "preview.txt"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessageStartingWith("preview.txt line 1 is not JSON (")
                .hasMessageEndingWith("expected the output of `pulumi preview --json` or one engine event a line");
    }

    @Test
    void rejectsJsonThatIsNotAPreview() {
        assertThatThrownBy(() -> PreviewParser.parse("{\"project\": \"quest-platform\", \"stacks\": []}", "plan.json"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessageStartingWith("plan.json holds an object with fields [project, stacks]; expected the output of"
                        + " `pulumi preview --json`");
    }

    @Test
    void rejectsAStepWithoutUrn() {
        assertThatThrownBy(() -> PreviewParser.parse("{\"steps\": [{\"op\": \"create\"}]}", "p.json"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessage("p.json: step has no \"urn\"; every step needs an op and a urn");
    }

    @Test
    void readsTheEngineOpsThatApitypeDoesNotListAndStepsOfNewerOps() {
        Preview preview = PreviewParser.parse("""
                {"steps": [
                  {"op": "diff", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::jobs"},
                  {"op": "update", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::jobs", "diffReasons": ["delaySeconds"]},
                  {"op": "extend-parameterize", "urn": ""},
                  {"op": "rebind-provider", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::jobs"}],
                 "changeSummary": {"update": 1}}
                """, "newer.json");

        assertThat(preview.changes()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo(Operation.UPDATE);
            assertThat(c.unknownOps()).containsExactly("rebind-provider");
        });
        assertThat(preview.stepCounts()).containsEntry("diff", 1).containsEntry("extend-parameterize", 1)
                .containsEntry("rebind-provider", 1).containsEntry("update", 1);
        assertThat(GateTestSupport.review(preview).decision()).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void aRefreshOrReadBeforeAChangeIsNotAReplacementButADeleteAndCreateIs() {
        Preview preview = PreviewParser.parse("""
                {"steps": [
                  {"op": "refresh", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::a"},
                  {"op": "update", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::a"},
                  {"op": "delete", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::b"},
                  {"op": "create", "urn": "urn:pulumi:dev::p::aws:sqs/queue:Queue::b"}]}
                """, "fold.json");

        assertThat(preview.changes()).extracting(ResourceChange::operation).containsExactly(Operation.UPDATE, Operation.REPLACE);
    }

    @Test
    void rejectsAStepOpThatIsNotShapedLikeOne() {
        assertThatThrownBy(() -> PreviewParser.parse(
                "{\"steps\": [{\"op\": \"Create!\", \"urn\": \"urn:pulumi:dev::p::t:m:T::x\"}]}", "p.json"))
                .isInstanceOf(PreviewFormatException.class)
                .hasMessageStartingWith("step op \"Create!\" is not an engine op; expected lower-case words joined by hyphens");
    }
}
