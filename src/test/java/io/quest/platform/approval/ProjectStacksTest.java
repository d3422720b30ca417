package io.quest.platform.approval;

import io.quest.platform.plan.PlanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectStacksTest {

    @TempDir
    Path dir;

    @Test
    void ordersStacksAfterTheStacksTheyRead() {
        ProjectStacks stacks = ProjectStacks.load(TestProject.write(dir, Map.of()));

        assertThat(stacks.order(List.of())).containsExactly("shared", "dev", "prod");
        assertThat(stacks.order(List.of("prod"))).containsExactly("shared", "prod");
    }

    @Test
    void prodIsProductionByDefaultAndTheFlagOverridesTheEnvironment() {
        ProjectStacks stacks = ProjectStacks.load(TestProject.write(dir, Map.of(
                "staging", TestProject.stack("444444444444",
                        "  quest-platform:production: true\n  quest-platform:network: {cidr: 10.30.0.0/16}\n"),
                "prod-eu", TestProject.stack("555555555555",
                        "  quest-platform:environment: prod\n  quest-platform:production: false\n"
                                + "  quest-platform:network: {cidr: 10.40.0.0/16}\n"))));

        assertThat(stacks.production("prod")).isTrue();
        assertThat(stacks.production("dev")).isFalse();
        assertThat(stacks.production("shared")).isFalse();
        assertThat(stacks.production("staging")).isTrue();
        assertThat(stacks.production("prod-eu")).isFalse();
    }

    @Test
    void anUnknownStackIsRejectedNamingTheStacksThereAre() {
        ProjectStacks stacks = ProjectStacks.load(TestProject.write(dir, Map.of()));

        assertThatThrownBy(() -> stacks.production("qa"))
                .isInstanceOf(PlanException.class)
                .hasMessage("no stack qa: expected one of [dev, prod, shared] (a Pulumi.qa.yaml beside Pulumi.yaml)");
    }
}
