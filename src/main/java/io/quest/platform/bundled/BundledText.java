package io.quest.platform.bundled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text the jar carries for the cloud to run: the canary's script, the renewal job's script, the log indexer. */
public final class BundledText {

    private BundledText() {
    }

    /**
     * The UTF-8 text of a resource of the jar, by its absolute name ({@code /canary/canary.js}). A missing one is a
     * broken build, not a user's mistake, so it is an {@link IllegalStateException} naming it.
     */
    public static String read(String resource) {
        try (InputStream in = BundledText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
