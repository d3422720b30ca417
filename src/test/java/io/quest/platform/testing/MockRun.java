package io.quest.platform.testing;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.Resource;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.RecordingMonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a {@link MockStack} run registered, queried by type: {@code resources(BucketV2.class)} finds every
 * registration of the provider type the class carries ({@code @ResourceType(type = "aws:s3/bucketV2:BucketV2")});
 * a class without that annotation (a component) matches its instances. Registrations come in a stable order
 * (dependencies first, then by URN), so a test's expectations never depend on timing.
 */
public final class MockRun {

    private final List<PlannedResource> registered;
    private final Map<String, Resource> instances;
    private final Map<String, Object> outputs;
    private final List<String> secretOutputs;
    private final List<String> references;

    private MockRun(List<PlannedResource> registered, Map<String, Resource> instances, Map<String, Object> outputs,
                    List<String> secretOutputs, List<String> references) {
        this.registered = List.copyOf(registered);
        this.instances = Map.copyOf(instances);
        this.outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
        this.secretOutputs = List.copyOf(secretOutputs);
        this.references = List.copyOf(references);
    }

    static MockRun of(TestResult result, RecordingMonitor monitor) {
        Map<String, Resource> instances = new HashMap<>();
        for (Resource resource : result.resources()) {
            OutputData<String> urn = PulumiTestInternal.extractOutputData(resource.urn());
            if (urn.isKnown() && urn.getValueNullable() != null) {
                instances.put(RecordingMonitor.asEngineWrites(urn.getValueNullable()), resource);
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        List<String> secret = new ArrayList<>();
        result.outputs().forEach((name, output) -> {
            OutputData<?> data = PulumiTestInternal.extractOutputData(output);
            outputs.put(name, data.getValueNullable());
            if (data.isSecret()) {
                secret.add(name);
            }
        });
        return new MockRun(monitor.resources(), instances, outputs, secret, monitor.references());
    }

    /** Every registration of this resource class, in stable order. */
    public <R extends Resource> List<Registered<R>> resources(Class<R> type) {
        Optional<String> token = typeToken(type);
        List<Registered<R>> found = new ArrayList<>();
        for (PlannedResource r : registered) {
            Resource instance = instances.get(r.urn());
            boolean matches = token.map(t -> t.equals(r.type())).orElseGet(() -> type.isInstance(instance));
            if (matches) {
                found.add(new Registered<>(r, type.isInstance(instance) ? type.cast(instance) : null));
            }
        }
        return found;
    }

    /** The one registration of this class with this logical name; fails naming the ones there are. */
    public <R extends Resource> Registered<R> resource(Class<R> type, String name) {
        List<Registered<R>> all = resources(type);
        return all.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " was registered; there are "
                        + all.stream().map(Registered::name).toList()));
    }

    /**
     * The Pulumi type token of a provider resource class ({@code BucketV2.class} → {@code aws:s3/bucketV2:BucketV2}),
     * empty for a class without {@code @ResourceType} (components set theirs at run time).
     */
    public static Optional<String> typeToken(Class<? extends Resource> type) {
        ResourceType annotation = type.getAnnotation(ResourceType.class);
        return annotation == null ? Optional.empty() : Optional.of(annotation.type());
    }

    /** Every registration, components included, as the engine would receive it (secrets as {@code "[secret]"}). */
    public List<PlannedResource> registered() {
        return registered;
    }

    /** The stack's outputs ({@code ctx.export}), with their values (secret ones too; see {@link #secretOutputs()}). */
    public Map<String, Object> outputs() {
        return outputs;
    }

    /** The names of the outputs that are secret. */
    public List<String> secretOutputs() {
        return secretOutputs;
    }

    /** The stacks the program read through stack references. */
    public List<String> references() {
        return references;
    }

    /** The value of an output of the run (a resource's property, an args field), or null; fails if it is unknown. */
    public static <T> T value(Output<T> output) {
        OutputData<T> data = PulumiTestInternal.extractOutputData(output);
        if (!data.isKnown()) {
            throw new AssertionError("the output's value is unknown (it is only known after a real deployment)");
        }
        return data.getValueNullable();
    }

    /** The value of an optional args field ({@code args.bucket()}), or null when it was not set. */
    public static <T> T value(Optional<Output<T>> field) {
        return field.map(MockRun::value).orElse(null);
    }

    /** Whether an output (a resource's property, an args field) is secret. */
    public static boolean isSecret(Output<?> output) {
        return PulumiTestInternal.extractOutputData(output).isSecret();
    }
}
