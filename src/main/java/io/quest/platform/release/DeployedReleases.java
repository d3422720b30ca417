package io.quest.platform.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.OutputValue;
import com.pulumi.automation.UpdateState;
import com.pulumi.automation.UpdateSummary;
import com.pulumi.automation.WorkspaceStack;
import io.quest.platform.deploy.PulumiAutomation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the deployed stacks run, through the Pulumi Automation API (the Pulumi CLI on PATH, logged in to the
 * platform's backend): a stack's {@code imageRepositoryUrl} and {@code imageDigest} outputs
 * ({@code pulumi stack output}), whether its last update succeeded ({@code pulumi stack history}: with the service
 * waiting for steady state, an update succeeds only when ECS reached it), and the digests its earlier successful
 * updates were configured with ({@code quest-platform:service.image.reference} in each update's config, which
 * promotion and rollback pin).
 */
public final class DeployedReleases implements Releases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;

    public DeployedReleases(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    @Override
    public Running running(String stack) {
        try (LocalWorkspace workspace = workspace(stack)) {
            Map<String, OutputValue> outputs = workspace.getStackOutputs(stack);
            Optional<ReleaseImage> image = image(outputs);
            Optional<UpdateSummary> last = WorkspaceStack.select(stack, workspace).getInfo();
            return new Running(image, health(last));
        } catch (ReleaseException e) {
            throw e;
        } catch (Exception e) {
            throw new ReleaseException("cannot read what stack " + stack + " runs (pulumi stack output and history, with the CLI on PATH"
                    + " logged in to the platform's backend): " + firstLine(e));
        }
    }

    @Override
    public List<ReleaseImage> earlier(String stack) {
        try (LocalWorkspace workspace = workspace(stack)) {
            Optional<ReleaseImage> current = image(workspace.getStackOutputs(stack));
            return earlier(WorkspaceStack.select(stack, workspace).getHistory(), current);
        } catch (ReleaseException e) {
            throw e;
        } catch (Exception e) {
            throw new ReleaseException("cannot read the history of stack " + stack + " (pulumi stack history, with the CLI on PATH"
                    + " logged in to the platform's backend): " + firstLine(e));
        }
    }

    @Override
    public String source() {
        return "the stack's deployed state and history";
    }

    /** Why the last update means the image is not running healthily, if it does. */
    static Optional<String> health(Optional<UpdateSummary> last) {
        if (last.isEmpty()) {
            return Optional.of("it was never updated");
        }
        UpdateSummary update = last.get();
        if (update.result() != UpdateState.SUCCEEDED) {
            return Optional.of("its last " + update.kind().toString().toLowerCase(java.util.Locale.ROOT) + " (version " + update.version()
                    + ", started " + update.startTime() + ") " + update.result().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return Optional.empty();
    }

    /** The digests successful updates pinned, newest first, each once, without the current one. */
    static List<ReleaseImage> earlier(List<UpdateSummary> history, Optional<ReleaseImage> current) {
        List<UpdateSummary> newestFirst = new ArrayList<>(history);
        newestFirst.sort((a, b) -> Integer.compare(b.version() == null ? 0 : b.version(), a.version() == null ? 0 : a.version()));
        Set<ReleaseImage> images = new LinkedHashSet<>();
        for (UpdateSummary update : newestFirst) {
            if (update.result() != UpdateState.SUCCEEDED || update.config() == null) {
                continue;
            }
            var service = update.config().get(StackFileImage.SERVICE);
            if (service == null || service.isSecret()) {
                continue;
            }
            try {
                JsonNode reference = JSON.readTree(service.value()).path("image").path("reference");
                if (reference.isTextual() && reference.asText().matches(".+@sha256:[0-9a-f]{64}")) {
                    images.add(ReleaseImage.parse(reference.asText()));
                }
            } catch (Exception e) {
                // a config value that is not a JSON object names no image
            }
        }
        current.ifPresent(images::remove);
        return List.copyOf(images);
    }

    private static Optional<ReleaseImage> image(Map<String, OutputValue> outputs) {
        Object url = outputs.containsKey("imageRepositoryUrl") ? outputs.get("imageRepositoryUrl").value() : null;
        Object digest = outputs.containsKey("imageDigest") ? outputs.get("imageDigest").value() : null;
        if (url instanceof String u && digest instanceof String d && ReleaseImage.DIGEST.matcher(d).matches()) {
            return Optional.of(new ReleaseImage(u, d));
        }
        return Optional.empty();
    }

    private LocalWorkspace workspace(String stack) throws Exception {
        return LocalWorkspace.create(LocalWorkspaceOptions.builder()
                .workDir(workDir)
                .pulumiCommand(LocalPulumiCommand.create())
                .environmentVariables(Map.of("PULUMI_STACK", stack))
                .build());
    }

    /** One line about a failure, without the CLI's standard output ({@link PulumiAutomation#describe}). */
    private static String firstLine(Exception e) {
        String message = PulumiAutomation.describe(e);
        if (message.contains("Cannot run program \"pulumi\"")) {
            return "the Pulumi CLI is not on PATH; install it, or read the offline plan with --offline";
        }
        return message;
    }
}
