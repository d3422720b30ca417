package io.quest.platform.deploy;

import java.util.Objects;

/**
 * What one {@code pulumi preview --json} run gave.
 *
 * @param output    what it wrote on standard output: the preview JSON, possibly empty when it failed early
 * @param succeeded whether it exited 0 and saved its update plan
 * @param failure   when it failed: why, as one line ({@code pulumi preview exited non-zero: <its last error lines>});
 *                  empty otherwise
 */
public record PreviewRun(String output, boolean succeeded, String failure) {

    public PreviewRun {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(failure, "failure");
    }

    /** A preview that exited 0. */
    public static PreviewRun succeeded(String output) {
        return new PreviewRun(output, true, "");
    }

    /** A preview that failed (exited non-zero, or saved no plan), with what it wrote. */
    public static PreviewRun failed(String output, String failure) {
        return new PreviewRun(output, false, failure);
    }
}
