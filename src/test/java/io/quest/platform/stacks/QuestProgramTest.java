package io.quest.platform.stacks;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.DrainingRunner;
import io.quest.platform.plan.MockCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The program as the Pulumi engine runs it: config read through the engine, errors as Pulumi errors. */
class QuestProgramTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static TestResult run(Map<String, String> config) {
        return PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("quest-platform").stackName("dev").build())
                .mocks(new MockCloud("dev", "222222222222", "eu-west-1", Map.of()))
                .config(config, Set.of())
                .deploymentFactory(DrainingRunner::deployment)
                .build()
                .runTest(QuestProgram::run);
    }

    @Test
    void bad_config_is_a_pulumi_error_and_registers_nothing() {
        TestResult result = run(Map.of(
                "aws:region", "eu-west-1",
                "quest-platform:account", "222222222222",
                "quest-platform:network", "{\"cidr\":\"10.300.0.0/16\",\"natGateways\":\"some\"}"));

        assertThat(result.resources()).as("only the root stack exists").hasSize(1)
                .allSatisfy(r -> assertThat(r).isInstanceOf(com.pulumi.resources.internal.Stack.class));
        assertThat(result.exitCode()).isEqualTo(32);
        assertThat(result.exceptions()).last().isInstanceOf(com.pulumi.exceptions.RunException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("quest-platform:network.cidr: \"10.300.0.0/16\" is not an IPv4 CIDR")
                .contains("quest-platform:network.natGateways: \"some\" is not one of none, single, per-az");
    }
}
