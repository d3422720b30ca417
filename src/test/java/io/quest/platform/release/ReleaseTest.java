package io.quest.platform.release;

import io.quest.platform.plan.Platform;
import io.quest.platform.plan.Project;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Promotion and rollback on a copy of the repository's stack files: the digest written, the one line changed, and each
 * refusal with its message. What the stacks run comes from a fake, except where the offline plan is the source.
 */
class ReleaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String REPO = "111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web";
    private static final ReleaseImage A = new ReleaseImage(REPO, "sha256:" + "a".repeat(64));
    private static final ReleaseImage B = new ReleaseImage(REPO, "sha256:" + "b".repeat(64));
    private static final ReleaseImage C = new ReleaseImage(REPO, "sha256:" + "c".repeat(64));

    private Platform platform;
    private Path prodFile;
    private String prodBefore;
    private final Map<String, Releases.Running> running = new HashMap<>();
    private final Map<String, List<ReleaseImage>> earlier = new HashMap<>();

    private final Releases fake = new Releases() {
        @Override
        public Running running(String stack) {
            return running.getOrDefault(stack, new Running(Optional.empty(), Optional.empty()));
        }

        @Override
        public List<ReleaseImage> earlier(String stack) {
            return earlier.getOrDefault(stack, List.of());
        }

        @Override
        public String source() {
            return "the fake";
        }
    };

    @BeforeEach
    void copyRepository() throws IOException {
        Project project = PlanFixture.project(PlanFixture.repositoryStackFiles());
        platform = Platform.load(project);
        prodFile = project.directory().resolve(project.stacks().get("prod").file());
        assertThat(prodFile.toAbsolutePath().normalize()).as("the copy, never the repository's own file")
                .isNotEqualTo(Path.of("Pulumi.prod.yaml").toAbsolutePath().normalize());
        prodBefore = Files.readString(prodFile);
    }

    private Release release() {
        return new Release(platform, fake, TODAY);
    }

    private List<String> changedLines() throws IOException {
        List<String> before = prodBefore.lines().toList();
        List<String> after = Files.readString(prodFile).lines().toList();
        return after.stream().filter(line -> !before.contains(line)).toList();
    }

    @Test
    void promote_pins_the_digest_the_source_runs_healthily_in_the_target_stack_file_and_changes_nothing_else() throws IOException {
        running.put("dev", new Releases.Running(Optional.of(A), Optional.empty()));

        Release.Written written = release().promote("dev", "prod");

        assertThat(written.image()).isEqualTo(A);
        assertThat(StackFileImage.pinned(Files.readString(prodFile))).contains(A);
        assertThat(changedLines()).containsExactly("    image: {reference: \"" + A.reference() + "\"} # promoted from dev on 2026-12-02");
        assertThat(Files.readString(prodFile).lines().count()).as("promoteFrom's two lines became one")
                .isEqualTo(prodBefore.lines().count() - 1);
        Platform reloaded = Platform.load(Project.load(prodFile.getParent()));
        assertThat(reloaded.configs().get("prod").service().orElseThrow().image().toString()).contains(A.digest());
    }

    @Test
    void promote_refuses_an_image_the_source_does_not_run_healthily_and_writes_nothing() throws IOException {
        running.put("dev", new Releases.Running(Optional.of(A), Optional.of("its last update (version 7, started 2026-12-01T10:00:00Z) failed")));

        assertThatThrownBy(() -> release().promote("dev", "prod"))
                .isInstanceOf(ReleaseException.class)
                .hasMessage("stack dev does not run " + A.digest() + " healthily: its last update (version 7, started 2026-12-01T10:00:00Z)"
                        + " failed; fix or roll back dev first, then promote what it runs healthily");
        assertThat(Files.readString(prodFile)).isEqualTo(prodBefore);
    }

    @Test
    void promote_refuses_a_source_without_an_image_an_unknown_stack_a_stack_without_a_service_and_a_no_op() throws IOException {
        assertThatThrownBy(() -> release().promote("dev", "prod"))
                .hasMessage("stack dev runs no image by digest (the fake); deploy it first, then promote what it runs");
        assertThatThrownBy(() -> release().promote("staging", "prod"))
                .hasMessage("cannot promote from staging: no such stack; the stacks are " + platform.configs().keySet());
        assertThatThrownBy(() -> release().promote("dev", "shared"))
                .hasMessage("cannot promote to shared: it runs no service (quest-platform:service is not set)");
        assertThatThrownBy(() -> release().promote("prod", "prod"))
                .hasMessage("promote needs two different stacks; prod was given twice");
        running.put("dev", new Releases.Running(Optional.of(A), Optional.empty()));
        release().promote("dev", "prod");
        assertThatThrownBy(() -> release().promote("dev", "prod"))
                .hasMessage("Pulumi.prod.yaml already pins " + A.reference() + "; nothing to change");
    }

    @Test
    void rollback_pins_the_most_recent_earlier_image_or_the_one_asked_for() throws IOException {
        earlier.put("prod", List.of(B, C));

        assertThat(release().rollback("prod", Optional.empty()).image()).isEqualTo(B);
        assertThat(changedLines()).containsExactly("    image: {reference: \"" + B.reference() + "\"} # rolled back on 2026-12-02");
        assertThat(release().rollback("prod", Optional.of(C.digest())).image()).isEqualTo(C);
        assertThat(StackFileImage.pinned(Files.readString(prodFile))).contains(C);
        assertThat(changedLines()).as("the earlier pin's note went with it")
                .containsExactly("    image: {reference: \"" + C.reference() + "\"} # rolled back on 2026-12-02");
    }

    @Test
    void rollback_refuses_a_digest_the_stack_never_ran_a_malformed_one_and_a_stack_without_history() throws IOException {
        assertThatThrownBy(() -> release().rollback("prod", Optional.empty()))
                .hasMessage("stack prod ran no other image before (the fake); nothing to roll back to");
        earlier.put("prod", List.of(B, C));
        assertThatThrownBy(() -> release().rollback("prod", Optional.of(A.digest())))
                .hasMessage("--to: stack prod never ran " + A.digest() + " (the fake); it ran, most recent first:\n  " + B.digest() + "\n  " + C.digest());
        assertThatThrownBy(() -> release().rollback("prod", Optional.of("sha256:abc")))
                .hasMessageStartingWith("--to: \"sha256:abc\" is not an image digest; expected sha256: and 64 hex digits, one of:");
        assertThat(Files.readString(prodFile)).isEqualTo(prodBefore);
    }

    @Test
    void offline_promotion_pins_the_digest_the_plan_gives_dev_which_prod_only_followed_before() throws IOException {
        Releases planned = new PlannedReleases(PlanFixture.repository());
        ReleaseImage dev = planned.running("dev").image().orElseThrow();

        Release.Written written = new Release(platform, planned, TODAY).promote("dev", "prod");

        assertThat(written.image()).isEqualTo(dev);
        assertThat(dev.repositoryUrl()).endsWith(".dkr.ecr.eu-west-1.amazonaws.com/quest/web");
        assertThat(StackFileImage.pinned(Files.readString(prodFile))).contains(dev);
        assertThat(planned.earlier("prod")).as("the plan knows no earlier deployment").isEmpty();
    }
}
