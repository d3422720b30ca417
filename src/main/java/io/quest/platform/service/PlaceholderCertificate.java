package io.quest.platform.service;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The self-signed certificate a Let's Encrypt certificate's ACM entry is first imported from, so that ACM gives it
 * the ARN the HTTPS listener and the renewal job's role name before the job has issued anything. It is not a secret:
 * it is derived from its name alone, the same on every run (the program stays a function of its configuration and
 * previews do not churn), for a {@code .invalid} name (RFC 2606) no client trusts or asks for, and Pulumi imports it
 * once (the certificate ignores later changes to its body and key), after which the renewal job re-imports real
 * certificates under the same ARN.
 *
 * <p>It is shaped by ACM's re-import rules (https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html and
 * import-certificate-prerequisites.html, read 2026-12-02): an X.509 v3 certificate valid at import; a re-imported
 * certificate keeps the key type and size, so the key is ECDSA P-256 like the one the job asks Let's Encrypt to
 * certify; Key Usage and Extended Key Usage cannot be added by a re-import nor lose values, so the placeholder carries
 * exactly what Let's Encrypt's ECDSA certificates carry and no more (digitalSignature; serverAuth).
 *
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem  its PKCS#8 private key, PEM
 */
public record PlaceholderCertificate(String certificatePem, String privateKeyPem) {

    /** The name on every placeholder: reserved by RFC 2606, so no one can hold a certificate for it. */
    public static final String NAME = "letsencrypt-pending.invalid";
    /** Fixed validity, so the placeholder is the same on every run: valid for any import from 2026 to 2036. */
    static final String NOT_BEFORE = "260101000000Z";
    static final String NOT_AFTER = "360101000000Z";

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** The placeholder for a certificate known by {@code seed} (its logical name): the same seed gives the same certificate. */
    public static PlaceholderCertificate of(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("quest-platform placeholder certificate " + seed).getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();

            byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
            byte[] name = seq(set(seq(oid(COMMON_NAME), tlv(0x0c, NAME.getBytes(StandardCharsets.UTF_8)))));
            byte[] serial = new byte[16];
            random.nextBytes(serial);
            serial[0] &= 0x7f;
            byte[] extensions = seq(
                    extension(BASIC_CONSTRAINTS, true, seq()),
                    extension(KEY_USAGE, true, tlv(0x03, new byte[] {0x07, (byte) 0x80})),
                    extension(EXTENDED_KEY_USAGE, false, seq(oid(SERVER_AUTH))),
                    extension(SUBJECT_ALT_NAME, false, seq(tlv(0x82, NAME.getBytes(StandardCharsets.US_ASCII)))));
            byte[] tbs = seq(
                    tlv(0xa0, integer(BigInteger.TWO)),
                    integer(new BigInteger(1, serial)),
                    algorithm,
                    name,
                    seq(tlv(0x17, NOT_BEFORE.getBytes(StandardCharsets.US_ASCII)), tlv(0x17, NOT_AFTER.getBytes(StandardCharsets.US_ASCII))),
                    name,
                    keys.getPublic().getEncoded(),
                    tlv(0xa3, extensions));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate(), random);
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] certificate = seq(tbs, algorithm, bitString(signature));
            return new PlaceholderCertificate(pem("CERTIFICATE", certificate), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an ECDSA P-256 certificate", e);
        }
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical ? seq(oid(id), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    /** An object identifier in DER: the first two arcs in one byte, then base-128 arcs. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    /** A DER tag-length-value, with the length in short or long form. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Never prints the key, though it protects nothing. */
    @Override
    public String toString() {
        return "PlaceholderCertificate[" + NAME + "]";
    }
}
