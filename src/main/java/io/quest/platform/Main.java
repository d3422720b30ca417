package io.quest.platform;

import com.pulumi.deployment.internal.DeploymentImpl;
import io.quest.platform.stacks.QuestProgram;
import picocli.CommandLine;

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
        Optional<List<String>> relaunch = JvmRelaunch.forThisProcess();
        if (relaunch.isPresent()) {
            OptionalInt status = JvmRelaunch.run(relaunch.get());
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

    static boolean startedByPulumiEngine() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
