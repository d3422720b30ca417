package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import com.pulumi.aws.cfg.DeliveryChannel;
import com.pulumi.aws.cfg.DeliveryChannelArgs;
import com.pulumi.aws.cfg.Recorder;
import com.pulumi.aws.cfg.RecorderArgs;
import com.pulumi.aws.cfg.RecorderStatus;
import com.pulumi.aws.cfg.RecorderStatusArgs;
import com.pulumi.aws.cfg.inputs.DeliveryChannelSnapshotDeliveryPropertiesArgs;
import com.pulumi.aws.cfg.inputs.RecorderRecordingGroupArgs;
import com.pulumi.aws.iam.ServiceLinkedRole;
import com.pulumi.aws.iam.ServiceLinkedRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Map;

/**
 * AWS Config recording in one account and region (FSBP Config.1, CIS v1.2.0 2.5 / v1.4.0 3.5): a recorder
 * for every supported resource type, global types in the home region only, recording through AWS Config's
 * service-linked role ({@code AWSServiceRoleForConfig}, which FSBP Config.1 expects; AWS has one per account),
 * delivering configuration history and daily snapshots to the account's own prefix of
 * the shared log archive ({@code AWSLogs/<account>/Config/}), encrypted with the archive's key, then switched on.
 *
 * <p>AWS needs them in this order: the recorder exists before its delivery channel can be created, and
 * the recorder starts only once the delivery channel exists. Both are dependencies here, so no
 * {@code pulumi up} depends on luck.
 */
public final class ConfigRecorder extends ComponentResource {

    public static final String TYPE = "quest:governance:ConfigRecorder";

    /** The name AWS gives AWS Config's service-linked role. */
    public static final String SERVICE_LINKED_ROLE = "AWSServiceRoleForConfig";

    private final Output<String> recorderName;
    private final Output<String> roleArn;
    private final RecorderStatus status;

    public ConfigRecorder(String name, ConfigRecorderArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        // AWS has one such role per account; the account's baseline stack (there is one: the account's password policy
        // and public access block are singletons the planner lets one stack own) creates it.
        String roleArn = serviceLinkedRoleArn(args.partition(), args.accountId());
        var role = new ServiceLinkedRole(name + "-service-role", ServiceLinkedRoleArgs.builder()
                .awsServiceName(ServicePrincipal.CONFIG.in(args.partition()))
                .description("AWS Config records this account's resources (FSBP Config.1)")
                .tags(args.tags().named(name + "-service-role"))
                .build(), child);

        var recorder = new Recorder(name + "-recorder", RecorderArgs.builder()
                .name(name + "-recorder")
                .roleArn(roleArn)
                .recordingGroup(RecorderRecordingGroupArgs.builder()
                        .allSupported(true)
                        .includeGlobalResourceTypes(args.recordGlobalResources())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());

        // With the service-linked role, the archive's bucket and key policies admit AWS Config itself, for this
        // account's prefix only (LogArchivePolicies).
        var channel = new DeliveryChannel(name + "-delivery", DeliveryChannelArgs.builder()
                .name(name + "-delivery")
                .s3BucketName(args.archiveBucketName())
                .s3KmsKeyArn(args.archiveKeyArn())
                .snapshotDeliveryProperties(DeliveryChannelSnapshotDeliveryPropertiesArgs.builder()
                        .deliveryFrequency("TwentyFour_Hours")
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(recorder).build());

        this.status = new RecorderStatus(name + "-recorder-status", RecorderStatusArgs.builder()
                .name(recorder.name())
                .isEnabled(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(recorder, channel).build());

        this.recorderName = recorder.name();
        this.roleArn = Output.of(roleArn);
        registerOutputs(Map.of("recorderName", recorderName, "roleArn", this.roleArn));
    }

    /**
     * The ARN of AWS Config's service-linked role in an account: its path and name are AWS's ("Using Service-Linked
     * Roles for AWS Config", https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html,
     * read 2026-12-02).
     */
    public static String serviceLinkedRoleArn(Partition partition, String accountId) {
        return partition.iam(accountId, "role/aws-service-role/" + ServicePrincipal.CONFIG.in(partition) + "/" + SERVICE_LINKED_ROLE);
    }

    public Output<String> recorderName() {
        return recorderName;
    }

    public Output<String> roleArn() {
        return roleArn;
    }

    /** The resource after which the recorder is running: what Config rules wait for. */
    public Resource running() {
        return status;
    }
}
