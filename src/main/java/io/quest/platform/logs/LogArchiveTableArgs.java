package io.quest.platform.logs;

import com.pulumi.core.Output;
import io.quest.platform.tags.Tags;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link LogArchiveTable} is made of.
 *
 * @param accountId      the log archive (shared) account, which owns the bucket
 * @param bucketName     the log archive bucket the stream writes into
 * @param keyArn         the log archive key, which encrypts the workgroup's query results too
 * @param memberAccounts environment → account of every workload environment that ships its logs
 * @param tags           the platform-wide tag layer
 */
public record LogArchiveTableArgs(String accountId, Output<String> bucketName, Output<String> keyArn, Map<String, String> memberAccounts,
                                  Tags tags) {

    public LogArchiveTableArgs {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(tags, "tags");
        memberAccounts = Collections.unmodifiableMap(new TreeMap<>(memberAccounts));
        if (memberAccounts.isEmpty()) {
            throw new IllegalArgumentException("the log archive's table needs at least one member account");
        }
    }
}
