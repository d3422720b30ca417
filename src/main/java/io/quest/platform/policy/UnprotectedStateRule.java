package io.quest.platform.policy;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.planned.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** In production, resources that hold state (keys, buckets, registries) are protected from deletion. */
public final class UnprotectedStateRule implements PolicyRule {

    /** The resource types whose deletion loses data or makes data unreadable. */
    public static final Set<String> STATEFUL = Set.of(
            "aws:kms/key:Key",
            "aws:s3/bucketV2:BucketV2",
            "aws:s3/bucket:Bucket",
            "aws:ecr/repository:Repository",
            "aws:rds/instance:Instance",
            "aws:dynamodb/table:Table",
            "aws:secretsmanager/secret:Secret");

    @Override
    public String id() {
        return "unprotected-state";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        List<Finding> findings = new ArrayList<>();
        if (!config.production()) {
            return findings;
        }
        for (PlannedResource r : plan.resources()) {
            if (STATEFUL.contains(r.type()) && !r.protect()) {
                findings.add(new Finding(id(), Severity.high, r.urn(), r.type() + " " + r.name()
                        + " holds state in a production stack but is not protected from deletion"));
            }
        }
        return findings;
    }
}
