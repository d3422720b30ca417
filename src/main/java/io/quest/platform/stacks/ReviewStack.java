package io.quest.platform.stacks;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.ImageSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ReviewConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.service.Cluster;
import io.quest.platform.service.ListenerRoute;
import io.quest.platform.service.ListenerRouteArgs;
import io.quest.platform.service.ServiceOutputs;
import io.quest.platform.service.WebService;
import io.quest.platform.service.WebServiceArgs;

/**
 * A pull request's review environment ({@code role: review}, stack {@code pr-<n>}): the service alone, in its environment's
 * account, on that environment's network (read through {@link NetworkOutputs}, so no VPC, NAT or endpoint of its own) and
 * behind that environment's load balancer (a {@link ListenerRoute}: a rule for {@code pr-<n>.<domain>}, or the path
 * {@code /pr-<n>}, so no load balancer, public address or certificate bill of its own). It creates none of the account's
 * singletons (no baseline: the environment stack's Config recorder, trail, GuardDuty, Security Hub, password policy and
 * Access Analyzer already cover the account), no monitoring, and nothing protected: {@code pulumi destroy} removes all of it.
 * Every resource carries the tag {@value ReviewConfig#EXPIRES_TAG}.
 */
public final class ReviewStack {

    /** The output naming when the stack may be destroyed. */
    static final String EXPIRES_AT = "expiresAt";

    private ReviewStack() {
    }

    static void compose(Context ctx, PlatformConfig config) {
        ReviewConfig review = config.review();
        ServiceConfig service = config.service().orElseThrow();
        var shared = SharedOutputs.from(new StackReference(config.sharedStack().orElseThrow()));
        Provider provider = Providers.forEnvironment(config, shared);
        var inAccount = EnvironmentStack.inAccount(provider, config, shared);

        var environment = new StackReference(review.environmentStack());
        NetworkOutputs network = NetworkOutputs.from(environment);
        LoadBalancerOutputs loadBalancer = LoadBalancerOutputs.from(environment);

        String name = config.stack().stack();
        var cluster = new Cluster(name, config.tags(), inAccount);
        var routing = review.hostName()
                .map(host -> ListenerRouteArgs.Routing.host(host, review.hostedZoneId().orElseThrow(), review.pathPrefix()))
                .orElseGet(() -> ListenerRouteArgs.Routing.path(review.pathPrefix()));
        var route = new ListenerRoute(name + "-web", new ListenerRouteArgs(network.vpcId(), loadBalancer.shared(review.https()), routing,
                review.rulePriority(), service.containerPort(), service.healthCheckPath(), service.deregistrationDelaySeconds(),
                config.tags()), inAccount);

        // The environment's own image is read through the reference already held: a second reference to one stack would
        // register the same URN twice.
        ServiceLayer.Image image = service.image() instanceof ImageSource.Promoted promoted && promoted.stack().equals(review.environmentStack())
                ? ServiceLayer.promoted(ServiceOutputs.from(environment))
                : ServiceLayer.image(config, service, shared, provider);
        var web = new WebService(name + "-web", WebServiceArgs.builder()
                .account(config.accountId(), config.region())
                .placement(cluster, route)
                .network(network.vpcId(), network.privateSubnetIds())
                .image(image.reference(), image.repositoryArn())
                .containerPort(service.containerPort())
                .size(service.size())
                .desiredCount(service.desiredCount())
                .autoscaling(service.autoscaling())
                .healthCheckGracePeriodSeconds(service.healthCheckGracePeriodSeconds())
                .readonlyRootFilesystem(service.readonlyRootFilesystem())
                .environment(service.environment())
                .secrets(service.secrets())
                .ecsExec(service.ecsExec())
                .logRetentionDays(service.logRetentionDays())
                .protect(false)
                .retainOnDelete(false)
                .tags(config.tags())
                .build(), inAccount);

        new ServiceOutputs(
                route.url(),
                loadBalancer.dnsName(),
                loadBalancer.arnSuffix(),
                route.targetGroupArnSuffix(),
                cluster.clusterName(),
                web.serviceName(),
                web.logGroupName(),
                image.digest(),
                image.repositoryUrl(),
                web.securityGroupId(),
                web.taskRoleName()).export(ctx);
        ctx.export(EXPIRES_AT, Output.of(review.expiresAt()));
    }
}
