package io.quest.platform.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quest.platform.bundled.BundledText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The renewal job's one container, as ECS's {@code containerDefinitions} JSON: the certbot/dns-route53 image running
 * {@code renewal/renew.py} (shipped in this jar) with {@code python3 -c}, every input an environment variable, logs to
 * the job's log group, a read-only root filesystem with a writable {@code /tmp} for certbot's working directories.
 *
 * <p>The image's entry point is {@code certbot} (certbot/certbot's {@code tools/docker/core/Dockerfile}, a
 * {@code python:3-alpine} image); the container replaces it with {@code python3}, which the image has, and the script
 * calls {@code certbot certonly} itself. {@code boto3} is in the image because the Route 53 plugin depends on it.
 */
final class RenewalTask {

    /** The container's name. */
    static final String CONTAINER = "renewal";
    /** The jar resource holding the job's script. */
    static final String SCRIPT_RESOURCE = "/renewal/renew.py";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RenewalTask() {
    }

    /** The script as shipped in the jar. */
    static String script() {
        return BundledText.read(SCRIPT_RESOURCE);
    }

    /** The container definitions JSON of the job's task. */
    static String containerDefinitions(String image, Map<String, String> environment, String logGroup, String region) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", CONTAINER);
        container.put("image", image);
        container.put("essential", true);
        container.put("entryPoint", List.of("python3", "-c"));
        container.put("command", List.of(script()));
        container.put("readonlyRootFilesystem", true);
        container.put("mountPoints", List.of(Map.of("sourceVolume", "tmp", "containerPath", "/tmp", "readOnly", false)));
        container.put("environment", new TreeMap<>(environment).entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        container.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", logGroup,
                "awslogs-region", region,
                "awslogs-stream-prefix", CONTAINER)));
        try {
            return JSON.writeValueAsString(List.of(container));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
