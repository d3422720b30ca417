package io.quest.platform.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded previews under {@code src/test/resources/preview} (see PROVENANCE.md there). */
final class Fixtures {

    static final String DELETES = "01-preview-json-deletes-iam-lambda.stratify.json";
    static final String SG_REPLACE = "02-preview-json-sg-replace-iam-update.drift-adopter.json";
    static final String PROTECTED_REPLACE = "06-engine-events-preview-protected-replace-fails.pulumi-lifecycletest.jsonl";
    static final String PROTECTED_DELETES = "07-engine-events-preview-protected-deletes-fail.pulumi-lifecycletest.jsonl";

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/preview/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /preview/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Preview preview(String name) {
        return PreviewParser.parse(text(name), name);
    }
}
