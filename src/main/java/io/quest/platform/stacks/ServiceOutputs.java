package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

/**
 * The service layer's contract: where the service answers, what runs it, and exactly which image it runs,
 * so that another stack can promote that image ({@code promoteFrom}) or watch the service.
 *
 * @param serviceUrl           where the service answers (https://domain, or the load balancer's name)
 * @param albDnsName           the load balancer's DNS name
 * @param albArnSuffix         {@code app/<name>/<id>}, for CloudWatch metrics
 * @param targetGroupArnSuffix {@code targetgroup/<name>/<id>}, for CloudWatch metrics
 * @param clusterName          the ECS cluster
 * @param serviceName          the ECS service
 * @param logGroupName         the container log group
 * @param imageDigest          the digest of the deployed image ({@code sha256:...}); empty for a tag-only reference
 * @param imageRepositoryUrl   the repository the image is in, without tag or digest
 */
public record ServiceOutputs(
        Output<String> serviceUrl,
        Output<String> albDnsName,
        Output<String> albArnSuffix,
        Output<String> targetGroupArnSuffix,
        Output<String> clusterName,
        Output<String> serviceName,
        Output<String> logGroupName,
        Output<String> imageDigest,
        Output<String> imageRepositoryUrl) {

    static final String SERVICE_URL = "serviceUrl";
    static final String ALB_DNS_NAME = "albDnsName";
    static final String ALB_ARN_SUFFIX = "albArnSuffix";
    static final String TARGET_GROUP_ARN_SUFFIX = "targetGroupArnSuffix";
    static final String CLUSTER_NAME = "clusterName";
    static final String SERVICE_NAME = "serviceName";
    static final String LOG_GROUP_NAME = "logGroupName";
    static final String IMAGE_DIGEST = "imageDigest";
    static final String IMAGE_REPOSITORY_URL = "imageRepositoryUrl";

    public void export(Context ctx) {
        ctx.export(SERVICE_URL, serviceUrl);
        ctx.export(ALB_DNS_NAME, albDnsName);
        ctx.export(ALB_ARN_SUFFIX, albArnSuffix);
        ctx.export(TARGET_GROUP_ARN_SUFFIX, targetGroupArnSuffix);
        ctx.export(CLUSTER_NAME, clusterName);
        ctx.export(SERVICE_NAME, serviceName);
        ctx.export(LOG_GROUP_NAME, logGroupName);
        ctx.export(IMAGE_DIGEST, imageDigest);
        ctx.export(IMAGE_REPOSITORY_URL, imageRepositoryUrl);
    }

    public static ServiceOutputs from(StackReference ref) {
        return new ServiceOutputs(
                StackOutputs.string(ref, SERVICE_URL),
                StackOutputs.string(ref, ALB_DNS_NAME),
                StackOutputs.string(ref, ALB_ARN_SUFFIX),
                StackOutputs.string(ref, TARGET_GROUP_ARN_SUFFIX),
                StackOutputs.string(ref, CLUSTER_NAME),
                StackOutputs.string(ref, SERVICE_NAME),
                StackOutputs.string(ref, LOG_GROUP_NAME),
                StackOutputs.string(ref, IMAGE_DIGEST),
                StackOutputs.string(ref, IMAGE_REPOSITORY_URL));
    }
}
