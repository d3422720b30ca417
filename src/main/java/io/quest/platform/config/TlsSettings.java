package io.quest.platform.config;

import io.quest.platform.service.AcmeEndpoint;
import io.quest.platform.service.CertificateRenewal;
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
    /** Days before a Let's Encrypt certificate expires that its alarm goes off, unless configured: renewal starts at 30. */
    static final int DEFAULT_LETSENCRYPT_EXPIRY_ALARM_DAYS = 20;
    /** An e-mail address as ACME contacts take it: one @, a dotted domain, no spaces or commas. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** Domains reserved for documentation and testing (RFC 2606, RFC 6761), which Let's Encrypt refuses as contacts. */
    static final Pattern RESERVED_DOMAIN = Pattern.compile("(.*\\.)?(example\\.(com|net|org)|example|invalid|test|localhost|local)");
    /** A container image pinned by digest. */
    static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9.-]+(?::\\d+)?/[a-z0-9._/-]+(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?@sha256:[0-9a-f]{64}");

    private TlsSettings() {
    }

    static TlsConfig read(Settings ns, boolean production) {
        Settings s = ns.object("tls");
        TlsMode mode = s.choice("mode", TlsMode.class, TlsMode.ACM);
        TlsConfig config = switch (mode) {
            case ACM -> acm(s);
            case LETSENCRYPT -> letsEncrypt(s);
            case IMPORTED -> imported(s);
            case NONE -> {
                if (production) {
                    s.problem("mode", "\"none\" serves the service over plain HTTP, which production does not allow; choose acm or imported");
                }
                yield new TlsConfig(mode, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), TlsPolicy.TLS13_1_2, DEFAULT_EXPIRY_ALARM_DAYS, Optional.empty());
            }
        };
        s.rejectUnknown();
        return config;
    }

    private static TlsConfig acm(Settings s) {
        Names names = names(s, "the name ACM issues the certificate for, e.g. quest.example.com");
        return new TlsConfig(TlsMode.ACM, Optional.of(names.domain()), names.alternatives(), Optional.of(names.zone()), Optional.empty(),
                Optional.empty(), Optional.empty(), policy(s), DEFAULT_EXPIRY_ALARM_DAYS, Optional.empty());
    }

    /** The names and zone of a certificate validated through Route 53 (acm and letsencrypt). */
    private record Names(String domain, List<String> alternatives, String zone) {
    }

    private static Names names(Settings s, String domainExpectation) {
        String domain = s.requiredString("domainName", domainExpectation);
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
        return new Names(domain, alternatives, zone);
    }

    /**
     * A Let's Encrypt certificate: the names and zone as for ACM, the ACME account's contact, the directory, the renewal
     * job's image pinned by digest, and an expiry alarm that only goes off once renewal (which starts at
     * {@link CertificateRenewal#RENEW_DAYS} days) has failed.
     */
    private static TlsConfig letsEncrypt(Settings s) {
        Names names = names(s, "the name Let's Encrypt issues the certificate for, e.g. quest.example.com");
        String email = s.requiredString("acmeEmail", "the contact address of the Let's Encrypt account, e.g. platform-team@yourcompany.com");
        if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            s.reject("acmeEmail", email, "is not an e-mail address; expected one address like platform-team@yourcompany.com");
        } else if (!email.isEmpty() && RESERVED_DOMAIN.matcher(email.substring(email.indexOf('@') + 1)).matches()) {
            s.reject("acmeEmail", email, "is at a domain reserved for examples and tests, which Let's Encrypt refuses as a contact;"
                    + " expected an address someone reads");
        }
        AcmeEndpoint endpoint = s.choice("acmeEndpoint", AcmeEndpoint.class, AcmeEndpoint.PRODUCTION);
        String image = s.requiredString("renewalImage", "the certbot/dns-route53 image pinned by digest, e.g."
                + " certbot/dns-route53:<version>@sha256:<64 hex> (docker buildx imagetools inspect certbot/dns-route53:<version> prints the digest)");
        if (!image.isEmpty() && !PINNED_IMAGE.matcher(image).matches()) {
            s.reject("renewalImage", image, "is not an image pinned by digest; expected registry/repository[:tag]@sha256:<64 hex>,"
                    + " e.g. certbot/dns-route53:<version>@sha256:<digest>, so that every renewal runs the code that was reviewed");
        }
        int expiryAlarmDays = s.integer("expiryAlarmDays", DEFAULT_LETSENCRYPT_EXPIRY_ALARM_DAYS, 1, 365);
        if (expiryAlarmDays >= CertificateRenewal.RENEW_DAYS && s.has("expiryAlarmDays")) {
            s.reject("expiryAlarmDays", expiryAlarmDays, "is not below the " + CertificateRenewal.RENEW_DAYS + " days before expiry at which the"
                    + " renewal job renews, so it would go off at every renewal; expected 1 to " + (CertificateRenewal.RENEW_DAYS - 1));
        }
        return new TlsConfig(TlsMode.LETSENCRYPT, Optional.of(names.domain()), names.alternatives(), Optional.of(names.zone()), Optional.empty(),
                Optional.empty(), Optional.empty(), policy(s), expiryAlarmDays, Optional.of(new TlsConfig.LetsEncrypt(email, endpoint, image)));
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
        return new TlsConfig(TlsMode.IMPORTED, Optional.empty(), List.of(), Optional.empty(), body, chain, key, policy(s), expiryAlarmDays,
                Optional.empty());
    }

    /**
     * The renewal job runs in the private subnets and must reach Let's Encrypt's ACME API and its image's registry on
     * the internet: with {@code natGateways: none} they have no route there (interface endpoints reach AWS APIs only),
     * so that combination is refused rather than left to fail at the first renewal. A network read from another stack
     * is that stack's to check.
     */
    static void requireEgress(Settings ns, Optional<ServiceConfig> service, NetworkConfig network) {
        boolean letsEncrypt = service.map(c -> c.tls().mode() == TlsMode.LETSENCRYPT).orElse(false);
        if (letsEncrypt && network != null && network.fromStack().isEmpty() && network.natGateways() == io.quest.platform.network.NatGateways.NONE) {
            ns.problem("tls.mode", "\"letsencrypt\" runs its renewal job in the private subnets, which must reach Let's Encrypt's ACME API and"
                    + " the job's image registry on the internet, but " + ns.key("network.natGateways") + " is \"none\" (no route out);"
                    + " choose instance, single or per-az NAT, or another tls.mode");
        }
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
