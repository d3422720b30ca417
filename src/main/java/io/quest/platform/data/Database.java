package io.quest.platform.data;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.rds.outputs.ClusterMasterUserSecret;
import com.pulumi.aws.rds.outputs.InstanceMasterUserSecret;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An environment's PostgreSQL: Aurora Serverless v2 or RDS ({@link DatabaseEngine}) in the VPC's isolated subnets,
 * reachable on its port from the service's tasks and nothing else. Encrypted at rest with a key of its own, which
 * also encrypts its master secret and Performance Insights; TLS required by its parameter group
 * ({@code rds.force_ssl=1}); the master password generated, kept and rotated by Secrets Manager
 * ({@code manageMasterUserPassword}), never seen by configuration or state; IAM database authentication on; automated
 * backups with point-in-time recovery for the configured days. In production: deletion protection, a final
 * snapshot, and {@code protect} and {@code retainOnDelete} on the database and its key. A new major engine version is
 * applied in place ({@code allowMajorVersionUpgrade}), never silently: the preview gate asks for approval and says it
 * cannot be undone. Alarms: {@link DatabaseAlarms}; dashboard: {@link DatabaseDashboard}.
 */
public final class Database extends ComponentResource {

    public static final String TYPE = "quest:data:Database";
    /** AWS's managed policy for enhanced monitoring's role (the only one RDS accepts for it), by its name under {@code policy/}. */
    static final String MONITORING_POLICY = "service-role/AmazonRDSEnhancedMonitoringRole";

    private final Output<String> endpoint;
    private final Output<String> readerEndpoint;
    private final Output<String> masterSecretArn;
    private final Output<String> resourceId;
    private final Output<String> securityGroupId;
    private final Output<String> kmsKeyArn;
    private final String identifier;

    public Database(String name, DatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var stateful = CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(args.retainOnDelete()).build();
        var tags = args.tags();
        DatabaseSpec spec = args.spec();
        this.identifier = name;

        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the " + name + " database, its backups, its master secret and its Performance Insights")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(DatabasePolicies.keyPolicy(Partition.of(args.region()), args.accountId()).toJson())
                .tags(tags.named(name + "-key"))
                .build(), stateful);

