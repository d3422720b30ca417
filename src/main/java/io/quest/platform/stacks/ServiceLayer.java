package io.quest.platform.stacks;

import io.quest.platform.aws.Partition;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ecr.EcrFunctions;
import com.pulumi.aws.ecr.inputs.GetImageArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;
import io.quest.platform.config.ImageSource;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.ServiceConfig;
import io.quest.platform.config.TlsConfig;
import io.quest.platform.data.DatabaseSpec;
import io.quest.platform.observability.MonitoringArgs;
import io.quest.platform.service.Certificate;
import io.quest.platform.service.CertificateArgs;
import io.quest.platform.service.CertificateRenewal;
import io.quest.platform.service.CertificateRenewalArgs;
import io.quest.platform.service.Cluster;
import io.quest.platform.service.DatabaseClient;
import io.quest.platform.service.LoadBalancer;
import io.quest.platform.service.LoadBalancerArgs;
import io.quest.platform.service.ServiceOutputs;
import io.quest.platform.service.TlsMode;
import io.quest.platform.service.WebFirewall;
import io.quest.platform.service.WebFirewallArgs;
import io.quest.platform.service.WebService;
import io.quest.platform.service.WebServiceArgs;

import java.util.Optional;

/**
 * An environment's service layer: cluster, certificate, load balancer and web service, composed on the
 * environment's network, running the image its configuration names (resolved to a digest) or the exact
 * image another stack runs.
 */
final class ServiceLayer {

    private ServiceLayer() {
    }

    /** The image to deploy: a digest-pinned reference, the repository it is in, and the repository's ARN for pulling. */
    record Image(Output<String> reference, Output<String> digest, Output<String> repositoryUrl, Optional<Output<String>> repositoryArn) {
    }

    /**
     * What the service layer hands on: its output contract, the certificate the monitoring must watch because ACM
     * does not renew it (an imported or Let's Encrypt one), with the days ahead its expiry alarms, and the job that
     * renews a Let's Encrypt certificate.
     */
    record Composed(ServiceOutputs outputs, Optional<MonitoringArgs.ExpiringCertificate> expiringCertificate,
                    Optional<MonitoringArgs.RenewalJob> certificateRenewal, LoadBalancerOutputs loadBalancer) {
    }

