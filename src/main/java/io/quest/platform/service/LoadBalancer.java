package io.quest.platform.service;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;
import io.quest.platform.storage.AccessLogBucket;
import io.quest.platform.storage.ChildNames;
import io.quest.platform.storage.HardenedBucket;
import io.quest.platform.storage.HardenedBucketArgs;
import io.quest.platform.storage.ObjectOwnership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An internet-facing Application Load Balancer in the public subnets: a security group admitting only
 * 80 and 443 from anywhere (egress to the targets is added by whoever owns them), an HTTPS listener with a
 * TLS 1.3 policy and an HTTP listener that redirects to it with a 301 (with {@link TlsMode#NONE}, an HTTP
 * listener that forwards), an IP target group, invalid header fields dropped, access logs to an SSE-S3
 * bucket of its own, deletion protection when the composing stack asks for it ({@link LoadBalancerArgs#protect()}),
 * and a Route 53 alias when it has a domain name.
 */
public final class LoadBalancer extends ComponentResource implements TrafficSource {

    public static final String TYPE = "quest:service:LoadBalancer";
    /** The prefix of the log bucket's own server access logs in their bucket. */
    static final String ACCESS_LOG_PREFIX = "alb-logs/";

    private final Output<String> securityGroupId;
    private final Output<String> arnSuffix;
    private final Output<String> arn;
    private final Output<String> dnsName;
    private final Output<String> targetGroupArn;
    private final Output<String> targetGroupArnSuffix;
    private final Output<String> url;
    private final Output<String> zoneId;
    private final Output<String> forwardingListenerArn;
    private final List<Resource> listeners = new ArrayList<>();

    public LoadBalancer(String name, LoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = args.tags();

        var sg = new SecurityGroup(name + "-alb-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Load balancer " + name + ": web ports from the internet, the service's port to its tasks")
                .revokeRulesOnDelete(true)
                .tags(tags.named(name + "-alb-sg"))
                .build(), child);
        List<Integer> ports = args.tlsMode() == TlsMode.NONE ? List.of(80) : List.of(80, 443);
        for (int port : ports) {
            for (String family : List.of("ipv4", "ipv6")) {
                var rule = SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description((port == 443 ? "HTTPS" : "HTTP") + " from anywhere (" + family + ")")
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .tags(tags.named(name + "-alb-in-" + port + "-" + family));
                if (family.equals("ipv4")) {
                    rule.cidrIpv4("0.0.0.0/0");
                } else {
                    rule.cidrIpv6("::/0");
                }
                new SecurityGroupIngressRule(name + "-alb-in-" + port + "-" + family, rule.build(), child);
            }
        }

        var logs = accessLogBucket(name, args);

        var alb = new com.pulumi.aws.lb.LoadBalancer(name + "-alb", com.pulumi.aws.lb.LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .ipAddressType("ipv4")
                .subnets(args.publicSubnetIds())
                .securityGroups(Output.all(List.of(sg.id())))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(args.protect())
                .accessLogs(LoadBalancerAccessLogsArgs.builder().bucket(logs.bucketName()).enabled(true).build())
                .tags(tags.named(name + "-alb"))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(logs.policy()).build());

        var targetGroup = new TargetGroup(name + "-tg", TaskTargetGroup.args(name + "-tg", args.vpcId(), args.containerPort(),
                args.deregistrationDelaySeconds(), args.healthCheckPath(), tags), child);

        var forward = ListenerDefaultActionArgs.builder().type("forward").targetGroupArn(targetGroup.arn()).build();
        if (args.tlsMode() == TlsMode.NONE) {
            listeners.add(new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80).protocol("HTTP")
                    .defaultActions(forward)
                    .tags(tags.named(name + "-http", Map.of("quest:tls", "none")))
                    .build(), child));
        } else {
            listeners.add(new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(443).protocol("HTTPS")
                    .sslPolicy(args.tlsPolicy().configValue())
                    .certificateArn(args.certificateArn().orElseThrow())
                    .defaultActions(forward)
                    .tags(tags.named(name + "-https"))
                    .build(), child));
            listeners.add(new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(80).protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port("443").statusCode("HTTP_301").build())
                            .build())
                    .tags(tags.named(name + "-http"))
                    .build(), child));
        }

        if (args.domainName().isPresent()) {
            new Record(name + "-alias", RecordArgs.builder()
                    .zoneId(args.hostedZoneId().orElseThrow())
                    .name(args.domainName().get())
                    .type("A")
                    .aliases(RecordAliasArgs.builder().name(alb.dnsName()).zoneId(alb.zoneId()).evaluateTargetHealth(true).build())
                    .build(), child);
        }

        this.securityGroupId = sg.id();
        this.zoneId = alb.zoneId();
        // The first listener forwards to the target group: HTTPS, or HTTP with TlsMode.NONE.
        this.forwardingListenerArn = ((Listener) listeners.get(0)).arn();
        this.arnSuffix = alb.arnSuffix();
        this.arn = alb.arn();
        this.dnsName = alb.dnsName();
        this.targetGroupArn = targetGroup.arn();
        this.targetGroupArnSuffix = targetGroup.arnSuffix();
        String scheme = args.tlsMode() == TlsMode.NONE ? "http://" : "https://";
        this.url = args.domainName().map(d -> Output.of(scheme + d)).orElseGet(() -> alb.dnsName().applyValue(d -> scheme + d));
        registerOutputs(Map.of(
                "securityGroupId", securityGroupId,
                "arnSuffix", arnSuffix,
                "dnsName", dnsName,
                "targetGroupArn", targetGroupArn,
                "url", url));
    }

    /**
     * A bucket for access logs: SSE-S3, public access blocked, TLS-only, unversioned, objects expiring after the
     * retention period, ACLs disabled (BucketOwnerEnforced, FSBP S3.12). AWS's current requirements for an ALB log bucket
     * are the same region as the load balancer, SSE-S3 as the only encryption, and a bucket policy letting the region's
     * Elastic Load Balancing account (regions opened before August 2022) or
     * {@code logdelivery.elasticloadbalancing.amazonaws.com} put objects; nothing asks for ACLs
     * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html, steps 1 and 2, read
     * 2026-12-02). With ACLs disabled S3 still accepts a PUT that carries the {@code bucket-owner-full-control} ACL, and
     * refuses only other ACLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html,
     * read 2026-12-02), so a delivery that sends it keeps working. The bucket's own requests are logged to a bucket beside
     * it ({@link AccessLogBucket}).
     */
    private HardenedBucket accessLogBucket(String name, LoadBalancerArgs args) {
        return new HardenedBucket(name + "-alb-logs", HardenedBucketArgs.builder()
                .names(ChildNames.of(name + "-alb-logs").withEncryption(name + "-alb-logs-sse").withLifecycle(name + "-alb-logs-expiry"))
                .tags(args.tags().named(name + "-alb-logs"))
                .ownership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(false)
                .policy(b -> b.arn().applyValue(arn -> accessLogPolicy(arn, args.accountId(), args.region())))
                .lifecycleRules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-access-logs")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.accessLogRetentionDays()).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                .daysAfterInitiation(7).build())
                        .build())
                .accessLogs(bucketArn -> AccessLogBucket.create(name + "-alb-logs-access-logs", new AccessLogBucket.Spec(
                        args.accountId(), ACCESS_LOG_PREFIX, args.accessLogRetentionDays(), args.protect(), args.retainOnDelete(),
                        args.tags().named(name + "-alb-logs-access-logs")), bucketArn, this))
                .forceDestroy(!args.protect() && !args.retainOnDelete())
                .protect(args.protect())
                .retainOnDelete(args.retainOnDelete())
                .build(), ComponentResourceOptions.builder().parent(this).build(), this);
    }

    /** Only the region's log delivery may write, only under this account's prefix, and only over TLS. */
    static PolicyDocument accessLogPolicy(String bucketArn, String accountId, String region) {
        return PolicyDocument.of(
                Statement.denyInsecureTransport(bucketArn),
                Statement.allow("ElbAccessLogDelivery")
                        .principal(ElbLogDelivery.principal(region))
                        .actions("s3:PutObject")
                        .resources(bucketArn + "/AWSLogs/" + accountId + "/*"));
    }

    @Override
    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** The load balancer's ARN, what a web ACL is associated with. */
    public Output<String> arn() {
        return arn;
    }

    /** {@code app/<name>/<id>}, as CloudWatch metrics and request-count scaling name the load balancer. */
    @Override
    public Output<String> arnSuffix() {
        return arnSuffix;
    }

    public Output<String> dnsName() {
        return dnsName;
    }

    @Override
    public Output<String> targetGroupArn() {
        return targetGroupArn;
    }

    /** {@code targetgroup/<name>/<id>}. */
    @Override
    public Output<String> targetGroupArnSuffix() {
        return targetGroupArnSuffix;
    }

    /** Where the service answers: its domain name when it has one, else the load balancer's DNS name. */
    public Output<String> url() {
        return url;
    }

    /** The Route 53 zone of the load balancer's DNS name, what an alias record to it names. */
    public Output<String> zoneId() {
        return zoneId;
    }

    /** The listener that forwards to the service (HTTPS; HTTP with {@link TlsMode#NONE}), where other stacks add rules. */
    public Output<String> forwardingListenerArn() {
        return forwardingListenerArn;
    }

    /** The listeners, for a service that must not start before its target group is attached. */
    @Override
    public List<Resource> listeners() {
        return List.copyOf(listeners);
    }
}
