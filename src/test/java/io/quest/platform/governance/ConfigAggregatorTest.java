package io.quest.platform.governance;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.testing.PlanFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared account's aggregator covers every account in every region the platform may deploy to. */
class ConfigAggregatorTest {

    @Test
    void the_aggregator_covers_every_allowed_region_not_only_the_shared_stack_s() {
        String shared = PlanFixture.SHARED + "  quest-platform:allowedRegions: [eu-west-1, eu-central-1, us-east-1]\n";
        List<PlannedResource> aggregators = PlanFixture.plan(Map.of("shared", shared), "shared").stack("shared")
                .ofType("aws:cfg/configurationAggregator:ConfigurationAggregator");
        assertThat(aggregators).singleElement().satisfies(a -> {
            assertThat(Set.copyOf((List<?>) a.input("accountAggregationSource", "regions"))).isEqualTo(Set.of("eu-west-1", "eu-central-1", "us-east-1"));
            assertThat(a.input("accountAggregationSource", "accountIds"))
                    .isEqualTo(List.of("111111111111", "222222222222", "333333333333", "444444444444"));
            assertThat(a.input("accountAggregationSource", "allRegions")).isNull();
        });
    }
}
