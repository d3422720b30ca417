package io.quest.platform;

import com.pulumi.Pulumi;
import io.quest.platform.stacks.QuestProgram;
import picocli.CommandLine;

/**
 * The one entry point of the jar. Started by the Pulumi engine (which sets {@code PULUMI_MONITOR})
 * it is the Pulumi program; started by a person or CI it is the {@code quest} command-line tool.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (startedByPulumiEngine()) {
            Pulumi.run(QuestProgram::run);
            return;
        }
        System.exit(Cli.execute(args));
    }

    static boolean startedByPulumiEngine() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
