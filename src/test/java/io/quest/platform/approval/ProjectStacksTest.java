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
    void prodIsProductionByDefaultAndTheFlagOverridesTheEnvironment() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("relaxed"));
        ProjectStacks stacks = ProjectStacks.load(TestProject.write(dir, Map.of(
                "staging", TestProject.stack("444444444444",
                        "  quest-platform:production: true\n  quest-platform:network: {cidr: 10.30.0.0/16}\n")),
                ", staging: \"444444444444\""));

        assertThat(stacks.production("prod")).isTrue();
        assertThat(stacks.production("dev")).isFalse();
        assertThat(stacks.production("shared")).isFalse();
        assertThat(stacks.production("staging")).isTrue();

        ProjectStacks relaxed = ProjectStacks.load(TestProject.write(dir.resolve("relaxed"), Map.of("prod", TestProject.stack("333333333333",
                "  quest-platform:production: false\n  quest-platform:network: {cidr: 10.20.0.0/16}\n"))));
        assertThat(relaxed.production("prod")).isFalse();
    }

    @Test
    void anUnknownStackIsRejectedNamingTheStacksThereAre() {
        ProjectStacks stacks = ProjectStacks.load(TestProject.write(dir, Map.of()));

        assertThatThrownBy(() -> stacks.production("qa"))
                .isInstanceOf(PlanException.class)
                .hasMessage("no stack qa: expected one of [dev, prod, shared] (a Pulumi.qa.yaml beside Pulumi.yaml)");
    }
}
