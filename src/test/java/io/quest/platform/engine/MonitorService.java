package io.quest.platform.engine;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quest.platform.plan.StackPlan;
import pulumirpc.Provider.CallResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceCallRequest;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The engine's {@code ResourceMonitor} service, from the SDK's own generated stubs, for the program under
 * test: registrations get the engine's URNs and the cloud's IDs and outputs; stack references are read
 * the way the engine's built-in provider reads them (pulumi/pulumi pkg/resource/deploy/builtins.go,
 * {@code readStackReference}, commit 01c4ec37f501a3eb579e0a092da0e63fc43cf03c): properties {@code name},
 * {@code outputs} (secret outputs as secrets) and the sorted {@code secretOutputNames}.
 */
final class MonitorService extends ResourceMonitorGrpc.ResourceMonitorImplBase {

    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    /**
     * The features the engine's monitor reports (pulumi/pulumi pkg/resource/deploy/source_eval.go,
     * {@code SupportsFeature}, commit 00cc158c0bad3e045c330061699e2b5cbda7680e); the Java SDK 1.36.1
     * asks for {@code resourceReferences} and {@code parameterization}.
     */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues", "aliasSpecs",
            "deletedWith", "transforms", "invokeTransforms", "parameterization");

    private final Supplier<EngineSession> session;

    MonitorService(Supplier<EngineSession> session) {
        this.session = session;
    }

    @Override
    public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
        reply(response, SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
    }

    @Override
    public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
        EngineSession s = session.get();
        String urn = s.urn(request.getParent(), request.getType(), request.getName());
        RegisterResourceResponse.Builder answer = RegisterResourceResponse.newBuilder().setUrn(urn);
        try {
            if (!Registration.ROOT_STACK.equals(request.getType())) {
                PlannedCloud.Answer result = s.cloud.register(request.getType(), request.getName(), request.getCustom(),
                        ProtoValues.toJava(request.getObject()), request.getProvider(), request.getImportId());
                if (result.id() != null) {
                    answer.setId(result.id());
                }
                answer.setObject(ProtoValues.toStruct(result.outputs()));
            }
        } catch (RuntimeException e) {
            response.onError(Status.UNKNOWN.withDescription(urn + ": " + rootCause(e)).asRuntimeException());
            return;
        } finally {
            s.registrations.add(new Registration(urn, request.getType(), request.getName(), request.getCustom(),
                    request.getParent(), System.nanoTime()));
        }
        reply(response, answer.build());
    }

    @Override
    public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
        EngineSession s = session.get();
        if (request.getUrn().contains("::" + Registration.ROOT_STACK + "::")) {
            request.getOutputs().getFieldsMap().forEach((name, value) -> {
                s.stackOutputs.put(name, ProtoValues.toJava(value));
                if (ProtoValues.isSecret(value)) {
                    s.secretStackOutputs.add(name);
                }
            });
        }
        reply(response, Empty.getDefaultInstance());
    }

    @Override
    public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> response) {
        EngineSession s = session.get();
        if (!STACK_REFERENCE.equals(request.getType())) {
            response.onError(Status.UNIMPLEMENTED.withDescription("the stand-in engine reads only stack references, not "
                    + request.getType()).asRuntimeException());
            return;
        }
        Value nameValue = request.getProperties().getFieldsMap().get("name");
        String name = nameValue == null ? request.getId() : nameValue.getStringValue();
        s.stackReferences.add(name);
        StackPlan referenced = s.cloud.stack(name).orElse(null);
        if (referenced == null) {
            response.onError(Status.NOT_FOUND.withDescription("unknown stack \"" + name + "\"").asRuntimeException());
            return;
        }
        s.answeredReferences.add(name);
        Struct.Builder outputs = Struct.newBuilder();
        referenced.outputValues().forEach((key, value) -> outputs.putFields(key,
                referenced.secretOutputs().contains(key) ? ProtoValues.secret(value) : ProtoValues.toValue(value)));
        Struct properties = Struct.newBuilder()
                .putFields("name", ProtoValues.toValue(name))
                .putFields("outputs", Value.newBuilder().setStructValue(outputs).build())
                .putFields("secretOutputNames", ProtoValues.toValue(new TreeSet<>(referenced.secretOutputs())))
                .build();
        reply(response, ReadResourceResponse.newBuilder()
                .setUrn(s.urn(request.getParent(), request.getType(), request.getName()))
                .setProperties(properties)
                .build());
    }

    @Override
    public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
        EngineSession s = session.get();
        s.invokes.add(request.getTok());
        try {
            Map<String, Object> result = s.cloud.invoke(request.getTok(), ProtoValues.toJava(request.getArgs()), request.getProvider());
            reply(response, ResourceInvokeResponse.newBuilder().setReturn(ProtoValues.toStruct(result)).build());
        } catch (RuntimeException e) {
            response.onError(Status.UNKNOWN.withDescription(request.getTok() + ": " + rootCause(e)).asRuntimeException());
        }
    }

    @Override
    public void call(ResourceCallRequest request, StreamObserver<CallResponse> response) {
        response.onError(Status.UNIMPLEMENTED.withDescription("the stand-in engine has no method calls: " + request.getTok())
                .asRuntimeException());
    }

    @Override
    public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> response) {
        reply(response, RegisterPackageResponse.newBuilder().setRef(request.getName() + "@" + request.getVersion()).build());
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static <T> void reply(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }
}
