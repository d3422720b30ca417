package io.quest.platform;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import io.quest.platform.plan.DrainingRunner;

import java.util.Properties;
import java.util.function.Consumer;

/**
 * Runs the program under the Pulumi engine as {@code Pulumi.run} does, with the planner's {@link DrainingRunner} in
 * place of the SDK's runner. The SDK's runner waits for the program's tasks by resubmitting a polling task that
 * formats every pending future into a debug message built even when debug logging is off: a flight recording of the
 * dev stack's program under the stand-in engine spent three quarters of its samples there, most of them after the
 * last registration.
 *
 * <p>What {@code Pulumi.run} does in com.pulumi:pulumi 1.36.1 ({@code Pulumi.run} → {@code PulumiInternal.fromEnvironment}
 * with {@code StackOptions.Empty} → {@code DeploymentImpl.fromEnvironment} and {@code completeConfiguration}, read from
 * the 1.36.1 jar with javap; source at pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/internal/PulumiInternal.java):
 * the deployment state from the engine's environment variables, a {@code DeploymentImpl} made from it and set as the
 * deployment instance, a stack context of its project, stack, organisation, log, config and outputs, and
 * {@code System.exit} with the run's exit code. The only difference here is the runner, set on the state before the
 * deployment is made from it, as the planner does ({@code PlanEngine}) and as the state's runner field is meant to be
 * set ("late init").
 */
final class EngineProgram {

    private EngineProgram() {
    }

    /**
     * The system property with which Netty, as gRPC shades it, leaves its native transports alone: Netty's
     * {@code io.netty.transport.noNative}, read in {@code Epoll}'s static initialiser (netty/netty
     * transport-classes-epoll/src/main/java/io/netty/channel/epoll/Epoll.java, "Native transport was explicit disabled
     * with -Dio.netty.transport.noNative=true"), under the prefix io.grpc:grpc-netty-shaded (1.57.2 here) relocates
     * Netty to. {@code EngineProgramTest} checks the name against the shaded class itself.
     */
    static final String NO_NATIVE_TRANSPORT = "io.grpc.netty.shaded.io.netty.transport.noNative";

    /** Runs {@code program} against the engine named by {@code PULUMI_MONITOR} and exits with its exit code. */
    static void run(Consumer<Context> program) {
        preferJavaSockets(System.getProperties());
        DeploymentImpl deployment = DrainingRunner.deployment(DeploymentImpl.DeploymentState.fromEnvironment());
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));
        pulumi(deployment, StackOptions.Empty).run(program);
    }

    /**
     * Connects to the engine over the JDK's own socket channels rather than Netty's native epoll transport, unless the
     * user chose. To find out whether epoll is available, Netty copies its native library out of the jar into the
     * temporary directory and loads it, on every run: about 40 ms of a cold JVM (creating the first gRPC channel,
     * 270 ms with it, 230 ms without, on 2 cores), for two loopback connections that the JDK's channels serve as well.
     * Where the temporary directory is mounted {@code noexec}, the load fails and Netty prints a warning into the
     * program's output besides. Netty reads the property once, the first time it looks for epoll, so this runs
     * before the SDK's first channel.
     */
    static void preferJavaSockets(Properties properties) {
        properties.putIfAbsent(NO_NATIVE_TRANSPORT, "true");
    }

    private static PulumiInternal pulumi(DeploymentImpl deployment, StackOptions options) {
        DeploymentInstance instance = Deployment.getInstance();
        var config = new ConfigContextInternal(deployment.getProjectName(), name -> new Config(instance.getConfig(), name));
        var logging = new LoggingContextInternal(deployment.getLog());
        var outputs = new OutputContextInternal(new OutputFactory(deployment.getRunner()));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(),
                deployment.getStackName(), logging, config, outputs, options.resourceTransformations());
        return new PulumiInternal(deployment.getRunner(), context);
    }
}
