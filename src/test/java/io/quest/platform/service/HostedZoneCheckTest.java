package io.quest.platform.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check of a Let's Encrypt certificate's names against the hosted zone AWS describes. */
class HostedZoneCheckTest {

    @Test
    void names_at_the_apex_or_under_it_and_wildcards_by_their_bare_name_pass() {
        assertThat(HostedZoneCheck.requireNamesIn("Z0DEV", "Acme-Corp.io.", false,
                List.of("acme-corp.io", "quest.acme-corp.io", "*.quest.acme-corp.io", "*.acme-corp.io"))).isEqualTo("acme-corp.io");
    }

    @Test
    void a_name_outside_the_zone_is_refused_naming_it_and_the_zone() {
        assertThatThrownBy(() -> HostedZoneCheck.requireNamesIn("Z0DEV", "acme-corp.io.", false, List.of("quest.acme-corp.io", "quest.notacme-corp.io")))
                .hasMessage("quest-platform:tls: \"quest.notacme-corp.io\" is not in the hosted zone Z0DEV (acme-corp.io); expected names under"
                        + " acme-corp.io, or the hostedZoneId of the zone that holds quest.notacme-corp.io");
        assertThatThrownBy(() -> HostedZoneCheck.requireNamesIn("Z0DEV", "dev.acme-corp.io.", false, List.of("acme-corp.io")))
                .as("a parent of the zone is not in it").hasMessageContaining("\"acme-corp.io\" is not in the hosted zone Z0DEV (dev.acme-corp.io)");
    }

    @Test
    void a_private_zone_is_refused_because_let_s_encrypt_reads_public_dns() {
        assertThatThrownBy(() -> HostedZoneCheck.requireNamesIn("Z0PRIV", "acme-corp.io.", true, List.of("quest.acme-corp.io")))
                .hasMessageStartingWith("quest-platform:tls.hostedZoneId: \"Z0PRIV\" is the private hosted zone acme-corp.io");
    }

    @Test
    void an_unnamed_zone_the_offline_plan_answers_is_not_checked() {
        assertThat(HostedZoneCheck.requireNamesIn("Z0DEV", "", false, List.of("anything.example.net"))).isEmpty();
    }
}
