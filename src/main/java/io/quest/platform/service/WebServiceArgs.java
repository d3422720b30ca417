package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.config.AutoscalingConfig;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WebService} is made of.
 *
 * @param region                        the region, for log configuration and key policy conditions
 * @param accountId                     the account, for trust policy conditions
 * @param cluster                       the cluster the service runs in
 * @param loadBalancer                  the load balancer in front of it; the only source of traffic
 * @param vpcId                         the VPC of the task security group
 * @param privateSubnetIds              the subnets tasks run in, without public IPs
 * @param image                         the image to run: a digest-pinned reference wherever it can be
 * @param repositoryArn                 the ECR repository the execution role may pull from; empty for an image outside ECR
 * @param containerPort                 the port the container listens on
 * @param size                          Fargate CPU and memory
 * @param desiredCount                  tasks at creation; ignored afterwards so that autoscaling owns the count
 * @param autoscaling                   target tracking; empty keeps the count fixed
 * @param healthCheckGracePeriodSeconds how long a new task may fail load balancer health checks
 * @param readonlyRootFilesystem        a read-only root filesystem, with a writable /tmp
 * @param environment                   plain environment variables
 * @param secrets                       variable name → SSM parameter or Secrets Manager ARN; the execution role may read only these
 * @param ecsExec                       whether ECS Exec is enabled (and the task role may open its channels)
 * @param logRetentionDays              container log retention
 * @param production                    whether the log key is protected from deletion
 * @param tags                          the platform-wide tag layer
 */
public record WebServiceArgs(
        String region,
        String accountId,
        Cluster cluster,
        LoadBalancer loadBalancer,
        Output<String> vpcId,
        Output<List<String>> privateSubnetIds,
        Output<String> image,
        Optional<Output<String>> repositoryArn,
        int containerPort,
        FargateSize size,
        int desiredCount,
        Optional<AutoscalingConfig> autoscaling,
        int healthCheckGracePeriodSeconds,
        boolean readonlyRootFilesystem,
        Map<String, String> environment,
        Map<String, String> secrets,
        boolean ecsExec,
        int logRetentionDays,
        boolean production,
        Tags tags) {

    public WebServiceArgs {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(tags, "tags");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        if (ecsExec && readonlyRootFilesystem) {
            throw new IllegalArgumentException("ECS Exec needs a writable root filesystem");
        }
        if (autoscaling.isPresent() && (desiredCount < autoscaling.get().min() || desiredCount > autoscaling.get().max())) {
            throw new IllegalArgumentException("desired count " + desiredCount + " is outside autoscaling's range");
        }
    }
}
