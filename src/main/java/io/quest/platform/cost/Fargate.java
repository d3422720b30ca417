package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.Optional;

/** A Fargate service's tasks: vCPU-hours and GB-hours of the task definition it runs, on demand. */
final class Fargate {

    private Fargate() {
    }

    /** The task definition a service runs, by the family in its task definition ARN. */
    static Optional<PlannedResource> taskDefinition(PlannedStack plan, PlannedResource service) {
        String arn = String.valueOf(service.input("taskDefinition"));
        int slash = arn.indexOf("task-definition/");
        if (slash < 0) {
            return Optional.empty();
        }
        String family = arn.substring(slash + "task-definition/".length()).replaceFirst(":\\d+$", "");
        return plan.ofType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(t -> family.equals(t.input("family")))
                .findFirst();
    }

    /** The service's tasks at its desired count, all month (autoscaling above it is usage: {@link UsageCosts}). */
    static Optional<CostItem> desired(PlannedStack plan, PlannedResource service, Pricer p) {
        if (!(service.input("desiredCount") instanceof Number count)) {
            return Optional.empty();
        }
        return taskDefinition(plan, service).map(task -> tasks(task, count.doubleValue(), service.urn(), p, CostKind.FIXED,
                "Fargate tasks (" + count.intValue() + " x " + size(task) + ")", null));
    }

    static CostItem tasks(PlannedResource task, double count, String urn, Pricer p, CostKind kind, String what, String assumption) {
        boolean arm = "ARM64".equals(task.input("runtimePlatform", "cpuArchitecture"));
        double vcpu = vcpu(task);
        double gb = gb(task);
        double perTaskHour = vcpu * p.usd(arm ? Price.FARGATE_ARM_VCPU_HOUR : Price.FARGATE_VCPU_HOUR)
                + gb * p.usd(arm ? Price.FARGATE_ARM_GB_HOUR : Price.FARGATE_GB_HOUR);
        CostItem vcpuLine = p.item(what, urn, 0, arm ? Price.FARGATE_ARM_VCPU_HOUR : Price.FARGATE_VCPU_HOUR, kind, assumption);
        double taskHours = count * CostModel.HOURS;
        return new CostItem(what, urn, taskHours, "task-hours", perTaskHour, CostEstimate.round(taskHours * perTaskHour), kind,
                vcpuLine.basis() + (arm ? "" : "; Linux/x86"));
    }

    static String size(PlannedResource task) {
        return fmt(vcpu(task)) + " vCPU, " + fmt(gb(task)) + " GB";
    }

    static double vcpu(PlannedResource task) {
        return Double.parseDouble(String.valueOf(task.input("cpu"))) / 1024;
    }

    private static double gb(PlannedResource task) {
        return Double.parseDouble(String.valueOf(task.input("memory"))) / 1024;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
