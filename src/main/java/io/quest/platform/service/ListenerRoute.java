package io.quest.platform.service;

import com.pulumi.aws.lb.ListenerCertificate;
import com.pulumi.aws.lb.ListenerCertificateArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's way in through a load balancer another stack owns, for a review environment that should not pay for one
 * of its own: a target group in that load balancer's VPC, and a rule on its forwarding listener that sends the route's
 * requests there. With a host name the rule matches the {@code Host} header, a Route 53 alias points the name at the load
 * balancer, and on HTTPS an ACM certificate for the name is added to the listener (the listener picks it by SNI); without
 * one the rule matches a path prefix. Deleting the route deletes the rule first, and the owner's listener and default
 * action are never touched.
 *
 * <p>AWS's limits, from "Quotas for your Application Load Balancers"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html, read 2026-12-02): 100
 * rules per load balancer (not counting default rules) and 25 certificates per load balancer (not counting the default
 * certificate), both adjustable; rule priorities are 1 to 50,000 and unique per listener (CreateRule).
 */
public final class ListenerRoute extends ComponentResource implements TrafficSource {

    public static final String TYPE = "quest:service:ListenerRoute";

    private final Output<String> securityGroupId;
    private final Output<String> arnSuffix;
    private final Output<String> targetGroupArn;
    private final Output<String> targetGroupArnSuffix;
    private final Output<String> url;
    private final List<Resource> listeners = new ArrayList<>();

    public ListenerRoute(String name, ListenerRouteArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();
        var lb = args.loadBalancer();
        var routing = args.routing();

        var targetGroup = new TargetGroup(name + "-tg", TaskTargetGroup.args(name + "-tg", args.vpcId(), args.containerPort(),
                args.deregistrationDelaySeconds(), args.healthCheckPath(), tags), child);

        ListenerRuleConditionArgs condition;
        if (routing.hostName().isPresent()) {
            String host = routing.hostName().get();
            String zone = routing.hostedZoneId().orElseThrow();
            condition = ListenerRuleConditionArgs.builder()
                    .hostHeader(ListenerRuleConditionHostHeaderArgs.builder().values(host).build()).build();
            if (lb.https()) {
                var certificate = new Certificate(name + "-cert", CertificateArgs.acm(host, List.of(), zone, tags),
                        ComponentResourceOptions.builder().parent(this).build());
                listeners.add(new ListenerCertificate(name + "-listener-cert", ListenerCertificateArgs.builder()
                        .listenerArn(lb.listenerArn())
                        .certificateArn(certificate.arn().orElseThrow())
                        .build(), child));
            }
            new Record(name + "-alias", RecordArgs.builder()
                    .zoneId(zone)
                    .name(host)
                    .type("A")
                    .aliases(RecordAliasArgs.builder().name(lb.dnsName()).zoneId(lb.zoneId()).evaluateTargetHealth(true).build())
                    .build(), child);
        } else {
            condition = ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                            .values(routing.pathPrefix(), routing.pathPrefix() + "/*").build()).build();
        }
        listeners.add(new ListenerRule(name + "-rule", ListenerRuleArgs.builder()
                .listenerArn(lb.listenerArn())
                .priority(args.priority())
                .conditions(condition)
                .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build())
                .tags(tags.named(name + "-rule"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(List.copyOf(listeners)).build()));

        this.securityGroupId = lb.securityGroupId();
        this.arnSuffix = lb.arnSuffix();
        this.targetGroupArn = targetGroup.arn();
        this.targetGroupArnSuffix = targetGroup.arnSuffix();
        String scheme = lb.https() ? "https://" : "http://";
        this.url = routing.hostName().map(h -> Output.of(scheme + h))
                .orElseGet(() -> lb.dnsName().applyValue(d -> scheme + d + routing.pathPrefix() + "/"));
        registerOutputs(Map.of("targetGroupArn", targetGroupArn, "url", url));
    }

    @Override
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    @Override
    public Output<String> arnSuffix() {
        return arnSuffix;
    }

    @Override
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    @Override
    public Output<String> targetGroupArnSuffix() {
        return targetGroupArnSuffix;
    }

    /** Where the routed service answers: its host name, or the load balancer's name and the path prefix. */
    public Output<String> url() {
        return url;
    }

    @Override
    public List<Resource> listeners() {
        return List.copyOf(listeners);
    }
}
