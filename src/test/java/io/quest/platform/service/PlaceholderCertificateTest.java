package io.quest.platform.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The placeholder a Let's Encrypt certificate's ACM entry starts from, against ACM's import and re-import rules
 * (https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html, read 2026-12-02).
 */
class PlaceholderCertificateTest {

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static ECPrivateKey key(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    @Test
    void is_a_valid_self_signed_x509_v3_certificate_for_an_invalid_name_with_its_matching_key() throws Exception {
        PlaceholderCertificate placeholder = PlaceholderCertificate.of("dev-web-cert");
        X509Certificate certificate = parse(placeholder.certificatePem());
        ECPrivateKey key = key(placeholder.privateKeyPem());

        assertThat(certificate.getVersion()).isEqualTo(3);
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(java.util.Date.from(Instant.parse("2026-12-02T00:00:00Z")));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=letsencrypt-pending.invalid");
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        assertThat(names).containsExactly(List.of(2, "letsencrypt-pending.invalid"));
        var signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        var verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).as("the key is the certificate's").isTrue();
    }

    @Test
    void has_the_key_type_and_usages_a_let_s_encrypt_ecdsa_certificate_can_be_re_imported_over() throws Exception {
        X509Certificate certificate = parse(PlaceholderCertificate.of("dev-web-cert").certificatePem());

        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .as("P-256, as certbot's --elliptic-curve secp256r1").isEqualTo(256);
        assertThat(certificate.getKeyUsage()).as("digitalSignature only").containsExactly(true, false, false, false, false, false, false, false, false);
        assertThat(certificate.getExtendedKeyUsage()).as("serverAuth only").containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    }

    @Test
    void is_the_same_on_every_run_and_differs_between_certificates() {
        assertThat(PlaceholderCertificate.of("dev-web-cert")).isEqualTo(PlaceholderCertificate.of("dev-web-cert"));
        assertThat(PlaceholderCertificate.of("prod-web-cert").privateKeyPem()).isNotEqualTo(PlaceholderCertificate.of("dev-web-cert").privateKeyPem());
        assertThat(PlaceholderCertificate.of("dev-web-cert").toString()).doesNotContain("PRIVATE");
    }
}
