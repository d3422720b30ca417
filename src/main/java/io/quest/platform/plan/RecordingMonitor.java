package io.quest.platform.plan;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import com.pulumi.core.internal.Urn;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's side of a program run, as the Pulumi SDK's mock monitor plays it, plus a record of every
 * registration exactly as the engine would receive it: type, name, parent, provider, dependencies,
 * {@code protect}, {@code retainOnDelete} and inputs (secrets masked). Public for the test kit
 * ({@code io.quest.platform.testing}), which runs components against the same mock cloud.
 */
public final class RecordingMonitor extends MockMonitor {

    private static final String ROOT_STACK = "pulumi:pulumi:Stack";

    private final List<PlannedResource> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> references = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<String> duplicates = Collections.synchronizedList(new ArrayList<>());

    public RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        if (!ROOT_STACK.equals(request.getType())) {
            String urn = urn(request.getParent(), request.getType(), request.getName());
            if (!seen.add(asEngineWrites(urn))) {
                duplicates.add(asEngineWrites(urn));
            }
            recorded.add(new PlannedResource(
                    asEngineWrites(urn),
                    null,
                    request.getType(),
                    request.getName(),
                    request.getCustom(),
                    request.getParent().isEmpty() ? null : asEngineWrites(request.getParent()),
                    asEngineWrites(providerUrn(request.getProvider())),
                    request.getDependenciesList().stream().map(RecordingMonitor::asEngineWrites).sorted().distinct().toList(),
                    request.getProtect(),
                    request.getRetainOnDelete(),
                    toJava(request.getObject()),
                    request.getIgnoreChangesList().stream().sorted().toList(),
                    aliasUrns(request)));
        }
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            if (request.getCustom() && !response.getId().isEmpty()) {
                ids.put(asEngineWrites(response.getUrn()), response.getId());
            }
            return response;
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        if ("pulumi:pulumi:StackReference".equals(request.getType())) {
            references.add(request.getName());
        }
        return super.readResourceAsync(resource, request);
    }

    /**
     * URNs registered more than once, in the engine's words: it fails the update with "Duplicate resource
     * URN '<urn>'; try giving it a unique name" (pulumi/pulumi pkg/engine/lifecycletest/testdata/output/
     * TestDuplicateURN at 1b5949891b3cefcb9974752b24a5ecef0acc86c8), while the mock monitor accepts both.
     */
    public List<String> duplicateUrns() {
        return snapshot(duplicates).stream().distinct().sorted().map(u -> "Duplicate resource URN '" + u + "'; try giving it a unique name").toList();
    }

    /**
     * The registered resources in a stable order: registrations arrive as their inputs resolve, which
     * varies from run to run, so they are ordered by how deep they sit in the dependency graph (what
     * the engine could create first comes first), then by URN.
     */
    public List<PlannedResource> resources() {
        Map<String, PlannedResource> byUrn = new LinkedHashMap<>();
        for (PlannedResource r : snapshot(recorded)) {
            byUrn.put(r.urn(), new PlannedResource(r.urn(), ids.get(r.urn()), r.type(), r.name(), r.custom(),
                    r.parent(), r.provider(), r.dependencies(), r.protect(), r.retainOnDelete(), r.inputs(), r.ignoreChanges(),
                    r.aliases()));
        }
        Map<String, Integer> depth = new java.util.HashMap<>();
        byUrn.keySet().forEach(urn -> depth(urn, byUrn, depth, new java.util.HashSet<>()));
        return byUrn.values().stream()
                .sorted(java.util.Comparator.comparing((PlannedResource r) -> depth.get(r.urn())).thenComparing(PlannedResource::urn))
                .toList();
    }

    private static int depth(String urn, Map<String, PlannedResource> byUrn, Map<String, Integer> memo, java.util.Set<String> visiting) {
        Integer known = memo.get(urn);
        if (known != null) {
            return known;
        }
        PlannedResource r = byUrn.get(urn);
        if (r == null || !visiting.add(urn)) {
            return 0;
        }
        int d = 0;
        List<String> before = new ArrayList<>(r.dependencies());
        if (r.parent() != null) {
            before.add(r.parent());
        }
        if (r.provider() != null) {
            before.add(r.provider());
        }
        for (String dep : before) {
            if (byUrn.containsKey(dep)) {
                d = Math.max(d, depth(dep, byUrn, memo, visiting) + 1);
            }
        }
        memo.put(urn, d);
        return d;
    }

    public List<String> references() {
        return snapshot(references).stream().distinct().sorted().toList();
    }

    /**
     * A copy of a list registrations add to, taken under the list's lock. A run that fails ends while registrations it
     * started still arrive on the pool's threads, so reading the live list could meet one half-added.
     */
    private static <T> List<T> snapshot(List<T> live) {
        synchronized (live) {
            return new ArrayList<>(live);
        }
    }

    /**
     * The URNs a registration's aliases stand for, resolved as the engine resolves an alias spec
     * ({@code collapseAliasToUrn} in pulumi/pulumi pkg/resource/deploy/step_generator.go at
     * 1a16857a44f16e46a9dce29f184c511062a70f80): the alias's name and type, else the resource's own; its parent, else
     * the resource's current parent; no parent when it says {@code noParent} or the parent is the root stack. The Java
     * SDK sends every alias in this form (pulumi-java AliasSerializer), a URN alias as it is.
     */
    static List<String> aliasUrns(RegisterResourceRequest request) {
        List<String> urns = new ArrayList<>();
        for (var alias : request.getAliasesList()) {
            if (!alias.hasSpec()) {
                urns.add(asEngineWrites(alias.getUrn()));
                continue;
            }
            var spec = alias.getSpec();
            String name = spec.getName().isEmpty() ? request.getName() : spec.getName();
            String type = spec.getType().isEmpty() ? request.getType() : spec.getType();
            String parent = spec.getNoParent() ? "" : spec.getParentUrn().isEmpty() ? request.getParent() : spec.getParentUrn();
            urns.add(parent.isEmpty() || ROOT_STACK.equals(qualifiedType(parent)) ? rootChild(type, name)
                    : asEngineWrites(urn(parent, type, name)));
        }
        return urns.stream().distinct().sorted().toList();
    }

    /** A URN's type chain ({@code urn:pulumi:<stack>::<project>::<qualified type>::<name>}). */
    private static String qualifiedType(String urn) {
        String[] parts = urn.split("::", 4);
        return parts.length == 4 ? parts[2] : "";
    }

    private static String rootChild(String type, String name) {
        var deployment = Deployment.getInstance();
        return "urn:pulumi:" + deployment.getStackName() + "::" + deployment.getProjectName() + "::" + type + "::" + name;
    }

    private static String urn(String parent, String type, String name) {
        var deployment = Deployment.getInstance();
        return Urn.create(deployment.getStackName(), deployment.getProjectName(), Optional.of(parent), type, name);
    }

    /**
     * The SDK's mock monitor puts the root stack's type in the type chain of its children's URNs; the
     * Pulumi engine does not ({@code urn:pulumi:dev::quest-platform::aws:ec2/vpc:Vpc::dev-vpc}). The plan
     * uses the engine's form, so its URNs are the ones {@code pulumi preview} prints.
     */
    public static String asEngineWrites(String urn) {
        return urn == null ? null : urn.replace("::" + ROOT_STACK + "$", "::");
    }

    /** A provider reference is {@code urn::id}; the plan shows the URN. */
    private static String providerUrn(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        int split = reference.lastIndexOf("::");
        return split > 0 ? reference.substring(0, split) : reference;
    }

    /** Protobuf values as plain Java values; secrets become {@code "[secret]"}, unknowns {@code "[unknown]"}. */
    static Map<String, Object> toJava(Struct struct) {
        Map<String, Object> out = new TreeMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    private static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE -> Constants.UnknownValue.equals(value.getStringValue()) ? "[unknown]" : value.getStringValue();
            case LIST_VALUE -> toJava(value.getListValue());
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static List<Object> toJava(ListValue list) {
        List<Object> out = new ArrayList<>();
        list.getValuesList().forEach(v -> out.add(toJava(v)));
        return out;
    }

    private static Object special(Struct struct) {
        Value sig = struct.getFieldsMap().get(Constants.SpecialSigKey);
        if (sig == null) {
            Map<String, Object> out = new LinkedHashMap<>(toJava(struct));
            return out;
        }
        String kind = sig.getStringValue();
        Map<String, Value> fields = struct.getFieldsMap();
        if (Constants.SpecialSecretSig.equals(kind)) {
            return Project.SECRET;
        }
        if (Constants.SpecialResourceSig.equals(kind)) {
            return fields.containsKey("urn") ? fields.get("urn").getStringValue() : "[resource]";
        }
        if (Constants.SpecialOutputSig.equals(kind)) {
            if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                return Project.SECRET;
            }
            return fields.containsKey("value") ? toJava(fields.get("value")) : "[unknown]";
        }
        return "[asset]";
    }
}
