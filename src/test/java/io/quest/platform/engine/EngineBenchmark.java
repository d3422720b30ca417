package io.quest.platform.engine;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.Project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times what {@code pulumi up} waits for before the engine has the whole program: from starting the program to its
 * last registration, under the stand-in engine ({@link EngineHarness}), started as the Java language host starts it,
 * once with the prebuilt jar ({@code runtime.options.binary}) and once as a Maven project ({@code ./mvnw compile
 * exec:java}), alternating. Prints min / median / max and the ratio; scripts/benchmark-plan.sh runs it.
 *
 * <p>Arguments: the project directory, the stack, the number of runs of each, and {@code jar-only} to skip the Maven runs.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        Project project = Project.load(Path.of(args.length > 0 ? args[0] : "."));
        String stack = args.length > 1 ? args[1] : "dev";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean withMaven = args.length <= 3 || !args[3].equals("jar-only");
        Plan plan = new PlanEngine(line -> { }).plan(project, List.of());
        int expected = plan.stack(stack).resources().size();
        List<Long> jar = new ArrayList<>();
        List<Long> maven = new ArrayList<>();
        try (EngineHarness harness = EngineHarness.start(project)) {
            ProgramRun run = ProgramRun.update(project, stack);
            for (int i = 0; i < runs; i++) {
                jar.add(timed(harness.run(run, PlannedCloud.of(project, stack, plan)), expected, "jar"));
                if (withMaven) {
                    maven.add(timed(harness.run(run, PlannedCloud.of(project, stack, plan), LanguageHost.mavenCommand()), expected, "maven"));
                }
                System.err.printf("engine round %d of %d done%n", i + 1, runs);
            }
        }
        System.out.printf("program start to last registration under the engine, stack %s (%d resources), %d runs; min / median / max ms:%n",
                stack, expected, runs);
        System.out.printf("  %-38s %s%n", "jar (runtime.options.binary)", stats(jar));
        if (withMaven) {
            System.out.printf("  %-38s %s%n", "./mvnw compile exec:java", stats(maven));
            System.out.printf("  mvn exec:java / jar:            %6.1fx (target >= 10x)%n", (double) median(maven) / median(jar));
        }
    }

    private static long timed(EngineRun run, int expected, String mode) {
        if (run.exitCode() != 0 || run.resources().size() != expected) {
            throw new IllegalStateException(mode + " run exited " + run.exitCode() + " after " + run.resources().size()
                    + " of " + expected + " registrations:\n" + run.stderr());
        }
        return run.startToLastRegistration().toMillis();
    }

    private static String stats(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("%6d / %6d / %6d", sorted.get(0), median(values), sorted.get(sorted.size() - 1));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
