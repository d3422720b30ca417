package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link CertificateRenewal} renews and where it runs.
 *
 * @param placement        the account, region, cluster and private subnets the job's task runs in
 * @param acme             the certificate's names and zone, the ACME account's contact and directory, the job's image
 * @param certificateArn   the ACM certificate the listener serves, which the job re-imports
 * @param logRetentionDays how long the job's logs are kept (a retention CloudWatch Logs accepts)
 * @param protect          whether the secret holding the key and the keys of the secret and logs are protected from deletion
 * @param tags             the platform tag layer
 */
public record CertificateRenewalArgs(
        Placement placement,
        Acme acme,
        Output<String> certificateArn,
        int logRetentionDays,
        boolean protect,
        Tags tags) {

    /** A container image pinned by digest, so that the job runs the same code every time. */
    static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9.-]+(?::\\d+)?/[a-z0-9._/-]+(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?@sha256:[0-9a-f]{64}");
    /** An ECR repository in an image reference: account, region, repository. */
    static final Pattern ECR_IMAGE = Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([a-z0-9._/-]+?)(?::[^@]+)?@sha256:[0-9a-f]{64}");

    public CertificateRenewalArgs {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(certificateArn, "certificateArn");
        Objects.requireNonNull(tags, "tags");
    }

    /**
     * Where the job runs: on the environment's cluster, in its private subnets (which reach Let's Encrypt, the image's
     * registry and the AWS APIs through the network's NAT).
     */
    public record Placement(String accountId, String region, Output<String> clusterArn, Output<String> vpcId, Output<List<String>> subnetIds) {
        public Placement {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(clusterArn, "clusterArn");
            Objects.requireNonNull(vpcId, "vpcId");
            Objects.requireNonNull(subnetIds, "subnetIds");
        }
    }

    /**
     * The certificate and how it is obtained.
     *
     * @param domainNames  the names on the certificate, the first its subject
     * @param hostedZoneId the public Route 53 zone holding every name's {@code _acme-challenge} record
     * @param contactEmail the ACME account's contact
     * @param endpoint     Let's Encrypt's production or staging directory
     * @param image        the certbot/dns-route53 image, pinned by digest
     */
    public record Acme(List<String> domainNames, String hostedZoneId, String contactEmail, AcmeEndpoint endpoint, String image) {
        public Acme {
            domainNames = List.copyOf(domainNames);
            Objects.requireNonNull(hostedZoneId, "hostedZoneId");
            Objects.requireNonNull(contactEmail, "contactEmail");
            Objects.requireNonNull(endpoint, "endpoint");
            if (domainNames.isEmpty()) {
                throw new IllegalArgumentException("a certificate needs at least one name");
            }
            if (image == null || !PINNED_IMAGE.matcher(image).matches()) {
                throw new IllegalArgumentException("the renewal image is pinned by digest (registry/repository[:tag]@sha256:<64 hex>), not " + image);
            }
        }

        /** The image's ECR repository ARN, when the image is in ECR (the execution role then may pull it). */
        public Optional<String> ecrRepositoryArn() {
            var m = ECR_IMAGE.matcher(image);
            return m.matches() ? Optional.of(Partition.of(m.group(2)).arn("ecr", m.group(2), m.group(1), "repository/" + m.group(3))) : Optional.empty();
        }
    }
}
