package io.quest.platform.config;

import io.quest.platform.service.TlsMode;
import io.quest.platform.service.TlsPolicy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code quest-platform:tls}. The imported certificate's values are never quoted in a message. */
final class TlsSettings {

    /** A DNS name a public certificate can be for, optionally a wildcard in its first label. */
    static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** Days before an imported certificate expires that its alarm goes off, unless configured. */
    static final int DEFAULT_EXPIRY_ALARM_DAYS = 30;
    /** A Route 53 hosted zone ID. */
    static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    private TlsSettings() {
    }

    static TlsConfig read(Settings ns, boolean production) {
        Settings s = ns.object("tls");
        TlsMode mode = s.choice("mode", TlsMode.class, TlsMode.ACM);
        TlsConfig config = switch (mode) {
            case ACM -> acm(s);
            case IMPORTED -> imported(s);
            case NONE -> {
                if (production) {
                    s.problem("mode", "\"none\" serves the service over plain HTTP, which production does not allow; choose acm or imported");
                }
                yield new TlsConfig(mode, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), TlsPolicy.TLS13_1_2, DEFAULT_EXPIRY_ALARM_DAYS);
            }
        };
        s.rejectUnknown();
        return config;
    }

    private static TlsConfig acm(Settings s) {
        String domain = s.requiredString("domainName", "the name ACM issues the certificate for, e.g. quest.example.com");
        if (!domain.isEmpty() && !DOMAIN.matcher(domain).matches()) {
            s.reject("domainName", domain, "is not a DNS name a public certificate can be for; expected lowercase labels like quest.example.com");
        } else if (domain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            // ACM RequestCertificate: "The first domain name you enter cannot exceed 64 octets, including periods"
            // (https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html, read 2026-12-02).
            s.reject("domainName", domain, "is " + domain.length() + " characters long; ACM takes at most 64 for a certificate's first name"
                    + " (it becomes the subject's common name): use a shorter name and put this one in alternativeNames");
        }
        List<String> alternatives = s.strings("alternativeNames", List.of());
        alternatives.stream().filter(n -> !DOMAIN.matcher(n).matches())
                .forEach(n -> s.reject("alternativeNames", n, "is not a DNS name a public certificate can be for"));
        if (alternatives.size() > 9) {
            s.reject("alternativeNames", alternatives.size(), "names more than ACM's default of 10 names per certificate (domainName included)");
        }
        String zone = s.requiredString("hostedZoneId", "the Route 53 hosted zone of the domain, e.g. Z0123456789ABCDEFGHIJ");
        if (!zone.isEmpty() && !ZONE_ID.matcher(zone).matches()) {
            s.reject("hostedZoneId", zone, "is not a Route 53 hosted zone ID; expected Z followed by capital letters and digits");
        }
        return new TlsConfig(TlsMode.ACM, Optional.of(domain), alternatives, Optional.of(zone), Optional.empty(), Optional.empty(),
                Optional.empty(), policy(s), DEFAULT_EXPIRY_ALARM_DAYS);
    }

    private static TlsConfig imported(Settings s) {
        Optional<String> body = secret(s, "certificateBody", "the PEM certificate, set with pulumi config set --secret --path quest-platform:tls.certificateBody");
        Optional<String> chain = s.optionalString("certificateChain").filter(v -> !v.isBlank());
        Optional<String> key = secret(s, "privateKey", "the PEM private key, set with pulumi config set --secret --path quest-platform:tls.privateKey");
        if (key.isPresent() && s.inPlainText("privateKey")) {
            s.rejectPlainText("privateKey");
        }
        // ACM publishes DaysToExpiry daily; an imported certificate is never renewed by ACM, so it alarms ahead of time.
        int expiryAlarmDays = s.integer("expiryAlarmDays", DEFAULT_EXPIRY_ALARM_DAYS, 1, 365);
        return new TlsConfig(TlsMode.IMPORTED, Optional.empty(), List.of(), Optional.empty(), body, chain, key, policy(s), expiryAlarmDays);
    }

    /** A required secret value: only its absence is reported, never the value. */
    private static Optional<String> secret(Settings s, String name, String expectation) {
        Optional<String> value = s.optionalString(name).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            s.problem(name, "is required: " + expectation);
        }
        return value;
    }

    private static TlsPolicy policy(Settings s) {
        return s.choice("policy", TlsPolicy.class, TlsPolicy.TLS13_1_2);
    }
}
