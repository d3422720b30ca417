package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.DataConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.data.Database;
import io.quest.platform.data.DatabaseArgs;
import io.quest.platform.data.DatabasePolicies;
import io.quest.platform.data.DatabaseSpec;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.service.ServiceOutputs;

/**
 * An environment's data stack ({@code role: data}): its database, on the network the environment stack exports and
 * admitting only that stack's service, its alarms on that stack's alert topic. The environment stack deploys first
 * (it owns the network); the database's endpoint, name and secret's ARN reach the service's tasks through three SSM
 * parameters this stack writes, under the names {@link DataOutputs} owns, and this stack grants the tasks' role the
 * secret.
 */
public final class DataStack {

    private DataStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        DataConfig data = config.data();
        var shared = SharedOutputs.from(new StackReference(config.sharedStack().orElseThrow()));
        var provider = Providers.forEnvironment(config, shared);
        ComponentResourceOptions inAccount = EnvironmentStack.inAccount(provider, config, shared);

        var environment = new StackReference(data.environmentStack());
        NetworkOutputs network = NetworkOutputs.from(environment);
        ServiceOutputs service = ServiceOutputs.from(environment);
        MonitoringOutputs monitoring = MonitoringOutputs.from(environment);

        Lifecycle lifecycle = Lifecycle.database(config);
        DatabaseSpec spec = data.database();
        var database = new Database(config.environment() + "-db", new DatabaseArgs(
                config.region(),
                config.accountId(),
                spec,
                network.vpcId(),
                network.isolatedSubnetIds(),
                service.taskSecurityGroupId(),
                monitoring.alertTopicArn(),
                lifecycle.protect(),
                lifecycle.retainOnDelete(),
                config.tags()), inAccount);

        var parameters = CustomResourceOptions.builder().provider(provider).build();
        new Parameter(config.environment() + "-db-endpoint", ParameterArgs.builder()
                .name(DataOutputs.endpointParameter(config.environment()))
                .type("String")
                .description("The " + config.environment() + " database's writer endpoint, for the service's tasks")
                .value(database.endpoint())
                .tags(config.tags().named(config.environment() + "-db-endpoint"))
                .build(), parameters);
        new Parameter(config.environment() + "-db-master-secret-arn", ParameterArgs.builder()
                .name(DataOutputs.secretArnParameter(config.environment()))
                .type("String")
                .description("The ARN of the " + config.environment() + " database's master secret, for the service's tasks")
                .value(database.masterSecretArn())
                .tags(config.tags().named(config.environment() + "-db-master-secret-arn"))
                .build(), parameters);

        new Parameter(config.environment() + "-db-name", ParameterArgs.builder()
                .name(DataOutputs.nameParameter(config.environment()))
                .type("String")
                .description("The name of the " + config.environment() + " database, for the service's tasks")
                .value(spec.databaseName())
                .tags(config.tags().named(config.environment() + "-db-name"))
                .build(), parameters);

        // The application reads the master secret itself when it connects (RDS rotates it every seven days, so a value
        // handed over at task start would go stale): its task role may read this secret and decrypt it, nothing more.
        new RolePolicy(config.environment() + "-db-client", RolePolicyArgs.builder()
                .role(service.taskRoleName())
                .policy(Output.tuple(database.masterSecretArn(), database.kmsKeyArn()).applyValue(t ->
                        DatabasePolicies.clientPolicy(config.region(), t.t1, t.t2)
                                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the database client policy").toJson()))
                .build(), parameters);

        DataOutputs.of(database, DatabaseSpec.PORT, spec.databaseName()).export(ctx);
    }
}
