package io.quest.platform.policy;

import io.quest.platform.planned.PlannedResource;
import io.quest.platform.planned.PlannedStack;
import io.quest.platform.storage.AccessLogBucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The S3 logging controls a plan deliberately does not meet, and those it misses without a reason. FSBP S3.9 (server
 * access logging; no CIS v3.0 recommendation): every bucket logs its requests to an access-log bucket, except the
 * access-log buckets themselves, a written exception; any other bucket without logging is a high finding. CIS v3.0 3.8
 * and 3.9 (Security Hub S3.22, S3.23: a multi-region trail records the object-level writes and reads of every bucket):
 * the trails record the data events of the log archive and state buckets only, a written exception on every trail.
 */
final class BucketLoggingExceptions {

    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    static final String TRAIL = "aws:cloudtrail/trail:Trail";

    /** Why an access-log bucket does not log its own requests, and what covers the gap (docs/baseline.md, Exceptions). */
    static final String ACCESS_LOG_REASON = "it holds other buckets' server access logs, and S3 would write a log object"
            + " of every log object it delivers, without end, if it logged to itself; another log bucket would need one in turn";
    static final String ACCESS_LOG_COMPENSATION = "only S3's log delivery may write to it, for one source bucket of its"
            + " account (aws:SourceArn, aws:SourceAccount); public access blocked, TLS only, ACLs disabled; CloudTrail"
            + " management events record every change to it and CIS 4.8's alarm fires on a bucket policy change;"
            + " GuardDuty S3 Protection watches its data events";
    /** Why the trails record the data events of two buckets, not of all, and what covers the rest. */
    static final String DATA_EVENTS_REASON = "data events are billed per event, and the other buckets (ALB logs, canary"
            + " artifacts, access logs) are written every few minutes by AWS services, whose every request their S3 server"
            + " access logs already record";
    static final String DATA_EVENTS_COMPENSATION = "S3 server access logging on every bucket but the access-log buckets"
            + " (S3.9); GuardDuty S3 Protection analyses the S3 data events of every bucket; the shared account's trail"
            + " records every object read and write of the log archive and the state bucket";

    private BucketLoggingExceptions() {
    }

    static void check(PlannedStack plan, String rule, List<Finding> findings) {
        Set<Object> logged = plan.ofType(LOGGING).stream().map(l -> l.input("bucket")).collect(Collectors.toSet());
        for (PlannedResource bucket : plan.ofType(BUCKET)) {
            if (logged.contains(bucket.id())) {
                continue;
            }
            findings.add(isAccessLogBucket(bucket)
                    ? new Finding(rule, Severity.low, bucket.urn(), "FSBP S3.9 (no CIS v3.0 recommendation) is deliberately not"
                            + " met: the access-log bucket " + bucket.name() + " does not log its own requests: " + ACCESS_LOG_REASON
                            + ". Compensating control: " + ACCESS_LOG_COMPENSATION)
                    : new Finding(rule, Severity.high, bucket.urn(), "FSBP S3.9 is not met: bucket " + bucket.name()
                            + " has no server access logging and no written exception; give it an access-log bucket"));
        }
        for (PlannedResource trail : plan.ofType(TRAIL)) {
            findings.add(new Finding(rule, Severity.low, trail.urn(), "Security Hub S3.22 and S3.23 (CIS v3.0 3.8 and 3.9; no FSBP"
                    + " control) are deliberately not met: the trail " + trail.name() + " records the S3 data events of "
                    + dataEventBuckets(trail) + " bucket(s), not of every bucket: " + DATA_EVENTS_REASON
                    + ". Compensating control: " + DATA_EVENTS_COMPENSATION));
        }
    }

    static boolean isAccessLogBucket(PlannedResource bucket) {
        return bucket.input("tags") instanceof Map<?, ?> tags
                && AccessLogBucket.TAG_VALUE.equals(tags.get(AccessLogBucket.TAG_KEY));
    }

    /** How many buckets' object events the trail's selectors name. */
    static int dataEventBuckets(PlannedResource trail) {
        List<Object> values = new ArrayList<>();
        if (trail.input("eventSelectors") instanceof List<?> selectors) {
            for (Object selector : selectors) {
                if (selector instanceof Map<?, ?> s && s.get("dataResources") instanceof List<?> resources) {
                    for (Object resource : resources) {
                        if (resource instanceof Map<?, ?> r && "AWS::S3::Object".equals(r.get("type")) && r.get("values") instanceof List<?> v) {
                            values.addAll(v);
                        }
                    }
                }
            }
        }
        return values.size();
    }
}
