package io.quest.platform.config;

import io.quest.platform.service.AcmeEndpoint;
import io.quest.platform.service.TlsMode;
import io.quest.platform.service.TlsPolicy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code quest-platform:tls}: how the load balancer terminates TLS.
 *
 * @param mode             acm, letsencrypt, imported or none. Defaults to acm
 * @param domainName       (acm, letsencrypt) the name the certificate is for, and the service's address
 * @param alternativeNames (acm, letsencrypt) more names on the same certificate
 * @param hostedZoneId     (acm, letsencrypt) the Route 53 zone that holds the validation records and the service's alias
 * @param certificateBody  (imported) PEM certificate, from secret config
 * @param certificateChain (imported) PEM intermediate chain, from secret config; empty when the body carries it
 * @param privateKey       (imported) PEM private key, from secret config
 * @param policy           the HTTPS listener's security policy. Defaults to ELBSecurityPolicy-TLS13-1-2-2021-06
 * @param expiryAlarmDays {@code quest-platform:tls.expiryAlarmDays}: an imported or Let's Encrypt certificate alarms when it
 *                        expires within this many days (ACM's {@code DaysToExpiry}). Defaults to 30 (imported) and 20
 *                        (letsencrypt, whose job renews at 30)
 * @param letsEncrypt     (letsencrypt) the ACME account and the renewal job's image
 */
public record TlsConfig(
        TlsMode mode,
        Optional<String> domainName,
        List<String> alternativeNames,
        Optional<String> hostedZoneId,
        Optional<String> certificateBody,
        Optional<String> certificateChain,
        Optional<String> privateKey,
        TlsPolicy policy,
        int expiryAlarmDays,
        Optional<LetsEncrypt> letsEncrypt) {

    public TlsConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(letsEncrypt, "letsEncrypt");
        alternativeNames = List.copyOf(alternativeNames);
    }

    /**
     * How a Let's Encrypt certificate is obtained.
     *
     * @param contactEmail {@code tls.acmeEmail}: the ACME account's contact
     * @param endpoint     {@code tls.acmeEndpoint}: production (the default) or staging
     * @param image        {@code tls.renewalImage}: the certbot/dns-route53 image, pinned by digest
     */
    public record LetsEncrypt(String contactEmail, AcmeEndpoint endpoint, String image) {
        public LetsEncrypt {
            Objects.requireNonNull(contactEmail, "contactEmail");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(image, "image");
        }
    }

    /** Every name on the certificate, the domain name first. */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>();
        domainName.ifPresent(names::add);
        names.addAll(alternativeNames);
        return List.copyOf(names);
    }

    /** Never prints the imported certificate or key. */
    @Override
    public String toString() {
        return "TlsConfig[mode=" + mode.configValue() + ", domainName=" + domainName.orElse("") + ", alternativeNames="
                + alternativeNames + ", hostedZoneId=" + hostedZoneId.orElse("") + ", certificate="
                + (certificateBody.isPresent() ? "[secret]" : "none") + ", policy=" + policy.configValue() + "]";
    }
}
