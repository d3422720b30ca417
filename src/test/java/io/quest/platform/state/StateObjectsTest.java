package io.quest.platform.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The object keys of a self-managed Pulumi backend, as pkg/backend/diy of pulumi/pulumi
 * (1b5949891b3cefcb9974752b24a5ecef0acc86c8) writes them for project {@code quest-platform}, stack {@code dev}.
 */
class StateObjectsTest {

    private final StateObjects objects = new StateObjects("quest-platform");

    @Test
    void keys_follow_the_project_scoped_layout_of_the_cli() {
        assertThat(objects.meta()).isEqualTo(".pulumi/meta.yaml");
        assertThat(objects.checkpoint("dev")).isEqualTo(".pulumi/stacks/quest-platform/dev.json");
        assertThat(objects.historyFolder("dev")).isEqualTo(".pulumi/history/quest-platform/dev/");
        assertThat(objects.backupsFolder("dev")).isEqualTo(".pulumi/backups/quest-platform/dev/");
        assertThat(objects.locksFolder("dev")).isEqualTo(".pulumi/locks/organization/quest-platform/dev/");
    }

    @Test
    void an_update_touches_its_checkpoint_variants_history_backups_and_locks_and_lists_where_it_looks() {
        assertThat(objects.updatePatterns("dev")).containsExactly(
                ".pulumi/stacks/quest-platform/dev.json*",
                ".pulumi/history/quest-platform/dev/*",
                ".pulumi/backups/quest-platform/dev/*",
                ".pulumi/locks/organization/quest-platform/dev/*");
        assertThat(objects.readPatterns("dev")).containsExactly(".pulumi/stacks/quest-platform/dev.json*");
        assertThat(objects.updateListPrefixes("dev")).containsExactly(
                ".pulumi/stacks/quest-platform/dev.json",
                ".pulumi/locks/organization/quest-platform/dev/",
                ".pulumi/history/quest-platform/dev/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev*", "d?v", "dev/prod", "", "organization/quest-platform/dev"})
    void names_that_would_widen_a_key_pattern_are_refused(String stack) {
        assertThatThrownBy(() -> objects.checkpoint(stack))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100 letters, digits, '_', '.' or '-'");
    }
}
