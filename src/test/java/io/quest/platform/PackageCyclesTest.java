package io.quest.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages are layers (README, "How it is built"): a package another one depends on never depends back on it,
 * directly or through others. Read from the compiled classes, so every kind of use counts (imports, signatures,
 * calls, annotations, constants), not only import lines.
 */
class PackageCyclesTest {

    private static final String[] DOMAINS = {
        "io.quest.platform.network..", "io.quest.platform.service..", "io.quest.platform.identity..",
        "io.quest.platform.governance..", "io.quest.platform.observability..", "io.quest.platform.state..",
        "io.quest.platform.data..",
        "io.quest.platform.storage..",
    };

    /** The program's compiled classes (Maven's output directory; tests and libraries are not looked at). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching("io.quest.platform.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void domains_take_arguments_and_never_read_config_or_the_stacks_composing_them() {
        noClasses().that().resideInAnyPackage(DOMAINS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quest.platform.config..", "io.quest.platform.stacks..", "io.quest.platform.plan..",
                        "io.quest.platform.policy..", "io.quest.platform.cost..")
                .check(MAIN);
    }

    @Test
    void the_plan_model_knows_nothing_of_the_planner_the_rules_or_the_cost_model() {
        noClasses().that().resideInAPackage("io.quest.platform.planned..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quest.platform.plan..", "io.quest.platform.policy..", "io.quest.platform.cost..")
                .check(MAIN);
    }

    @Test
    void the_import_check_sees_the_program() {
        // A wrong package name or class path would make every rule above pass on nothing.
        assertThat(MAIN.contain("io.quest.platform.plan.StackPlan")).isTrue();
        assertThat(MAIN.size()).isGreaterThan(200);
    }
}
