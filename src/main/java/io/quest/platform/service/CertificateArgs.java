package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Certificate} is made of. The mode decides the graph; the imported PEM values are
 * {@link Output}s so that they stay secret in state and in every plan. Made by mode, with {@link #acm},
 * {@link #imported} or {@link #none}, so that each value is given by name.
 *
 * @param mode             acm, letsencrypt, imported or none
 * @param domainName       (acm, letsencrypt) the certificate's name
 * @param alternativeNames (acm, letsencrypt) more names on it
 * @param hostedZoneId     (acm, letsencrypt) the Route 53 zone for the DNS validation records
 * @param certificateBody  (imported) PEM certificate, secret
 * @param certificateChain (imported) PEM chain, secret; empty when the body carries it
 * @param privateKey       (imported) PEM private key, secret
 * @param tags             the platform-wide tag layer
 */
public record CertificateArgs(
        TlsMode mode,
        Optional<String> domainName,
        List<String> alternativeNames,
        Optional<String> hostedZoneId,
        Optional<Output<String>> certificateBody,
        Optional<Output<String>> certificateChain,
        Optional<Output<String>> privateKey,
        Tags tags) {

    public CertificateArgs {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tags, "tags");
        alternativeNames = List.copyOf(alternativeNames);
        if ((mode == TlsMode.ACM || mode == TlsMode.LETSENCRYPT) && (domainName.isEmpty() || hostedZoneId.isEmpty())) {
            throw new IllegalArgumentException("an " + mode.configValue() + " certificate needs a domain name and a hosted zone");
        }
        if (mode == TlsMode.IMPORTED && (certificateBody.isEmpty() || privateKey.isEmpty())) {
            throw new IllegalArgumentException("an imported certificate needs its body and private key");
        }
    }

    /** An ACM certificate for {@code domainName} (and {@code alternativeNames}), validated through records in {@code hostedZoneId}. */
    public static CertificateArgs acm(String domainName, List<String> alternativeNames, String hostedZoneId, Tags tags) {
        return new CertificateArgs(TlsMode.ACM, Optional.of(domainName), alternativeNames, Optional.of(hostedZoneId),
                Optional.empty(), Optional.empty(), Optional.empty(), tags);
    }

    /**
     * A Let's Encrypt certificate for {@code domainName} (and {@code alternativeNames}), validated through TXT records in
     * {@code hostedZoneId} by the renewal job; its ACM entry starts from a {@link PlaceholderCertificate}.
     */
    public static CertificateArgs letsEncrypt(String domainName, List<String> alternativeNames, String hostedZoneId, Tags tags) {
        return new CertificateArgs(TlsMode.LETSENCRYPT, Optional.of(domainName), alternativeNames, Optional.of(hostedZoneId),
                Optional.empty(), Optional.empty(), Optional.empty(), tags);
    }

    /** A certificate bought elsewhere, imported into ACM; every PEM value stays secret. {@code chain} is empty when the body carries it. */
    public static CertificateArgs imported(Output<String> body, Optional<Output<String>> chain, Output<String> privateKey, Tags tags) {
        return new CertificateArgs(TlsMode.IMPORTED, Optional.empty(), List.of(), Optional.empty(),
                Optional.of(body.asSecret()), chain.map(Output::asSecret), Optional.of(privateKey.asSecret()), tags);
    }

    /** No certificate: the load balancer serves plain HTTP. */
    public static CertificateArgs none(Tags tags) {
        return new CertificateArgs(TlsMode.NONE, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), tags);
    }
}
