package io.quest.platform.state;

import java.util.List;
import java.util.Objects;

/**
 * Where the Pulumi CLI keeps a stack's state in a self-managed ("DIY") backend bucket, in the project-scoped
 * layout ({@code .pulumi/meta.yaml} version 1) that a new bucket gets. Read from pulumi/pulumi at commit
 * 1b5949891b3cefcb9974752b24a5ecef0acc86c8:
 * <ul>
 *   <li>{@code pkg/backend/diy/meta.go}: every command reads {@code .pulumi/meta.yaml}; the first login to an empty
 *       bucket writes it;</li>
 *   <li>{@code pkg/backend/diy/store.go} ({@code projectReferenceStore.StackBasePath}): the checkpoint is
 *       {@code .pulumi/stacks/<project>/<stack>.json}, {@code .json.gz} or {@code .json.zst};</li>
 *   <li>{@code pkg/backend/diy/state.go}: {@code stackPath} lists the bucket with the checkpoint's path as the prefix
 *       to find which of those exists; {@code saveCheckpoint} copies it to {@code <checkpoint>.bak} before writing
 *       (and to {@code <checkpoint>.<unixnano>} with {@code PULUMI_RETAIN_CHECKPOINTS}); {@code addToHistory} writes
 *       {@code .pulumi/history/<project>/<stack>/<stack>-<unixnano>.history.json} and {@code .checkpoint.json};
 *       {@code backupStack} writes {@code .pulumi/backups/<project>/<stack>/<stack>.<unixnano>.json};</li>
 *   <li>{@code pkg/backend/diy/lock.go}: {@code up} (not {@code preview}) lists
 *       {@code .pulumi/locks/organization/<project>/<stack>/}, writes its lock {@code <id>.json} there, and deletes it
 *       when done; a self-managed backend's organisation is always {@code organization}.</li>
 * </ul>
 * Stack and project names are letters, digits, {@code _ . -} only, so none of these keys holds an S3 wildcard.
 *
 * @param project the Pulumi project name ({@code quest-platform})
 */
public record StateObjects(String project) {

    /** The Pulumi state directory at the root of the bucket. */
    public static final String ROOT = ".pulumi";
    /** The organisation every stack of a self-managed backend belongs to. */
    public static final String ORGANIZATION = "organization";

    public StateObjects {
        Objects.requireNonNull(project, "project");
        requireName(project, "project");
    }

    /** The backend's layout version file, read by every command. */
    public String meta() {
        return ROOT + "/meta.yaml";
    }

    /**
     * The checkpoint's key without compression suffix; also the prefix under which the CLI lists to find it,
     * and the prefix of every checkpoint variant ({@code .gz}, {@code .zst}, {@code .bak}, retained copies).
     */
    public String checkpoint(String stack) {
        return ROOT + "/stacks/" + project + "/" + requireName(stack, "stack") + ".json";
    }

    /** The folder of the stack's update history (listed by {@code pulumi stack history}). */
    public String historyFolder(String stack) {
        return ROOT + "/history/" + project + "/" + requireName(stack, "stack") + "/";
    }

    /** The folder of the stack's checkpoint backups. */
    public String backupsFolder(String stack) {
        return ROOT + "/backups/" + project + "/" + requireName(stack, "stack") + "/";
    }

    /** The folder of the stack's update locks (listed before every update). */
    public String locksFolder(String stack) {
        return ROOT + "/locks/" + ORGANIZATION + "/" + project + "/" + requireName(stack, "stack") + "/";
    }

    /** Key patterns (S3 resource wildcards) of every object reading the stack's state touches: its checkpoints. */
    public List<String> readPatterns(String stack) {
        return List.of(checkpoint(stack) + "*");
    }

    /** Key patterns of every object an update of the stack reads, writes or deletes. */
    public List<String> updatePatterns(String stack) {
        return List.of(checkpoint(stack) + "*", historyFolder(stack) + "*", backupsFolder(stack) + "*", locksFolder(stack) + "*");
    }

    /** The {@code prefix} values an update of the stack lists the bucket with (the checkpoint, its locks, its history). */
    public List<String> updateListPrefixes(String stack) {
        return List.of(checkpoint(stack), locksFolder(stack), historyFolder(stack));
    }

    /**
     * Key patterns of every object an update, destroy or {@code pulumi stack rm} of any review stack
     * ({@value ReviewGrant#STACK_PREFIX}{@code <n>}) touches: the same four places as {@link #updatePatterns}, for every
     * stack whose name starts with the prefix.
     */
    public List<String> reviewUpdatePatterns() {
        return List.of(ROOT + "/stacks/" + project + "/" + ReviewGrant.STACK_PREFIX + "*",
                ROOT + "/history/" + project + "/" + ReviewGrant.STACK_PREFIX + "*",
                ROOT + "/backups/" + project + "/" + ReviewGrant.STACK_PREFIX + "*",
                ROOT + "/locks/" + ORGANIZATION + "/" + project + "/" + ReviewGrant.STACK_PREFIX + "*");
    }

    /** The {@code s3:prefix} patterns ({@code StringLike}) an update of a review stack lists the bucket with. */
    public List<String> reviewListPatterns() {
        return List.of(ROOT + "/stacks/" + project + "/" + ReviewGrant.STACK_PREFIX + "*",
                ROOT + "/locks/" + ORGANIZATION + "/" + project + "/" + ReviewGrant.STACK_PREFIX + "*",
                ROOT + "/history/" + project + "/" + ReviewGrant.STACK_PREFIX + "*");
    }

    private static String requireName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("a Pulumi " + what + " name is 1 to 100 letters, digits, '_', '.' or '-': " + name);
        }
        return name;
    }
}
