package io.quest.platform.stacks;

import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.StackRole;

/**
 * What a stack does with its stateful resources (KMS keys, log and artifact buckets) when a change would delete
 * them: decided here, once per stack, and handed to every component that owns such a resource, which applies it
 * as Pulumi's {@code protect} and {@code retainOnDelete} resource options (and AWS's own deletion protection
 * where a resource has one). No component decides this for itself.
 *
 * @param protect        the engine refuses to delete the resource (a preview that would delete it fails)
 * @param retainOnDelete a deletion removes the resource from the stack but leaves it in AWS
 */
record Lifecycle(boolean protect, boolean retainOnDelete) {

    /**
     * An environment's stateful resources: protected in production, so no update or destroy can take the keys that
     * decrypt its logs or the buckets holding its access logs and canary artifacts; elsewhere free to go with the
     * environment. Not retained: their data is the environment's own, and deleting them on purpose (unprotect,
     * then update) should delete them rather than leave keys and buckets nobody manages.
     */
    static Lifecycle environment(PlatformConfig config) {
        return new Lifecycle(config.production(), false);
    }

    /**
     * A stack's logs (the trail's CloudWatch Logs copy, VPC flow logs, the container and web ACL logs) and the keys that
     * decrypt them: protected
     * and kept in AWS on delete in production and in the shared (security) account, whose logs are evidence after
     * the stack that made them is gone; elsewhere free to go with the environment.
     */
    static Lifecycle auditLogs(PlatformConfig config) {
        boolean keep = config.production() || config.role() == StackRole.SHARED;
        return new Lifecycle(keep, keep);
    }

    /**
     * An environment's database and its key: in production protected and retained, so neither a mistaken change nor
     * a destroy can take the data (with AWS's deletion protection and a final snapshot on top); elsewhere free to go.
     */
    static Lifecycle database(PlatformConfig config) {
        return new Lifecycle(config.production(), config.production());
    }
}
