package io.quest.platform.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.aws.cfg.AggregateAuthorization;
import com.pulumi.aws.cfg.AggregateAuthorizationArgs;
import com.pulumi.aws.cfg.Rule;
import com.pulumi.aws.cfg.RuleArgs;
import com.pulumi.aws.cfg.inputs.RuleSourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The account's AWS Config managed rules, and the authorisation that lets the shared account's
 * configuration aggregator collect this account's configuration and compliance.
 */
public final class ConfigRules extends ComponentResource {

    public static final String TYPE = "quest:governance:ConfigRules";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Output<List<String>> ruleArns;

    public ConfigRules(String name, ConfigRulesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var afterRecorder = CustomResourceOptions.builder().parent(this).dependsOn(args.recorder()).build();

        List<Output<String>> arns = args.rules().stream()
                .map(rule -> new Rule(name + "-" + rule.name(), ruleArgs(rule, args), afterRecorder).arn())
                .toList();

        // The shared account's aggregator reads this account only once it is authorised here.
        new AggregateAuthorization(name + "-aggregation", AggregateAuthorizationArgs.builder()
                .accountId(args.aggregatorAccountId())
                .region(args.aggregatorRegion())
                .tags(args.tags().named(name + "-aggregation"))
                .build(), CustomResourceOptions.builder().parent(this).build());

        this.ruleArns = Output.all(arns);
        registerOutputs(Map.of("ruleArns", ruleArns));
    }

    public Output<List<String>> ruleArns() {
        return ruleArns;
    }

    private static RuleArgs ruleArgs(ManagedRule rule, ConfigRulesArgs args) {
        var builder = RuleArgs.builder()
                .name(rule.name())
                .description("AWS managed rule " + rule.identifier() + "; checks " + rule.controls())
                .source(RuleSourceArgs.builder()
                        .owner("AWS")
                        .sourceIdentifier(rule.identifier())
                        .build())
                .tags(args.tags().named(rule.name()));
        if (!rule.parameters().isEmpty()) {
            builder.inputParameters(json(rule.parameters()));
        }
        return builder.build();
    }

    static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
