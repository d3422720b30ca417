package io.quest.platform.deploy;

import io.quest.platform.approval.Diagnostic;
import io.quest.platform.approval.Gate;
import io.quest.platform.approval.GateReport;
import io.quest.platform.approval.Operation;
import io.quest.platform.approval.Preview;
import io.quest.platform.approval.PreviewFormatException;
import io.quest.platform.approval.PreviewParser;
import io.quest.platform.approval.ResourceChange;
import io.quest.platform.approval.StackCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Deploys the requested stacks in dependency order, each only as its reviewed preview allows:
 * <ol>
 *   <li>a stack the requested stacks only read (prod reads shared and dev) is never previewed or applied: it is
 *       expected to be deployed already, and is only checked to exist with outputs;</li>
 *   <li>a requested stack is previewed once, saving the preview's update plan, and the {@link Gate} reviews that
 *       preview with the approval given for the stack;</li>
 *   <li>a preview that exited non-zero or reported an error is refused; one with no resource changes is skipped;
 *       a blocked one, or one that needs approval and whose approval is missing or names another digest (stale),
 *       stops the deploy;</li>
 *   <li>otherwise {@code up} applies exactly the saved plan: the engine refuses any operation the gated preview
 *       did not show (pulumi/pulumi {@code pkg/resource/deploy/step_generator.go}, see {@link PulumiAutomation}).</li>
 * </ol>
 * With {@code previewOnly} every stack is checked, previewed and gated, nothing is applied, and no stack stops the
 * others.
 */
public final class DeployOrchestrator {

    /** Engine ops that change nothing: the engine's own {@code HasChanges} ignores same and the read ops. */
    private static final Set<String> NO_CHANGE_OPS = Set.of("same", "read", "read-replacement", "discard");

    private final StackOperations operations;
    private final StackCatalog catalog;
    private final Path planDirectory;
    private final Consumer<String> progress;

    /**
     * @param planDirectory where each stack's update plan is saved between its preview and its {@code up}
     * @param progress      receives one line per stack as it is decided
     */
    public DeployOrchestrator(StackOperations operations, StackCatalog catalog, Path planDirectory, Consumer<String> progress) {
        this.operations = operations;
        this.catalog = catalog;
        this.planDirectory = planDirectory;
        this.progress = progress;
    }

    /**
     * Runs the deploy.
     *
     * @param requested   stacks to apply (every stack when empty); the stacks they read are checked, not applied
     * @param approvals   approved digest per stack
     * @param previewOnly preview and gate only, never {@code up}
     */
    public DeployResult deploy(List<String> requested, Map<String, String> approvals, boolean previewOnly) {
        DeployScope scope = DeployScope.of(catalog, requested);
        List<StackOutcome> outcomes = new ArrayList<>();
        for (String stack : scope.order()) {
            StackOutcome outcome = scope.applies(stack)
                    ? applied(stack, approvals, previewOnly)
                    : readOnly(stack, scope.readers().get(stack));
            progress.accept(stack + ": " + outcome.message());
            outcomes.add(outcome);
            if (!previewOnly && !outcome.status().proceeds()) {
                break;
            }
        }
        return new DeployResult(outcomes);
    }

    private StackOutcome readOnly(String stack, List<String> readers) {
        String who = String.join(" and ", readers) + (readers.size() == 1 ? " reads " : " read ") + stack;
        Set<String> outputs;
        try {
            outputs = operations.outputs(stack);
        } catch (StackOperationException e) {
            return failed(stack, who + ", which must be deployed first, but its outputs cannot be read: " + e.getMessage()
                    + "; nothing was applied; deploy " + stack + " first (deploy " + stack + ")");
        }
        if (outputs.isEmpty()) {
            return failed(stack, who + ", which must be deployed first, but it has no outputs (never deployed?);"
                    + " nothing was applied; deploy " + stack + " first (deploy " + stack + ")");
        }
        return new StackOutcome(stack, StackStatus.READ_ONLY, Optional.empty(), "read only, not previewed or applied: "
                + who + " and expects it deployed already; it has " + outputs.size() + " output"
                + (outputs.size() == 1 ? "" : "s") + "; deploy it with `deploy " + stack + "` when it changes");
    }

