package io.quest.platform;

import com.pulumi.deployment.internal.DeploymentImpl;
import io.quest.platform.stacks.QuestProgram;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * The one entry point of the jar. Started by the Pulumi engine (which sets {@code PULUMI_MONITOR})
 * it is the Pulumi program; started by a person or CI it is the {@code quest} command-line tool.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AsyncPool.configure();
        if (System.getProperty(PlanServer.MARKER) != null) {
            System.exit(PlanServer.runHere(args));
        }
        Optional<List<String>> relaunch = JvmRelaunch.forThisProcess();
        if (relaunch.isPresent()) {
            // A plan server, when there is one for this command, plans it warm; without one the command plans in
            // the second JVM, then starts a server for the next.
            Optional<PlanServerFiles> server = startedByPulumiEngine() ? Optional.empty() : planServer(args);
            if (server.isPresent()) {
                OptionalInt served = PlanClient.run(server.get(), PlanClient.request(args, System.getenv()),
                        System.out, System.err);
                if (served.isPresent()) {
                    System.exit(served.getAsInt());
                }
            }
            OptionalInt status = JvmRelaunch.run(relaunch.get());
            if (server.isPresent()) {
                PlanServerLaunch.launch(server.get(), server.get().jar(), args);
            }
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        } else if (System.getProperty(JvmRelaunch.MARKER) != null) {
            JvmRelaunch.followParent();
        }
        if (startedByPulumiEngine()) {
            EngineDiagnostics.LOGGER.setUseParentHandlers(false);
            EngineProgram.run(QuestProgram::run);
            return;
        }
        System.exit(Cli.execute(args));
    }

    /**
     * The SDK's logger for the diagnostics it sends the engine. It also prints each one to stderr, which the engine
     * already shows and the language host prints again when the program fails; held here so its setting lasts. A
     * holder class, so that a JVM that only starts the second one never loads the SDK.
     */
    private static final class EngineDiagnostics {
        static final Logger LOGGER = Logger.getLogger(DeploymentImpl.class.getName());
    }

    /**
     * The plan server this command may use ({@link PlanServer}); a {@code QUEST_PLAN_SERVER} value other than on or
     * off ends the command with status 1 and a message.
     */
    private static Optional<PlanServerFiles> planServer(String[] args) {
        Optional<Path> jar = JvmRelaunch.jar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            return PlanServerFiles.forCommand(args, System.getenv(), jar.get(), System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), System.getProperty("os.name"),
                    System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return Optional.empty();
        }
    }

    static boolean startedByPulumiEngine() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
