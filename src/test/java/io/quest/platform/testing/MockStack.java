package io.quest.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.DrainingRunner;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.plan.PlanEngine;
import io.quest.platform.plan.RecordingMonitor;
import io.quest.platform.plan.StackPlan;
import io.quest.platform.service.ServiceOutputs;
import io.quest.platform.stacks.MonitoringOutputs;
import io.quest.platform.stacks.NetworkOutputs;
import io.quest.platform.stacks.SharedOutputs;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * One stack run under mocks, for testing a component or a whole stack: the program registers against the
 * planner's {@link MockCloud} (IDs, ARNs and computed outputs as AWS would give them, AWS's name rules
 * enforced), every registration is recorded as the engine would receive it, and {@link MockRun} answers
 * typed questions about what was registered.
 *
 * <pre>{@code
 * MockRun run = MockStack.named("dev")
 *         .config(Map.of("retentionDays", 30))
 *         .reference("acme/quest-platform/shared", SampleOutputs.shared())
 *         .run(ctx -> new MyComponent("web", ...));
 * }</pre>
 *
 * Config keys without a namespace are in the project's ({@code quest-platform} unless {@link #project} says
 * otherwise); structured values (maps, lists) reach the program as JSON text, as the Pulumi CLI passes them.
 * A stack reference the program reads must be faked with {@link #reference}: from one of the platform's output
 * contracts ({@link SharedOutputs}, {@link NetworkOutputs}, {@link ServiceOutputs}, {@link MonitoringOutputs})
 * or from any code that exports outputs.
 */
public final class MockStack {

    /** The account a stack runs in unless {@link #account} or the {@code <project>:account} config key says otherwise. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    /** The region a stack runs in unless {@link #region} or the {@code aws:region} config key says otherwise. */
    public static final String DEFAULT_REGION = "eu-west-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stack;
    private String project = "quest-platform";
    private String organization = PlanEngine.ORGANIZATION;
    private String account;
    private String region;
    private final Map<String, Object> config = new LinkedHashMap<>();
    private final Set<String> secretKeys = new HashSet<>();
    private final Map<String, StackPlan> references = new LinkedHashMap<>();

    private MockStack(String stack) {
        this.stack = stack;
    }

    /** A stack of this name in project {@code quest-platform}, organisation {@code organization}. */
    public static MockStack named(String stack) {
        return new MockStack(stack);
    }

    /** The project the stack belongs to, and the namespace of config keys given without one. */
    public MockStack project(String name) {
        this.project = name;
        return this;
    }

    /** The organisation ({@code ctx.organizationName()}). */
    public MockStack organization(String name) {
        this.organization = name;
        return this;
    }

    /** The 12-digit account the mock cloud puts ARNs in. */
    public MockStack account(String accountId) {
        this.account = accountId;
        return this;
    }

    /** The region the mock cloud answers for; also the {@code aws:region} config value unless one is given. */
    public MockStack region(String name) {
        this.region = name;
        return this;
    }

    /** Config values by key; a key without {@code :} is in the project's namespace. */
    public MockStack config(Map<String, ?> values) {
        values.forEach(this::config);
        return this;
    }

    /** One config value; a key without {@code :} is in the project's namespace. */
    public MockStack config(String key, Object value) {
        config.put(fullKey(key), value);
        return this;
    }

    /** A secret config value, as {@code pulumi config set --secret} makes one. */
    public MockStack secret(String key, Object value) {
        config(key, value);
        secretKeys.add(fullKey(key));
        return this;
    }

    /** Fakes the stack reference {@code stack} (the name the program reads) with the shared stack's outputs. */
    public MockStack reference(String stack, SharedOutputs outputs) {
        return reference(stack, outputs::export);
    }

    /** Fakes the stack reference {@code stack} with a network layer's outputs. */
    public MockStack reference(String stack, NetworkOutputs outputs) {
        return reference(stack, outputs::export);
    }

    /** Fakes the stack reference {@code stack} with a service layer's outputs. */
    public MockStack reference(String stack, ServiceOutputs outputs) {
        return reference(stack, outputs::export);
    }

    /** Fakes the stack reference {@code stack} with a monitoring layer's outputs. */
    public MockStack reference(String stack, MonitoringOutputs outputs) {
        return reference(stack, outputs::export);
    }

    /**
     * Fakes the stack reference {@code stack} with whatever {@code exports} exports. Called again for the same
     * stack, the outputs add up (an environment stack exports its network, service and monitoring outputs).
     */
    public MockStack reference(String stack, Consumer<Context> exports) {
        StackPlan more = ExportedOutputs.capture(stack, exports);
        StackPlan known = references.get(stack);
        references.put(stack, known == null ? more : ExportedOutputs.merge(known, more));
        return this;
    }

    /** Runs the program; fails the test, with the program's error messages, if it fails. */
    public MockRun run(Consumer<Context> program) {
        Attempt attempt = attempt(program);
        if (!attempt.problems().isEmpty()) {
            throw new AssertionError("stack " + stack + " failed under mocks:\n  " + String.join("\n  ", attempt.problems()));
        }
        return attempt.run();
    }

    /** Runs a program that must fail, and returns its error messages, one a line; fails the test if it runs clean. */
    public String failure(Consumer<Context> program) {
        Attempt attempt = attempt(program);
        if (attempt.problems().isEmpty()) {
            throw new AssertionError("expected stack " + stack + " to fail, but it ran and registered "
                    + attempt.run().registered().size() + " resources");
        }
        return String.join("\n", attempt.problems());
    }

    private record Attempt(MockRun run, List<String> problems) {
    }

    private Attempt attempt(Consumer<Context> program) {
        Map<String, String> text = new LinkedHashMap<>();
        config.forEach((key, value) -> text.put(key, configText(key, value)));
        String regionName = region != null ? region : text.getOrDefault("aws:region", DEFAULT_REGION);
        text.putIfAbsent("aws:region", regionName);
        String accountId = account != null ? account : text.getOrDefault(project + ":account", DEFAULT_ACCOUNT);

        Map<String, StackPlan> planned = new LinkedHashMap<>(references);
        var cloud = new MockCloud(stack, accountId, regionName, planned);
        var monitor = new RecordingMonitor(cloud);
        var test = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .organizationName(organization)
                        .projectName(project)
                        .stackName(stack)
                        .preview(false)
                        .build())
                .mocks(cloud)
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .config(text, secretKeys)
                .monitorDecorator(ignored -> monitor)
                .deploymentFactory(DrainingRunner::deployment)
                .build();
        try {
            TestResult result = test.runTest(program::accept);
            List<String> problems = Problems.of(result, monitor.duplicateUrns(), references.keySet());
            return new Attempt(MockRun.of(result, monitor), problems);
        } catch (RuntimeException e) {
            // The SDK can also end the run by throwing what the program's task failed with.
            return new Attempt(null, List.of(Problems.of(e, references.keySet())));
        } finally {
            PulumiTest.cleanup();
        }
    }

    private String fullKey(String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static String configText(String key, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("config " + key + ": " + value + " cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        return String.valueOf(value);
    }
}
