package io.quest.platform.testing;

import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import io.quest.platform.planned.PlannedResource;

import java.util.List;
import java.util.Map;

/**
 * One registration of a {@link MockRun}: what the engine received (type, name, parent, provider, dependencies,
 * lifecycle options, inputs), the inputs read back as the provider's args type ({@link #args}), and the
 * resource object the program created, whose properties hold what the mock cloud answered (IDs, ARNs, names).
 *
 * @param <R> the resource class queried
 */
public final class Registered<R extends Resource> {

    private final PlannedResource registration;
    private final R resource;

    Registered(PlannedResource registration, R resource) {
        this.registration = registration;
        this.resource = resource;
    }

    /** The resource as the program created it: its properties are {@code Output}s read with {@link MockRun#value}. */
    public R resource() {
        if (resource == null) {
            throw new AssertionError(registration.urn() + " was registered, but not as an instance of the class queried");
        }
        return resource;
    }

    /**
     * The inputs read back into the provider's args class ({@code BucketV2Args.class} for a {@code BucketV2}), so a
     * test reads them through the same typed accessors the program wrote them with. Secret inputs read
     * {@code "[secret]"} (as in the plan) and are secret outputs.
     */
    public <A extends ResourceArgs> A args(Class<A> argsType) {
        return ArgsReader.read(argsType, registration.inputs(), registration.name());
    }

    /** The inputs as the engine receives them: Pulumi property names, secrets as {@code "[secret]"}. */
    public Map<String, Object> inputs() {
        return registration.inputs();
    }

    /** One input by its path of property names ({@code input("tags", "Name")}), or null. */
    public Object input(String... path) {
        return registration.input(path);
    }

    public String urn() {
        return registration.urn();
    }

    /** The logical name the program gave it. */
    public String name() {
        return registration.name();
    }

    /** The Pulumi type token. */
    public String type() {
        return registration.type();
    }

    /** The ID the mock cloud gave it; null for a component. */
    public String id() {
        return registration.id();
    }

    /** The parent's URN (the stack's own resources have none). */
    public String parent() {
        return registration.parent();
    }

    /** The URN of its explicit provider, or null for the default provider. */
    public String provider() {
        return registration.provider();
    }

    /** The URNs it depends on. */
    public List<String> dependencies() {
        return registration.dependencies();
    }

    public boolean protect() {
        return registration.protect();
    }

    public boolean retainOnDelete() {
        return registration.retainOnDelete();
    }

    public List<String> ignoreChanges() {
        return registration.ignoreChanges();
    }

    /** The registration as the planner records it. */
    public PlannedResource registration() {
        return registration;
    }

    @Override
    public String toString() {
        return registration.urn();
    }
}
