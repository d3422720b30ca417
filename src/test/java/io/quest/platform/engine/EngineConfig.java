package io.quest.platform.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quest.platform.plan.StackFile;

import java.util.Map;
import java.util.TreeMap;

/**
 * A stack's configuration as the engine hands it to the language host: one string per full key. The CLI
 * reads a scalar as its text and a structured value (map or list) as JSON (pulumi/pulumi
 * sdk/go/common/resource/config/value.go, {@code unmarshalValue}: Go's {@code json.Marshal}, so object keys
 * sorted; commit 099d26427310ebea10d2740e216cfc5e523daf74); the engine decrypts the map and passes it to
 * {@code LanguageRuntime.Run} unchanged (pkg/resource/deploy/source_eval.go, {@code Iterate} and
 * {@code forkRun}, commit 00cc158c0bad3e045c330061699e2b5cbda7680e). The planner's {@link StackFile}
 * already holds structured values as JSON text; this re-emits them with sorted keys as Go does.
 */
final class EngineConfig {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EngineConfig() {
    }

    static Map<String, String> encode(StackFile file) {
        Map<String, String> out = new TreeMap<>();
        file.config().forEach((key, value) -> out.put(key, structured(value)));
        return out;
    }

    /** JSON text of a map or list with its object keys sorted; any other value unchanged. */
    private static String structured(String value) {
        String trimmed = value.strip();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return value;
        }
        try {
            return JSON.writeValueAsString(JSON.readValue(trimmed, Object.class));
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /** JSON text of a value, as the language host serialises {@code PULUMI_CONFIG} and its secret keys. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
