package io.quest.platform.service;

import io.quest.platform.aws.Partition;
import io.quest.platform.aws.ServicePrincipal;
import io.quest.platform.iam.PolicyDocument;
import io.quest.platform.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The IAM and KMS policy documents of a {@link WebService}: its roles' trust and permissions, and its log key. */
final class WebServicePolicies {

    private WebServicePolicies() {
    }

    /** Only ECS tasks of this account and region may take the service's roles (confused-deputy conditions). */
    static PolicyDocument taskTrustPolicy(String accountId, String region) {
        return PolicyDocument.of(Statement.trustService("EcsTasks", ServicePrincipal.ECS_TASKS, Partition.of(region))
                .onBehalfOf(accountId)
                .when("ArnLike", "aws:SourceArn", Partition.of(region).arn("ecs", region, accountId, "*")));
    }

    /**
     * Pull the one image (when it is in ECR), write the one log group, read the listed secrets and the database's
     * parameters, nothing else. {@code ecr:GetAuthorizationToken} has no resource-level permissions, so it is on
     * {@code *}. The database's parameters are plain {@code String} parameters, so reading them needs no key.
     */
    static PolicyDocument executionPolicy(Optional<String> repositoryArn, String logGroupArn, List<String> secretArns,
                                          List<String> databaseParameterArns) {
        List<Statement> statements = new ArrayList<>();
        repositoryArn.ifPresent(repo -> {
            statements.add(Statement.allow("RegistryLogin").actions("ecr:GetAuthorizationToken").resources("*"));
            statements.add(Statement.allow("PullImage")
                    .actions("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")
                    .resources(repo));
        });
        statements.add(Statement.allow("WriteLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logGroupArn + ":log-stream:*"));
        List<String> parameters = secretArns.stream().filter(a -> a.contains(":ssm:")).sorted().distinct().toList();
        List<String> secrets = secretArns.stream().filter(a -> a.contains(":secretsmanager:")).sorted().distinct().toList();
        if (!parameters.isEmpty()) {
            statements.add(Statement.allow("ReadParameters").actions("ssm:GetParameters").resources(parameters));
        }
        if (!secrets.isEmpty()) {
            statements.add(Statement.allow("ReadSecrets").actions("secretsmanager:GetSecretValue").resources(secrets));
        }
        if (!databaseParameterArns.isEmpty()) {
            statements.add(Statement.allow("ReadDatabaseParameters").actions("ssm:GetParameters")
                    .resources(databaseParameterArns.stream().sorted().distinct().toList()));
        }
        return new PolicyDocument(statements);
    }

    /**
     * The repository GuardDuty keeps its Runtime Monitoring agent for Fargate in, in every region (GuardDuty User Guide,
     * "Prerequisites for AWS Fargate (Amazon ECS only) support" and "Repository for GuardDuty agent on AWS Fargate",
     * read 2026-12-02). GuardDuty's own account differs by region, so the statement names the repository in any account.
     */
    static final String GUARDDUTY_AGENT_REPOSITORY = "aws-guardduty-agent-fargate";

    /**
     * What ECS needs to start GuardDuty's agent sidecar beside the service's container, which GuardDuty adds to every
     * task when Runtime Monitoring manages the Fargate agent: log in to ECR and pull the agent's image, nothing else.
     * Without it the task still runs, unmonitored (the sidecar is not essential).
     */
    static PolicyDocument guardDutyAgentPolicy(String region) {
        return PolicyDocument.of(
                Statement.allow("RegistryLogin").actions("ecr:GetAuthorizationToken").resources("*"),
                Statement.allow("PullGuardDutyAgent")
                        .actions("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage")
                        .resources(Partition.of(region).arn("ecr", region, "*", "repository/" + GUARDDUTY_AGENT_REPOSITORY)));
    }

    /** The Session Manager channels ECS Exec opens from inside the task; these actions take no resource. */
    static PolicyDocument ecsExecPolicy() {
        return PolicyDocument.of(Statement.allow("EcsExecChannels")
                .actions("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel")
                .resources("*"));
    }
}
