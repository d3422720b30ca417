package io.quest.platform.release;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.plan.Platform;
import io.quest.platform.plan.StackFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Promotion and rollback as edits of a stack file: the target stack's {@code quest-platform:service.image} is pinned to
 * one digest, so the change is a reviewed pull request and the preview reviewed on it stays valid whatever another
 * stack deploys meanwhile. Each refuses, with a message that says why and what to do, an image that is unknown,
 * unhealthy where it runs, or already running.
 */
public final class Release {

    /** What was written: the stack file, the image, and a one-line account of it. */
    public record Written(Path file, ReleaseImage image, String summary) {
    }

    private final Platform platform;
    private final Releases releases;
    private final LocalDate today;

    public Release(Platform platform, Releases releases, LocalDate today) {
        this.platform = platform;
        this.releases = releases;
        this.today = today;
    }

    /** Pins {@code to} to the image {@code from} runs, once {@code from} runs it healthily. */
    public Written promote(String from, String to) {
        requireService(from, "promote from");
        requireService(to, "promote to");
        if (from.equals(to)) {
            throw new ReleaseException("promote needs two different stacks; " + from + " was given twice");
        }
        Releases.Running source = releases.running(from);
        ReleaseImage image = source.image().orElseThrow(() -> new ReleaseException("stack " + from + " runs no image by digest ("
                + releases.source() + "); deploy it first, then promote what it runs"));
        source.unhealthy().ifPresent(why -> {
            throw new ReleaseException("stack " + from + " does not run " + image.digest() + " healthily: " + why
                    + "; fix or roll back " + from + " first, then promote what it runs healthily");
        });
        return write(to, image, "promoted from " + from + " on " + today);
    }

    /**
     * Pins {@code stack} to an image it ran before: {@code digest}, or else the most recent one before the current.
     */
    public Written rollback(String stack, Optional<String> digest) {
        return rollback(stack, digest, releases.earlier(stack));
    }

    /** As {@link #rollback(String, Optional)}, choosing among {@code earlier}, the images already read for the stack. */
    public Written rollback(String stack, Optional<String> digest, List<ReleaseImage> earlier) {
        requireService(stack, "roll back");
        if (earlier.isEmpty()) {
            throw new ReleaseException("stack " + stack + " ran no other image before (" + releases.source() + "); nothing to roll back to");
        }
        ReleaseImage image;
        if (digest.isPresent()) {
            if (!ReleaseImage.DIGEST.matcher(digest.get()).matches()) {
                throw new ReleaseException("--to: \"" + digest.get() + "\" is not an image digest; expected sha256: and 64 hex digits, one of:"
                        + digests(earlier));
            }
            image = earlier.stream().filter(i -> i.digest().equals(digest.get())).findFirst()
                    .orElseThrow(() -> new ReleaseException("--to: stack " + stack + " never ran " + digest.get() + " ("
                            + releases.source() + "); it ran, most recent first:" + digests(earlier)));
        } else {
            image = earlier.get(0);
        }
        return write(stack, image, "rolled back on " + today);
    }

    private Written write(String stack, ReleaseImage image, String note) {
        StackFile file = platform.project().stacks().get(stack);
        // A stack file's path is relative to the project directory, which need not be the working directory.
        Path directory = platform.project().directory().toAbsolutePath().normalize();
        Path path = directory.resolve(file.file()).normalize();
        String display = directory.relativize(path).toString();
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (StackFileImage.pinned(text).filter(image::equals).isPresent()) {
                throw new ReleaseException(display + " already pins " + image.reference() + "; nothing to change");
            }
            String pinned = StackFileImage.pin(text, display, image, note);
            if (!StackFileImage.pinned(pinned).filter(image::equals).isPresent()) {
                throw new ReleaseException(display + ": could not pin " + image.reference() + " in it; edit "
                        + StackFileImage.SERVICE + ".image by hand: {reference: \"" + image.reference() + "\"}");
            }
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(temporary, pinned, StandardCharsets.UTF_8);
            Files.move(temporary, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IllegalArgumentException e) {
            throw new ReleaseException(e.getMessage());
        } catch (IOException e) {
            throw new ReleaseException(display + ": cannot be rewritten: " + e.getMessage());
        }
        return new Written(path, image, display + ": " + StackFileImage.SERVICE + ".image pinned to " + image.reference() + " (" + note + ")");
    }

    private void requireService(String stack, String what) {
        PlatformConfig config = platform.configs().get(stack);
        if (config == null) {
            throw new ReleaseException("cannot " + what + " " + stack + ": no such stack; the stacks are " + platform.configs().keySet());
        }
        if (config.service().isEmpty()) {
            throw new ReleaseException("cannot " + what + " " + stack + ": it runs no service (quest-platform:service is not set)");
        }
    }

    private static String digests(List<ReleaseImage> images) {
        StringBuilder sb = new StringBuilder();
        images.forEach(i -> sb.append("\n  ").append(i.digest()));
        return sb.toString();
    }
}
