package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.DrainingRunner;
import io.quest.platform.plan.MockCloud;
import io.quest.platform.plan.StackPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared stack's contract: what {@code export} writes, {@code from} reads back through a stack reference. */
class SharedOutputsTest {

    private static final String SHARED = "acme/quest-platform/shared";

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static SharedOutputs sample() {
        return new SharedOutputs(
                Output.of("111111111111"),
                Output.of("log-archive-bucket-1a2b3c4"),
                Output.of("arn:aws:s3:::log-archive-bucket-1a2b3c4"),
                Output.of("arn:aws:kms:eu-west-1:111111111111:key/0c1d2e3f-0000-4000-8000-000000000001"),
                Output.of("state-bucket-5e6f7a8"),
                Output.of("arn:aws:kms:eu-west-1:111111111111:key/0c1d2e3f-0000-4000-8000-000000000002"),
                Output.of("111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web"),
                Output.of("arn:aws:ecr:eu-west-1:111111111111:repository/quest/web"),
                Output.of("eu-west-1"),
                Output.of("arn:aws:iam::111111111111:role/quest-platform-ci-preview"),
                Output.of(Map.of("dev", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-dev",
                        "prod", "arn:aws:iam::111111111111:role/quest-platform-ci-deploy-prod")),
                Output.of(Map.of("dev", "arn:aws:iam::222222222222:role/quest-platform-deployer",
                        "prod", "arn:aws:iam::333333333333:role/quest-platform-deployer")),
                Output.of(Map.of("dev", "arn:aws:iam::222222222222:role/quest-platform-previewer",
                        "prod", "arn:aws:iam::333333333333:role/quest-platform-previewer")),
                Output.of(Map.of("dev", "arn:aws:iam::222222222222:policy/quest-platform-deployer-boundary",
                        "prod", "arn:aws:iam::333333333333:policy/quest-platform-deployer-boundary")),
                Output.of(Map.of("management", "read, not managed", "instanceArn", "arn:aws:sso:::instance/ssoins-0123456789abcdef",
                        "identityStoreId", "d-0123456789", "region", "eu-west-1")),
                Output.of(Map.of("eu-west-1", "arn:aws:logs:eu-west-1:111111111111:destination:quest-platform-logs")),
                Output.of(Map.of("eu-west-1", "arn:aws:logs:eu-west-1:111111111111:destination:quest-platform-logs-search")));
    }

    @Test
    void every_exported_output_is_read_back_unchanged_through_a_stack_reference() {
        Map<String, Object> exported = run("shared", Map.of(), ctx -> sample().export(ctx));
        StackPlan sharedPlan = new StackPlan("shared", List.of(), List.of(), exported, exported, List.of(), List.of(), null);

        Map<String, Object> readBack = run("dev", Map.of(SHARED, sharedPlan),
                ctx -> SharedOutputs.from(new StackReference(SHARED)).export(ctx));

        assertThat(exported).hasSize(SharedOutputs.class.getRecordComponents().length);
        assertThat(readBack).isEqualTo(exported);
        assertThat(exported).containsEntry("registryUrl", "111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web")
                .containsEntry("logArchiveBucket", "log-archive-bucket-1a2b3c4")
                .containsEntry("sharedAccountId", "111111111111");
    }

    @Test
    void the_planned_shared_stack_exports_every_output_the_contract_reads() {
        StackPlan shared = io.quest.platform.testing.PlanFixture.repository().stack("shared");
        Map<String, Object> exported = run("shared", Map.of(), ctx -> sample().export(ctx));

        assertThat(shared.outputs()).containsOnlyKeys(exported.keySet());
        assertThat(shared.outputs().get("registryArn")).isEqualTo("arn:aws:ecr:eu-west-1:111111111111:repository/quest/web");
    }

    private static Map<String, Object> run(String stack, Map<String, StackPlan> planned, Consumer<Context> program) {
        TestResult result = PulumiTestInternal.builder()
                .options(TestOptions.builder().organizationName("acme").projectName("quest-platform").stackName(stack).preview(false).build())
                .mocks(new MockCloud(stack, "111111111111", "eu-west-1", planned))
                .deploymentFactory(DrainingRunner::deployment)
                .build()
                .runTest(program::accept);
        assertThat(result.exceptions()).isEmpty();
        Map<String, Object> values = new LinkedHashMap<>();
        result.outputs().forEach((name, output) -> values.put(name, PulumiTestInternal.extractOutputData(output).getValueNullable()));
        return values;
    }
}
