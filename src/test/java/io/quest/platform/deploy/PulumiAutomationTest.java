package io.quest.platform.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.OperationType;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.Version;
import com.pulumi.automation.events.EngineEvent;
import com.pulumi.automation.events.SummaryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command lines the Automation API of com.pulumi:pulumi 1.36.1 runs for each operation, recorded by a stand-in
 * for the CLI ({@link PulumiCommand}, which {@code LocalWorkspaceOptions.pulumiCommand} accepts): the real
 * {@code LocalWorkspace} and {@code WorkspaceStack} build them.
 */
class PulumiAutomationTest {

    /** A CLI that records every call and answers from a function of its arguments. */
    private static final class RecordingPulumi implements PulumiCommand {
        final List<List<String>> calls = new ArrayList<>();
        final List<Map<String, String>> environments = new ArrayList<>();
        final List<Path> workDirs = new ArrayList<>();
        private final Function<List<String>, CommandResult> answer;
        private final List<String> stdoutLines;
        boolean writesPlans = true;

        private static void writePlan(Path plan) {
            try {
                Files.createDirectories(plan.getParent());
                Files.writeString(plan, "{\"manifest\": {}, \"resourcePlans\": {}}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        RecordingPulumi(List<String> stdoutLines, Function<List<String>, CommandResult> answer) {
            this.stdoutLines = stdoutLines;
            this.answer = answer;
        }

        @Override
        public Version version() {
            return Version.of(3, 205, 0);
        }

        @Override
        public CommandResult run(List<String> args, CommandRunOptions options) throws AutomationException {
            calls.add(List.copyOf(args));
            int savePlan = args.indexOf("--save-plan");
            if (savePlan >= 0 && writesPlans) {
                writePlan(Path.of(args.get(savePlan + 1)));
            }
            environments.add(options.additionalEnv());
            workDirs.add(options.workingDir());
            if (options.onStandardOutput() != null) {
                stdoutLines.forEach(options.onStandardOutput());
            }
            if (options.onEngineEvent() != null) {
                options.onEngineEvent().accept(new EngineEvent(1, 0, null, null, null, null,
                        new SummaryEvent(false, 1, Map.of(OperationType.CREATE, 1), Map.of()), null, null, null, null));
            }
            CommandResult result = answer.apply(args);
            if (result.code() != 0) {
                if (options.onStandardError() != null) {
                    result.standardError().lines().forEach(options.onStandardError());
                }
                // As LocalPulumiCommand.createExceptionFromResult does (1.36.1): "no stack named.*found" is StackNotFoundException.
                throw Pattern.compile("no stack named.*found").matcher(result.standardError()).find()
                        ? new StackNotFoundException(result) : new CommandException(result);
            }
            return result;
        }
    }

    @TempDir
    Path project;

    private static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }

    @Test
    void previewSelectsTheStackAndSavesThePlanWithTheJsonPreview() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of("{\"steps\": [", "]}"), args -> ok(""));
        Path plan = project.resolve("plans/dev.plan.json");

        PreviewRun run = new PulumiAutomation(project, line -> { }, pulumi).preview("dev", plan);

