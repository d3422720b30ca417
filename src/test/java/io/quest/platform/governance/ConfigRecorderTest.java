package io.quest.platform.governance;

import io.quest.platform.aws.Partition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.planned.PlannedResource;
import io.quest.platform.plan.StackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        assertThat(recorder.input("roleArn"))
                .isEqualTo("arn:aws:iam::222222222222:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");

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
        assertThat(recorder.dependencies()).contains(dev.named("dev-config-service-role").urn());
    }

    @Test
    void the_recorder_uses_aws_config_s_service_linked_role_which_the_account_s_baseline_creates_and_no_role_of_its_own() {
        Map<StackPlan, String> accounts = Map.of(dev, "222222222222", prod, "333333333333", shared, "111111111111");
        for (StackPlan stack : accounts.keySet()) {
            List<PlannedResource> linked = stack.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole");
            assertThat(linked).as(stack.stack()).singleElement()
                    .satisfies(r -> assertThat(r.input("awsServiceName")).isEqualTo("config.amazonaws.com"));
            PlannedResource recorder = stack.ofType("aws:cfg/recorder:Recorder").get(0);
            assertThat(recorder.input("roleArn")).isEqualTo(ConfigRecorder.serviceLinkedRoleArn(Partition.AWS, accounts.get(stack)));
            assertThat(recorder.dependencies()).contains(linked.get(0).urn());
            // no custom recorder role, no AWS_ConfigRole attachment
            PlannedResource component = stack.ofType(ConfigRecorder.TYPE).get(0);
            assertThat(stack.resources()).filteredOn(r -> component.urn().equals(r.parent()))
                    .extracting(PlannedResource::type).doesNotContain("aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
                            "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        }
        assertThat(ConfigRecorder.serviceLinkedRoleArn(Partition.AWS, "222222222222"))
                .isEqualTo("arn:aws:iam::222222222222:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
    }

    @Test
    void the_archive_admits_aws_config_itself_for_each_account_s_prefix_as_the_service_linked_role_needs() throws Exception {
        JsonNode bucket = JSON.readTree((String) shared.named("log-archive-policy").input("policy")).get("Statement");
        JsonNode write = null;
        for (JsonNode s : bucket) {
            if (s.path("Sid").asText().equals("ConfigWrite222222222222")) {
                write = s;
            }
        }
        assertThat(write).as("ConfigWrite222222222222").isNotNull();
        assertThat(write.get("Principal").get("Service").asText()).isEqualTo("config.amazonaws.com");
        assertThat(write.get("Resource").asText()).isEqualTo(shared.outputs().get("logArchiveBucketArn") + "/AWSLogs/222222222222/Config/*");
        assertThat(write.get("Condition").get("StringEquals").get("aws:SourceAccount").asText()).isEqualTo("222222222222");
    }

    @Test
    void recording_resources_are_children_of_the_component_through_the_stack_provider() {
        PlannedResource component = dev.ofType(ConfigRecorder.TYPE).get(0);
        var children = dev.resources().stream().filter(r -> component.urn().equals(r.parent())).toList();
        assertThat(children).hasSize(4).allSatisfy(r -> assertThat(r.provider()).isEqualTo(dev.named("dev-aws").urn()));
    }
}
