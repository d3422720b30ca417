package io.quest.platform.config;

import io.quest.platform.service.AcmeEndpoint;
import io.quest.platform.service.TlsMode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code quest-platform:tls} with {@code mode: letsencrypt}: its defaults, and each rejection with its message. */
class LetsEncryptConfigTest {

    private static final StackIdentity DEV = new StackIdentity("acme", "quest-platform", "dev");
    private static final String IMAGE = "certbot/dns-route53:v5.1.0@sha256:" + "a".repeat(64);
    private static final String SERVICE = "{\"image\": {\"tag\": \"1.0.0\"}}";
    private static final String NETWORK = "{\"cidr\": \"10.10.0.0/16\"}";

    private static String tls(String more) {
        return "{\"mode\": \"letsencrypt\", \"domainName\": \"quest-dev.acme-corp.io\", \"hostedZoneId\": \"Z0123456789ABC\","
                + " \"acmeEmail\": \"platform@acme-corp.io\", \"renewalImage\": \"" + IMAGE + "\"" + more + "}";
    }

    private static Map<String, String> config(String network, String tls) {
        Map<String, String> config = new HashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("quest-platform:account", "222222222222");
        config.put("quest-platform:network", network);
        config.put("quest-platform:service", SERVICE);
        config.put("quest-platform:tls", tls);
        return config;
    }

    private static TlsConfig load(String tls) {
        return PlatformConfig.load(ConfigSource.of(config(NETWORK, tls)), DEV).service().orElseThrow().tls();
    }

    private static List<String> problems(String network, String tls) {
        ConfigException e = catchThrowableOfType(() -> PlatformConfig.load(ConfigSource.of(config(network, tls)), DEV), ConfigException.class);
        assertThat(e).as("expected a configuration problem").isNotNull();
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void defaults_to_the_production_directory_and_alarms_only_once_renewal_has_failed() {
        TlsConfig tls = load(tls(""));

        assertThat(tls.mode()).isEqualTo(TlsMode.LETSENCRYPT);
        assertThat(tls.letsEncrypt()).hasValueSatisfying(le -> {
            assertThat(le.endpoint()).isEqualTo(AcmeEndpoint.PRODUCTION);
            assertThat(le.contactEmail()).isEqualTo("platform@acme-corp.io");
            assertThat(le.image()).isEqualTo(IMAGE);
        });
        assertThat(tls.expiryAlarmDays()).as("below the 30 days at which the job renews").isEqualTo(20);
        assertThat(load(tls(", \"acmeEndpoint\": \"staging\"")).letsEncrypt().orElseThrow().endpoint()).isEqualTo(AcmeEndpoint.STAGING);
        assertThat(load(tls(", \"alternativeNames\": [\"*.quest-dev.acme-corp.io\"]")).names())
                .containsExactly("quest-dev.acme-corp.io", "*.quest-dev.acme-corp.io");
    }

    @Test
    void the_contact_must_be_an_address_let_s_encrypt_accepts() {
        assertThat(problems(NETWORK, tls("").replace("platform@acme-corp.io", "platform team"))).containsExactly(
                "quest-platform:tls.acmeEmail: \"platform team\" is not an e-mail address; expected one address like platform-team@yourcompany.com");
        assertThat(problems(NETWORK, tls("").replace("platform@acme-corp.io", "oncall@example.com"))).containsExactly(
                "quest-platform:tls.acmeEmail: \"oncall@example.com\" is at a domain reserved for examples and tests, which Let's Encrypt"
                        + " refuses as a contact; expected an address someone reads");
        assertThat(problems(NETWORK, tls("").replace(", \"acmeEmail\": \"platform@acme-corp.io\"", ""))).containsExactly(
                "quest-platform:tls.acmeEmail: is required: the contact address of the Let's Encrypt account, e.g. platform-team@yourcompany.com");
    }

    @Test
    void the_hosted_zone_id_is_route_53_s_format_and_the_names_are_dns_names() {
        assertThat(problems(NETWORK, tls("").replace("Z0123456789ABC", "z0123456789abc"))).containsExactly(
                "quest-platform:tls.hostedZoneId: \"z0123456789abc\" is not a Route 53 hosted zone ID; expected Z followed by capital letters and digits");
        assertThat(problems(NETWORK, tls("").replace("quest-dev.acme-corp.io", "Quest Dev"))).containsExactly(
                "quest-platform:tls.domainName: \"Quest Dev\" is not a DNS name a public certificate can be for; expected lowercase labels like quest.example.com");
    }

    @Test
    void the_renewal_image_is_pinned_by_digest_and_the_endpoint_is_one_let_s_encrypt_runs() {
        assertThat(problems(NETWORK, tls("").replace(IMAGE, "certbot/dns-route53:latest"))).containsExactly(
                "quest-platform:tls.renewalImage: \"certbot/dns-route53:latest\" is not an image pinned by digest; expected"
                        + " registry/repository[:tag]@sha256:<64 hex>, e.g. certbot/dns-route53:<version>@sha256:<digest>, so that every"
                        + " renewal runs the code that was reviewed");
        assertThat(problems(NETWORK, tls(", \"acmeEndpoint\": \"https://acme.example.net/directory\"")))
                .singleElement().asString().startsWith("quest-platform:tls.acmeEndpoint: \"https://acme.example.net/directory\"")
                .contains("production").contains("staging");
    }

    @Test
    void an_expiry_alarm_at_or_past_the_renewal_point_is_refused() {
        assertThat(problems(NETWORK, tls(", \"expiryAlarmDays\": 30"))).containsExactly(
                "quest-platform:tls.expiryAlarmDays: 30 is not below the 30 days before expiry at which the renewal job renews, so it"
                        + " would go off at every renewal; expected 1 to 29");
        assertThat(load(tls(", \"expiryAlarmDays\": 7")).expiryAlarmDays()).isEqualTo(7);
    }

    @Test
    void a_network_without_a_route_to_the_internet_cannot_reach_let_s_encrypt() {
        String noNat = "{\"cidr\": \"10.10.0.0/16\", \"natGateways\": \"none\", \"interfaceEndpoints\": [\"ecr.api\", \"ecr.dkr\", \"logs\"]}";

        assertThat(problems(noNat, tls(""))).containsExactly(
                "quest-platform:tls.mode: \"letsencrypt\" runs its renewal job in the private subnets, which must reach Let's Encrypt's"
                        + " ACME API and the job's image registry on the internet, but quest-platform:network.natGateways is \"none\""
                        + " (no route out); choose instance, single or per-az NAT, or another tls.mode");
        String acm = "{\"domainName\": \"quest-dev.acme-corp.io\", \"hostedZoneId\": \"Z0123456789ABC\"}";
        assertThat(PlatformConfig.load(ConfigSource.of(config(noNat, acm)), DEV).service()).as("ACM needs no egress").isPresent();
    }
}
