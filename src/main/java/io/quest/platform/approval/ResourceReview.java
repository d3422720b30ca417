package io.quest.platform.approval;

import java.util.List;
import java.util.Objects;

/**
 * The gate's decision about one resource's change.
 *
 * @param change   what the preview will do
 * @param decision the most severe of the reasons' decisions; APPLY when there is no reason
 * @param reasons  why, in the order the rules found them
 */
public record ResourceReview(ResourceChange change, Decision decision, List<Reason> reasons) {

    public ResourceReview {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
    }
}
