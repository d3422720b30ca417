package io.quest.platform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What AWS refuses when two stacks share an account: an account-level singleton created twice, or one
 * physical name given twice. The mock cloud accepts both; AWS fails the second {@code pulumi up}, or worse,
 * lets the second stack take over the first one's singleton. Each conflict names both stacks.
 *
 * <p>Scopes, from AWS's documentation (read 2026-12-02): one configuration recorder and one delivery
 * channel per account and region (https://docs.aws.amazon.com/config/latest/developerguide/configlimits.html);
 * one account-level analyzer per type, account and region
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-quotas.html); one password policy and one
 * account-wide S3 Block Public Access configuration per account (IAM and S3 Control are global); EBS
 * encryption by default and its default key are per account and region; names are unique per account and
 * region for trails, canaries, log groups, alarms, topics, repositories, KMS aliases and Config rules, per
 * account for IAM roles and policies, service-linked roles and CloudWatch dashboards, and across all of AWS for S3 buckets.
 */
final class AccountConflicts {

    /** How far a singleton or a name must be unique. */
    private enum Scope {
        /** One per account and region. */
        REGION,
        /** One per account, in every region. */
        ACCOUNT,
        /** One in all of AWS (S3 bucket names). */
        GLOBAL
    }

    private record Rule(String what, Scope scope, String nameInput) {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("aws:cfg/recorder:Recorder", new Rule("the AWS Config configuration recorder", Scope.REGION, null)),
            Map.entry("aws:cfg/deliveryChannel:DeliveryChannel", new Rule("the AWS Config delivery channel", Scope.REGION, null)),
            Map.entry("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", new Rule("the IAM password policy", Scope.ACCOUNT, null)),
            Map.entry("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", new Rule("the account's S3 Block Public Access", Scope.ACCOUNT, null)),
            Map.entry("aws:ebs/encryptionByDefault:EncryptionByDefault", new Rule("EBS encryption by default", Scope.REGION, null)),
            Map.entry("aws:ebs/defaultKmsKey:DefaultKmsKey", new Rule("the EBS default KMS key", Scope.REGION, null)),
            Map.entry("aws:accessanalyzer/analyzer:Analyzer", new Rule("an account-level IAM Access Analyzer", Scope.REGION, null)),
            Map.entry("aws:guardduty/detector:Detector", new Rule("the GuardDuty detector", Scope.REGION, null)),
            Map.entry("aws:securityhub/account:Account", new Rule("Security Hub", Scope.REGION, null)),
            Map.entry("aws:cloudtrail/trail:Trail", new Rule("trail", Scope.REGION, "name")),
            Map.entry("aws:synthetics/canary:Canary", new Rule("canary", Scope.REGION, "name")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", new Rule("log group", Scope.REGION, "name")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", new Rule("alarm", Scope.REGION, "name")),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", new Rule("dashboard", Scope.ACCOUNT, "dashboardName")),
            Map.entry("aws:sns/topic:Topic", new Rule("topic", Scope.REGION, "name")),
            Map.entry("aws:ecr/repository:Repository", new Rule("repository", Scope.REGION, "name")),
            Map.entry("aws:kms/alias:Alias", new Rule("KMS alias", Scope.REGION, "name")),
            Map.entry("aws:cfg/rule:Rule", new Rule("Config rule", Scope.REGION, "name")),
            Map.entry("aws:iam/role:Role", new Rule("IAM role", Scope.ACCOUNT, "name")),
            // AWS gives each service one service-linked role per account (AWSServiceRoleForConfig, ...)
            Map.entry("aws:iam/serviceLinkedRole:ServiceLinkedRole", new Rule("the service-linked role of", Scope.ACCOUNT, "awsServiceName")),
            Map.entry("aws:iam/policy:Policy", new Rule("IAM policy", Scope.ACCOUNT, "name")),
            Map.entry("aws:s3/bucketV2:BucketV2", new Rule("S3 bucket", Scope.GLOBAL, "bucket")),
            Map.entry("aws:s3/bucket:Bucket", new Rule("S3 bucket", Scope.GLOBAL, "bucket")));

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccountConflicts() {
    }

    /** Every conflict between the planned stacks, or none. */
    static List<String> problems(List<StackPlan> stacks, Map<String, PlatformConfig> configs) {
        Map<String, List<String>> owners = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (StackPlan stack : stacks) {
            PlatformConfig config = configs.get(stack.stack());
            Map<String, String[]> providers = providers(stack, config);
            for (PlannedResource r : stack.resources()) {
                Rule rule = RULES.get(r.type());
                if (rule == null || !r.custom()) {
                    continue;
                }
                String[] where = providers.getOrDefault(r.provider(), new String[] {config.accountId(), config.region()});
                Object name = rule.nameInput() == null ? null : r.input(rule.nameInput());
                if (rule.nameInput() != null && !(name instanceof String)) {
                    continue; // auto-named: Pulumi adds a random suffix, so no two stacks collide
                }
                String scope = switch (rule.scope()) {
                    case REGION -> "account " + where[0] + " in " + where[1];
                    case ACCOUNT -> "account " + where[0];
                    case GLOBAL -> "all of AWS";
                };
                String key = r.type() + "|" + (name == null ? "" : name) + "|" + scope;
                labels.put(key, (name == null ? rule.what() : rule.what() + " " + name) + " in " + scope);
                owners.computeIfAbsent(key, k -> new ArrayList<>()).add(stack.stack());
            }
        }
        List<String> problems = new ArrayList<>();
        owners.forEach((key, list) -> {
            List<String> distinct = list.stream().distinct().toList();
            if (distinct.size() > 1) {
                problems.add("stacks " + String.join(" and ", distinct) + " would both create " + labels.get(key)
                        + ", which AWS allows only once there; deploy them to different accounts (or regions), or let one stack own it");
            } else if (list.size() > 1) {
                problems.add("stack " + distinct.get(0) + " would create " + labels.get(key) + " " + list.size()
                        + " times, which AWS allows only once there");
            }
        });
        return problems;
    }

    /** Each explicit provider's account and region, from its {@code allowedAccountIds} and {@code region} inputs. */
    private static Map<String, String[]> providers(StackPlan stack, PlatformConfig config) {
        Map<String, String[]> result = new HashMap<>();
        for (PlannedResource r : stack.resources()) {
            if (!r.type().startsWith("pulumi:providers:aws")) {
                continue;
            }
            String account = config.accountId();
            Object allowed = r.input("allowedAccountIds");
            try {
                JsonNode ids = allowed instanceof String text ? JSON.readTree(text) : JSON.valueToTree(allowed);
                if (ids != null && ids.isArray() && !ids.isEmpty()) {
                    account = ids.get(0).asText();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                // keep the stack's own account
            }
            Object region = r.input("region");
            result.put(r.urn(), new String[] {account, region instanceof String s ? s : config.region()});
        }
        return result;
    }
}
