package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folds a preview's engine steps per URN into one {@link ResourceChange}: the three steps of a replacement become one
 * REPLACE; a step op this gate does not know is kept on the change for a human to review. Counts every step by its
 * engine op, as the engine's summary does.
 */
final class StepFolder {

    /**
     * One engine step as either shape writes it.
     *
     * @param op          the engine op
     * @param urn         the resource
     * @param type        its type, when the step says
     * @param oldState    {@code oldState} / {@code old}, or a missing node
     * @param newState    {@code newState} / {@code new}, or a missing node
     * @param changed     changed property paths ({@code detailedDiff} keys, else {@code diffReasons}/{@code diffs})
     * @param replaceKeys {@code replaceReasons} / {@code keys}
     */
    record Step(String op, String urn, Optional<String> type, JsonNode oldState, JsonNode newState,
                List<String> changed, List<String> replaceKeys) {
    }

    private final String origin;
    private final Map<String, Accumulator> byUrn = new LinkedHashMap<>();
    private final Map<String, Integer> stepCounts = new TreeMap<>();

    StepFolder(String origin) {
        this.origin = origin;
    }

    /** Adds a step; {@code where} names it in an error ("line 4", "steps[2]"). */
    void add(Step step, String where) {
        Operation operation = Operation.fromEngine(step.op());
        stepCounts.merge(step.op(), 1, Integer::sum);
        Urn parsed;
        try {
            parsed = Urn.parse(step.urn());
        } catch (PreviewFormatException e) {
            throw new PreviewFormatException(origin + " " + where + ": " + e.getMessage(), e);
        }
        byUrn.computeIfAbsent(step.urn(), u -> new Accumulator(parsed)).add(step, operation);
    }

    /** Counts a step the engine writes without a resource (an internal step such as {@code extend-parameterize}). */
    void countWithoutResource(String op) {
        stepCounts.merge(op, 1, Integer::sum);
    }

    boolean isEmpty() {
        return byUrn.isEmpty();
    }

    List<ResourceChange> changes() {
        return byUrn.values().stream().map(Accumulator::toChange).toList();
    }

    Map<String, Integer> stepCounts() {
        return stepCounts;
    }

    private static final class Accumulator {
        private final Urn urn;
        private Operation operation;
        private boolean replacement;
        private String type;
        private boolean protect;
        private Boolean protectAfter;
        private JsonNode oldInputs = NullNode.getInstance();
        private JsonNode newInputs = NullNode.getInstance();
        private final List<String> changed = new ArrayList<>();
        private final List<String> replaceKeys = new ArrayList<>();
        private final List<String> unknownOps = new ArrayList<>();

        Accumulator(Urn urn) {
            this.urn = urn;
            this.type = urn.type();
        }

        void add(Step step, Operation next) {
            if (next == Operation.UNKNOWN) {
                unknownOps.add(step.op());
            }
            replacement |= Operation.isReplacementStep(step.op());
            if (operation == null) {
                operation = next;
            } else if (next == Operation.SAME || next == Operation.UNKNOWN) {
                // nothing more to fold: an unknown op is kept in unknownOps
            } else if (operation == Operation.SAME || operation == Operation.UNKNOWN
                    || !operation.changesCloud() && next.changesCloud()) {
                operation = next;
            } else if (operation.changesCloud() && next.changesCloud() && next != operation) {
                // A delete and a create of the same URN, or any mix with a replacement step, is a replacement.
                operation = Operation.REPLACE;
            }
            if (replacement) {
                operation = Operation.REPLACE;
            }
            step.type().ifPresent(t -> type = t);
            protect |= step.oldState().path("protect").asBoolean(false);
            if (step.newState().isObject()) {
                protectAfter = step.newState().path("protect").asBoolean(false);
            }
            JsonNode oldState = step.oldState().path("inputs");
            JsonNode newState = step.newState().path("inputs");
            if (oldInputs.isNull() && oldState.isObject()) {
                oldInputs = oldState;
            }
            if (newState.isObject()) {
                newInputs = newState;
            }
            changed.addAll(step.changed());
            replaceKeys.addAll(step.replaceKeys());
        }

        ResourceChange toChange() {
            boolean after = protectAfter == null ? protect : protectAfter;
            return new ResourceChange(operation, urn, type, protect, after, oldInputs, newInputs, changed, replaceKeys,
                    unknownOps);
        }
    }
}
