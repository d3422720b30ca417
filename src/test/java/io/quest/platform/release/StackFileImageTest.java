package io.quest.platform.release;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pinning an image in a stack file's text: one value replaced, every other byte kept. */
class StackFileImageTest {

    private static final ReleaseImage IMAGE = new ReleaseImage("111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest/web", "sha256:" + "d".repeat(64));

    @Test
    void a_block_a_flow_map_and_a_commented_value_are_each_replaced_in_place() {
        String block = "config:\n  quest-platform:service:\n    image:\n      tag: v1.2.3 # the release\n    cpu: 256\n";
        String flow = "config:\n  quest-platform:service: {image: {promoteFrom: dev}, cpu: 256}\n";

        assertThat(StackFileImage.pin(block, "Pulumi.x.yaml", IMAGE, "n"))
                .isEqualTo("config:\n  quest-platform:service:\n    image: {reference: \"" + IMAGE.reference() + "\"} # n\n    cpu: 256\n");
        assertThat(StackFileImage.pin(flow, "Pulumi.x.yaml", IMAGE, "n"))
                .isEqualTo("config:\n  quest-platform:service: {image: {reference: \"" + IMAGE.reference() + "\"}, cpu: 256}\n");
    }

    @Test
    void a_file_without_a_service_image_is_refused_naming_it() {
        assertThatThrownBy(() -> StackFileImage.pin("config:\n  aws:region: eu-west-1\n", "Pulumi.shared.yaml", IMAGE, "n"))
                .hasMessage("Pulumi.shared.yaml: has no quest-platform:service.image to pin; expected the stack file of a stack that runs a service");
    }

    @Test
    void only_a_reference_pinned_by_digest_counts_as_pinned() {
        assertThat(StackFileImage.pinned("config:\n  quest-platform:service:\n    image: {reference: \"r/quest:v1\"}\n")).isEmpty();
        assertThat(StackFileImage.pinned("config:\n  quest-platform:service:\n    image: {tag: v1}\n")).isEmpty();
    }
}
