package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ResourceChange change(Operation op, String typeChain, String name, String oldInputs, String newInputs,
                                         List<String> changed) {
        Urn urn = Urn.parse("urn:pulumi:dev::quest-platform::" + typeChain + "::" + name);
        return new ResourceChange(op, urn, urn.type(), false,
                oldInputs == null ? null : json(oldInputs), newInputs == null ? null : json(newInputs), changed, List.of());
    }

    private static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }

    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";

    @Test
    void openingSshToTheInternetIsBlocked() {
        ResourceChange sg = change(Operation.CREATE, SG, "dev-bastion", null,
                "{\"ingress\": [{\"protocol\": \"tcp\", \"fromPort\": 22, \"toPort\": 22, \"cidrBlocks\": [\"0.0.0.0/0\"]}]}",
                List.of());

        List<Reason> reasons = ApprovalRules.reasons(sg, false);

        assertThat(ApprovalRules.decide(reasons)).isEqualTo(Decision.BLOCKED);
        assertThat(texts(reasons)).contains(
                "opens tcp 22 from 0.0.0.0/0 on `dev-bastion`; only the load balancer may take TCP 80/443 from the internet");
    }

    @Test
    void theLoadBalancersHttpsFromTheInternetNeedsApprovalButIsNotBlocked() {
        ResourceChange sg = change(Operation.CREATE, "quest:service:LoadBalancer$" + SG, "dev-web", null,
                "{\"ingress\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"toPort\": 443, \"cidrBlocks\": [\"0.0.0.0/0\"],"
                        + " \"ipv6CidrBlocks\": [\"::/0\"]}]}",
                List.of());

        List<Reason> reasons = ApprovalRules.reasons(sg, false);

        assertThat(ApprovalRules.decide(reasons)).isEqualTo(Decision.NEEDS_APPROVAL);
        assertThat(texts(reasons)).containsExactly(
                "changes a security group: create aws:ec2/securityGroup:SecurityGroup `dev-web`");
    }

    @Test
    void httpsFromTheInternetToAnythingButTheLoadBalancerIsBlocked() {
        ResourceChange sg = change(Operation.CREATE, "quest:service:WebService$" + SG, "dev-tasks", null,
                "{\"ingress\": [{\"protocol\": \"tcp\", \"fromPort\": 443, \"toPort\": 443, \"cidrBlocks\": [\"0.0.0.0/0\"]}]}",
                List.of());

        assertThat(ApprovalRules.decide(ApprovalRules.reasons(sg, false))).isEqualTo(Decision.BLOCKED);
    }

    @Test
    void allTrafficFromTheInternetIsBlockedEvenOnTheLoadBalancer() {
        ResourceChange rule = change(Operation.CREATE, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "dev-alb-any", null, "{\"ipProtocol\": \"-1\", \"cidrIpv6\": \"::/0\"}", List.of());

        assertThat(texts(ApprovalRules.reasons(rule, false))).contains(
                "opens all traffic from ::/0 on `dev-alb-any`; only the load balancer may take TCP 80/443 from the internet");
    }

    @Test
    void anIngressRuleFromInsideTheVpcIsNotAnOpening() {
        ResourceChange rule = change(Operation.CREATE, "aws:ec2/securityGroupRule:SecurityGroupRule", "dev-app", null,
                "{\"type\": \"ingress\", \"protocol\": \"tcp\", \"fromPort\": 8080, \"toPort\": 8080, \"cidrBlocks\": [\"10.10.0.0/16\"]}",
                List.of());

        assertThat(ApprovalRules.decide(ApprovalRules.reasons(rule, false))).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void deletingABucketIsWordedAsDataLoss() {
        ResourceChange bucket = change(Operation.DELETE, "aws:s3/bucket:Bucket", "log-archive", "{}", null, List.of());

        assertThat(texts(ApprovalRules.reasons(bucket, false)))
                .containsExactly("deletes S3 bucket `log-archive`: the data it holds is lost");
    }

    @Test
    void replacingALogGroupIsWordedAsDataLossWithItsCause() {
        Urn urn = Urn.parse("urn:pulumi:dev::quest-platform::aws:cloudwatch/logGroup:LogGroup::dev-flow-logs");
        ResourceChange logGroup = new ResourceChange(Operation.REPLACE, urn, urn.type(), false, null, null,
                List.of("name", "retentionInDays"), List.of("name"));

        assertThat(texts(ApprovalRules.reasons(logGroup, false))).containsExactly(
                "replaces log group `dev-flow-logs` because name changed: the existing one is deleted with the data it holds");
    }

    @Test
    void aKmsKeyNeedsApprovalWhenItsPolicyChangesOrRotationIsSwitchedOffButNotWhenRotationIsSwitchedOn() {
        ResourceChange rotationOn = change(Operation.UPDATE, "aws:kms/key:Key", "archive", "{\"enableKeyRotation\": false}",
                "{\"enableKeyRotation\": true}", List.of("enableKeyRotation"));
        ResourceChange rotationOff = change(Operation.UPDATE, "aws:kms/key:Key", "archive", "{\"enableKeyRotation\": true}",
                "{\"enableKeyRotation\": false}", List.of("enableKeyRotation"));
        ResourceChange policy = change(Operation.UPDATE, "aws:kms/key:Key", "archive", "{}", "{}", List.of("policy"));

        assertThat(ApprovalRules.reasons(rotationOn, false)).isEmpty();
        assertThat(texts(ApprovalRules.reasons(rotationOff, false)))
                .containsExactly("switches off key rotation on KMS key `archive`");
        assertThat(texts(ApprovalRules.reasons(policy, false)))
                .containsExactly("changes a KMS key policy: update aws:kms/key:Key `archive` (policy)");
    }

    @Test
    void cloudTrailAndConfigChangesNeedApproval() {
        ResourceChange trail = change(Operation.UPDATE, "aws:cloudtrail/trail:Trail", "audit", "{}", "{}", List.of("isMultiRegionTrail"));
        ResourceChange recorder = change(Operation.CREATE, "aws:cfg/recorder:Recorder", "dev-recorder", null, "{}", List.of());

        assertThat(texts(ApprovalRules.reasons(trail, false)))
                .containsExactly("changes CloudTrail: update aws:cloudtrail/trail:Trail `audit` (isMultiRegionTrail)");
        assertThat(texts(ApprovalRules.reasons(recorder, false)))
                .containsExactly("changes AWS Config: create aws:cfg/recorder:Recorder `dev-recorder`");
    }

    @Test
    void guardDutySecurityHubAndWafChangesNeedApproval() {
        ResourceChange feature = change(Operation.UPDATE, "aws:guardduty/detectorFeature:DetectorFeature", "dev-guardduty-eu-west-1-s3-data-events",
                "{\"status\": \"ENABLED\"}", "{\"status\": \"DISABLED\"}", List.of("status"));
        ResourceChange standard = change(Operation.DELETE, "aws:securityhub/standardsSubscription:StandardsSubscription",
                "dev-security-hub-eu-west-1-cis-v3", "{}", null, List.of());
        ResourceChange acl = change(Operation.UPDATE, "aws:wafv2/webAcl:WebAcl", "prod-web-waf", "{}", "{}", List.of("rules"));

        assertThat(texts(ApprovalRules.reasons(feature, false))).containsExactly("changes GuardDuty or Security Hub: update"
                + " aws:guardduty/detectorFeature:DetectorFeature `dev-guardduty-eu-west-1-s3-data-events` (status)");
        assertThat(texts(ApprovalRules.reasons(standard, false))).contains("changes GuardDuty or Security Hub: delete"
                + " aws:securityhub/standardsSubscription:StandardsSubscription `dev-security-hub-eu-west-1-cis-v3`");
        assertThat(texts(ApprovalRules.reasons(acl, false))).containsExactly("changes AWS WAF: update aws:wafv2/webAcl:WebAcl `prod-web-waf` (rules)");
        assertThat(ApprovalRules.decide(ApprovalRules.reasons(acl, false))).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void aHarmlessUpdateAppliesOutsideProductionAndNeedsApprovalInProduction() {
        ResourceChange service = change(Operation.UPDATE, "aws:ecs/service:Service", "web", "{}", "{}", List.of("desiredCount"));

        assertThat(ApprovalRules.reasons(service, false)).isEmpty();
        assertThat(texts(ApprovalRules.reasons(service, true))).containsExactly(
                "production stack: every change except tags needs approval (update aws:ecs/service:Service `web` (desiredCount))");
    }

    @Test
    void aCreateInProductionNeedsApproval() {
        ResourceChange cluster = change(Operation.CREATE, "aws:ecs/cluster:Cluster", "prod", null, "{}", List.of());

        assertThat(ApprovalRules.decide(ApprovalRules.reasons(cluster, false))).isEqualTo(Decision.APPLY);
        assertThat(ApprovalRules.decide(ApprovalRules.reasons(cluster, true))).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void tagOnlyUpdatesApplyEvenInProductionAndOnIam() {
        ResourceChange role = change(Operation.UPDATE, "aws:iam/role:Role", "deployer", "{}", "{}",
                List.of("tags.Owner", "tagsAll.Owner"));

        assertThat(ApprovalRules.reasons(role, true)).isEmpty();
    }

    @Test
    void anUpdateWithUnknownPropertiesIsNotTreatedAsTagOnly() {
        ResourceChange role = change(Operation.UPDATE, "aws:iam/role:Role", "deployer", "{}", "{}", List.of());

        assertThat(ApprovalRules.decide(ApprovalRules.reasons(role, false))).isEqualTo(Decision.NEEDS_APPROVAL);
    }

    @Test
    void theStackResourceAndReadsNeverNeedApproval() {
        ResourceChange stack = change(Operation.UPDATE, "pulumi:pulumi:Stack", "quest-platform-prod", "{}", "{}", List.of("outputs"));
        ResourceChange read = change(Operation.READ, "aws:iam/role:Role", "existing", null, "{}", List.of());

        assertThat(ApprovalRules.reasons(stack, true)).isEmpty();
        assertThat(ApprovalRules.reasons(read, true)).isEmpty();
    }
}
