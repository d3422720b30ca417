package io.quest.platform.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS Config recording in the workload accounts, as planned. */
class ConfigRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackPlan dev;
    private static StackPlan prod;
    private static StackPlan shared;

    @BeforeAll
    static void plan() {
        dev = BaselinePlans.platform().stack("dev");
        prod = BaselinePlans.platform().stack("prod");
        shared = BaselinePlans.platform().stack("shared");
    }

    @Test
    void the_recorder_records_every_supported_resource_and_global_ones_only_in_the_home_region() {
        assertThat(dev.ofType("aws:cfg/recorder:Recorder")).hasSize(1);
        PlannedResource recorder = dev.named("dev-config-recorder");
        assertThat(recorder.input("recordingGroup", "allSupported")).isEqualTo(true);
        assertThat(recorder.input("recordingGroup", "includeGlobalResourceTypes")).isEqualTo(true);
        assertThat(recorder.input("roleArn")).isEqualTo("arn:aws:iam::222222222222:role/" + dev.named("dev-config-role").id());

        // prod's home region is eu-central-1, so its eu-west-1 recorder leaves IAM to that region
        assertThat(prod.named("prod-config-recorder").input("recordingGroup", "includeGlobalResourceTypes")).isEqualTo(false);
    }

    @Test
    void the_delivery_channel_writes_to_the_shared_log_archive_encrypted_with_its_key() {
        PlannedResource channel = dev.named("dev-config-delivery");
        assertThat(channel.input("s3BucketName")).isEqualTo(shared.outputs().get("logArchiveBucket"));
        assertThat(channel.input("s3KmsKeyArn")).isEqualTo(shared.outputs().get("logArchiveKeyArn"));
        // AWS's own AWSLogs/<account>/Config/ layout is the account's prefix, the only one the archive lets it write
        assertThat(channel.input("s3KeyPrefix")).isNull();
        assertThat(channel.input("snapshotDeliveryProperties", "deliveryFrequency")).isEqualTo("TwentyFour_Hours");
    }

    @Test
    void aws_order_is_expressed_recorder_then_delivery_channel_then_recorder_started() {
        PlannedResource recorder = dev.named("dev-config-recorder");
        PlannedResource channel = dev.named("dev-config-delivery");
        PlannedResource status = dev.named("dev-config-recorder-status");

        assertThat(channel.dependencies()).contains(recorder.urn());
        assertThat(status.dependencies()).contains(channel.urn(), recorder.urn());
        assertThat(status.input("isEnabled")).isEqualTo(true);
        assertThat(status.input("name")).isEqualTo(recorder.input("name")).isEqualTo("dev-config-recorder");
        assertThat(recorder.dependencies()).contains(dev.named("dev-config-role-config").urn(), dev.named("dev-config-role-delivery").urn());
    }

    @Test
    void the_recorder_role_is_for_config_of_this_account_with_aws_managed_policy_and_archive_write() throws Exception {
        JsonNode trust = JSON.readTree((String) dev.named("dev-config-role").input("assumeRolePolicy")).get("Statement").get(0);
        assertThat(trust.get("Principal").get("Service").asText()).isEqualTo("config.amazonaws.com");
        assertThat(trust.get("Condition").get("StringEquals").get("aws:SourceAccount").asText()).isEqualTo("222222222222");

        assertThat(dev.named("dev-config-role-config").input("policyArn"))
                .isEqualTo("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");

        JsonNode delivery = JSON.readTree((String) dev.named("dev-config-role-delivery").input("policy")).get("Statement");
        assertThat(delivery).hasSize(3);
        assertThat(delivery.get(1).get("Resource").asText())
                .isEqualTo(shared.outputs().get("logArchiveBucketArn") + "/AWSLogs/222222222222/Config/*");
        assertThat(delivery.get(1).get("Condition").get("StringEquals").get("s3:x-amz-acl").asText()).isEqualTo("bucket-owner-full-control");
        assertThat(delivery.get(2).get("Resource").asText()).isEqualTo(shared.outputs().get("logArchiveKeyArn"));
    }

    @Test
    void recording_resources_are_children_of_the_component_through_the_stack_provider() {
        PlannedResource component = dev.ofType(ConfigRecorder.TYPE).get(0);
        var children = dev.resources().stream().filter(r -> component.urn().equals(r.parent())).toList();
        assertThat(children).hasSize(6).allSatisfy(r -> assertThat(r.provider()).isEqualTo(dev.named("dev-aws").urn()));
    }
}
