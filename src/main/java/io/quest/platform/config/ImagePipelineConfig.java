package io.quest.platform.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who may push images into the registry, and which scan findings a push may carry.
 *
 * @param pushFrom    {@code quest-platform:registry.pushFrom}: the application repositories ({@code owner/name}) whose
 *                    main branch and release tags ({@code v*}) may push images. Defaults to none: no role may push
 * @param scanWaivers {@code quest-platform:registry.scanWaivers}: critical scan findings a push may carry, by finding
 *                    name ({@code CVE-2024-12345}), each with the reason it is accepted. Defaults to none
 */
public record ImagePipelineConfig(List<String> pushFrom, Map<String, String> scanWaivers) {

    public ImagePipelineConfig {
        pushFrom = List.copyOf(pushFrom);
        scanWaivers = Collections.unmodifiableMap(new TreeMap<>(scanWaivers));
    }

    /** No application pushes. */
    public static ImagePipelineConfig none() {
        return new ImagePipelineConfig(List.of(), Map.of());
    }
}
