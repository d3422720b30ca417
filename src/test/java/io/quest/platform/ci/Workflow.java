package io.quest.platform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A GitHub Actions workflow file as the runner reads it: its triggers, its workflow-level permissions and
 * its jobs (workflow syntax: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax,
 * read 2026-12-02).
 *
 * @param file the file name ({@code deploy.yml})
 * @param root the parsed YAML
 */
record Workflow(String file, JsonNode root) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Workflow parse(String file, String yaml) {
        try {
            return new Workflow(file, YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workflow " + file, e);
        }
    }

    /** Every {@code *.yml} and {@code *.yaml} in a directory, by file name. */
    static List<Workflow> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .map(f -> {
                        try {
                            return parse(f.getFileName().toString(), Files.readString(f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events that start the workflow ({@code on:} as a string, a list or a map). */
    Set<String> events() {
        JsonNode on = root.get("on");
        Set<String> events = new LinkedHashSet<>();
        if (on == null) {
            return events;
        }
        if (on.isTextual()) {
            events.add(on.asText());
        } else if (on.isArray()) {
            on.forEach(e -> events.add(e.asText()));
        } else {
            on.fieldNames().forEachRemaining(events::add);
        }
        return events;
    }

    /** An event's settings ({@code on.push}), if given as a map. */
    Optional<JsonNode> event(String name) {
        JsonNode on = root.get("on");
        return on != null && on.isObject() && on.get(name) != null && on.get(name).isObject()
                ? Optional.of(on.get(name)) : Optional.empty();
    }

    /** The workflow-level {@code permissions:}, if declared. */
    Optional<JsonNode> permissions() {
        return Optional.ofNullable(root.get("permissions"));
    }

    List<WorkflowJob> jobs() {
        List<WorkflowJob> jobs = new ArrayList<>();
        JsonNode node = root.get("jobs");
        if (node != null) {
            node.fields().forEachRemaining(e -> jobs.add(new WorkflowJob(this, e.getKey(), e.getValue())));
        }
        return jobs;
    }

    WorkflowJob job(String id) {
        return jobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no job " + id));
    }
}
