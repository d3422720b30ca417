package io.quest.platform.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one program run showed the engine and the user: the exit status, everything the process wrote to
 * stdout and stderr (which the language host passes to the user), every registration, the stack references
 * the program asked for and those the engine could answer, the invokes, the engine log and the stack outputs.
 *
 * @param startedNanos when the process was started ({@link System#nanoTime()})
 */
public record EngineRun(
        int exitCode,
        String stdout,
        String stderr,
        List<Registration> registrations,
        List<String> stackReferences,
        List<String> answeredReferences,
        List<String> invokes,
        List<EngineLog> logs,
        Map<String, Object> stackOutputs,
        List<String> secretStackOutputs,
        long startedNanos) {

    public EngineRun {
        registrations = List.copyOf(registrations);
        stackReferences = List.copyOf(stackReferences);
        answeredReferences = List.copyOf(answeredReferences);
        invokes = List.copyOf(invokes);
        logs = List.copyOf(logs);
        stackOutputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stackOutputs));
        secretStackOutputs = List.copyOf(secretStackOutputs);
    }

    /** The registrations of the program's resources: all but the engine's root stack. */
    public List<Registration> resources() {
        return registrations.stream().filter(r -> !r.isRootStack()).toList();
    }

    public List<Registration> rootStacks() {
        return registrations.stream().filter(Registration::isRootStack).toList();
    }

    public List<EngineLog> errors() {
        return logs.stream().filter(EngineLog::isError).toList();
    }

    /** From starting the process to the last registration that reached the engine (zero when none did). */
    public Duration startToLastRegistration() {
        return registrations.stream().mapToLong(Registration::arrivedNanos).max()
                .stream().mapToObj(last -> Duration.ofNanos(last - startedNanos)).findFirst().orElse(Duration.ZERO);
    }
}
