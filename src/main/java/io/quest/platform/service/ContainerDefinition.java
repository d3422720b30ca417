package io.quest.platform.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;
import java.util.Map;

/**
 * One container of a task definition, in the JSON shape of ECS's {@code containerDefinitions}. Written
 * out by Jackson from these records, so every setting reaches ECS as given (no provider-side mapping
 * that could drop one) and tests can read it back as data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerDefinition(
        String name,
        String image,
        boolean essential,
        List<PortMapping> portMappings,
        boolean readonlyRootFilesystem,
        List<KeyValue> environment,
        List<Secret> secrets,
        List<MountPoint> mountPoints,
        LinuxParameters linuxParameters,
        LogConfiguration logConfiguration) {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public ContainerDefinition {
        portMappings = List.copyOf(portMappings);
        environment = List.copyOf(environment);
        secrets = List.copyOf(secrets);
        mountPoints = List.copyOf(mountPoints);
    }

    /** A port the container listens on, reachable at the same port on the task's ENI ({@code awsvpc}). */
    public record PortMapping(int containerPort, String protocol, String name) {
    }

    /** A plain environment variable. */
    public record KeyValue(String name, String value) {
    }

    /** An environment variable ECS fills at start from an SSM parameter or Secrets Manager secret. */
    public record Secret(String name, String valueFrom) {
    }

    /** A task volume mounted into the container. */
    public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }

    /** Linux settings: an init process reaps zombies and lets ECS Exec sessions end cleanly. */
    public record LinuxParameters(boolean initProcessEnabled) {
    }

    /** Where the container's stdout and stderr go. */
    public record LogConfiguration(String logDriver, Map<String, String> options) {
        public LogConfiguration {
            options = Map.copyOf(options);
        }
    }

    /** The {@code containerDefinitions} JSON of a task of these containers. */
    public static String toJson(List<ContainerDefinition> containers) {
        try {
            return JSON.writeValueAsString(containers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
