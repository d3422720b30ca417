package io.quest.platform.release;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.StackPlan;

import java.util.List;
import java.util.Optional;

/**
 * What the stacks run according to the offline plan: each stack's {@code imageRepositoryUrl} and {@code imageDigest}
 * outputs as the planner computes them. A stack that plans runs its image healthily, and has no history: the plan
 * knows no earlier deployment, so a rollback offline has nothing to choose from.
 */
public final class PlannedReleases implements Releases {

    private final Plan plan;

    public PlannedReleases(Plan plan) {
        this.plan = plan;
    }

    @Override
    public Running running(String stack) {
        StackPlan planned = plan.stacks().stream().filter(s -> s.stack().equals(stack)).findFirst().orElse(null);
        if (planned == null) {
            return new Running(Optional.empty(), Optional.empty());
        }
        Object url = planned.outputs().get("imageRepositoryUrl");
        Object digest = planned.outputs().get("imageDigest");
        if (!(url instanceof String u) || !(digest instanceof String d) || !ReleaseImage.DIGEST.matcher(d).matches()) {
            return new Running(Optional.empty(), Optional.empty());
        }
        return new Running(Optional.of(new ReleaseImage(u, d)), Optional.empty());
    }

    @Override
    public List<ReleaseImage> earlier(String stack) {
        return List.of();
    }

    @Override
    public String source() {
        return "the offline plan";
    }
}
