package io.quest.platform.logs;

import java.util.List;
import java.util.Objects;

/**
 * The log archive's optional search: an OpenSearch Serverless collection that the member accounts' shipped logs are
 * indexed into, beside the archive ({@link LogSearch}).
 *
 * @param readers the IAM roles (ARNs) that may search the collection; nobody else may read it
 */
public record LogSearchSpec(List<String> readers) {

    /** The collection's name, which its policies name too (3 to 32 lowercase letters, digits and '-'). */
    public static final String COLLECTION = "quest-logs";
    /** The index every log batch is written to. */
    public static final String INDEX = "quest-logs";

    public LogSearchSpec {
        readers = List.copyOf(Objects.requireNonNull(readers, "readers"));
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("log search needs at least one reader");
        }
    }
}
