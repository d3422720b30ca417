package io.quest.platform.release;

import com.pulumi.automation.ConfigValue;
import com.pulumi.automation.UpdateKind;
import com.pulumi.automation.UpdateState;
import com.pulumi.automation.UpdateSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading health and earlier images from the stack history the Automation API returns. */
class DeployedReleasesTest {

    private static final String REPO = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web";

    private static UpdateSummary update(int version, UpdateState result, String digest) {
        Map<String, ConfigValue> config = digest == null ? Map.of()
                : Map.of("quest-platform:service", new ConfigValue("{\"image\":{\"reference\":\"" + REPO + "@sha256:" + digest.repeat(64) + "\"},\"cpu\":512}"));
        return new UpdateSummary(UpdateKind.UPDATE, Instant.parse("2026-12-0" + Math.min(version, 9) + "T10:00:00Z"), "", Map.of(), config,
                result, Instant.parse("2026-12-0" + Math.min(version, 9) + "T10:05:00Z"), version, null, Map.of());
    }

    @Test
    void earlier_images_are_those_successful_updates_pinned_newest_first_once_each_without_the_current_one() {
        List<UpdateSummary> history = List.of(update(1, UpdateState.SUCCEEDED, "a"), update(2, UpdateState.SUCCEEDED, "b"),
                update(3, UpdateState.FAILED, "c"), update(4, UpdateState.SUCCEEDED, "a"), update(5, UpdateState.SUCCEEDED, "d"),
                update(6, UpdateState.SUCCEEDED, null));

        List<ReleaseImage> earlier = DeployedReleases.earlier(history, Optional.of(ReleaseImage.parse(REPO + "@sha256:" + "d".repeat(64))));

        assertThat(earlier).extracting(ReleaseImage::digest).containsExactly("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64));
    }

    @Test
    void a_stack_is_healthy_only_when_its_last_update_succeeded() {
        assertThat(DeployedReleases.health(Optional.of(update(4, UpdateState.SUCCEEDED, "a")))).isEmpty();
        assertThat(DeployedReleases.health(Optional.of(update(3, UpdateState.FAILED, "a"))))
                .contains("its last update (version 3, started 2026-12-03T10:00:00Z) failed");
        assertThat(DeployedReleases.health(Optional.empty())).contains("it was never updated");
    }
}