    static Composed compose(PlatformConfig config, ServiceConfig service, SharedOutputs shared, NetworkOutputs network,
                            Provider provider, ComponentResourceOptions inAccount) {
        String name = config.environment() + "-web";
        TlsConfig tls = service.tls();
        Lifecycle lifecycle = Lifecycle.environment(config);
        // The container and web ACL logs, like the audit logs: protected and kept in production.
        Lifecycle logs = Lifecycle.auditLogs(config);
        var cluster = new Cluster(config.environment(), config.tags(), inAccount);
        var certificate = new Certificate(name, certificateArgs(tls, config), inAccount);

        var loadBalancerArgs = LoadBalancerArgs.builder()
                .account(config.accountId(), config.region())
                .network(network.vpcId(), network.publicSubnetIds())
                .containerPort(service.containerPort())
                .healthCheckPath(service.healthCheckPath())
                .deregistrationDelaySeconds(service.deregistrationDelaySeconds())
                .tls(tls.mode(), tls.policy(), certificate.arn())
                .accessLogRetentionDays(service.accessLogRetentionDays())
                .protect(lifecycle.protect())
                .retainOnDelete(lifecycle.retainOnDelete())
                .tags(config.tags());
        if (tls.mode() == TlsMode.ACM || tls.mode() == TlsMode.LETSENCRYPT) {
            loadBalancerArgs.alias(tls.domainName().orElseThrow(), tls.hostedZoneId().orElseThrow());
        }
        var loadBalancer = new LoadBalancer(name, loadBalancerArgs.build(), inAccount);
        if (service.waf()) {
            new WebFirewall(name + "-waf", new WebFirewallArgs(config.accountId(), config.region(), loadBalancer.arn(),
                    WebFirewallArgs.DEFAULT_RULE_GROUPS, service.logRetentionDays(), logs.protect() && logs.retainOnDelete(),
                    config.tags()), inAccount);
        }

        Image image = image(config, service, shared, provider);
        var web = new WebService(name, webService(config, service, network, image)
                .placement(cluster, loadBalancer)
                .database(service.database() ? Optional.of(databaseClient(config)) : Optional.empty())
                .protect(logs.protect())
                .retainOnDelete(logs.retainOnDelete())
                .build(), inAccount);
        Optional<MonitoringArgs.ExpiringCertificate> expiring = tls.mode() == TlsMode.IMPORTED || tls.mode() == TlsMode.LETSENCRYPT
                ? certificate.arn().map(arn -> new MonitoringArgs.ExpiringCertificate(arn, tls.expiryAlarmDays()))
                : Optional.empty();
        Optional<MonitoringArgs.RenewalJob> renewal = tls.letsEncrypt().map(letsEncrypt -> {
            var job = new CertificateRenewal(name + "-renewal", new CertificateRenewalArgs(
                    new CertificateRenewalArgs.Placement(config.accountId(), config.region(), cluster.arn(), network.vpcId(),
                            network.privateSubnetIds()),
                    new CertificateRenewalArgs.Acme(tls.names(), tls.hostedZoneId().orElseThrow(), letsEncrypt.contactEmail(),
                            letsEncrypt.endpoint(), letsEncrypt.image()),
                    certificate.arn().orElseThrow(),
                    service.logRetentionDays(),
                    lifecycle.protect(),
                    config.tags()), inAccount);
            return new MonitoringArgs.RenewalJob(name + "-renewal", cluster.arn(), job.taskFamily());
        });
        var loadBalancerOutputs = LoadBalancerOutputs.of(loadBalancer);
        return new Composed(outputs(loadBalancer.url(), loadBalancer.targetGroupArnSuffix(), loadBalancerOutputs, cluster, web, image),
                expiring, renewal, loadBalancerOutputs);
    }

    /**
     * The web service as the service configuration decides it, common to an environment's service and a review stack's:
     * the caller adds where it runs (cluster and traffic source), its database and its lifecycle.
     */
    static WebServiceArgs.Builder webService(PlatformConfig config, ServiceConfig service, NetworkOutputs network, Image image) {
        return WebServiceArgs.builder()
                .account(config.accountId(), config.region())
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
                .tags(config.tags());
    }

    /** The service's output contract: its URL and target group (the load balancer's, or a review stack's route). */
    static ServiceOutputs outputs(Output<String> url, Output<String> targetGroupArnSuffix, LoadBalancerOutputs loadBalancer,
                                  Cluster cluster, WebService web, Image image) {
        return new ServiceOutputs(url, loadBalancer.dnsName(), loadBalancer.arnSuffix(), targetGroupArnSuffix,
                cluster.clusterName(), web.serviceName(), web.logGroupName(), image.digest(), image.repositoryUrl(),
                web.securityGroupId(), web.taskRoleName());
    }

    /**
     * The environment's database as its tasks receive it: the SSM parameters its data stack writes, named by
     * {@link DataOutputs}. They are read when a task starts, not when this stack deploys: the data stack deploys after
     * this one (it needs the network and the tasks' security group), so this stack cannot read its outputs; and ECS
     * does not start a task whose parameter is missing ("ResourceInitializationError: ... invalid ssm parameters",
     * github.com/HHS/simpler-grants-gov pull 4330, 2025-03-26), so {@code service.database} is switched on once the data
     * stack exists. Parameter ARNs name the hierarchy without a second slash
     * ({@code arn:aws:ssm:<region>:<account>:parameter/quest/dev/database/endpoint}).
     */
    static DatabaseClient databaseClient(PlatformConfig config) {
        Partition partition = Partition.of(config.region());
        java.util.function.Function<String, String> arn = name -> partition.arn("ssm", config.region(), config.accountId(), "parameter" + name);
        String env = config.environment();
        return new DatabaseClient(arn.apply(DataOutputs.endpointParameter(env)), arn.apply(DataOutputs.nameParameter(env)),
                arn.apply(DataOutputs.secretArnParameter(env)), DatabaseSpec.PORT);
    }

