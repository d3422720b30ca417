package io.quest.platform.approval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds changes that switch off what protects data from loss: database deletion protection, automated backups and
 * final snapshots; point-in-time recovery of DynamoDB tables; forced deletion of non-empty buckets and repositories;
 * KMS key rotation, the key's deletion waiting period, the key itself, and the key policy lockout check. Each needs a
 * human: the change may be meant (the first step of retiring a database), but is never routine.
 * <p>
 * An input the program leaves out takes the AWS provider's default (names and defaults: {@code com.pulumi:aws} 6.83.0,
 * {@code rds.InstanceArgs}, {@code rds.ClusterArgs}, {@code dynamodb.TableArgs}, {@code kms.KeyArgs},
 * {@code s3.BucketV2Args}, {@code ecr.RepositoryArgs}). When the preview does not show the old inputs of an update,
 * the old value is taken to be the safe one, so a weak new value is still flagged.
 */
public final class Safeguards {

    /** A boolean input whose turning to {@code weak} loses a safeguard. */
    private record Flag(String path, boolean defaultValue, boolean weak, String what) {
    }

    /** A number whose moving in one direction loses a safeguard. */
    private record Amount(String path, long defaultValue, boolean lowerIsWeaker, String what) {
    }

    private static final List<Flag> DATABASE = List.of(
            new Flag("deletionProtection", false, false, "switches off deletion protection"),
            new Flag("skipFinalSnapshot", false, true, "forces skipFinalSnapshot: deleting it keeps no final snapshot"));
    private static final Map<String, List<Flag>> FLAGS = Map.of(
            "aws:rds/instance:Instance", DATABASE,
            "aws:rds/cluster:Cluster", DATABASE,
            "aws:docdb/cluster:Cluster", DATABASE,
            "aws:neptune/cluster:Cluster", DATABASE,
            "aws:dynamodb/table:Table", List.of(
                    new Flag("deletionProtectionEnabled", false, false, "switches off deletion protection"),
                    new Flag("pointInTimeRecovery.enabled", false, false, "switches off point-in-time recovery (its backups)")),
            "aws:s3/bucket:Bucket", List.of(new Flag("forceDestroy", false, true, "sets forceDestroy: deleting it deletes every object")),
            "aws:s3/bucketV2:BucketV2", List.of(new Flag("forceDestroy", false, true, "sets forceDestroy: deleting it deletes every object")),
            "aws:ecr/repository:Repository", List.of(new Flag("forceDelete", false, true, "sets forceDelete: deleting it deletes every image")),
            "aws:kms/key:Key", List.of(
                    new Flag("enableKeyRotation", false, false, "switches off key rotation"),
                    new Flag("isEnabled", true, false, "disables the key: nothing encrypted under it can be read"),
                    new Flag("bypassPolicyLockoutSafetyCheck", false, true,
                            "bypasses the key policy lockout safety check: a policy may lock everyone out of the key")));
    private static final Amount BACKUPS = new Amount("backupRetentionPeriod", -1, true, "automated backup retention");
    private static final Map<String, List<Amount>> AMOUNTS = Map.of(
            "aws:rds/instance:Instance", List.of(BACKUPS),
            "aws:rds/cluster:Cluster", List.of(BACKUPS),
            "aws:docdb/cluster:Cluster", List.of(BACKUPS),
            "aws:neptune/cluster:Cluster", List.of(BACKUPS),
            "aws:kms/key:Key", List.of(
                    new Amount("deletionWindowInDays", 30, true, "the key's deletion waiting period"),
                    new Amount("rotationPeriodInDays", 365, false, "the key's rotation period")));

    private Safeguards() {
    }

    /** What the change switches off, one phrase each ("switches off deletion protection"); empty when nothing. */
    public static List<String> weakenings(ResourceChange change) {
        List<String> found = new ArrayList<>();
        if (change.operation() != Operation.UPDATE && change.operation() != Operation.REPLACE) {
            return found;
        }
        JsonNode before = change.oldInputs();
        JsonNode after = change.newInputs();
        boolean oldKnown = before.isObject();
        for (Flag flag : FLAGS.getOrDefault(change.type(), List.of())) {
            boolean now = value(after, flag.path()).asBoolean(flag.defaultValue());
            boolean was = oldKnown ? value(before, flag.path()).asBoolean(flag.defaultValue()) : !flag.weak();
            if (now == flag.weak() && was != flag.weak()) {
                found.add(flag.what());
            }
        }
        for (Amount amount : AMOUNTS.getOrDefault(change.type(), List.of())) {
            JsonNode next = value(after, amount.path());
            if (!next.isNumber()) {
                continue;
            }
            long now = next.asLong();
            JsonNode previous = value(before, amount.path());
            long was = previous.isNumber() ? previous.asLong() : amount.defaultValue();
            if (amount == BACKUPS && now == 0 && (was != 0 || !oldKnown)) {
                found.add("switches off automated backups (backupRetentionPeriod 0"
                        + (was > 0 ? ", was " + was : "") + ")");
            } else if (was >= 0 && (amount.lowerIsWeaker() ? now < was : now > was)) {
                found.add((amount.lowerIsWeaker() ? "shortens " : "lengthens ") + amount.what() + " from " + was + " to " + now + " days");
            }
        }
        return found;
    }

    private static JsonNode value(JsonNode inputs, String path) {
        JsonNode node = inputs;
        for (String part : path.split("\\.")) {
            node = node.path(part);
            if (node.isArray() && !node.isEmpty()) {
                // the provider writes single nested blocks as one-element lists in older state
                node = node.get(0);
            }
        }
        return node;
    }
}
