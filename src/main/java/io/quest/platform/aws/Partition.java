package io.quest.platform.aws;

import java.util.Set;

/**
 * The AWS partition a stack's region belongs to, and the ARNs in it. ARNs start with the partition
 * ({@code arn:aws:}, {@code arn:aws-cn:}, {@code arn:aws-us-gov:}): an ARN of another partition names nothing, so a
 * policy that hand-writes {@code arn:aws:} grants nothing in China or GovCloud. Every ARN the platform writes comes
 * from here, never from a literal (source: AWS Identity and Access Management User Guide, "IAM identifiers" and
 * "Amazon Resource Names (ARNs)", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html, read 2026-12-02:
 * partitions {@code aws}, {@code aws-cn}, {@code aws-us-gov}; IAM and S3 ARNs leave the region empty, S3 the account too).
 */
public enum Partition {
    /** The commercial regions. */
    AWS("aws", "amazonaws.com"),
    /** The China regions (cn-north-1, cn-northwest-1). */
    CHINA("aws-cn", "amazonaws.com.cn"),
    /** AWS GovCloud (US) (us-gov-east-1, us-gov-west-1). */
    GOV_CLOUD("aws-us-gov", "amazonaws.com");

    /**
     * The services whose principal in the China partition ends in the partition's DNS suffix ({@code logs.amazonaws.com.cn});
     * every other service's principal is {@code <service>.amazonaws.com} in every partition. Source: the Terraform AWS
     * provider's {@code aws_service_principal} data source, hashicorp/terraform-provider-aws
     * internal/service/meta/service_principal_data_source.go at commit 2121ce77b821f5cf1aa353b5216d487505a9d78d
     * ({@code servicePrincipalNameForPartition}: in aws-cn only codedeploy, elasticmapreduce and logs take the
     * partition's suffix; in aws-us-gov none), which takes its exceptions from AWS CDK's region-info
     * (aws/aws-cdk packages/aws-cdk-lib/region-info/lib/default.ts at 2fb06e46e7aa079eb735ff4c1b16b940e7623121:
     * "Service principals are now globally {@code <SERVICE>.amazonaws.com}" but for those); read 2026-12-02. pulumi-aws
     * 6.83.0 serves the same data source as the invoke {@code AwsFunctions.getServicePrincipal}; computing it here keeps
     * policies plain values that the offline planner and the tests read without a provider.
     */
    private static final Set<String> CHINA_PARTITIONAL_PRINCIPALS = Set.of("codedeploy", "elasticmapreduce", "logs");

    private final String id;
    private final String dnsSuffix;

    Partition(String id, String dnsSuffix) {
        this.id = id;
        this.dnsSuffix = dnsSuffix;
    }

    /** The partition of a region, by its name's prefix (the only partitions that hold regions a stack may choose). */
    public static Partition of(String region) {
        if (region.startsWith("cn-")) {
            return CHINA;
        }
        return region.startsWith("us-gov-") ? GOV_CLOUD : AWS;
    }

    /** The partition an ARN names ({@code arn:<partition>:...}). */
    public static Partition ofArn(String arn) {
        for (Partition partition : values()) {
            if (arn.startsWith("arn:" + partition.id + ":")) {
                return partition;
            }
        }
        throw new IllegalArgumentException("ARN: expected arn:aws:, arn:aws-cn: or arn:aws-us-gov: at its start, got '" + arn + "'");
    }

    /** As ARNs spell it: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String id() {
        return id;
    }

    /**
     * The domain the partition's service endpoints live under: {@code amazonaws.com}, or {@code amazonaws.com.cn} in China
     * (source: "Endpoints and ARNs for Amazon Web Services in China",
     * https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-arns.html, read 2026-12-02).
     */
    public String dnsSuffix() {
        return dnsSuffix;
    }

    /**
     * A service's principal in this partition, as a policy's {@code Principal.Service} or {@code iam:PassedToService}
     * names it: {@code <service>.amazonaws.com}, except the few services that take the partition's own suffix
     * (in China {@code logs.amazonaws.com.cn}).
     *
     * @param service the principal's service part ({@code logs}, {@code ecs-tasks}, {@code logging.s3})
     */
    public String servicePrincipal(String service) {
        return service + "." + principalSuffix(service);
    }

    /** A service's regional principal ({@code logs.eu-west-1.amazonaws.com}, {@code logs.cn-north-1.amazonaws.com.cn}). */
    public String regionalServicePrincipal(String service, String region) {
        return service + "." + region + "." + principalSuffix(service);
    }

    /**
     * A service's regional endpoint host ({@code s3.eu-west-1.amazonaws.com}, {@code s3.cn-north-1.amazonaws.com.cn}),
     * as {@code kms:ViaService} names the service that calls KMS on a principal's behalf.
     */
    public String endpoint(String service, String region) {
        return service + "." + region + "." + dnsSuffix;
    }

    private String principalSuffix(String service) {
        if (service.isBlank() || service.contains("amazonaws")) {
            throw new IllegalArgumentException("service principal: expected a service name such as 'logs' or 'logging.s3', got '"
                    + service + "'");
        }
        return this == CHINA && CHINA_PARTITIONAL_PRINCIPALS.contains(service) ? dnsSuffix : AWS.dnsSuffix;
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}; region and account may be empty or {@code *}. */
    public String arn(String service, String region, String account, String resource) {
        return "arn:" + id + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** An IAM ARN in an account ({@code role/name}, {@code policy/name}, {@code root}): IAM is global, the region empty. */
    public String iam(String account, String resource) {
        return arn("iam", "", account, resource);
    }

    /** An AWS managed policy's ARN ({@code arn:<partition>:iam::aws:policy/<name>}). */
    public String awsManagedPolicy(String name) {
        return iam("aws", "policy/" + name);
    }

    /** An S3 bucket's or object's ARN: S3 ARNs carry neither region nor account. */
    public String s3(String resource) {
        return arn("s3", "", "", resource);
    }
}
