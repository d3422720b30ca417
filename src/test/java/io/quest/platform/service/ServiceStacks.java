package io.quest.platform.service;

import io.quest.platform.testing.PlanFixture;

/** Environment stack files with a service, for the service tests. */
final class ServiceStacks {

    /** A PEM-looking value that must never appear in a plan. */

    private ServiceStacks() {
    }

    /** The fixture's shared stack, with the imported-certificate environment's account among the members. */
    static String shared() {
        String shared = PlanFixture.SHARED.replace("test: \"444444444444\"}", "test: \"444444444444\", imp: \"555555555555\"}");
        if (shared.equals(PlanFixture.SHARED)) {
            throw new IllegalStateException("the fixture's shared stack no longer lists its accounts as expected");
        }
        return shared;
    }

    /** An environment with a network and the given service and TLS settings, as YAML lines at the config level. */
    static String environment(String account, String cidr, String... lines) {
        StringBuilder more = new StringBuilder();
        for (String line : lines) {
            more.append("  ").append(line).append('\n');
        }
        return PlanFixture.environment(account, cidr, "natGateways: single", "availabilityZones: 2") + more;
    }

    /** dev: the shared registry's image by tag, ACM with a wildcard and a second name, CPU and request scaling. */
    static String dev() {
        return environment("222222222222", "10.10.0.0/16",
                "quest-platform:service:",
                "  image: {tag: \"1.4.2\"}",
                "  containerPort: 3000",
                "  cpu: 256",
                "  memoryMiB: 512",
                "  desiredCount: 2",
                "  autoscaling: {min: 2, max: 4, cpuTarget: 70, requestsPerTarget: 500}",
                "  healthCheckPath: /health",
                "  environment: {NODE_ENV: production}",
                "  secrets:",
                "    SECRET_WORD: arn:aws:ssm:eu-west-1:222222222222:parameter/quest/secret-word",
                "    API_TOKEN: arn:aws:secretsmanager:eu-west-1:222222222222:secret:quest/api-token-AbCdEf",
                "quest-platform:tls:",
                "  mode: acm",
                "  domainName: quest-dev.example.com",
                "  alternativeNames: [\"*.quest-dev.example.com\", www.example.org]",
                "  hostedZoneId: Z0DEVZONE");
    }

    /** prod: promotes dev's image; TLS 1.3 only. */
    static String prod() {
        return environment("333333333333", "10.20.0.0/16",
                "quest-platform:service:",
                "  image: {promoteFrom: dev}",
                "  containerPort: 3000",
                "  cpu: 512",
                "  memoryMiB: 1024",
                "  desiredCount: 3",
                "quest-platform:tls:",
                "  mode: acm",
                "  domainName: quest.example.com",
                "  hostedZoneId: Z0PRODZONE",
                "  policy: ELBSecurityPolicy-TLS13-1-3-2021-06");
    }

    /**
     * test: plain HTTP, a public image outside ECR, ECS Exec with a writable root filesystem, no autoscaling, container
     * and access logs kept for different periods.
     */
    static String plain() {
        return environment("444444444444", "10.30.0.0/16",
                "quest-platform:service:",
                "  image: {reference: \"public.ecr.aws/docker/library/node:22-alpine\"}",
                "  containerPort: 8080",
                "  readonlyRootFilesystem: false",
                "  ecsExec: true",
                "  logRetentionDays: 7",
                "  accessLogRetentionDays: 45",
                "quest-platform:tls: {mode: none}");
    }

    /** imp: an imported certificate whose private key is secure in the stack file and whose body is not. */
    static String imported() {
        return environment("555555555555", "10.40.0.0/16",
                "quest-platform:service:",
                "  image: {tag: \"1.4.2\"}",
                "quest-platform:tls:",
                "  mode: imported",
                "  certificateBody: \"-----BEGIN CERTIFICATE-----MIIDdzCCAl-----END CERTIFICATE-----\"",
                "  privateKey: {secure: v1:c2VjcmV0LWtleQ==}");
    }
}
