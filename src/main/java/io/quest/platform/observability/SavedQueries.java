package io.quest.platform.observability;

import com.pulumi.aws.cloudwatch.QueryDefinition;
import com.pulumi.aws.cloudwatch.QueryDefinitionArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/** The saved Logs Insights queries of a {@link Monitoring}, one per {@link LogQuery}, on the service's log group. */
final class SavedQueries {

    private SavedQueries() {
    }

    /** Registers every query under {@code parent}, saved under the environment's folder. */
    static void register(Monitoring parent, String name, MonitoringArgs args) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        for (LogQuery query : LogQuery.values()) {
            new QueryDefinition(name + "-" + query.key(), QueryDefinitionArgs.builder()
                    .name(query.savedName(args.environment()))
                    .queryString(query.query())
                    .logGroupNames(args.service().logGroupName().applyValue(List::of))
                    .build(), child);
        }
    }
}
