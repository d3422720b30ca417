package io.quest.platform.approval;

import java.util.Optional;

/** Reviews a preview of the non-production stack {@code dev} without approval. */
final class GateTestSupport {

    private GateTestSupport() {
    }

    static GateReport review(Preview preview) {
        return Gate.review(preview, "dev", false, Optional.empty());
    }
}
