package io.quest.platform.logs;

import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorArgs;
import com.pulumi.aws.kinesis.inputs.FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorParameterArgs;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One processor of a Firehose stream's processing configuration: a type and the parameters it takes, refused here
 * (before anything is planned) when Firehose would refuse it: a parameter the type does not take, or a value outside
 * 1 to 512 characters.
 */
public record FirehoseProcessor(FirehoseProcessorType type, SortedMap<String, String> parameters) {

    public FirehoseProcessor {
        Objects.requireNonNull(type, "type");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        parameters.forEach((name, value) -> {
            if (!type.parameters().contains(name)) {
                throw new IllegalArgumentException("the Firehose processor " + type.apiName() + " takes no parameter " + name
                        + "; it takes " + new TreeSet<>(type.parameters()));
            }
            if (value.isEmpty() || value.length() > FirehoseProcessorType.MAX_PARAMETER_LENGTH) {
                throw new IllegalArgumentException("the Firehose processor " + type.apiName() + "'s " + name + " is " + value.length()
                        + " characters long; Firehose takes 1 to " + FirehoseProcessorType.MAX_PARAMETER_LENGTH);
            }
        });
    }

    public static FirehoseProcessor of(FirehoseProcessorType type, Map<String, String> parameters) {
        return new FirehoseProcessor(type, new TreeMap<>(parameters));
    }

    /** As the extended S3 destination's processing configuration takes it. */
    FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorArgs toExtendedS3() {
        return FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorArgs.builder()
                .type(type.apiName())
                .parameters(parameters.entrySet().stream()
                        .map(p -> FirehoseDeliveryStreamExtendedS3ConfigurationProcessingConfigurationProcessorParameterArgs.builder()
                                .parameterName(p.getKey()).parameterValue(p.getValue()).build())
                        .toList())
                .build();
    }
}
