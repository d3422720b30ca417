package io.quest.platform.testing;

import io.quest.platform.plan.Plan;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.PlanException;
import io.quest.platform.plan.Project;
import io.quest.platform.plan.StackPlanCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Plans stacks through the real {@link PlanEngine} for tests: the repository's own stack files, or stack
 * files written for one test. Secrets in stack files are written as {@code {secure: ...}} like Pulumi does.
 */
public final class PlanFixture {

    /**
     * A minimal shared stack file in the example shared account, naming the example member accounts the
     * tests' environment stacks use (dev 222222222222, prod 333333333333, test 444444444444).
     */
    public static final String SHARED = """
            config:
              aws:region: eu-west-1
              quest-platform:account: "111111111111"
              quest-platform:accounts: {shared: "111111111111", dev: "222222222222", prod: "333333333333", test: "444444444444"}
              quest-platform:ciRepository: acme/quest-platform
            """;

    private static Plan repository;

    /**
     * The stack plans of every test in this JVM, reused when a test plans a stack from the same inputs as another
     * (most plan {@link #SHARED}): the suite then plans each distinct stack once. Tests of the planner itself run
     * {@link PlanEngine} without it.
     */
    private static final StackPlanCache CACHE = new StackPlanCache();

    /**
     * The projects written for tests, deleted with whatever the commands under test wrote into them (a review stack's
     * file, for example) when the JVM exits.
     */
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPORARY.forEach(PlanFixture::deleteTree), "quest-plan-cleanup"));
    }

    /**
     * A minimal environment stack file: an account, a VPC range, and more network settings as YAML lines
     * indented under {@code quest-platform:network} (each line starting at column 0).
     */
    public static String environment(String account, String cidr, String... networkLines) {
        StringBuilder network = new StringBuilder();
        for (String line : networkLines) {
            network.append("    ").append(line).append('\n');
        }
        return """
                config:
                  aws:region: eu-west-1
                  quest-platform:account: "%s"
                  quest-platform:network:
                    cidr: %s
                %s""".formatted(account, cidr, network);
    }

    private PlanFixture() {
    }

    /** The plan of the repository's own {@code Pulumi.<stack>.yaml} files, made once per test run. */
    public static synchronized Plan repository() {
        if (repository == null) {
            repository = planner().plan(Project.load(Path.of("")), List.of());
        }
        return repository;
    }

    /**
     * Plans stack files given as YAML text, keyed by stack name, beside the repository's Pulumi.yaml.
     * {@code stacks} lists what to plan (their dependencies come along); empty plans them all.
     */
    public static Plan plan(Map<String, String> stackFiles, String... stacks) {
        return planner().plan(project(stackFiles), List.of(stacks));
    }

    /** The message of the {@link PlanException} planning these stack files ends in; fails if it plans. */
    public static String failure(Map<String, String> stackFiles, String... stacks) {
        try {
            plan(stackFiles, stacks);
        } catch (PlanException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the plan to fail, but it planned");
    }

    /** The repository's stack files as YAML text, to be changed by a test and planned. */
    public static Map<String, String> repositoryStackFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String stack : Project.load(Path.of("")).stacks().keySet()) {
            try {
                files.put(stack, Files.readString(Path.of("Pulumi." + stack + ".yaml")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** A quiet planner that reuses the plans of stacks this JVM has planned from the same inputs. */
    public static PlanEngine planner() {
        return new PlanEngine(line -> { }).reusing(CACHE);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a directory left in the temporary directory is harmless
        }
    }

    /** A project of stack files given as YAML text, keyed by stack name, beside the repository's Pulumi.yaml. */
    public static Project project(Map<String, String> stackFiles) {
        try {
            Path dir = Files.createTempDirectory("quest-plan-");
            TEMPORARY.add(dir);
            Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
            for (Map.Entry<String, String> e : stackFiles.entrySet()) {
                Files.writeString(dir.resolve("Pulumi." + e.getKey() + ".yaml"), e.getValue());
            }
            return Project.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
