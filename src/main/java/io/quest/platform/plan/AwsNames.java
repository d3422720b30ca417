package io.quest.platform.plan;

import java.util.Map;

/**
 * AWS's rules for physical names, checked on every resource the program registers, so that a name AWS
 * would refuse fails the plan instead of {@code pulumi up}.
 */
final class AwsNames {

    /** Pulumi's autoname: the logical name, a dash and 7 random hex characters. */
    static final int AUTONAME_SUFFIX = 8;

    private AwsNames() {
    }

    static String autoname(String logical, String hex7) {
        return logical + "-" + hex7;
    }

    /** Throws a {@link PlanException} naming the resource when AWS would refuse its name. */
    static void check(String type, String logical, Map<String, Object> inputs) {
        String name = inputs.get(AwsIds.nameProperty(type)) instanceof String s ? s : null;
        String prefix = inputs.get(AwsIds.nameProperty(type) + "Prefix") instanceof String s ? s : null;
        int autonamed = logical.length() + AUTONAME_SUFFIX;
        switch (type) {
            case "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
                 "aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup" -> {
                int length = name != null ? name.length() : prefix != null ? 32 : autonamed;
                if (name == null && prefix == null && autonamed > 32) {
                    throw refused(type, logical, "its autoname " + logical + "-xxxxxxx is " + autonamed
                            + " characters; AWS allows 32 for load balancers and target groups: shorten the logical name to 24 or less");
                }
                if (length > 32 || (name != null && !name.matches("[A-Za-z0-9-]+"))) {
                    throw refused(type, logical, "name " + name + " is not 1-32 letters, digits and hyphens");
                }
                if (prefix != null && prefix.length() > 6) {
                    throw refused(type, logical, "namePrefix " + prefix + " is over 6 characters");
                }
            }
            case "aws:iam/role:Role", "aws:iam/policy:Policy" -> {
                int length = name != null ? name.length() : prefix != null ? prefix.length() + 26 : autonamed;
                int limit = type.endsWith("Role") ? 64 : 128;
                if (length > limit) {
                    throw refused(type, logical, "its name is " + length + " characters; AWS allows " + limit);
                }
            }
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                String bucket = name != null ? name : logical + "-xxxxxxx";
                int length = name != null ? name.length() : prefix != null ? prefix.length() + 26 : autonamed;
                if (length > 63 || !bucket.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")) {
                    throw refused(type, logical, "bucket name " + bucket + " is not 3-63 lowercase letters, digits, dots and hyphens");
                }
            }
            case "aws:cloudtrail/trail:Trail" -> {
                String trail = name != null ? name : logical + "-xxxxxxx";
                if (trail.length() < 3 || trail.length() > 128 || !trail.matches("[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]")
                        || trail.matches(".*[._-][._-].*")) {
                    throw refused(type, logical, "trail name " + trail + " is not 3-128 letters, digits, '.', '_' and '-',"
                            + " starting and ending with a letter or digit, without two of '.', '_', '-' in a row");
                }
            }
            case "aws:cfg/rule:Rule", "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel" -> {
                String configName = name != null ? name : logical + "-xxxxxxx";
                int limit = type.endsWith("Rule") ? 128 : 256;
                if (configName.length() > limit || configName.isBlank()) {
                    throw refused(type, logical, "name " + configName + " is over " + limit + " characters");
                }
            }
            case "aws:cfg/configurationAggregator:ConfigurationAggregator" -> {
                String aggregator = name != null ? name : logical + "-xxxxxxx";
                if (!aggregator.matches("[\\w-]{1,256}")) {
                    throw refused(type, logical, "aggregator name " + aggregator + " is not 1-256 letters, digits, '_' and '-'");
                }
            }
            case "aws:synthetics/canary:Canary" -> {
                if (name == null || !name.matches("[0-9a-z_-]{1,21}")) {
                    throw refused(type, logical, "canary name " + name + " is not 1-21 lowercase letters, digits, '_' and '-'");
                }
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> {
                if (name == null || !name.matches("[A-Za-z0-9_-]{1,255}")) {
                    throw refused(type, logical, "dashboard name " + name + " is not 1-255 letters, digits, '-' and '_'");
                }
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/queryDefinition:QueryDefinition" -> {
                String given = name != null ? name : logical + "-xxxxxxx";
                if (given.isEmpty() || given.length() > 255 || given.chars().anyMatch(Character::isISOControl)) {
                    throw refused(type, logical, "name " + given + " is not 1-255 characters without control characters");
                }
            }
            case "aws:ecr/repository:Repository" -> {
                String repo = name != null ? name : logical;
                if (!repo.matches("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*") || repo.length() > 256) {
                    throw refused(type, logical, "repository name " + repo + " is not lowercase letters, digits and . _ - /");
                }
            }
            case "aws:sns/topic:Topic" -> {
                String topic = name != null ? name : logical + "-xxxxxxx";
                if (topic.length() > 256 || !topic.matches("[A-Za-z0-9_-]+(\\.fifo)?")) {
                    throw refused(type, logical, "topic name " + topic + " is not 1-256 letters, digits, '_' and '-'");
                }
            }
            default -> {
            }
        }
    }

    /** The Route 53 hosted zone of Application Load Balancers in a region (AWS "Elastic Load Balancing endpoints"). */
    static String albHostedZone(String region) {
        return switch (region) {
            case "us-east-1" -> "Z35SXDOTRQ7X7K";
            case "us-east-2" -> "Z3AADJGX6KTTL2";
            case "us-west-1" -> "Z368ELLRRE2KJ0";
            case "us-west-2" -> "Z1H1FL5HABSF5";
            case "eu-west-1" -> "Z32O12XQLNTSW2";
            case "eu-west-2" -> "ZHURV8PSTC4K8";
            case "eu-central-1" -> "Z215JYRZR1TBD5";
            default -> "Z" + Integer.toHexString(region.hashCode()).toUpperCase();
        };
    }

    private static PlanException refused(String type, String logical, String why) {
        return new PlanException("AWS would refuse " + type + " " + logical + ": " + why);
    }
}
