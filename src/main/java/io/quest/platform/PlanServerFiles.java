package io.quest.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the plan server of one jar, run by one JDK, keeps its files, and whether a command may use a plan server at
 * all (see {@link PlanServer}).
 *
 * <p>The files live in a directory only the user can enter ({@code $XDG_RUNTIME_DIR/quest-platform}, or
 * {@code <tmp>/quest-platform-<user>}); a directory that is not the user's own, not a real directory, or open to
 * others is not used, and the command plans in its own JVM. Each server's files carry a key made of the jar's path,
 * size and modification time, the JDK's home and version, and the environment: a rebuilt jar, another JDK or another
 * environment gets a server of its own, and a server whose jar changed stops.
 *
 * <p>Why the environment: a plan reads it, and not only where our code does. The AWS provider's generated argument
 * builders fall back to environment variables for arguments the program leaves unset ({@code ProviderArgs} reads
 * {@code AWS_REGION} and {@code AWS_DEFAULT_REGION} for {@code region}; com.pulumi:aws 6.83.0, through the SDK's
 * {@code Codegen.PropertyBuilder#env}), and the SDK reads {@code PULUMI_ERROR_OUTPUT_STRING}, {@code TRACEPARENT} and
 * more (com.pulumi:pulumi 1.36.1, {@code core.internal.Environment}, {@code OutputInternal}, {@code Instrumentation};
 * found with javap). A JVM cannot take on another process's environment, so a server serves exactly the environment it
 * was started with (the client's, as the first JVM starts it), but for {@link #IGNORED} variables, which a shell sets
 * afresh for every command and nothing in a plan reads, and the colour settings, which travel with each request.
 *
 * @param directory the user's directory of plan server files
 * @param key       this jar's and JDK's key
 * @param jar       the jar
 */
record PlanServerFiles(Path directory, String key, Path jar) {

    /** The environment variable that turns plan servers on or off; when unset they are on, except in CI. */
    static final String SWITCH = "QUEST_PLAN_SERVER";

    /**
     * Left out of the key: what a shell sets per command or per directory ({@code PWD}, {@code OLDPWD}, {@code _},
     * {@code SHLVL}, {@code COLUMNS}, {@code LINES}) and this switch itself. A plan resolves paths against the client's
     * working directory, sent with each request.
     */
    static final Set<String> IGNORED = Set.of("PWD", "OLDPWD", "_", "SHLVL", "COLUMNS", "LINES", SWITCH);

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    /** Held by the running server for its whole life; the operating system lets go of it when the process ends. */
    Path lock() {
        return directory.resolve("plan-" + key + ".lock");
    }

    /** The running server's port on the loopback interface and the token a client must present. */
    Path endpoint() {
        return directory.resolve("plan-" + key + ".port");
    }

    /** What the server prints: its start, its stop and why, and anything that went wrong. */
    Path log() {
        return directory.resolve("plan-" + key + ".log");
    }

    /**
     * Whether a command uses the plan server, read from {@code QUEST_PLAN_SERVER}: {@code on} or {@code off}; unset,
     * on except in CI (a {@code CI} variable set and not {@code false}, as GitHub Actions, GitLab CI and most others
     * set it), where each job starts on a fresh machine and a server would only outlive the job.
     *
     * @throws IllegalArgumentException for any other value, with a message naming the variable, the value and
     *                                  what is expected
     */
    static boolean enabled(Map<String, String> environment) {
        String value = environment.get(SWITCH);
        if (value == null || value.isEmpty()) {
            String ci = environment.get("CI");
            return ci == null || ci.isEmpty() || ci.equalsIgnoreCase("false");
        }
        if (value.equals("on")) {
            return true;
        }
        if (value.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException(SWITCH + ": \"" + value + "\" is not a plan server setting; expected on or off");
    }

    /**
     * The files of the plan server for this command, or empty when it plans in its own JVM: it is not {@code plan},
     * plan servers are off ({@link #enabled}), the system is Windows, or no directory only the user can enter is to be
     * had.
     *
     * @param arguments   the program's arguments
     * @param environment the process environment
     * @param jar         the jar this program runs from
     * @param javaHome    the running JDK's {@code java.home}
     * @param javaVersion the running JDK's {@code java.vm.version}
     * @param osName      {@code os.name}
     * @param tmpdir      {@code java.io.tmpdir}
     * @param user        {@code user.name}
     * @throws IllegalArgumentException when {@code QUEST_PLAN_SERVER} has a value other than on or off
     */
    static Optional<PlanServerFiles> forCommand(String[] arguments, Map<String, String> environment, Path jar,
                                                String javaHome, String javaVersion, String osName, String tmpdir,
                                                String user) {
        if (arguments.length == 0 || !arguments[0].equals("plan")) {
            return Optional.empty();
        }
        if (!enabled(environment) || osName.toLowerCase().startsWith("windows")) {
            return Optional.empty();
        }
        Path directory = directory(environment, tmpdir, user);
        if (!ownedAndPrivate(directory, user)) {
            return Optional.empty();
        }
        try {
            StringBuilder identity = new StringBuilder();
            identity.append(jar.toAbsolutePath()).append('\0').append(Files.size(jar)).append('\0')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\0').append(javaHome).append('\0')
                    .append(javaVersion);
            for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
                if (!IGNORED.contains(variable.getKey()) && !PlanServerProtocol.FORWARDED.contains(variable.getKey())) {
                    identity.append('\0').append(variable.getKey()).append('=').append(variable.getValue());
                }
            }
            return Optional.of(new PlanServerFiles(directory, key(identity.toString()), jar));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code $XDG_RUNTIME_DIR/quest-platform} when that is set to an absolute path, else {@code <tmp>/quest-platform-<user>}. */
    static Path directory(Map<String, String> environment, String tmpdir, String user) {
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty() && Path.of(runtime).isAbsolute()) {
            return Path.of(runtime, "quest-platform");
        }
        StringBuilder safe = new StringBuilder();
        for (char c : user.toCharArray()) {
            safe.append(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_');
        }
        return Path.of(tmpdir, "quest-platform-" + safe);
    }

    /**
     * Creates the directory, readable only by its owner, if it is missing; then whether it is a directory (not a link
     * to one), owned by {@code user}, that no one else may enter.
     */
    static boolean ownedAndPrivate(Path directory, String user) {
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // checked below, as a directory created now is
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isDirectory() && attributes.owner().getName().equals(user)
                    && attributes.permissions().equals(OWNER_ONLY);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Sixteen hex digits of the 64-bit FNV-1a hash of {@code identity}'s UTF-8 bytes. */
    static String key(String identity) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        String hex = Long.toHexString(hash);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
