package io.quest.platform.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One stack's preview, read from either shape the Pulumi CLI writes.
 *
 * @param source         which shape it came from
 * @param changes        one entry per resource URN, in the order the engine first mentioned it
 * @param diagnostics    the engine's messages
 * @param engineSummary  the engine's own counts per op ({@code changeSummary} or {@code summaryEvent.resourceChanges});
 *                       a failed preview leaves out the steps it refused
 * @param result         the engine's result ({@code succeeded}, {@code failed}, {@code cancelled}) when it reports one
 * @param policyFindings what policy packs reported (event logs only)
 * @param stepCounts     how many steps of each engine op the preview lists, before folding ({@code replace} and
 *                       {@code create-replacement} apart), to hold against the engine's summary
 * @param finished       false when an event log stops before its {@code summaryEvent}: it may not show every change
 */
public record Preview(
        PreviewSource source,
        List<ResourceChange> changes,
        List<Diagnostic> diagnostics,
        Map<String, Integer> engineSummary,
        Optional<String> result,
        List<PolicyFinding> policyFindings,
        Map<String, Integer> stepCounts,
        boolean finished) {

    public Preview {
        Objects.requireNonNull(source, "source");
        changes = List.copyOf(changes);
        diagnostics = List.copyOf(diagnostics);
        engineSummary = Map.copyOf(engineSummary);
        Objects.requireNonNull(result, "result");
        policyFindings = List.copyOf(policyFindings);
        stepCounts = Map.copyOf(stepCounts);
    }

    /** A finished preview without policy findings, whose steps are exactly its folded changes. */
    public Preview(PreviewSource source, List<ResourceChange> changes, List<Diagnostic> diagnostics,
                   Map<String, Integer> engineSummary, Optional<String> result) {
        this(source, changes, diagnostics, engineSummary, result, List.of(), labels(changes), true);
    }

    private static Map<String, Integer> labels(List<ResourceChange> changes) {
        Map<String, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.operation().label(), 1, Integer::sum));
        return counts;
    }

    /** Whether the engine said the preview failed, by its result or by an error diagnostic. */
    public boolean failed() {
        return result.filter(r -> !r.equals("succeeded")).isPresent()
                || diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** How many resources each operation touches, counted from the steps (not from the engine's summary). */
    public Map<Operation, Integer> counts() {
        Map<Operation, Integer> counts = new TreeMap<>();
        for (ResourceChange change : changes) {
            counts.merge(change.operation(), 1, Integer::sum);
        }
        return counts;
    }
}
