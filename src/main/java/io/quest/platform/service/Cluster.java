package io.quest.platform.service;

import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.quest.platform.tags.Tags;

import java.util.Map;

/** An ECS cluster for Fargate services, with Container Insights collecting task and service metrics. */
public final class Cluster extends ComponentResource {

    public static final String TYPE = "quest:service:Cluster";

    private final Output<String> arn;
    private final Output<String> clusterName;

    public Cluster(String name, Tags tags, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var cluster = new com.pulumi.aws.ecs.Cluster(name + "-cluster", ClusterArgs.builder()
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .tags(tags.named(name + "-cluster"))
                .build(), child);
        this.arn = cluster.arn();
        this.clusterName = cluster.name();
        registerOutputs(Map.of("arn", arn, "clusterName", clusterName));
    }

    public Output<String> arn() {
        return arn;
    }

    public Output<String> clusterName() {
        return clusterName;
    }
}