        var sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("PostgreSQL from the service's tasks only; the database initiates nothing")
                .tags(tags.named(name + "-sg"))
                .build(), child);
        new SecurityGroupIngressRule(name + "-from-service", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(sg.id())
                .referencedSecurityGroupId(args.clientSecurityGroupId())
                .ipProtocol("tcp").fromPort(DatabaseSpec.PORT).toPort(DatabaseSpec.PORT)
                .description("PostgreSQL from the service's tasks")
                .tags(tags.named(name + "-from-service"))
                .build(), child);
        // The tasks' own group lets them out on HTTPS only: this opens their way to the database, and nowhere else.
        new SecurityGroupEgressRule(name + "-service-egress", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(args.clientSecurityGroupId())
                .referencedSecurityGroupId(sg.id())
                .ipProtocol("tcp").fromPort(DatabaseSpec.PORT).toPort(DatabaseSpec.PORT)
                .description("The service's tasks to " + name + ", on PostgreSQL's port")
                .tags(tags.named(name + "-service-egress"))
                .build(), child);

        var subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .name(name)
                .description("The isolated subnets of " + name + ": no route out of the VPC")
                .subnetIds(args.isolatedSubnetIds())
                .tags(tags.named(name + "-subnets"))
                .build(), child);

        Optional<Output<String>> monitoringRole = spec.monitoringIntervalSeconds() == 0 ? Optional.empty()
                : Optional.of(monitoringRole(name, args, child));

        if (spec.aurora()) {
            var params = new ClusterParameterGroup(name + "-params", ClusterParameterGroupArgs.builder()
                    .name(name + "-" + spec.engine().parameterGroupFamily(spec.engineVersion()))
                    .family(spec.engine().parameterGroupFamily(spec.engineVersion()))
                    .description("TLS required for every connection to " + name)
                    .parameters(ClusterParameterGroupParameterArgs.builder().name("rds.force_ssl").value("1").build())
                    .tags(tags.named(name + "-params"))
                    .build(), child);
            var clusterArgs = ClusterArgs.builder()
                    .clusterIdentifier(name)
                    .engine(spec.engine().awsEngine())
                    .engineMode("provisioned")
                    .engineVersion(spec.engineVersion())
                    .databaseName(spec.databaseName())
                    .masterUsername(spec.masterUsername())
                    .manageMasterUserPassword(true)
                    .masterUserSecretKmsKeyId(key.arn())
                    .storageEncrypted(true)
                    .kmsKeyId(key.arn())
                    .iamDatabaseAuthenticationEnabled(true)
                    .dbSubnetGroupName(subnets.name())
                    .vpcSecurityGroupIds(Output.all(List.of(sg.id())))
                    .dbClusterParameterGroupName(params.name())
                    .serverlessv2ScalingConfiguration(ClusterServerlessv2ScalingConfigurationArgs.builder()
                            .minCapacity(spec.minCapacity()).maxCapacity(spec.maxCapacity()).build())
                    .backupRetentionPeriod(spec.backupRetentionDays())
                    .preferredBackupWindow("02:00-03:00")
                    .copyTagsToSnapshot(true)
                    .allowMajorVersionUpgrade(true)
                    .deletionProtection(spec.production())
                    .skipFinalSnapshot(!spec.production())
                    .tags(tags.named(name));
            if (spec.production()) {
                clusterArgs.finalSnapshotIdentifier(name + "-final");
            }
            var cluster = new Cluster(name, clusterArgs.build(), stateful);
            for (int i = 1; i <= spec.instances(); i++) {
                var instance = ClusterInstanceArgs.builder()
                        .identifier(name + "-" + i)
                        .clusterIdentifier(cluster.id())
                        .instanceClass("db.serverless")
                        .engine(spec.engine().awsEngine())
                        .engineVersion(spec.engineVersion())
                        .dbSubnetGroupName(subnets.name())
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(true)
                        .promotionTier(i == 1 ? 0 : 1)
                        .performanceInsightsEnabled(spec.performanceInsights())
                        .monitoringInterval(spec.monitoringIntervalSeconds())
                        .tags(tags.named(name + "-" + i));
                if (spec.performanceInsights()) {
                    instance.performanceInsightsKmsKeyId(key.arn()).performanceInsightsRetentionPeriod(7);
                }
                monitoringRole.ifPresent(instance::monitoringRoleArn);
                new ClusterInstance(name + "-" + i, instance.build(), stateful);
            }
            this.endpoint = cluster.endpoint();
            this.readerEndpoint = cluster.readerEndpoint();
            this.masterSecretArn = cluster.masterUserSecrets().applyValue(s -> s.stream().findFirst()
                    .flatMap(ClusterMasterUserSecret::secretArn).orElse(""));
            this.resourceId = cluster.clusterResourceId();
        } else {
            var params = new ParameterGroup(name + "-params", ParameterGroupArgs.builder()
                    .name(name + "-" + spec.engine().parameterGroupFamily(spec.engineVersion()))
                    .family(spec.engine().parameterGroupFamily(spec.engineVersion()))
                    .description("TLS required for every connection to " + name)
                    .parameters(ParameterGroupParameterArgs.builder().name("rds.force_ssl").value("1").build())
                    .tags(tags.named(name + "-params"))
                    .build(), child);
            var instance = InstanceArgs.builder()
                    .identifier(name)
                    .engine(spec.engine().awsEngine())
                    .engineVersion(spec.engineVersion())
                    .instanceClass(spec.instanceClass())
                    .allocatedStorage(spec.allocatedStorageGb())
                    .storageType("gp3")
                    .dbName(spec.databaseName())
                    .username(spec.masterUsername())
                    .manageMasterUserPassword(true)
                    .masterUserSecretKmsKeyId(key.arn())
                    .storageEncrypted(true)
                    .kmsKeyId(key.arn())
                    .iamDatabaseAuthenticationEnabled(true)
                    .dbSubnetGroupName(subnets.name())
                    .vpcSecurityGroupIds(Output.all(List.of(sg.id())))
                    .parameterGroupName(params.name())
                    .multiAz(spec.multiAz())
                    .publiclyAccessible(false)
                    .backupRetentionPeriod(spec.backupRetentionDays())
                    .backupWindow("02:00-03:00")
                    .copyTagsToSnapshot(true)
                    .autoMinorVersionUpgrade(true)
                    .allowMajorVersionUpgrade(true)
                    .deletionProtection(spec.production())
                    .skipFinalSnapshot(!spec.production())
                    .performanceInsightsEnabled(spec.performanceInsights())
                    .monitoringInterval(spec.monitoringIntervalSeconds())
                    .tags(tags.named(name));
            if (spec.production()) {
                instance.finalSnapshotIdentifier(name + "-final");
            }
            if (spec.performanceInsights()) {
                instance.performanceInsightsKmsKeyId(key.arn()).performanceInsightsRetentionPeriod(7);
            }
            monitoringRole.ifPresent(instance::monitoringRoleArn);
            var db = new Instance(name, instance.build(), stateful);
            this.endpoint = db.address();
            this.readerEndpoint = db.address();
            this.masterSecretArn = db.masterUserSecrets().applyValue(s -> s.stream().findFirst()
                    .flatMap(InstanceMasterUserSecret::secretArn).orElse(""));
            this.resourceId = db.resourceId();
        }

        DatabaseAlarms.create(name, spec, args.alertTopicArn(), tags, child);
        DatabaseDashboard.create(name, spec, args.region(), child);
        this.securityGroupId = sg.id();
        this.kmsKeyArn = key.arn();
        registerOutputs(Map.of("endpoint", endpoint, "masterSecretArn", masterSecretArn, "securityGroupId", securityGroupId));
    }

    /** The role enhanced monitoring publishes OS metrics with; only RDS's monitoring service in this account may take it. */
    private static Output<String> monitoringRole(String name, DatabaseArgs args, CustomResourceOptions child) {
        var role = new Role(name + "-monitoring", RoleArgs.builder()
                .description("RDS enhanced monitoring of " + name + " publishes OS metrics with this role")
                .assumeRolePolicy(DatabasePolicies.monitoringTrust(Partition.of(args.region()), args.accountId()).toJson())
                .tags(args.tags().named(name + "-monitoring"))
                .build(), child);
        new RolePolicyAttachment(name + "-monitoring-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(Partition.of(args.region()).awsManagedPolicy(MONITORING_POLICY))
                .build(), child);
        return role.arn();
    }

    /** The writer's DNS name (Aurora: the cluster endpoint; RDS: the instance). */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** The readers' DNS name (Aurora: the reader endpoint; RDS: the instance itself). */
    public Output<String> readerEndpoint() {
        return readerEndpoint;
    }

    /** The Secrets Manager secret RDS keeps the master credentials in. */
    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }

    /** The resource ID IAM database authentication names ({@code rds-db:connect} on {@code dbuser:<id>/<user>}). */
    public Output<String> resourceId() {
        return resourceId;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** The cluster or instance identifier: the dimension of its CloudWatch metrics. */
    public String identifier() {
        return identifier;
    }
}