        assertThat(run).isEqualTo(PreviewRun.succeeded("{\"steps\": [\n]}"));
        assertThat(pulumi.calls).containsExactly(
                List.of("stack", "select", "--stack", "dev"),
                List.of("preview", "--save-plan", plan.toString(), "--json", "--exec-kind", "auto.local"));
        assertThat(pulumi.environments).allSatisfy(env -> assertThat(env).containsEntry("PULUMI_STACK", "dev"));
        assertThat(pulumi.workDirs).containsOnly(project);
    }

    @Test
    void aPreviewThatSavedNoPlanIsReturnedAsFailed() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of("{\"steps\": []}"), args -> ok(""));
        pulumi.writesPlans = false;
        Path plan = project.resolve("dev.plan.json");

        PreviewRun run = new PulumiAutomation(project, line -> { }, pulumi).preview("dev", plan);

        assertThat(run).isEqualTo(PreviewRun.failed("{\"steps\": []}", "pulumi preview exited 0 but wrote no update plan to " + plan));
    }

    @Test
    void aPreviewThatExitsNonZeroIsReturnedAsFailedWithWhatItWrote() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of("{\"steps\": []}"), args -> args.get(0).equals("preview")
                ? new CommandResult(255, "{\"steps\": []}", "error: preview failed\n  Missing required configuration")
                : ok(""));

        PreviewRun run = new PulumiAutomation(project, line -> { }, pulumi).preview("dev", project.resolve("dev.plan.json"));

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).isEqualTo("{\"steps\": []}");
        assertThat(run.failure()).isEqualTo("pulumi preview exited non-zero: error: preview failed | Missing required configuration");
    }

    @Test
    void aStackTheBackendDoesNotHaveIsAnErrorNamingIt() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of(), args -> new CommandResult(255, "",
                "error: no stack named 'dev' found"));

        assertThatThrownBy(() -> new PulumiAutomation(project, line -> { }, pulumi).preview("dev", project.resolve("p")))
                .isInstanceOf(StackOperationException.class)
                .hasMessage("no stack dev in the backend this project is logged in to; create it with `pulumi stack init dev`"
                        + " or log in to the right backend");
    }

    @Test
    void upAppliesTheSavedPlanOfTheSelectedStack() {
        // After up, 1.36.1 reads the outputs and the update's summary (`stack history --json`, as the CLI writes it).
        String history = """
                [{"kind": "update", "startTime": "2026-12-02T10:00:00Z", "message": "", "environment": {}, "config": {},
                  "result": "succeeded", "endTime": "2026-12-02T10:01:00Z", "version": 3, "resourceChanges": {"create": 1}}]
                """;
        RecordingPulumi pulumi = new RecordingPulumi(List.of("Updating (prod)"),
                args -> ok(args.get(0).equals("stack") && args.get(1).equals("history") ? history : "{}"));
        List<String> progress = new ArrayList<>();
        Path plan = project.resolve("prod.plan.json");

        new PulumiAutomation(project, progress::add, pulumi).up("prod", plan);

        assertThat(pulumi.calls.subList(0, 2)).containsExactly(
                List.of("stack", "select", "--stack", "prod"),
                List.of("up", "--yes", "--skip-preview", "--plan", plan.toString(), "--exec-kind", "auto.local"));
        assertThat(pulumi.environments).allSatisfy(env -> assertThat(env).containsEntry("PULUMI_STACK", "prod"));
        assertThat(progress).contains("Updating (prod)");
    }

    @Test
    void anUpThatLeavesThePlanFailsWithTheEnginesErrorButNotItsOutput() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of(), args -> args.get(0).equals("up")
                ? new CommandResult(255, "secret-looking stdout", "error: resource urn:pulumi:prod::p::t::n violates plan")
                : ok(""));

        assertThatThrownBy(() -> new PulumiAutomation(project, line -> { }, pulumi).up("prod", project.resolve("prod.plan.json")))
                .isInstanceOf(StackOperationException.class)
                .hasMessage("pulumi up --plan prod.plan.json failed for prod; the update stopped where it failed or left"
                        + " the reviewed plan: error: resource urn:pulumi:prod::p::t::n violates plan")
                .message().doesNotContain("secret-looking");
    }

    @Test
    void outputsAreTheNamesOfTheStacksOutputsWithoutSelectingIt() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of(), args -> ok("{\"vpcId\": \"vpc-1\", \"dbPassword\": \"[secret]\"}"));

        assertThat(new PulumiAutomation(project, line -> { }, pulumi).outputs("dev")).containsExactly("dbPassword", "vpcId");
        assertThat(pulumi.calls).allSatisfy(call -> assertThat(call).startsWith("stack", "output", "--json").endsWith("--stack", "dev"));
    }

    @Test
    void aFailedOutputsReadReportsTheExitCodeAndErrorButNeverTheSecretsItPrinted() {
        RecordingPulumi pulumi = new RecordingPulumi(List.of(), args -> new CommandResult(255, "{\"dbPassword\": \"hunter2\"}",
                "error: failed to decrypt\nAccessDeniedException"));

        assertThatThrownBy(() -> new PulumiAutomation(project, line -> { }, pulumi).outputs("dev"))
                .isInstanceOf(StackOperationException.class)
                .hasMessage("cannot read the outputs of dev: pulumi exited with code: 255: error: failed to decrypt | AccessDeniedException")
                .message().doesNotContain("hunter2");
    }
}
