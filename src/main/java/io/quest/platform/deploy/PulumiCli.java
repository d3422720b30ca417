package io.quest.platform.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link StackOperations} by running the Pulumi CLI, which must be installed and logged in:
 * {@code pulumi preview --json --stack S} and {@code pulumi up --yes --skip-preview --stack S}.
 * The Pulumi Java Automation API drives the same CLI; this adapter calls it directly and stays this thin.
 */
public final class PulumiCli implements StackOperations {

    private final String executable;
    private final Path workDir;

    /**
     * @param executable the {@code pulumi} binary (a name on PATH or a path)
     * @param workDir    the directory of {@code Pulumi.yaml}
     */
    public PulumiCli(String executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    @Override
    public String preview(String stack) {
        List<String> command = List.of(executable, "preview", "--json", "--non-interactive", "--stack", stack);
        Result result = run(command, false);
        // A failed preview exits non-zero but still writes its JSON, which the gate then blocks.
        if (result.stdout().isBlank()) {
            throw new StackOperationException(String.join(" ", command) + " wrote no preview (exit " + result.exitCode()
                    + "): " + lastLines(result.stderr()));
        }
        return result.stdout();
    }

    @Override
    public void up(String stack) {
        List<String> command = List.of(executable, "up", "--yes", "--skip-preview", "--non-interactive", "--stack", stack);
        Result result = run(command, true);
        if (result.exitCode() != 0) {
            throw new StackOperationException(String.join(" ", command) + " failed with exit " + result.exitCode());
        }
    }

    private Result run(List<String> command, boolean showOutput) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile());
        if (showOutput) {
            builder.inheritIO();
        }
        try {
            Process process = builder.start();
            if (showOutput) {
                return new Result(process.waitFor(), "", "");
            }
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            return new Result(process.waitFor(), stdout, stderr.join());
        } catch (IOException e) {
            throw new StackOperationException("cannot run " + String.join(" ", command) + " in " + workDir
                    + " (" + e.getMessage() + "); is the Pulumi CLI installed and on PATH?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackOperationException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
