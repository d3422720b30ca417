package io.quest.platform.deploy;

import com.pulumi.automation.AutomationException;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.PulumiCommand;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.WorkspaceStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link StackOperations} through the Pulumi Automation API that ships in {@code com.pulumi:pulumi} 1.36.1
 * ({@code com.pulumi.automation}), which runs the Pulumi CLI found on PATH (at least 3.95.0, checked by
 * {@link LocalPulumiCommand}; {@code PULUMI_STACK} needs 3.154.0) in the project directory:
 * <ul>
 *   <li>preview: {@code WorkspaceStack.preview} with {@code json(true)} and {@code plan(FILE)}, which 1.36.1 turns
 *       into {@code pulumi preview --save-plan FILE --json} (plus {@code --non-interactive --event-log});</li>
 *   <li>up: {@code WorkspaceStack.up} with {@code plan(FILE)}: {@code pulumi up --yes --skip-preview --plan FILE}.
 *       The engine then allows per resource only the planned operation or a smaller one (same for update, update
 *       for replace), only the planned inputs (unknown-at-preview inputs accept any value) and exactly the planned
 *       options, and stops the update at the first departure (pulumi/pulumi @ 1b5949891b3c:
 *       {@code pkg/resource/deploy/plan.go} type {@code Plan}, {@code step_generator.go} "is not allowed by the
 *       plan" / "violates plan"; https://www.pulumi.com/docs/iac/operations/stack-management/update-plans/, read
 *       2026-12-02). {@code up --plan} is marked [EXPERIMENTAL] and hidden from {@code --help} unless
 *       {@code PULUMI_EXPERIMENTAL} is set ({@code pkg/cmd/pulumi/operations/up.go}); it works without it;</li>
 *   <li>outputs: {@code LocalWorkspace.getStackOutputs}: {@code pulumi stack output --json [--show-secrets] --stack S}.</li>
 * </ul>
 * In 1.36.1 {@code WorkspaceStack.runCommand} builds {@code --stack NAME} and then passes the arguments without it,
 * so preview and up act on the workspace's selected stack. Each operation therefore selects the stack
 * ({@code pulumi stack select --stack S}) and also sets {@code PULUMI_STACK=S}, which the CLI reads ahead of the
 * stored selection ({@code pkg/backend/state/stacks.go}, since 3.154.0), so another process selecting a stack in
 * the same project cannot redirect it; the deploy also refuses a preview whose URNs name another stack.
 */
public final class PulumiAutomation implements StackOperations {

    private final Path workDir;
    private final Consumer<String> progress;
    private PulumiCommand command;

    /**
     * @param workDir  the directory of {@code Pulumi.yaml}
     * @param progress receives the output of {@code up}, line by line
     */
    public PulumiAutomation(Path workDir, Consumer<String> progress) {
        this(workDir, progress, null);
    }

    /** With a given CLI, for tests; null finds {@code pulumi} on PATH on first use. */
    PulumiAutomation(Path workDir, Consumer<String> progress, PulumiCommand command) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.progress = progress;
        this.command = command;
    }

    @Override
    public PreviewRun preview(String stack, Path plan) {
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        try (LocalWorkspace workspace = workspace(stack)) {
            WorkspaceStack selected = select(stack, workspace);
            try {
                selected.preview(PreviewOptions.builder()
                        .json(true)
                        .plan(plan.toAbsolutePath().toString())
                        .onStandardOutput(out::add)
                        .onStandardError(err::add)
                        .build());
                if (!Files.isRegularFile(plan)) {
                    return PreviewRun.failed(String.join("\n", out), "pulumi preview exited 0 but wrote no update plan to " + plan);
                }
                return PreviewRun.succeeded(String.join("\n", out));
            } catch (AutomationException e) {
                // A non-zero exit (CommandException) or no summary event: the preview failed; keep what it wrote.
                return PreviewRun.failed(String.join("\n", out), "pulumi preview exited non-zero: " + lastLines(err, e));
            }
        } catch (StackOperationException e) {
            throw e;
        } catch (Exception e) {
            throw new StackOperationException("cannot preview " + stack + " in " + workDir + ": " + describe(e), e);
        }
    }

    @Override
    public void up(String stack, Path plan) {
        List<String> err = new ArrayList<>();
        try (LocalWorkspace workspace = workspace(stack)) {
            select(stack, workspace).up(UpOptions.builder()
                    .plan(plan.toAbsolutePath().toString())
                    .onStandardOutput(progress)
                    .onStandardError(line -> {
                        err.add(line);
                        progress.accept(line);
                    })
                    .build());
        } catch (StackOperationException e) {
            throw e;
        } catch (Exception e) {
            throw new StackOperationException("pulumi up --plan " + plan.getFileName() + " failed for " + stack
                    + "; the update stopped where it failed or left the reviewed plan: " + lastLines(err, e), e);
        }
    }

    @Override
    public Set<String> outputs(String stack) {
        try (LocalWorkspace workspace = workspace(stack)) {
            return new TreeSet<>(workspace.getStackOutputs(stack).keySet());
        } catch (StackNotFoundException e) {
            throw new StackOperationException("no stack " + stack + " in the backend this project is logged in to", e);
        } catch (StackOperationException e) {
            throw e;
        } catch (Exception e) {
            throw new StackOperationException("cannot read the outputs of " + stack + ": " + describe(e), e);
        }
    }

    private LocalWorkspace workspace(String stack) throws AutomationException {
        return LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .workDir(workDir)
                .pulumiCommand(command())
                .environmentVariables(Map.of("PULUMI_STACK", stack))
                .build());
    }

    private PulumiCommand command() {
        if (command == null) {
            try {
                command = LocalPulumiCommand.create();
            } catch (AutomationException e) {
                throw new StackOperationException("cannot run the Pulumi CLI (pulumi on PATH, at least 3.154.0): "
                        + describe(e), e);
            }
        }
        return command;
    }

    private static WorkspaceStack select(String stack, LocalWorkspace workspace) throws AutomationException {
        try {
            return WorkspaceStack.select(stack, workspace);
        } catch (StackNotFoundException e) {
            throw new StackOperationException("no stack " + stack + " in the backend this project is logged in to;"
                    + " create it with `pulumi stack init " + stack + "` or log in to the right backend", e);
        }
    }

    /** The last error lines the CLI printed, else what the Automation API said. */
    private static String lastLines(List<String> err, Exception e) {
        List<String> lines = err.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return describe(e);
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /**
     * One line about an exception. A {@code CommandException}'s message is the CLI's exit code, its whole standard
     * output (which for {@code stack output --show-secrets} holds secret values) and its standard error: keep the
     * exit code and the last lines of standard error only.
     */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.startsWith("code:") && message.contains("stdout:")) {
            String code = message.substring(0, message.indexOf('\n') < 0 ? message.length() : message.indexOf('\n')).strip();
            int stderr = message.lastIndexOf("stderr:");
            List<String> lines = stderr < 0 ? List.of() : message.substring(stderr + "stderr:".length()).strip().lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return "pulumi exited with " + code + (tail.isEmpty() ? "" : ": " + tail);
        }
        String text = message.replaceAll("\\s*\\R\\s*", " ");
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !text.contains(cause.getMessage().strip())
                ? text + " (" + describe(cause) + ")" : text;
    }
}
