package io.quest.platform.logs;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LogShipping} subscribes.
 *
 * @param environment    the environment the logs belong to: the archive's {@code environment=} partition
 * @param destinationArn the log archive's CloudWatch Logs destination in this stack's region (the shared account's)
 * @param logGroups      the log groups to ship, by kind; each must be in this stack's account and region
 * @param searchDestinationArn the log search's destination in this region, when the stack's logs are also indexed there
 */
public record LogShippingArgs(String environment, Output<String> destinationArn, Map<LogType, Output<String>> logGroups,
                              Optional<Output<String>> searchDestinationArn) {

    public LogShippingArgs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(destinationArn, "destinationArn");
        Objects.requireNonNull(searchDestinationArn, "searchDestinationArn");
        if (!environment.matches("[a-z][a-z0-9-]{0,11}")) {
            throw new IllegalArgumentException("environment " + environment + " is not 1 to 12 lowercase letters, digits or '-'");
        }
        Map<LogType, Output<String>> copy = new EnumMap<>(LogType.class);
        copy.putAll(logGroups);
        logGroups = Collections.unmodifiableMap(copy);
    }
}
