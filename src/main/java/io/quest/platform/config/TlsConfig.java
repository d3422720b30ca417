package io.quest.platform.config;

import io.quest.platform.service.TlsMode;
import io.quest.platform.service.TlsPolicy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code quest-platform:tls}: how the load balancer terminates TLS.
 *
 * @param mode             acm, imported or none. Defaults to acm
 * @param domainName       (acm) the name the certificate is for, and the service's address
 * @param alternativeNames (acm) more names on the same certificate
 * @param hostedZoneId     (acm) the Route 53 zone that holds the validation records and the service's alias
 * @param certificateBody  (imported) PEM certificate, from secret config
 * @param certificateChain (imported) PEM intermediate chain, from secret config; empty when the body carries it
 * @param privateKey       (imported) PEM private key, from secret config
 * @param policy           the HTTPS listener's security policy. Defaults to ELBSecurityPolicy-TLS13-1-2-2021-06
 * @param expiryAlarmDays {@code quest-platform:tls.expiryAlarmDays}: an imported certificate alarms when it expires within
 *                        this many days (ACM's {@code DaysToExpiry}). Defaults to 30
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
        int expiryAlarmDays) {

    public TlsConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(policy, "policy");
        alternativeNames = List.copyOf(alternativeNames);
    }

    /** Never prints the imported certificate or key. */
    @Override
    public String toString() {
        return "TlsConfig[mode=" + mode.configValue() + ", domainName=" + domainName.orElse("") + ", alternativeNames="
                + alternativeNames + ", hostedZoneId=" + hostedZoneId.orElse("") + ", certificate="
                + (certificateBody.isPresent() ? "[secret]" : "none") + ", policy=" + policy.configValue() + "]";
    }
}
