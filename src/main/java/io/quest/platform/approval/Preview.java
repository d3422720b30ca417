package io.quest.platform.approval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One stack's preview, read from either shape the Pulumi CLI writes.
 *
 * @param source        which shape it came from
 * @param changes       one entry per resource URN, in the order the engine first mentioned it
 * @param diagnostics   the engine's messages
 * @param engineSummary the engine's own counts per op ({@code changeSummary} or {@code summaryEvent.resourceChanges});
 *                      a failed preview leaves out the steps it refused
 * @param result        the engine's result ({@code succeeded}, {@code failed}) when it reports one
 */
public record Preview(
        PreviewSource source,
        List<ResourceChange> changes,
        List<Diagnostic> diagnostics,
        Map<String, Integer> engineSummary,
        Optional<String> result) {

    public Preview {
        Objects.requireNonNull(source, "source");
        changes = List.copyOf(changes);
        diagnostics = List.copyOf(diagnostics);
        engineSummary = Map.copyOf(engineSummary);
        Objects.requireNonNull(result, "result");
    }

    /** Whether the engine said the preview failed, by its result or by an error diagnostic. */
    public boolean failed() {
        return result.filter(r -> r.equals("failed")).isPresent()
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
