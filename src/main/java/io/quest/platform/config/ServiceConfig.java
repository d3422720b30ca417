package io.quest.platform.config;

import io.quest.platform.service.Autoscaling;
import io.quest.platform.service.FargateSize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code quest-platform:service}: the environment's web service, a Fargate service behind the load balancer.
 * An environment without this key has no service layer.
 *
 * @param image                         where the container image comes from
 * @param containerPort                 the port the container listens on
 * @param size                          Fargate CPU and memory
 * @param desiredCount                  tasks at creation; autoscaling owns the count afterwards. Defaults to 2 in production, 1 elsewhere
 * @param autoscaling                   target tracking; empty keeps the count fixed
 * @param healthCheckPath               the path the load balancer checks. Defaults to /
 * @param healthCheckGracePeriodSeconds how long a new task may fail health checks. Defaults to 60
 * @param deregistrationDelaySeconds    how long a leaving task drains. Defaults to 30
 * @param readonlyRootFilesystem        whether the container's root filesystem is read-only (with a writable /tmp). Defaults to true
 * @param environment                   plain environment variables
 * @param secrets                       environment variables read at start from SSM Parameter Store or Secrets Manager, by ARN
 * @param ecsExec                       whether ECS Exec (a shell in a running task) is allowed. Defaults to false
 * @param logRetentionDays              container log retention. Defaults to 365 in production, 30 elsewhere
 * @param accessLogRetentionDays        how long the load balancer's access logs are kept. Defaults to 365 in production, 90 elsewhere
 * @param tls                           how the load balancer terminates TLS
 * @param waf                           {@code service.waf}: an AWS WAF web ACL with AWS's managed rule groups in front of the
 *                                      load balancer, logged. Defaults to true in production, false elsewhere (its fixed
 *                                      cost would take dev over its budget); off is a plan finding
 * @param database                      {@code service.database}: the tasks receive the environment's database (its data
 *                                      stack's SSM parameters, read at task start). Defaults to false: set it once the data
 *                                      stack has been deployed, since a task naming a parameter that does not exist never starts
 */
public record ServiceConfig(
        ImageSource image,
        int containerPort,
        FargateSize size,
        int desiredCount,
        Optional<Autoscaling> autoscaling,
        String healthCheckPath,
        int healthCheckGracePeriodSeconds,
        int deregistrationDelaySeconds,
        boolean readonlyRootFilesystem,
        Map<String, String> environment,
        Map<String, String> secrets,
        boolean ecsExec,
        int logRetentionDays,
        int accessLogRetentionDays,
        TlsConfig tls,
        boolean waf,
        boolean database) {

    public ServiceConfig {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(autoscaling, "autoscaling");
        Objects.requireNonNull(tls, "tls");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** The fully qualified stack whose image this one deploys, when it promotes. */
    public Optional<String> promotedFrom() {
        return image instanceof ImageSource.Promoted p ? Optional.of(p.stack()) : Optional.empty();
    }
}
