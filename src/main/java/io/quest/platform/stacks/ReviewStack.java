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
        var web = new WebService(name + "-web", ServiceLayer.webService(config, service, network, image)
                .placement(cluster, route)
                .protect(false)
                .retainOnDelete(false)
                .build(), inAccount);

        ServiceLayer.outputs(route.url(), route.targetGroupArnSuffix(), loadBalancer, cluster, web, image).export(ctx);
        ctx.export(EXPIRES_AT, Output.of(review.expiresAt()));
    }
}
