package io.quest.platform.service;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service layer's attributes, the one type that carries them: the environment stack builds it from the
 * components, exports it as the stack's outputs (where another stack reads it back to promote the image or watch
 * the service), and monitoring takes it as the service it watches. Each output name is spelled once, here.
 *
 * @param serviceUrl           where the service answers (https://domain, or http(s):// the load balancer's name)
 * @param albDnsName           the load balancer's DNS name
 * @param albArnSuffix         {@code app/<name>/<id>}: the LoadBalancer dimension of ALB metrics
 * @param targetGroupArnSuffix {@code targetgroup/<name>/<id>}: the TargetGroup dimension
 * @param clusterName          the ECS cluster: the ClusterName dimension
 * @param serviceName          the ECS service: the ServiceName dimension
 * @param logGroupName         the container log group
 * @param imageDigest          the digest of the deployed image ({@code sha256:...}); empty for a tag-only reference
 * @param imageRepositoryUrl   the repository the image is in, without tag or digest
 * @param taskSecurityGroupId  the security group of the service's tasks: what a database admits
 * @param taskRoleName         the role the application runs with: what a database grants its secret to
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
        Output<String> imageRepositoryUrl,
        Output<String> taskSecurityGroupId,
        Output<String> taskRoleName) {

    public static final String SERVICE_URL = "serviceUrl";
    public static final String ALB_DNS_NAME = "albDnsName";
    public static final String ALB_ARN_SUFFIX = "albArnSuffix";
    public static final String TARGET_GROUP_ARN_SUFFIX = "targetGroupArnSuffix";
    public static final String CLUSTER_NAME = "clusterName";
    public static final String SERVICE_NAME = "serviceName";
    public static final String LOG_GROUP_NAME = "logGroupName";
    public static final String IMAGE_DIGEST = "imageDigest";
    public static final String IMAGE_REPOSITORY_URL = "imageRepositoryUrl";
    public static final String TASK_SECURITY_GROUP_ID = "taskSecurityGroupId";
    public static final String TASK_ROLE_NAME = "taskRoleName";

    public ServiceOutputs {
        Objects.requireNonNull(serviceUrl, SERVICE_URL);
        Objects.requireNonNull(albDnsName, ALB_DNS_NAME);
        Objects.requireNonNull(albArnSuffix, ALB_ARN_SUFFIX);
        Objects.requireNonNull(targetGroupArnSuffix, TARGET_GROUP_ARN_SUFFIX);
        Objects.requireNonNull(clusterName, CLUSTER_NAME);
        Objects.requireNonNull(serviceName, SERVICE_NAME);
        Objects.requireNonNull(logGroupName, LOG_GROUP_NAME);
        Objects.requireNonNull(imageDigest, IMAGE_DIGEST);
        Objects.requireNonNull(imageRepositoryUrl, IMAGE_REPOSITORY_URL);
        Objects.requireNonNull(taskSecurityGroupId, TASK_SECURITY_GROUP_ID);
        Objects.requireNonNull(taskRoleName, TASK_ROLE_NAME);
    }

    /** Every attribute under its output name, in the record's order. */
    public Map<String, Output<String>> byName() {
        Map<String, Output<String>> outputs = new LinkedHashMap<>();
        outputs.put(SERVICE_URL, serviceUrl);
        outputs.put(ALB_DNS_NAME, albDnsName);
        outputs.put(ALB_ARN_SUFFIX, albArnSuffix);
        outputs.put(TARGET_GROUP_ARN_SUFFIX, targetGroupArnSuffix);
        outputs.put(CLUSTER_NAME, clusterName);
        outputs.put(SERVICE_NAME, serviceName);
        outputs.put(LOG_GROUP_NAME, logGroupName);
        outputs.put(IMAGE_DIGEST, imageDigest);
        outputs.put(IMAGE_REPOSITORY_URL, imageRepositoryUrl);
        outputs.put(TASK_SECURITY_GROUP_ID, taskSecurityGroupId);
        outputs.put(TASK_ROLE_NAME, taskRoleName);
        return outputs;
    }

    /**
     * The attributes' values once known, keyed by output name: what a stack reading these outputs would see, and
     * what is computed from values rather than {@link Output}s (the dashboard's body).
     */
    public Output<Map<String, String>> values() {
        List<String> names = List.copyOf(byName().keySet());
        return Output.all(List.copyOf(byName().values())).applyValue(values -> {
            Map<String, String> known = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                known.put(names.get(i), values.get(i));
            }
            return known;
        });
    }

    public void export(Context ctx) {
        byName().forEach(ctx::export);
    }

    /** The outputs of another stack that runs a service. */
    public static ServiceOutputs from(StackReference ref) {
        return new ServiceOutputs(
                string(ref, SERVICE_URL),
                string(ref, ALB_DNS_NAME),
                string(ref, ALB_ARN_SUFFIX),
                string(ref, TARGET_GROUP_ARN_SUFFIX),
                string(ref, CLUSTER_NAME),
                string(ref, SERVICE_NAME),
                string(ref, LOG_GROUP_NAME),
                string(ref, IMAGE_DIGEST),
                string(ref, IMAGE_REPOSITORY_URL),
                string(ref, TASK_SECURITY_GROUP_ID),
                string(ref, TASK_ROLE_NAME));
    }

    private static Output<String> string(StackReference ref, String name) {
        return ref.requireOutput(name).applyValue(v -> (String) v);
    }
}
