package io.quest.platform.governance;

import com.pulumi.aws.cfg.DeliveryChannel;
import com.pulumi.aws.cfg.DeliveryChannelArgs;
import com.pulumi.aws.cfg.Recorder;
import com.pulumi.aws.cfg.RecorderArgs;
import com.pulumi.aws.cfg.RecorderStatus;
import com.pulumi.aws.cfg.RecorderStatusArgs;
import com.pulumi.aws.cfg.inputs.DeliveryChannelSnapshotDeliveryPropertiesArgs;
import com.pulumi.aws.cfg.inputs.RecorderRecordingGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Principal;
import io.quest.platform.iam.Statement;

import java.util.Map;

/**
 * AWS Config recording in one account and region (FSBP Config.1, CIS v1.2.0 2.5 / v1.4.0 3.5): a recorder
 * for every supported resource type, global types in the home region only, delivering configuration
 * history and daily snapshots to the account's own prefix of the shared log archive
 * ({@code AWSLogs/<account>/Config/}), encrypted with the archive's key, then switched on.
 *
 * <p>AWS needs them in this order: the recorder exists before its delivery channel can be created, and
 * the recorder starts only once the delivery channel exists. Both are dependencies here, so no
 * {@code pulumi up} depends on luck.
 */
public final class ConfigRecorder extends ComponentResource {

    public static final String TYPE = "quest:governance:ConfigRecorder";

    /** AWS's managed policy for the Config recorder: read-only access to describe every supported resource. */
    public static final String CONFIG_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

    private final Output<String> recorderName;
    private final Output<String> roleArn;
    private final RecorderStatus status;

    public ConfigRecorder(String name, ConfigRecorderArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        var role = new Role(name + "-role", RoleArgs.builder()
                .description("AWS Config recorder: describes resources, delivers to the log archive")
                .assumeRolePolicy(trustPolicy(args.accountId()).toJson())
                .tags(tags.named(name + "-role"))
                .build(), child);
        var managed = new RolePolicyAttachment(name + "-role-config", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(CONFIG_ROLE_POLICY_ARN)
                .build(), child);
        var delivery = new RolePolicy(name + "-role-delivery", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(args.archiveBucketArn(), args.archiveKeyArn())
                        .applyValue(t -> deliveryPolicy(t.t1, t.t2, args.accountId()).toJson()))
                .build(), child);

        var recorder = new Recorder(name + "-recorder", RecorderArgs.builder()
                .name(name + "-recorder")
                .roleArn(role.arn())
                .recordingGroup(RecorderRecordingGroupArgs.builder()
                        .allSupported(true)
                        .includeGlobalResourceTypes(args.recordGlobalResources())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(managed, delivery).build());

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
        this.roleArn = role.arn();
        registerOutputs(Map.of("recorderName", recorderName, "roleArn", roleArn));
    }

    /** Only the Config service, acting for this account, can assume the recorder's role. */
    static PolicyDocument trustPolicy(String accountId) {
        return PolicyDocument.of(Statement.allow("ConfigAssumesRole")
                .principal(Principal.service("config.amazonaws.com"))
                .actions("sts:AssumeRole")
                .when("StringEquals", "aws:SourceAccount", accountId))
                .requireWithin(PolicyDocument.TRUST_POLICY_LIMIT, "the Config recorder's trust policy");
    }

    /** Write access to this account's Config prefix of the archive, and use of the archive's key, nothing else. */
    static PolicyDocument deliveryPolicy(String bucketArn, String keyArn, String accountId) {
        return PolicyDocument.of(
                Statement.allow("CheckArchiveAcl")
                        .actions("s3:GetBucketAcl")
                        .resources(bucketArn),
                Statement.allow("DeliverToArchive")
                        .actions("s3:PutObject", "s3:PutObjectAcl")
                        .resources(bucketArn + "/AWSLogs/" + accountId + "/Config/*")
                        .when("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"),
                Statement.allow("EncryptWithArchiveKey")
                        .actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resources(keyArn))
                .requireWithin(PolicyDocument.INLINE_ROLE_POLICY_LIMIT, "the Config recorder's delivery policy");
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
