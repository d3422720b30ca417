package io.quest.platform.plan;

import java.util.List;
import java.util.Map;

/**
 * IDs, ARNs and computed attributes in the formats AWS gives them, per resource type. The table the
 * {@link MockCloud} answers from: add a type here when the program starts reading an attribute of it.
 */
final class AwsIds {

    /** Where a resource lives, and a stable random part for its identifiers. */
    record Where(String account, String region, String hex16) {
    }

    private static final Map<String, String> EC2_PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
            Map.entry("aws:ec2/networkAcl:NetworkAcl", "acl-"),
            Map.entry("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "acl-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
            Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
            Map.entry("aws:ec2/networkInterface:NetworkInterface", "eni-"),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", "lt-"),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr-"),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "sgr-"));

    private AwsIds() {
    }

    /** The input that carries a resource's physical name. */
    static String nameProperty(String type) {
        return switch (type) {
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> "bucket";
            case "aws:cloudwatch/dashboard:Dashboard" -> "dashboardName";
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> "name";
            case "aws:ecs/taskDefinition:TaskDefinition" -> "family";
            case "aws:rds/cluster:Cluster" -> "clusterIdentifier";
            case "aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance" -> "identifier";
            default -> "name";
        };
    }

    /** The ID Pulumi's AWS provider reports for a resource. */
    static String id(String type, String physical, String hex17) {
        String prefix = EC2_PREFIXES.get(type);
        if (prefix != null) {
            return prefix + "0" + hex17.substring(1);
        }
        return switch (type) {
            case "aws:kms/key:Key", "aws:wafv2/webAcl:WebAcl" -> uuid(hex17 + hex17);
            case "aws:guardduty/detector:Detector" -> (hex17 + hex17).substring(0, 32);
            case "aws:opensearch/serverlessCollection:ServerlessCollection" -> (hex17 + hex17).substring(0, 20);
            default -> physical;
        };
    }

    /** Adds the attributes AWS computes (arn, name, DNS names...) to a resource's state. */
    static void computed(String type, String physical, String id, Map<String, Object> inputs, Map<String, Object> state, Where w) {
        String a = w.account();
        String r = w.region();
        state.putIfAbsent(nameProperty(type), physical);
        switch (type) {
            case "aws:ec2/vpc:Vpc" -> {
                state.put("arn", "arn:aws:ec2:" + r + ":" + a + ":vpc/" + id);
                state.put("defaultSecurityGroupId", "sg-0" + w.hex16().substring(0, 16));
                state.put("mainRouteTableId", "rtb-0" + w.hex16().substring(0, 16));
                state.put("defaultNetworkAclId", "acl-0" + w.hex16().substring(0, 16));
                state.put("ownerId", a);
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                state.put("arn", "arn:aws:ec2:" + r + ":" + a + ":security-group/" + id);
                state.put("ownerId", a);
            }
            case "aws:ec2/subnet:Subnet" -> state.put("arn", "arn:aws:ec2:" + r + ":" + a + ":subnet/" + id);
            case "aws:ssoadmin/permissionSet:PermissionSet" -> {
                // arn:aws:sso:::permissionSet/ssoins-<16>/ps-<16> (Identity Center API reference, PermissionSet.PermissionSetArn)
                String instance = String.valueOf(inputs.getOrDefault("instanceArn", "")).replaceFirst("^.*:instance/", "");
                state.put("arn", "arn:aws:sso:::permissionSet/" + instance + "/ps-" + w.hex16());
                state.put("createdDate", "2026-01-01T00:00:00Z");
            }
            case "aws:ec2/eip:Eip" -> {
                state.put("publicIp", "52." + (Integer.parseInt(w.hex16().substring(0, 2), 16) % 200) + "."
                        + Integer.parseInt(w.hex16().substring(2, 4), 16) + "." + Integer.parseInt(w.hex16().substring(4, 6), 16));
                state.put("allocationId", id);
            }
            case "aws:iam/role:Role" -> {
                state.put("arn", "arn:aws:iam::" + a + ":role" + path(inputs) + physical);
                state.put("uniqueId", "AROA" + w.hex16().toUpperCase());
                state.put("id", physical);
            }
            case "aws:ec2/networkInterface:NetworkInterface" -> {
                state.put("arn", "arn:aws:ec2:" + r + ":" + a + ":network-interface/" + id);
                state.put("ownerId", a);
                state.put("macAddress", "0a:" + w.hex16().substring(0, 2) + ":" + w.hex16().substring(2, 4) + ":"
                        + w.hex16().substring(4, 6) + ":" + w.hex16().substring(6, 8) + ":" + w.hex16().substring(8, 10));
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                state.put("arn", "arn:aws:ec2:" + r + ":" + a + ":launch-template/" + id);
                state.put("latestVersion", 1);
                state.put("defaultVersion", 1);
            }
            case "aws:autoscaling/group:Group" -> state.put("arn", "arn:aws:autoscaling:" + r + ":" + a + ":autoScalingGroup:"
                    + uuid(w.hex16() + w.hex16()) + ":autoScalingGroupName/" + physical);
            case "aws:iam/instanceProfile:InstanceProfile" -> {
                state.put("arn", "arn:aws:iam::" + a + ":instance-profile" + path(inputs) + physical);
                state.put("uniqueId", "AIPA" + w.hex16().toUpperCase());
            }
            case "aws:iam/policy:Policy" -> {
                state.put("arn", "arn:aws:iam::" + a + ":policy" + path(inputs) + physical);
                state.put("policyId", "ANPA" + w.hex16().toUpperCase());
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" ->
                    state.put("arn", "arn:aws:iam::" + a + ":oidc-provider/" + String.valueOf(inputs.get("url")).replaceFirst("^https://", ""));
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn", "arn:aws:logs:" + r + ":" + a + ":log-group:" + physical);
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                state.put("arn", "arn:aws:s3:::" + physical);
                state.put("bucketDomainName", physical + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", physical + ".s3." + r + ".amazonaws.com");
                state.put("region", r);
            }
            case "aws:kms/key:Key" -> {
                state.put("arn", "arn:aws:kms:" + r + ":" + a + ":key/" + id);
                state.put("keyId", id);
            }
            case "aws:kms/alias:Alias" -> state.put("arn", "arn:aws:kms:" + r + ":" + a + ":" + physical);
            case "aws:ecr/repository:Repository" -> {
                state.put("arn", "arn:aws:ecr:" + r + ":" + a + ":repository/" + physical);
                state.put("repositoryUrl", a + ".dkr.ecr." + r + ".amazonaws.com/" + physical);
                state.put("registryId", a);
            }
            case "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer" -> {
                String suffix = "app/" + physical + "/" + w.hex16();
                state.put("arn", "arn:aws:elasticloadbalancing:" + r + ":" + a + ":loadbalancer/" + suffix);
                state.put("arnSuffix", suffix);
                state.put("dnsName", physical + "-" + Long.parseLong(w.hex16().substring(0, 8), 16) + "." + r + ".elb.amazonaws.com");
                state.put("zoneId", AwsNames.albHostedZone(r));
            }
            case "aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup" -> {
                String suffix = "targetgroup/" + physical + "/" + w.hex16();
                state.put("arn", "arn:aws:elasticloadbalancing:" + r + ":" + a + ":" + suffix);
                state.put("arnSuffix", suffix);
            }
            case "aws:lb/listener:Listener", "aws:alb/listener:Listener" ->
                    state.put("arn", "arn:aws:elasticloadbalancing:" + r + ":" + a + ":listener/app/" + w.hex16());
            case "aws:ecs/cluster:Cluster" -> state.put("arn", "arn:aws:ecs:" + r + ":" + a + ":cluster/" + physical);
            case "aws:ecs/service:Service" -> state.put("arn", "arn:aws:ecs:" + r + ":" + a + ":service/" + physical);
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                state.put("arn", "arn:aws:ecs:" + r + ":" + a + ":task-definition/" + physical + ":1");
                state.put("arnWithoutRevision", "arn:aws:ecs:" + r + ":" + a + ":task-definition/" + physical);
                state.put("revision", 1);
            }
            case "aws:sns/topic:Topic" -> state.put("arn", "arn:aws:sns:" + r + ":" + a + ":" + physical);
            case "aws:scheduler/schedule:Schedule" -> state.put("arn", "arn:aws:scheduler:" + r + ":" + a + ":schedule/"
                    + inputs.getOrDefault("groupName", "default") + "/" + physical);
            case "aws:acm/certificate:Certificate" -> {
                state.put("arn", "arn:aws:acm:" + r + ":" + a + ":certificate/" + uuid(w.hex16() + w.hex16()));
                Object domain = inputs.get("domainName");
                if (domain != null) {
                    // One option per name, as ACM reports them; a wildcard shares its record with the bare name.
                    List<Object> names = new java.util.ArrayList<>(List.of(domain));
                    if (inputs.get("subjectAlternativeNames") instanceof List<?> sans) {
                        names.addAll(sans);
                    }
                    state.put("domainValidationOptions", names.stream().distinct().map(n -> {
                        String base = String.valueOf(n).replaceFirst("^\\*\\.", "");
                        String token = MockCloud.stableHex(a + "|" + base, 32);
                        return Map.of(
                                "domainName", n,
                                "resourceRecordName", "_" + token + "." + base + ".",
                                "resourceRecordType", "CNAME",
                                "resourceRecordValue", "_" + MockCloud.stableHex(token, 32) + ".acm-validations.aws.");
                    }).toList());
                }
                state.put("status", "ISSUED");
            }
            case "aws:cloudtrail/trail:Trail" -> state.put("arn", "arn:aws:cloudtrail:" + r + ":" + a + ":trail/" + physical);
            case "aws:cfg/rule:Rule" -> {
                state.put("arn", "arn:aws:config:" + r + ":" + a + ":config-rule/config-rule-" + w.hex16().substring(0, 6));
                state.put("ruleId", "config-rule-" + w.hex16().substring(0, 6));
            }
            case "aws:cfg/recorder:Recorder", "aws:cfg/deliveryChannel:DeliveryChannel" -> state.put("name", physical);
            case "aws:cfg/configurationAggregator:ConfigurationAggregator" ->
                    state.put("arn", "arn:aws:config:" + r + ":" + a + ":config-aggregator/config-aggregator-" + w.hex16().substring(0, 8));
            case "aws:cfg/aggregateAuthorization:AggregateAuthorization" ->
                    state.put("arn", "arn:aws:config:" + r + ":" + a + ":aggregation-authorization/" + inputs.get("accountId") + "/" + inputs.get("region"));
            case "aws:synthetics/canary:Canary" -> {
                state.put("arn", "arn:aws:synthetics:" + r + ":" + a + ":canary:" + physical);
                state.put("engineArn", "arn:aws:lambda:" + r + ":" + a + ":function:cwsyn-" + physical + "-" + uuid(w.hex16() + w.hex16()) + ":1");
                state.put("status", "RUNNING");
            }
            case "aws:cloudwatch/queryDefinition:QueryDefinition" -> state.put("queryDefinitionId", uuid(w.hex16() + w.hex16()));
            case "aws:sns/topicSubscription:TopicSubscription" ->
                    state.put("arn", inputs.get("topic") + ":" + uuid(w.hex16() + w.hex16()));
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> state.put("arn", "arn:aws:cloudwatch:" + r + ":" + a + ":alarm:" + physical);
            case "aws:cloudwatch/dashboard:Dashboard" -> state.put("dashboardArn", "arn:aws:cloudwatch::" + a + ":dashboard/" + physical);
            case "aws:secretsmanager/secret:Secret" -> state.put("arn", "arn:aws:secretsmanager:" + r + ":" + a + ":secret:" + physical + "-" + w.hex16().substring(0, 6));
            case "aws:ssm/parameter:Parameter" -> state.put("arn", "arn:aws:ssm:" + r + ":" + a + ":parameter/" + physical.replaceFirst("^/", ""));
            case "aws:rds/cluster:Cluster", "aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance" ->
                    AwsRds.computed(type, physical, inputs, state, w);
            case "aws:route53/record:Record" -> state.put("fqdn", String.valueOf(inputs.getOrDefault("name", physical)));
            case "aws:accessanalyzer/analyzer:Analyzer" -> state.put("arn", "arn:aws:access-analyzer:" + r + ":" + a + ":analyzer/" + inputs.getOrDefault("analyzerName", physical));
            // AWS WAF Developer Guide, "Resource ARNs": regional web ACLs are regional/webacl/<name>/<id>.
            case "aws:wafv2/webAcl:WebAcl" -> state.put("arn", "arn:aws:wafv2:" + r + ":" + a + ":"
                    + ("CLOUDFRONT".equals(inputs.get("scope")) ? "global" : "regional") + "/webacl/" + physical + "/" + id);
            case "aws:guardduty/detector:Detector" -> {
                state.put("arn", "arn:aws:guardduty:" + r + ":" + a + ":detector/" + id);
                state.put("accountId", a);
            }
            case "aws:securityhub/account:Account" -> state.put("arn", "arn:aws:securityhub:" + r + ":" + a + ":hub/default");
            // Amazon Data Firehose and CloudWatch Logs API references: DeliveryStreamARN and Destination.arn.
            case "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream" ->
                    state.put("arn", "arn:aws:firehose:" + r + ":" + a + ":deliverystream/" + physical);
            case "aws:cloudwatch/logDestination:LogDestination" -> state.put("arn", "arn:aws:logs:" + r + ":" + a + ":destination:" + physical);
            // OpenSearch Serverless API reference, CreateCollectionDetail: arn, collectionEndpoint and dashboardEndpoint by ID.
            case "aws:opensearch/serverlessCollection:ServerlessCollection" -> {
                state.put("arn", "arn:aws:aoss:" + r + ":" + a + ":collection/" + id);
                state.put("collectionEndpoint", "https://" + id + "." + r + ".aoss.amazonaws.com");
                state.put("dashboardEndpoint", "https://" + id + "." + r + ".aoss.amazonaws.com/_dashboards");
            }
            case "aws:kinesis/stream:Stream" -> state.put("arn", "arn:aws:kinesis:" + r + ":" + a + ":stream/" + physical);
            case "aws:lambda/function:Function" -> state.put("arn", "arn:aws:lambda:" + r + ":" + a + ":function:" + physical);
            default -> state.putIfAbsent("arn", genericArn(type, physical, a, r));
        }
    }

    /** A plausible ARN for a type the table does not know: service and resource from the type token. */
    static String genericArn(String type, String physical, String account, String region) {
        String[] parts = type.split("[:/]");
        String service = parts.length > 1 ? parts[1] : "unknown";
        String kind = parts.length > 2 ? parts[2] : "resource";
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + kind.toLowerCase() + "/" + physical;
    }

    private static String path(Map<String, Object> inputs) {
        Object p = inputs.get("path");
        return p instanceof String s && !s.isEmpty() ? s : "/";
    }

    private static String uuid(String h) {
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
    }
}
