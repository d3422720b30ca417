package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import io.quest.platform.data.Database;

/**
 * The data layer's contract: where an environment's database answers and how a client proves who it is. Written by
 * the environment's data stack; the names of the SSM parameters that carry the endpoint and the secret's ARN into the
 * service's tasks are spelled here too ({@link #endpointParameter}, {@link #secretArnParameter}), since the environment
 * stack deploys before its data stack and so cannot read these outputs through a stack reference.
 *
 * @param endpoint        the writer's DNS name
 * @param readerEndpoint  the readers' DNS name (the writer's, for RDS)
 * @param port            PostgreSQL's port
 * @param databaseName    the database created at launch
 * @param masterSecretArn the Secrets Manager secret RDS keeps the master credentials in
 * @param securityGroupId the database's security group
 * @param kmsKeyArn       the key that encrypts the database, its backups and its secret
 * @param resourceId      the resource ID IAM database authentication names
 * @param identifier      the cluster (Aurora) or instance (RDS) identifier
 */
public record DataOutputs(
        Output<String> endpoint,
        Output<String> readerEndpoint,
        Output<Integer> port,
        Output<String> databaseName,
        Output<String> masterSecretArn,
        Output<String> securityGroupId,
        Output<String> kmsKeyArn,
        Output<String> resourceId,
        Output<String> identifier) {

    static final String ENDPOINT = "databaseEndpoint";
    static final String READER_ENDPOINT = "databaseReaderEndpoint";
    static final String PORT = "databasePort";
    static final String DATABASE_NAME = "databaseName";
    static final String MASTER_SECRET_ARN = "databaseMasterSecretArn";
    static final String SECURITY_GROUP_ID = "databaseSecurityGroupId";
    static final String KMS_KEY_ARN = "databaseKmsKeyArn";
    static final String RESOURCE_ID = "databaseResourceId";
    static final String IDENTIFIER = "databaseIdentifier";

    static DataOutputs of(Database database, int port, String databaseName) {
        return new DataOutputs(database.endpoint(), database.readerEndpoint(), Output.of(port), Output.of(databaseName),
                database.masterSecretArn(), database.securityGroupId(), database.kmsKeyArn(), database.resourceId(),
                Output.of(database.identifier()));
    }

    /** The SSM parameter holding an environment's database endpoint, which the service's tasks receive as a secret. */
    public static String endpointParameter(String environment) {
        return "/quest/" + environment + "/database/endpoint";
    }

    /** The SSM parameter holding the name of an environment's database, which the service's tasks receive as a secret. */
    public static String nameParameter(String environment) {
        return "/quest/" + environment + "/database/name";
    }

    /** The SSM parameter holding the ARN of an environment's master secret, which the service's tasks receive as a secret. */
    public static String secretArnParameter(String environment) {
        return "/quest/" + environment + "/database/master-secret-arn";
    }

    public void export(Context ctx) {
        ctx.export(ENDPOINT, endpoint);
        ctx.export(READER_ENDPOINT, readerEndpoint);
        ctx.export(PORT, port);
        ctx.export(DATABASE_NAME, databaseName);
        ctx.export(MASTER_SECRET_ARN, masterSecretArn);
        ctx.export(SECURITY_GROUP_ID, securityGroupId);
        ctx.export(KMS_KEY_ARN, kmsKeyArn);
        ctx.export(RESOURCE_ID, resourceId);
        ctx.export(IDENTIFIER, identifier);
    }

    public static DataOutputs from(StackReference ref) {
        return new DataOutputs(
                StackOutputs.string(ref, ENDPOINT),
                StackOutputs.string(ref, READER_ENDPOINT),
                ref.requireOutput(PORT).applyValue(v -> ((Number) v).intValue()),
                StackOutputs.string(ref, DATABASE_NAME),
                StackOutputs.string(ref, MASTER_SECRET_ARN),
                StackOutputs.string(ref, SECURITY_GROUP_ID),
                StackOutputs.string(ref, KMS_KEY_ARN),
                StackOutputs.string(ref, RESOURCE_ID),
                StackOutputs.string(ref, IDENTIFIER));
    }
}
