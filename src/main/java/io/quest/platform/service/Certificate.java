package io.quest.platform.service;

import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load balancer's certificate, per {@link TlsMode}: issued by ACM and validated through DNS records
 * in Route 53 (the ARN handed out is the validation's, so an HTTPS listener using it waits until the
 * certificate is issued); imported into ACM from secret PEM values; the ACM entry a Let's Encrypt certificate is
 * re-imported into; or none at all.
 */
public final class Certificate extends ComponentResource {

    public static final String TYPE = "quest:service:Certificate";

    private final Optional<Output<String>> arn;

    public Certificate(String name, CertificateArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.arn = switch (args.mode()) {
            case ACM -> Optional.of(acm(name, args, child));
            case IMPORTED -> Optional.of(imported(name, args, child));
            case LETSENCRYPT -> Optional.of(letsEncrypt(name, args));
            case NONE -> Optional.empty();
        };
        registerOutputs(arn.<Map<String, Output<?>>>map(a -> Map.of("arn", a)).orElse(Map.of()));
    }

    private Output<String> acm(String name, CertificateArgs args, CustomResourceOptions child) {
        String domain = args.domainName().orElseThrow();
        var certificate = new com.pulumi.aws.acm.Certificate(name + "-cert", com.pulumi.aws.acm.CertificateArgs.builder()
                .domainName(domain)
                .subjectAlternativeNames(args.alternativeNames())
                .validationMethod("DNS")
                .keyAlgorithm("RSA_2048")
                .tags(args.tags().named(name + "-cert"))
                .build(), child);

        List<Output<String>> fqdns = new ArrayList<>();
        for (String validated : validationNames(domain, args.alternativeNames())) {
            Output<CertificateDomainValidationOption> option = certificate.domainValidationOptions().applyValue(options -> options.stream()
                    .filter(o -> validated.equals(o.domainName().orElse(null)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("ACM gave no validation record for " + validated)));
            var record = new Record(name + "-validation-" + key(validated), RecordArgs.builder()
                    .zoneId(args.hostedZoneId().orElseThrow())
                    .name(option.applyValue(o -> o.resourceRecordName().orElseThrow()))
                    .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(o.resourceRecordType().orElseThrow())))
                    .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                    .ttl(60)
                    // A re-created certificate asks for the same record: take it over rather than fail.
                    .allowOverwrite(true)
                    .build(), child);
            fqdns.add(record.fqdn());
        }
        var validation = new CertificateValidation(name + "-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(Output.all(fqdns))
                .build(), child);
        return validation.certificateArn();
    }

    private Output<String> imported(String name, CertificateArgs args, CustomResourceOptions child) {
        var builder = com.pulumi.aws.acm.CertificateArgs.builder()
                .certificateBody(args.certificateBody().orElseThrow().asSecret())
                .privateKey(args.privateKey().orElseThrow().asSecret())
                .tags(args.tags().named(name + "-cert", Map.of("quest:renewal", "imported: rotate before it expires")));
        args.certificateChain().ifPresent(chain -> builder.certificateChain(chain.asSecret()));
        var certificate = new com.pulumi.aws.acm.Certificate(name + "-cert", builder.build(),
                CustomResourceOptions.builder().parent(this).additionalSecretOutputs("privateKey", "certificateBody", "certificateChain").build());
        return certificate.arn();
    }

    /**
     * The ACM entry a Let's Encrypt certificate lives in. The listener and the renewal job's role need its ARN before
     * anything is issued, and ACM gives an ARN only to a certificate it imports, so the entry is created from a
     * {@link PlaceholderCertificate} (self-signed, for a {@code .invalid} name, derived from the entry's name) and the
     * renewal job re-imports each certificate it obtains under that ARN. Pulumi ignores later changes to the body, chain
     * and key: the job's certificate is the truth, and a {@code pulumi up} never puts the placeholder back.
     */
    private Output<String> letsEncrypt(String name, CertificateArgs args) {
        PlaceholderCertificate placeholder = PlaceholderCertificate.of(name + "-cert");
        var certificate = new com.pulumi.aws.acm.Certificate(name + "-cert", com.pulumi.aws.acm.CertificateArgs.builder()
                .certificateBody(Output.ofSecret(placeholder.certificatePem()))
                .privateKey(Output.ofSecret(placeholder.privateKeyPem()))
                .tags(args.tags().named(name + "-cert", Map.of("quest:renewal",
                        "letsencrypt: re-imported by " + name + "-renewal")))
                .build(), CustomResourceOptions.builder().parent(this)
                .additionalSecretOutputs("privateKey", "certificateBody", "certificateChain")
                .ignoreChanges("certificateBody", "certificateChain", "privateKey")
                .build());
        return certificate.arn();
    }

    /**
     * The names that need a validation record of their own: a wildcard shares its record with the bare
     * name ({@code *.example.com} and {@code example.com} are validated by one CNAME).
     */
    static List<String> validationNames(String domain, List<String> alternatives) {
        Set<String> bases = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.add(domain);
        all.addAll(alternatives);
        for (String n : all) {
            if (bases.add(n.startsWith("*.") ? n.substring(2) : n)) {
                names.add(n);
            }
        }
        return names;
    }

    /** A stable child-name key for a DNS name: {@code *.quest.example.com} → {@code wildcard-quest-example-com}. */
    static String key(String dnsName) {
        return dnsName.replace("*", "wildcard").replace('.', '-');
    }

    /** The certificate's ARN for an HTTPS listener (for ACM, available once issued); empty for {@link TlsMode#NONE}. */
    public Optional<Output<String>> arn() {
        return arn;
    }
}
