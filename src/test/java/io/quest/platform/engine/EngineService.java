package io.quest.platform.engine;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.RequirePulumiVersionResponse;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;

import java.util.function.Supplier;

/**
 * The engine's {@code Engine} service, from the SDK's own generated stubs: the diagnostics a program logs
 * (what {@code pulumi up} shows the user) and the root resource.
 */
final class EngineService extends EngineGrpc.EngineImplBase {

    private final Supplier<EngineSession> session;

    EngineService(Supplier<EngineSession> session) {
        this.session = session;
    }

    @Override
    public void log(LogRequest request, StreamObserver<Empty> response) {
        session.get().logs.add(new EngineLog(request.getSeverity().name(), request.getMessage(), request.getUrn()));
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
        response.onNext(GetRootResourceResponse.newBuilder().setUrn(session.get().rootResource).build());
        response.onCompleted();
    }

    @Override
    public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
        session.get().rootResource = request.getUrn();
        response.onNext(SetRootResourceResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void requirePulumiVersion(RequirePulumiVersionRequest request, StreamObserver<RequirePulumiVersionResponse> response) {
        response.onNext(RequirePulumiVersionResponse.getDefaultInstance());
        response.onCompleted();
    }
}
