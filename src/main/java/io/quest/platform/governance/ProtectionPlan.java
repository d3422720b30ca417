package io.quest.platform.governance;

import java.util.List;
import java.util.Optional;

/**
 * The GuardDuty protection plans of every detector, each with the Security Hub control that checks it and the
 * platform's decision: enabled, or disabled with the reason and the compensating control written here (a disabled
 * plan is a deliberate exception, listed in docs/baseline.md and shown as a plan finding).
 *
 * <p>Feature and additional-configuration names: GuardDuty API reference, {@code DetectorFeatureConfiguration} and
 * {@code DetectorAdditionalConfiguration} (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html,
 * read 2026-12-02): {@code RUNTIME_MONITORING} and {@code EKS_RUNTIME_MONITORING} may not both be given, so EKS is
 * covered through Runtime Monitoring's {@code EKS_ADDON_MANAGEMENT}. Control IDs: Security Hub "Security Hub controls
 * for GuardDuty" (https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html, read 2026-12-02).
 */
public enum ProtectionPlan {

    /** S3 Protection: CloudTrail S3 data events of every bucket analysed (the log archive and state included). */
    S3_DATA_EVENTS("S3_DATA_EVENTS", "GuardDuty.10", List.of()),
    /**
     * EKS Audit Log Monitoring: the platform runs no EKS cluster, so it is free; on, so a cluster someone creates by
     * hand is watched from its first API call, and GuardDuty.5 passes.
     */
    EKS_AUDIT_LOGS("EKS_AUDIT_LOGS", "GuardDuty.5", List.of()),
    /** Malware Protection for EC2: EBS volumes scanned when a finding points at an instance (GuardDuty-initiated scans). */
    EBS_MALWARE_PROTECTION("EBS_MALWARE_PROTECTION", "GuardDuty.8", List.of()),
    /** RDS Protection: login activity of Aurora and RDS databases analysed (free until a database exists). */
    RDS_LOGIN_EVENTS("RDS_LOGIN_EVENTS", "GuardDuty.9", List.of()),
    /** Lambda Protection: network activity of Lambda functions (the canary's, and any later ones). */
    LAMBDA_NETWORK_LOGS("LAMBDA_NETWORK_LOGS", "GuardDuty.6", List.of()),
    /**
     * Runtime Monitoring (GuardDuty.11): the agent GuardDuty manages itself on ECS Fargate tasks (GuardDuty.12) and on
     * EKS clusters (GuardDuty.7); not on EC2 instances (GuardDuty.13, see {@link AgentManagement#EC2_AGENT_MANAGEMENT}).
     */
    RUNTIME_MONITORING("RUNTIME_MONITORING", "GuardDuty.11", List.of(
            AgentManagement.ECS_FARGATE_AGENT_MANAGEMENT, AgentManagement.EKS_ADDON_MANAGEMENT, AgentManagement.EC2_AGENT_MANAGEMENT));

    private final String feature;
    private final String control;
    private final List<AgentManagement> agents;

    ProtectionPlan(String feature, String control, List<AgentManagement> agents) {
        this.feature = feature;
        this.control = control;
        this.agents = agents;
    }

    /** GuardDuty's feature name. */
    public String feature() {
        return feature;
    }

    /** The Security Hub (FSBP) control that checks the plan. */
    public String control() {
        return control;
    }

    /** The plan's agent settings (Runtime Monitoring only). */
    public List<AgentManagement> agents() {
        return agents;
    }

    /** Where GuardDuty manages its Runtime Monitoring agent itself, each on or off with its reason. */
    public enum AgentManagement {

        /** The agent as a sidecar of every ECS Fargate task GuardDuty sees; the platform's service runs there. */
        ECS_FARGATE_AGENT_MANAGEMENT("ECS_FARGATE_AGENT_MANAGEMENT", "GuardDuty.12", Optional.empty()),
        /** The agent as an EKS add-on: no cluster exists, so it costs nothing and covers one created by hand. */
        EKS_ADDON_MANAGEMENT("EKS_ADDON_MANAGEMENT", "GuardDuty.7", Optional.empty()),
        /** The agent on EC2 instances through SSM: off, the one deliberate exception (reason below). */
        EC2_AGENT_MANAGEMENT("EC2_AGENT_MANAGEMENT", "GuardDuty.13", Optional.of(new PlanException(
                "the platform's only EC2 instances are the non-production NAT instances: no workload code, no inbound access, no"
                        + " SSH, Session Manager only; the agent would bill every one of their vCPUs",
                "GuardDuty's foundational detection still analyses their VPC flow logs, DNS queries and CloudTrail events;"
                        + " the NAT instances are replaced from the latest AMI and admit only the private subnets")));

        private final String name;
        private final String control;
        private final Optional<PlanException> exception;

        AgentManagement(String name, String control, Optional<PlanException> exception) {
            this.name = name;
            this.control = control;
            this.exception = exception;
        }

        /** GuardDuty's additional-configuration name. */
        public String configName() {
            return name;
        }

        public String control() {
            return control;
        }

        /** Why it is off, and what compensates; empty when it is on. */
        public Optional<PlanException> exception() {
            return exception;
        }

        public boolean enabled() {
            return exception.isEmpty();
        }
    }

    /** Why a protection setting is deliberately off, and what covers the gap. */
    public record PlanException(String reason, String compensatingControl) {
    }
}