    /** The certificate the configured TLS mode asks for; imported PEM values become secrets before anything reads them. */
    static CertificateArgs certificateArgs(TlsConfig tls, PlatformConfig config) {
        return switch (tls.mode()) {
            case ACM -> CertificateArgs.acm(tls.domainName().orElseThrow(), tls.alternativeNames(), tls.hostedZoneId().orElseThrow(),
                    config.tags());
            case IMPORTED -> CertificateArgs.imported(Output.ofSecret(tls.certificateBody().orElseThrow()),
                    tls.certificateChain().map(Output::ofSecret), Output.ofSecret(tls.privateKey().orElseThrow()), config.tags());
            case LETSENCRYPT -> CertificateArgs.letsEncrypt(tls.domainName().orElseThrow(), tls.alternativeNames(),
                    tls.hostedZoneId().orElseThrow(), config.tags());
            case NONE -> CertificateArgs.none(config.tags());
        };
    }

    /**
     * The image a service runs. A registry tag is looked up in the shared registry and deployed by digest,
     * so a re-pushed tag cannot change what runs; a promoted image is the digest the other stack deployed.
     */
    static Image image(PlatformConfig config, ServiceConfig service, SharedOutputs shared, Provider provider) {
        if (service.image() instanceof ImageSource.Registry registry) {
            Output<String> repositoryUrl = registry.repository()
                    .map(repo -> shared.registryUrl().applyValue(url -> url.substring(0, url.indexOf('/') + 1) + repo))
                    .orElse(shared.registryUrl());
            Output<String> digest = EcrFunctions.getImage(GetImageArgs.builder()
                            .registryId(shared.sharedAccountId())
                            .repositoryName(repositoryUrl.applyValue(url -> url.substring(url.indexOf('/') + 1)))
                            .imageTag(registry.tag())
                            .build(), InvokeOptions.builder().provider(provider).build())
                    .applyValue(found -> found.imageDigest());
            Output<String> repositoryArn = registry.repository().isPresent()
                    ? repositoryUrl.applyValue(ServiceLayer::repositoryArn) : shared.registryArn();
            return new Image(Output.format("%s@%s", repositoryUrl, digest), digest, repositoryUrl, Optional.of(repositoryArn));
        }
        if (service.image() instanceof ImageSource.Promoted promoted) {
            return promoted(ServiceOutputs.from(new StackReference(promoted.stack())));
        }
        var reference = (ImageSource.Reference) service.image();
        String ref = reference.reference();
        String repository = ref.replaceFirst("@sha256:[0-9a-f]{64}$", "").replaceFirst(":[^:/]+$", "");
        return new Image(Output.of(ref), Output.of(reference.digest().orElse("")), Output.of(repository),
                reference.ecrRepository().map(r -> Output.of(Partition.of(r[1]).arn("ecr", r[1], r[0], "repository/" + r[2]))));
    }

    /** The exact image another stack runs, by digest. */
    static Image promoted(ServiceOutputs source) {
        Output<String> url = source.imageRepositoryUrl();
        return new Image(Output.format("%s@%s", url, source.imageDigest()), source.imageDigest(), url,
                Optional.of(url.applyValue(ServiceLayer::repositoryArn)));
    }

    /** {@code 111111111111.dkr.ecr.eu-west-1.amazonaws.com/quest} → {@code arn:aws:ecr:eu-west-1:111111111111:repository/quest}. */
    static String repositoryArn(String repositoryUrl) {
        var m = ImageSource.ECR_URI.matcher(repositoryUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException(repositoryUrl + " is not an ECR repository URL");
        }
        return Partition.of(m.group(2)).arn("ecr", m.group(2), m.group(1), "repository/" + m.group(3));
    }
}
