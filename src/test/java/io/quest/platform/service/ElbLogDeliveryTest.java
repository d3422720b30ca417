package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import io.quest.platform.iam.Principal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may write access logs, and which names an ACM certificate validates separately. */
class ElbLogDeliveryTest {

    @Test
    void older_regions_deliver_from_their_elb_account_and_newer_ones_through_the_service_principal() {
        assertThat(ElbLogDelivery.principal("eu-west-1")).isEqualTo(Principal.account(Partition.AWS, "156460612806"));
        assertThat(ElbLogDelivery.principal("us-east-1")).isEqualTo(Principal.account(Partition.AWS, "127311923021"));
        // Opened after August 2022: no ELB account, only the log delivery service principal.
        assertThat(ElbLogDelivery.principal("eu-central-2")).isEqualTo(Principal.service("logdelivery.elasticloadbalancing.amazonaws.com"));
        assertThat(ElbLogDelivery.principal("ap-southeast-4")).isEqualTo(Principal.service("logdelivery.elasticloadbalancing.amazonaws.com"));
    }

    @Test
    void a_wildcard_shares_its_validation_record_with_the_bare_name() {
        assertThat(Certificate.validationNames("example.com", List.of("*.example.com", "www.example.org")))
                .containsExactly("example.com", "www.example.org");
        assertThat(Certificate.validationNames("*.example.com", List.of("example.com"))).containsExactly("*.example.com");
        assertThat(Certificate.key("*.quest.example.com")).isEqualTo("wildcard-quest-example-com");
    }
}
