package io.quest.platform.plan;

import io.quest.platform.testing.PlanFixture;
import io.quest.platform.testing.ScalePlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated platform of ten environments loads as one platform; scripts/benchmark-plan.sh times its plan. */
class PlatformScaleTest {

    private static final Map<String, String> TEN = ScalePlatform.stackFiles(10);

    @Test
    void ten_environments_load_as_one_platform_with_shared_first() {
        Platform platform = Platform.load(PlanFixture.project(TEN));

        assertThat(platform.configs()).hasSize(11);
        assertThat(platform.graph().order(List.of())).hasSize(11).first().isEqualTo("shared");
        assertThat(platform.configs().get("env10").accountId()).isEqualTo("200000000010");
    }
}
