package io.quest.platform.service;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link WebService} is made of. Build it with {@link #builder()}: every value is set by name.
 *
 * @param region                        the region, for log configuration and key policy conditions. Required
 * @param accountId                     the account, for trust policy conditions. Required
 * @param cluster                       the cluster the service runs in. Required
 * @param loadBalancer                  the load balancer in front of it; the only source of traffic. Required
 * @param vpcId                         the VPC of the task security group. Required
 * @param privateSubnetIds              the subnets tasks run in, without public IPs. Required
 * @param image                         the image to run: a digest-pinned reference wherever it can be. Required
 * @param repositoryArn                 the ECR repository the execution role may pull from; empty for an image outside ECR
 * @param containerPort                 the port the container listens on. Defaults to 8080
 * @param size                          Fargate CPU and memory. Defaults to 256 CPU units and 512 MiB
 * @param desiredCount                  tasks at creation; ignored afterwards so that autoscaling owns the count. Defaults to 1
 * @param autoscaling                   target tracking; empty keeps the count fixed
 * @param healthCheckGracePeriodSeconds how long a new task may fail load balancer health checks. Defaults to 60
 * @param readonlyRootFilesystem        a read-only root filesystem, with a writable /tmp. Defaults to true
 * @param environment                   plain environment variables. Defaults to none
 * @param secrets                       variable name → SSM parameter or Secrets Manager ARN; the execution role may read only these
 * @param database                      the environment's database, whose SSM parameters ECS reads at task start; empty: none
 * @param ecsExec                       whether ECS Exec is enabled (and the task role may open its channels). Defaults to false
 * @param logRetentionDays              container log retention, in days. Defaults to 30
 * @param protect                       whether the container log group and its key are protected from deletion. Defaults to false
 * @param retainOnDelete                whether the container log group and its key stay in AWS when removed from the program.
 *                                      Defaults to false
 * @param tags                          the platform-wide tag layer. Required
 */
public record WebServiceArgs(
        String region,
        String accountId,
        Cluster cluster,
        TrafficSource loadBalancer,
        Output<String> vpcId,
        Output<List<String>> privateSubnetIds,
        Output<String> image,
        Optional<Output<String>> repositoryArn,
        int containerPort,
        FargateSize size,
        int desiredCount,
        Optional<Autoscaling> autoscaling,
        int healthCheckGracePeriodSeconds,
        boolean readonlyRootFilesystem,
        Map<String, String> environment,
        Map<String, String> secrets,
        Optional<DatabaseClient> database,
        boolean ecsExec,
        int logRetentionDays,
        boolean protect,
        boolean retainOnDelete,
        Tags tags) {

    public WebServiceArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(privateSubnetIds, "privateSubnetIds");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(repositoryArn, "repositoryArn");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(autoscaling, "autoscaling");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(database, "database");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        for (String variable : database.isPresent() ? DatabaseClient.VARIABLES : List.<String>of()) {
            if (environment.containsKey(variable) || secrets.containsKey(variable)) {
                throw new IllegalArgumentException(variable + " is the database's; the service's own variables may not set it");
            }
        }
        if (ecsExec && readonlyRootFilesystem) {
            throw new IllegalArgumentException("ECS Exec needs a writable root filesystem");
        }
        if (autoscaling.isPresent() && (desiredCount < autoscaling.get().min() || desiredCount > autoscaling.get().max())) {
            throw new IllegalArgumentException("desired count " + desiredCount + " is outside autoscaling's range");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sets each value by name; what is not set takes the default documented on {@link WebServiceArgs}. */
    public static final class Builder {
        private String region;
        private String accountId;
        private Cluster cluster;
        private TrafficSource loadBalancer;
        private Output<String> vpcId;
        private Output<List<String>> privateSubnetIds;
        private Output<String> image;
        private Optional<Output<String>> repositoryArn = Optional.empty();
        private int containerPort = 8080;
        private FargateSize size = new FargateSize(256, 512);
        private int desiredCount = 1;
        private Optional<Autoscaling> autoscaling = Optional.empty();
        private int healthCheckGracePeriodSeconds = 60;
        private boolean readonlyRootFilesystem = true;
        private Map<String, String> environment = Map.of();
        private Map<String, String> secrets = Map.of();
        private Optional<DatabaseClient> database = Optional.empty();
        private boolean ecsExec;
        private int logRetentionDays = 30;
        private boolean protect;
        private boolean retainOnDelete;
        private Tags tags;

        private Builder() {
        }

        /** The account and region the service runs in. */
        public Builder account(String accountId, String region) {
            this.accountId = accountId;
            this.region = region;
            return this;
        }

        /** The cluster it runs in and the load balancer in front of it. */
        public Builder placement(Cluster cluster, TrafficSource loadBalancer) {
            this.cluster = cluster;
            this.loadBalancer = loadBalancer;
            return this;
        }

        /** The VPC and the private subnets the tasks run in. */
        public Builder network(Output<String> vpcId, Output<List<String>> privateSubnetIds) {
            this.vpcId = vpcId;
            this.privateSubnetIds = privateSubnetIds;
            return this;
        }

        /** The image to run, and the ECR repository the execution role may pull it from (empty outside ECR). */
        public Builder image(Output<String> image, Optional<Output<String>> repositoryArn) {
            this.image = image;
            this.repositoryArn = repositoryArn;
            return this;
        }

        public Builder containerPort(int containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public Builder size(FargateSize size) {
            this.size = size;
            return this;
        }

        public Builder desiredCount(int desiredCount) {
            this.desiredCount = desiredCount;
            return this;
        }

        public Builder autoscaling(Optional<Autoscaling> autoscaling) {
            this.autoscaling = autoscaling;
            return this;
        }

        public Builder healthCheckGracePeriodSeconds(int healthCheckGracePeriodSeconds) {
            this.healthCheckGracePeriodSeconds = healthCheckGracePeriodSeconds;
            return this;
        }

        public Builder readonlyRootFilesystem(boolean readonlyRootFilesystem) {
            this.readonlyRootFilesystem = readonlyRootFilesystem;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder secrets(Map<String, String> secrets) {
            this.secrets = secrets;
            return this;
        }

        /** The environment's database, whose connection the tasks receive; empty (the default) for none. */
        public Builder database(Optional<DatabaseClient> database) {
            this.database = database;
            return this;
        }

        public Builder ecsExec(boolean ecsExec) {
            this.ecsExec = ecsExec;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        /** Deletion protection of the container log group and its key; the stack that composes the service decides. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public Builder retainOnDelete(boolean retainOnDelete) {
            this.retainOnDelete = retainOnDelete;
            return this;
        }

        public Builder tags(Tags tags) {
            this.tags = tags;
            return this;
        }

        public WebServiceArgs build() {
            return new WebServiceArgs(region, accountId, cluster, loadBalancer, vpcId, privateSubnetIds, image, repositoryArn,
                    containerPort, size, desiredCount, autoscaling, healthCheckGracePeriodSeconds, readonlyRootFilesystem,
                    environment, secrets, database, ecsExec, logRetentionDays, protect, retainOnDelete, tags);
        }
    }
}