    private StackOutcome applied(String stack, Map<String, String> approvals, boolean previewOnly) {
        Path plan = planDirectory.resolve(stack + ".plan.json");
        try {
            PreviewRun run = operations.preview(stack, plan);
            Preview preview;
            try {
                preview = PreviewParser.parse(run.output(), "the preview of " + stack);
            } catch (PreviewFormatException e) {
                return failed(stack, run.succeeded() ? e.getMessage()
                        : "the preview of " + stack + " failed before writing a readable preview (" + run.failure()
                        + "); nothing was applied to " + stack);
            }
            String wrongStack = otherStacks(preview, stack);
            if (!wrongStack.isEmpty()) {
                return failed(stack, "the preview run for " + stack + " is a preview of stack " + wrongStack
                        + "; nothing was applied; check that nothing else selects stacks in this project at the same time");
            }
            GateReport report = Gate.review(preview, stack, catalog.production(stack), Optional.ofNullable(approvals.get(stack)));
            if (!run.succeeded() || preview.failed()) {
                return new StackOutcome(stack, StackStatus.PREVIEW_FAILED, Optional.of(report), "refused: the preview failed ("
                        + whyFailed(run, preview) + "); nothing was applied to " + stack + "; no approval can apply a failed preview");
            }
            if (!hasChanges(preview)) {
                return new StackOutcome(stack, StackStatus.UNCHANGED, Optional.of(report),
                        "unchanged: the preview shows no resource changes; up skipped");
            }
            StackOutcome stop = OutcomeMessages.stopUnlessApplies(stack, report);
            if (stop != null) {
                return stop;
            }
            if (previewOnly) {
                return new StackOutcome(stack, StackStatus.WOULD_APPLY, Optional.of(report), OutcomeMessages.applied(report, "would apply"));
            }
            operations.up(stack, plan);
            return new StackOutcome(stack, StackStatus.DEPLOYED, Optional.of(report),
                    OutcomeMessages.applied(report, "deployed the reviewed plan"));
        } catch (StackOperationException e) {
            return failed(stack, e.getMessage());
        }
    }

    /**
     * Whether applying the preview changes anything, by the engine's rule ({@code engine.HasChanges} in
     * pulumi/pulumi pkg/engine/update.go @ 1b5949891b3c): any resource step, or any count in the engine's summary,
     * other than same and the read ops. Read either way, so a summary that counts more than the steps show is a change.
     */
    static boolean hasChanges(Preview preview) {
        for (ResourceChange change : preview.changes()) {
            if (change.operation() != Operation.SAME && change.operation() != Operation.READ) {
                return true;
            }
        }
        return preview.engineSummary().entrySet().stream()
                .anyMatch(e -> e.getValue() > 0 && !NO_CHANGE_OPS.contains(e.getKey()));
    }

    /** The stacks other than {@code stack} that the preview's URNs name, comma-separated; empty when none. */
    private static String otherStacks(Preview preview, String stack) {
        String local = stack.substring(stack.lastIndexOf('/') + 1);
        Set<String> others = new TreeSet<>();
        preview.changes().forEach(c -> others.add(c.urn().stack()));
        others.remove(local);
        return String.join(", ", others);
    }

    private static String whyFailed(PreviewRun run, Preview preview) {
        List<String> why = new ArrayList<>();
        if (!run.succeeded()) {
            why.add(run.failure().isBlank() ? "pulumi preview exited non-zero" : run.failure());
        }
        long errors = preview.diagnostics().stream().filter(Diagnostic::isError).count();
        if (errors > 0) {
            why.add(errors + " error diagnostic" + (errors == 1 ? "" : "s") + " (see the report)");
        }
        preview.result().filter("failed"::equals).ifPresent(r -> why.add("engine result: failed"));
        return String.join("; ", why);
    }

    private static StackOutcome failed(String stack, String message) {
        return new StackOutcome(stack, StackStatus.FAILED, Optional.empty(), message);
    }
}
