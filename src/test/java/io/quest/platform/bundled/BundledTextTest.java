package io.quest.platform.bundled;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledTextTest {

    @Test
    void a_bundled_script_is_read_whole_as_utf8() {
        String indexer = BundledText.read("/logsearch/indexer.py");

        assertThat(indexer).startsWith("\"\"\"").contains("def handler(");
    }

    @Test
    void a_resource_the_jar_lacks_is_a_broken_build_named_as_such() {
        assertThatThrownBy(() -> BundledText.read("/canary/no-such-script.js"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the jar has no /canary/no-such-script.js");
    }
}
