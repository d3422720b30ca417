package io.quest.platform.governance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/baseline.md lists what the code deploys, so the table of controls cannot drift from the catalogue. */
class BaselineDocsTest {

    @Test
    void every_managed_rule_and_metric_filter_is_in_the_table_of_controls() throws IOException {
        String doc = Files.readString(Path.of("docs/baseline.md"));
        assertThat(ConfigRuleCatalogue.all()).hasSize(24).allSatisfy(rule ->
                assertThat(doc).contains("| `" + rule.identifier() + "` | [" + rule.name() + "]"));
        assertThat(CisMetricFilter.values()).hasSize(15).allSatisfy(filter ->
                assertThat(doc).contains("| `AuditTrail` | " + filter.securityHubControl().orElse("-") + " | "
                        + filter.cisRecommendation() + " (v3.0.0) |"));
        assertThat(doc).contains("| Metric filter and alarm: any use of the break-glass role");
    }
}
