package io.quest.platform.cost;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fargate tasks an EventBridge Scheduler schedule starts (the certificate renewal job): usage, since they are billed
 * only while they run, per second with a one-minute minimum (AWS Fargate pricing). Each run is assumed to take
 * {@link #MINUTES_PER_RUN} minutes: a check that finds nothing to do ends within one, an issuance spends about two
 * waiting for Route 53 and Let's Encrypt.
 */
final class ScheduledTasks {

    /** The assumed length of one run, minutes. */
    static final double MINUTES_PER_RUN = 2;

    private ScheduledTasks() {
    }

    /** The month's runs of the task a schedule starts, when its expression is one this can count. */
    static Optional<CostItem> runs(PlannedStack plan, PlannedResource schedule, Pricer p) {
        Object arn = schedule.input("target", "ecsParameters", "taskDefinitionArn");
        String expression = String.valueOf(schedule.input("scheduleExpression"));
        OptionalDouble perDay = runsPerDay(expression);
        if (!(arn instanceof String taskArn) || perDay.isEmpty()) {
            return Optional.empty();
        }
        String family = taskArn.replaceFirst("^.*:task-definition/", "").replaceFirst(":\\d+$", "");
        Optional<PlannedResource> task = plan.ofType("aws:ecs/taskDefinition:TaskDefinition").stream()
                .filter(t -> family.equals(t.input("family"))).findFirst();
        double runs = Math.round(perDay.getAsDouble() * UsageCosts.DAYS_PER_MONTH);
        return task.map(t -> Fargate.tasks(t, runs * MINUTES_PER_RUN / 60 / CostModel.HOURS, schedule.urn(), p, CostKind.USAGE,
                "scheduled Fargate task runs (" + expression + ", " + Fargate.size(t) + ")",
                Pricer.fmt(runs) + " runs a month of about " + Pricer.fmt(MINUTES_PER_RUN) + " minutes each"));
    }

    /**
     * Runs a day of {@code rate(N hours|minutes|days)} or of a daily {@code cron(minutes hours * * ? *)} whose minute
     * and hour fields are numbers or comma-separated lists; empty for any other expression.
     */
    static OptionalDouble runsPerDay(String expression) {
        var rate = java.util.regex.Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)").matcher(expression);
        if (rate.matches()) {
            double n = Double.parseDouble(rate.group(1));
            return OptionalDouble.of(rate.group(2).startsWith("minute") ? 1440 / n : rate.group(2).startsWith("hour") ? 24 / n : 1 / n);
        }
        var cron = java.util.regex.Pattern.compile("cron\\(([0-9,]+) ([0-9,]+) \\* \\* \\? \\*\\)").matcher(expression);
        if (cron.matches()) {
            return OptionalDouble.of((double) cron.group(1).split(",").length * cron.group(2).split(",").length);
        }
        return OptionalDouble.empty();
    }
}
