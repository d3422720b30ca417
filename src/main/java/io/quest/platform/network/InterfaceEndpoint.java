package io.quest.platform.network;

import io.quest.platform.choice.ConfigChoice;

import java.util.EnumSet;
import java.util.Set;

/** AWS services the private subnets can reach through an interface endpoint instead of a NAT gateway. */
public enum InterfaceEndpoint implements ConfigChoice {
    /** ECR's API: image manifests and auth tokens for task image pulls. */
    ECR_API("ecr.api"),
    /** ECR's Docker registry endpoint: image layers (the layers themselves come through the S3 gateway endpoint). */
    ECR_DKR("ecr.dkr"),
    /** CloudWatch Logs: the awslogs driver of every task. */
    LOGS("logs"),
    /** Secrets Manager: secrets injected into task definitions. */
    SECRETS_MANAGER("secretsmanager"),
    /** Systems Manager Parameter Store: parameters injected into task definitions. */
    SSM("ssm"),
    /** SSM messages: the channel ECS Exec sessions use. */
    SSM_MESSAGES("ssmmessages"),
    /** KMS: decrypting secrets and logs encrypted with customer-managed keys. */
    KMS("kms"),
    /** STS: role assumption from inside the VPC. */
    STS("sts");

    private final String configValue;

    InterfaceEndpoint(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The endpoint's AWS service name in a region, e.g. {@code com.amazonaws.eu-west-1.ecr.dkr}. */
    public String serviceName(String region) {
        return "com.amazonaws." + region + "." + configValue;
    }

    /** What a Fargate task needs to start without a NAT gateway: pull its image and ship its logs. */
    public static Set<InterfaceEndpoint> requiredWithoutNat() {
        return EnumSet.of(ECR_API, ECR_DKR, LOGS);
    }
}
